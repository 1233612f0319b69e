import { describe, expect, it } from 'vitest';
import { normaliseFacts } from '../../src/facts/normalise.js';
import { parseFacts } from '../../src/facts/parseFacts.js';

const n = (facts: unknown, date?: string) => normaliseFacts(parseFacts(facts), date).values;

describe('normaliseFacts: absent is unknown, never false', () => {
  it('a closed array makes every unnamed concept false', () => {
    const v = n({ means: ['deception'] });
    expect(v['means.deception']).toBe(true);
    expect(v['means.force']).toBe(false);
  });
  it('an open object leaves unnamed concepts unknown', () => {
    const v = n({ means: { deception: false } });
    expect(v['means.deception']).toBe(false);
    expect(v['means.force']).toBeUndefined();
  });
  it('an absent set leaves every concept unknown', () => {
    const v = n({});
    expect(v['means.deception']).toBeUndefined();
    expect(v['acts.recruitment']).toBeUndefined();
    expect(v['victim.harm.physical']).toBeUndefined();
  });
});

describe('normaliseFacts: age and the unborn', () => {
  it('reads age from birthDate on the date', () => {
    expect(n({ victim: { birthDate: '2006-05-01' } }, '2024-04-30')['victim.age']).toEqual({ min: 17, max: 17 });
    expect(n({ victim: { birthDate: '2006-05-01' } }, '2024-05-01')['victim.age']).toEqual({ min: 18, max: 18 });
  });
  it('without a date, an age from birthDate is unknown and asks for conductDate', () => {
    const nf = normaliseFacts(parseFacts({ victim: { birthDate: '2006-05-01' } }), undefined);
    expect(nf.values['victim.age']).toBeUndefined();
    expect(nf.askFor['victim.age']).toEqual(['conductDate']);
  });
  it('keeps an age range as an interval', () => {
    expect(n({ victim: { age: { min: 15, max: 19 } } })['victim.age']).toEqual({ min: 15, max: 19 });
  });
  it('derives unborn from a birth date after the date, and born from a stated age', () => {
    expect(n({ victim: { birthDate: '2025-06-01' } }, '2025-01-01')['victim.unborn']).toBe(true);
    expect(n({ victim: { birthDate: '2020-06-01' } }, '2025-01-01')['victim.unborn']).toBe(false);
    expect(n({ victim: { age: 3 } })['victim.unborn']).toBe(false);
    expect(n({ victim: {} })['victim.unborn']).toBeUndefined();
  });
});

describe('normaliseFacts: movement', () => {
  it('crosses a border when two known places differ', () => {
    expect(n({ movement: { origin: 'ID', destination: 'MY' } })['movement.crossesBorder']).toBe(true);
  });
  it('is domestic only when origin, destination and transit are all known and one country', () => {
    expect(n({ movement: { origin: 'MY', destination: 'MY', transit: [] } })['movement.crossesBorder']).toBe(false);
    expect(n({ movement: { origin: 'MY', destination: 'MY' } })['movement.crossesBorder']).toBeUndefined();
  });
  it('takes the place of exploitation from the destination when not found separately', () => {
    expect(n({ movement: { destination: 'MY' } })['movement.exploitationPlace']).toBe('MY');
    expect(n({ movement: { destination: 'MY', exploitationCountry: 'SG' } })['movement.exploitationPlace']).toBe('SG');
    expect(n({})['movement.exploitationPlace']).toBeUndefined();
  });
});

// `age` and `unborn` are stated "at conductDate" (contract.md); asOf may read the facts on another
// date, where they say only what follows from them.
describe('normaliseFacts: a stated age or unborn read on another date (asOf)', () => {
  const at = (facts: unknown, date: string) => normaliseFacts(parseFacts(facts), date).values;
  it('k whole years later, a stated age is k or k + 1 more', () => {
    expect(at({ conductDate: '2020-06-01', victim: { age: 16 } }, '2023-06-01')['victim.age']).toEqual({ min: 19, max: 20 });
    expect(at({ conductDate: '2020-06-01', victim: { age: 16 } }, '2020-12-01')['victim.age']).toEqual({ min: 16, max: 17 });
  });
  it('k whole years earlier, k or k + 1 less, never below 0', () => {
    expect(at({ conductDate: '2022-02-21', victim: { age: { min: 15, max: 23 } } }, '2015-01-01')['victim.age']).toEqual({ min: 7, max: 16 });
    expect(at({ conductDate: '2020-01-01', victim: { age: 3 } }, '2017-06-01')['victim.age']).toEqual({ min: 0, max: 1 });
  });
  it('before a stated age could have begun, the person is unborn and has no age', () => {
    const v = at({ conductDate: '2020-01-01', victim: { age: 10 } }, '2005-01-01');
    expect(v['victim.unborn']).toBe(true);
    expect(v['victim.age']).toBeUndefined();
    // Within a year of the earliest possible birth it is not known.
    expect(at({ conductDate: '2020-01-01', victim: { age: 10 } }, '2009-06-01')['victim.unborn']).toBeUndefined();
    // Less than the stated age before the conduct: born for sure.
    expect(at({ conductDate: '2020-01-01', victim: { age: 10 } }, '2012-01-01')['victim.unborn']).toBe(false);
  });
  it('both sides of each whole-year boundary (10 at the conduct on 2020-01-01)', () => {
    const unborn = (d: string) => at({ conductDate: '2020-01-01', victim: { age: 10 } }, d)['victim.unborn'];
    // 11 whole years earlier or more: born at least 10 years before the conduct cannot be yet.
    expect(unborn('2009-01-01')).toBe(true);
    expect(unborn('2009-01-02')).toBeUndefined();
    // Less than 10 whole years earlier: already born.
    expect(unborn('2010-01-01')).toBeUndefined();
    expect(unborn('2010-01-02')).toBe(false);
  });
  it('the 18th birthday on both sides: 17 at the conduct is an adult a whole year later, possibly still a child the day before', () => {
    const age = (d: string) => at({ conductDate: '2020-03-01', victim: { age: 17 } }, d)['victim.age'];
    expect(age('2021-02-28')).toEqual({ min: 17, max: 18 }); // undecided: the birth date settles it
    expect(age('2021-03-01')).toEqual({ min: 18, max: 19 }); // 18 at least: not a child
  });
  it('unborn at the conduct was unborn before it; born by then stays born after it; the rest is unknown', () => {
    expect(at({ conductDate: '2020-01-01', victim: { unborn: true } }, '2019-01-01')['victim.unborn']).toBe(true);
    expect(at({ conductDate: '2020-01-01', victim: { unborn: true } }, '2021-01-01')['victim.unborn']).toBeUndefined();
    expect(at({ conductDate: '2020-01-01', victim: { unborn: false } }, '2021-01-01')['victim.unborn']).toBe(false);
    expect(at({ conductDate: '2020-01-01', victim: { unborn: false } }, '2019-01-01')['victim.unborn']).toBeUndefined();
  });
  it('a birth date decides on any date', () => {
    expect(at({ conductDate: '2017-03-08', victim: { birthDate: '2015-03-07', unborn: false } }, '2005-01-01')['victim.unborn']).toBe(true);
  });
});
