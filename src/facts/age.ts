/**
 * Whole years of age on `date` of a person born on `birthDate` (both valid `YYYY-MM-DD` dates).
 *
 * A person reaches an age at the start of the anniversary of their birth: someone born on
 * 2006-05-01 is 18 on 2024-05-01 and 17 on 2024-04-30. Neither UU 21/2007, Act 670, ACTIP nor the
 * Palermo Protocol says how to count.
 *
 * **29 February rule:** a person born on 29 February reaches a new age on **1 March** in a year that
 * has no 29 February (the anniversary has not yet come on 28 February). This is the reading date-fns
 * applies (`differenceInYears`) and the one that never makes a person an adult early; it is
 * documented in docs/law.md.
 *
 * Computed on the calendar fields of the two ISO strings (the schema has already checked that both
 * dates exist): whole years between the years, less one if the month and day of the birth have not
 * yet come. Screening computes an age for every record, and this is some twenty times cheaper than
 * parsing both dates into Date objects. test/core/age.test.ts holds it to date-fns's
 * `differenceInYears` on random dates, 29 February included.
 */
export function ageOnDate(birthDate: string, date: string): number {
  const years = field(date, 0, 4) - field(birthDate, 0, 4);
  const month = field(date, 5, 2) - field(birthDate, 5, 2);
  const notYet = month < 0 || (month === 0 && field(date, 8, 2) < field(birthDate, 8, 2));
  return notYet ? years - 1 : years;
}

/** The decimal number in `s` from `start`, `length` digits long (no allocation). */
function field(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}
