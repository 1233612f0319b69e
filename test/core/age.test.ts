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
