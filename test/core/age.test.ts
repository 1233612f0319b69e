import { differenceInYears } from 'date-fns/differenceInYears';
import { parseISO } from 'date-fns/parseISO';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOnDate } from '../../src/facts/age.js';

describe('ageOnDate', () => {
  it('turns 18 on the 18th birthday, not the day before', () => {
    expect(ageOnDate('2006-05-01', '2024-04-30')).toBe(17);
    expect(ageOnDate('2006-05-01', '2024-05-01')).toBe(18);
  });
  it('a 29 February birthday counts from 1 March in a common year (docs/law.md)', () => {
    expect(ageOnDate('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOnDate('2008-02-29', '2026-03-01')).toBe(18);
    // In a leap year the anniversary exists and is the birthday itself.
    expect(ageOnDate('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOnDate('2008-02-29', '2028-02-29')).toBe(20);
  });
  it('is zero on the day of birth', () => {
    expect(ageOnDate('2020-01-01', '2020-01-01')).toBe(0);
  });
});

// date-fns is the reference for calendar arithmetic (the brief's stack): the string arithmetic above
// must give exactly its differenceInYears on any pair of real dates, birth first.
describe('ageOnDate agrees with date-fns differenceInYears', () => {
  const day = fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  it('on 20,000 random pairs of dates', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        expect(ageOnDate(birth, on)).toBe(differenceInYears(parseISO(on), parseISO(birth)));
      }),
      { numRuns: 20_000 },
    );
  });
  it('on every day around 29 February and 1 March across leap and common years', () => {
    const births = ['2000-02-28', '2000-02-29', '2000-03-01', '2003-02-28', '2003-03-01', '1999-12-31', '2000-01-01'];
    for (const birth of births) {
      for (let y = 2000; y <= 2030; y++) {
        for (const md of ['02-27', '02-28', '02-29', '03-01', '12-31', '01-01']) {
          const on = `${y}-${md}`;
          if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) continue;
          if (on < birth) continue;
          expect(ageOnDate(birth, on), `${birth} on ${on}`).toBe(differenceInYears(parseISO(on), parseISO(birth)));
        }
      }
    }
  });
});
