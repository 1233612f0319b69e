import { z } from 'zod';
import { actSchema, consequenceSchema, exploitationSchema, harmSchema, meansSchema } from './concepts.js';
import { COUNTRY_CODES } from './countries.js';

/**
 * The zod schema of `CaseFacts` (contract.md, "Facts in"). One source of truth: the TypeScript type,
 * the JSON Schema and the validation all come from here. No transforms, so that zod's own JSON Schema
 * export describes exactly what is accepted.
 *
 * Absent field = unknown. Nothing here fills a default: the evaluation treats a missing value as
 * unknown, never as false.
 */

/** Longest string accepted anywhere in the input (ids); see SECURITY.md. */
export const MAX_STRING_LENGTH = 200;
/** Longest case id accepted (the same bound as every string; SECURITY.md, "Output"). */
export const MAX_ID_LENGTH = MAX_STRING_LENGTH;
/**
 * What a case id may hold: any characters but control characters (C0 U+0000-U+001F, which include
 * tab, line feed, CR and ESC; DEL; C1 U+0080-U+009F), bidirectional formatting characters (U+061C,
 * U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and line/paragraph separators (U+2028, U+2029).
 * An id is echoed into every report and terminal; these characters would let a record rewrite
 * what a reader sees. Letters of every script, digits, punctuation and spaces are accepted.
 */
