import { differenceInYears } from 'date-fns/differenceInYears';
import { parseISO } from 'date-fns/parseISO';

/**
 * Whole years of age on `date` of a person born on `birthDate` (both `YYYY-MM-DD`).
 *
 * A person reaches an age at the start of the anniversary of their birth: someone born on
 * 2006-05-01 is 18 on 2024-05-01 and 17 on 2024-04-30. Neither UU 21/2007, Act 670, ACTIP nor the
 * Palermo Protocol says how to count.
 *
 * **29 February rule:** a person born on 29 February reaches a new age on **1 March** in a year that
 * has no 29 February (the anniversary has not yet come on 28 February). This is the reading date-fns
 * applies and the one that never makes a person an adult early; it is documented in docs/law.md.
 */
export function ageOnDate(birthDate: string, date: string): number {
  return differenceInYears(parseISO(date), parseISO(birthDate));
}
