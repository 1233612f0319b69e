import fc from 'fast-check';
import { ACTS, CONSEQUENCES, EXPLOITATION, HARM, MEANS } from '../../src/facts/concepts.js';

/** A concept set: absent (unknown), closed array, or open object with some concepts given. */
export function conceptSet<T extends string>(ids: readonly T[]) {
  return fc.oneof(
    fc.constant(undefined),
    fc.subarray([...ids], { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...ids), fc.boolean(), { maxKeys: 4 }),
  );
}

const country = fc.constantFrom('ID', 'MY', 'SG', 'TH', 'KH');
/** Dates chosen around every version boundary of every regime, plus ordinary ones. */
export const boundaryDates = [
  '2003-12-24', '2003-12-25', '2007-04-18', '2007-04-19', '2008-02-27', '2008-02-28', '2010-11-14', '2010-11-15',
  '2017-03-07', '2017-03-08', '2022-02-21', '2022-02-22', '2026-01-01', '2026-01-02', '2012-06-30', '2019-09-09', '2024-05-01',
];
const date = fc.constantFrom(...boundaryDates);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Random, valid CaseFacts (absent keys omitted), with ages and birth dates around 18. */
export const caseFactsArb = fc
  .record(
    {
      conductDate: date,
      victim: fc.record(
        {
          birthDate: fc.constantFrom('1980-05-05', '2000-01-01', '2005-03-01', '2006-05-01', '2008-02-29', '2010-07-07', '2020-01-01'),
          age: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 10, max: 25 }).chain((min) => fc.record({ min: fc.constant(min), max: fc.integer({ min, max: 30 }) }))),
          unborn: fc.boolean(),
          selfProtectionImpaired: fc.boolean(),
          nationality: country,
          consented: fc.boolean(),
          harm: conceptSet(HARM),
        },
        { requiredKeys: [] },
      ),
      acts: conceptSet(ACTS),
      means: conceptSet(MEANS),
      purposes: conceptSet(EXPLOITATION),
      exploitationOccurred: conceptSet(EXPLOITATION),
      movement: fc.record(
        { origin: country, destination: country, transit: fc.array(country, { maxLength: 2 }), exploitationCountry: country, completed: fc.boolean(), interRegional: fc.boolean() },
        { requiredKeys: [] },
      ),
      offender: fc.record({ organisedCriminalGroup: fc.boolean(), publicOfficial: fc.boolean(), crossBorderLinks: fc.boolean() }, { requiredKeys: [] }),
      consequences: conceptSet(CONSEQUENCES),
    },
    { requiredKeys: [] },
  )
  .map((f) => {
    // Drop undefined concept sets and keep only consistent victims (the schema rejects contradictions).
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(f)) if (v !== undefined) out[k] = v;
    const v = out.victim as Record<string, unknown> | undefined;
    if (v) {
      for (const [k, x] of Object.entries(v)) if (x === undefined) delete v[k];
      if (v.unborn === true) {
        delete v.age;
        delete v.birthDate;
      }
      if (v.birthDate && v.age !== undefined) delete v.age;
      if (v.birthDate && v.unborn === false && out.conductDate && (v.birthDate as string) > (out.conductDate as string)) delete v.unborn;
      if (v.birthDate && out.conductDate && (v.birthDate as string) > (out.conductDate as string)) delete v.unborn;
    }
    return out;
  });

export { opt };