export const CASE_ID_PATTERN = /^[^\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
/** Most transit countries accepted. */
export const MAX_TRANSIT = 30;

export const isoDateSchema = z.iso
  .date({ error: 'expected a calendar date in the form YYYY-MM-DD (no time, no time zone), e.g. 2024-05-01' })
  .refine((s) => s >= '1850-01-01' && s <= '2200-12-31', {
    message: 'expected a date between 1850-01-01 and 2200-12-31',
  })
  .describe('A calendar date, YYYY-MM-DD.');

export const countrySchema = z
  .string({ error: 'expected an ISO 3166-1 alpha-2 country code in upper case, e.g. "ID", "MY"' })
  .regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code in upper case, e.g. "ID", "MY"' })
  .refine((s) => COUNTRY_CODES.has(s), { message: 'not an assigned ISO 3166-1 alpha-2 country code' })
  .describe('ISO 3166-1 alpha-2 country code, upper case.');

/** No id twice (a pairwise check: the lists are short, and it allocates nothing, unlike a Set). */
function noRepeats(a: readonly string[]): boolean {
  for (let i = 1; i < a.length; i++) if (a.lastIndexOf(a[i] as string, i - 1) !== -1) return false;
  return true;
}

/**
 * A set of concepts. An array is CLOSED: exactly these hold, every other concept is false.
 * An object is OPEN: true / false per concept; a concept not named is unknown.
 */
export function conceptSetSchema<T extends z.ZodEnum>(concepts: T, what: string) {
  const ids = concepts.options as string[];
  const open = z.strictObject(
    Object.fromEntries(ids.map((id) => [id, z.boolean({ error: `expected true or false for ${what} "${id}"` }).optional()])) as Record<
      string,
      z.ZodOptional<z.ZodBoolean>
    >,
  );
  const closed = z
    .array(concepts, { error: `expected an array of ${what} ids` })
    .max(ids.length, { message: `at most ${ids.length} ${what} ids` })
    .refine((a) => noRepeats(a as readonly string[]), { message: `${what} ids must not repeat` });
  return z
    .union([closed, open])
    .describe(
      `${what}: an array is closed (exactly these hold, all others are false); an object is open (true/false per id, others unknown). Ids: ${ids.join(', ')}.`,
    );
}

/** true / false; absence, not null, is how an unknown is said. */
const yesNo = () => z.boolean({ error: 'expected true or false (leave the field out when it is unknown)' });

/** The message for a field that should be an object but is not (other issues keep zod's wording). */
const objectOf = (what: string) => (issue: { code: string }) =>
  issue.code === 'invalid_type' ? `expected an object of ${what} (leave the field out when nothing is known)` : undefined;

const wholeYears = z
  .number({ error: 'expected a whole number of years' })
  .int({ message: 'expected a whole number of years' })
  .min(0, { message: 'age cannot be negative' })
  .max(130, { message: 'age above 130 is not plausible' });

export const ageSchema = z
  .union([
    wholeYears,
    z
      .strictObject({ min: wholeYears, max: wholeYears })
      .refine((r) => r.min <= r.max, { message: 'min must not be above max', path: ['min'] }),
  ])
  .describe('Whole years at conductDate, or a range {min, max} when only an estimate is known.');

export const victimSchema = z.strictObject({
  birthDate: isoDateSchema.optional(),
  age: ageSchema.optional(),
  unborn: yesNo().optional().describe('Not yet born at conductDate.'),
  selfProtectionImpaired: yesNo()
    .optional()
    .describe('Unable to fully take care of or protect themself because of a physical or mental disability or condition.'),
  nationality: countrySchema.optional(),
  consented: yesNo().optional().describe('The victim agreed (to the movement, work or exploitation).'),
  harm: conceptSetSchema(harmSchema, 'harm').optional(),
}, { error: objectOf('victim facts, e.g. {"birthDate": "2007-01-15", "nationality": "ID"}') });

export const movementSchema = z.strictObject({
  origin: countrySchema.optional().describe('Where the person was recruited / taken from.'),
  transit: z.array(countrySchema, { error: 'expected an array of country codes, e.g. ["MY", "SG"] ([] for none)' }).max(MAX_TRANSIT, { message: `at most ${MAX_TRANSIT} transit countries` }).optional(),
  destination: countrySchema.optional().describe('Where the person was taken (or was being taken) to.'),
  exploitationCountry: countrySchema.optional().describe('Where the exploitation was intended or took place.'),
  begun: yesNo()
    .optional()
    .describe(
      'The journey had begun: the person had set off from where they were recruited. false: recruited only, not yet on the way. Implied by completed (true or false) and by an act of moving the person (transportation, transfer, sending), so it need only be given when neither is known.',
    ),
  completed: yesNo().optional().describe('false: stopped before arriving (an attempt).'),
  interRegional: yesNo()
    .optional()
    .describe('Moved between regions (provinces, regencies) inside one country (UU 21/2007 Pasal 6 and its Penjelasan).'),
  unlawfulCrossing: yesNo()
    .optional()
    .describe(
      'The person entered, passed through or left a country without the right to do so lawfully (no papers, false papers, or avoiding immigration control): the crossing that migrant smuggling arranges (Act 670 s.2; KUHP Pasal 457).',
    ),
}, { error: objectOf('movement facts, e.g. {"origin": "ID", "destination": "MY", "transit": []}') });

export const offenderSchema = z.strictObject({
  organisedCriminalGroup: yesNo().optional().describe('Acted as or within an organised criminal group.'),
  publicOfficial: yesNo().optional().describe('A public official / penyelenggara negara abusing office.'),
  crossBorderLinks: yesNo()
    .optional()
    .describe(
      'Extension: the offence, though committed in one State, was substantially prepared, planned, directed or controlled in another, involves a group active in more than one State, or has substantial effects in another State (UNTOC Art 3(2)(b)-(d)).',
    ),
  forGain: yesNo()
    .optional()
    .describe('Acted to obtain a benefit, directly or indirectly, for themself or another (a fee, a price): KUHP Pasal 457 "bertujuan mencari keuntungan".'),
  placedMigrantWorker: yesNo()
    .optional()
    .describe('Arranged the placement of the person as a migrant worker in a job abroad (UU 18/2017 "penempatan").'),
  placementRequirementsMet: yesNo()
    .optional()
    .describe('The placement met the legal requirements for placing a migrant worker (age, competence, health, social security, complete documents): UU 18/2017 Pasal 5, 68 and 83.'),
  individualPlacer: yesNo()
    .optional()
    .describe('Placed the migrant worker as an individual (orang perseorangan), not as a company or the state: UU 18/2017 Pasal 69 and 81.'),
}, { error: objectOf('offender facts, e.g. {"organisedCriminalGroup": true}') });

/**
 * The zod schema of {@link CaseFacts} (strict: unknown keys are rejected). {@link parseFacts} adds cross-field checks.
 *
 * @example
 * ```ts
 * caseFactsSchema.safeParse({ victim: { age: 16 } }).success; // true
 * ```
 */
export const caseFactsSchema = z
  .strictObject({
    id: z
      .string({ error: `expected the case id as a string of at most ${MAX_ID_LENGTH} characters` })
      .max(MAX_ID_LENGTH, { message: `at most ${MAX_ID_LENGTH} characters` })
      .regex(CASE_ID_PATTERN, {
        message: 'no control characters (tab, line break, CR, ESC and the rest of U+0000-U+001F, U+007F-U+009F) and no bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, U+2028, U+2029) in a case id',
      })
      .optional()
      .describe(`The case's own reference, echoed back in every answer and report: at most ${MAX_ID_LENGTH} characters, no control or bidirectional formatting characters.`),
    conductDate: isoDateSchema.optional().describe('When the conduct took place (its start).'),
    conductEndDate: isoDateSchema.optional().describe('When continuing conduct ended.'),
    victim: victimSchema.optional(),
    acts: conceptSetSchema(actSchema, 'act').optional(),
    means: conceptSetSchema(meansSchema, 'means').optional(),
    purposes: conceptSetSchema(exploitationSchema, 'exploitation').optional().describe('Exploitation intended.'),
    exploitationOccurred: conceptSetSchema(exploitationSchema, 'exploitation')
      .optional()
      .describe('Exploitation that actually took place.'),
    movement: movementSchema.optional(),
    offender: offenderSchema.optional(),
    consequences: conceptSetSchema(consequenceSchema, 'consequence').optional(),
  })
  .describe('A case fact pattern. Every field is optional: an absent field is unknown, never false.');

/**
 * A case fact pattern (contract.md). Absent field = unknown.
 *
 * @example
 * ```ts
 * const facts: CaseFacts = {
 *   conductDate: '2023-03-01',
 *   victim: { birthDate: '2007-01-15', nationality: 'ID' },
 *   acts: ['recruitment'], means: [], purposes: ['sexual-exploitation'],
 *   movement: { origin: 'ID', destination: 'MY' },
 * };
 * ```
 */
export type CaseFacts = z.infer<typeof caseFactsSchema>;
/**
 * A set of concepts. An array is CLOSED (exactly these hold, every other is false); an object is OPEN (true / false per concept, the rest unknown).
 *
 * @example
 * ```ts
 * const closed: ConceptSet<Means> = [];                  // no means at all
 * const open: ConceptSet<Means> = { deception: true };   // deception; other means unknown
 * ```
 */
export type ConceptSet<T extends string> = T[] | Partial<Record<T, boolean>>;
