import { z } from 'zod';
import { ACTS, EXPLOITATION, MEANS } from '../facts/concepts.js';

/**
 * The shape of the law as data: `rules/<regime>/regime.json` and one file per version. Every rule
 * file is validated against these schemas when the bundle is built and when it is loaded; a
 * malformed file fails the build and the tests, never a user's call.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const nonEmpty = z.string().min(1);

export const LANGUAGES = ['en', 'id', 'ms'] as const;
export const languageSchema = z.enum(LANGUAGES);
/**
 * An interface language: English, Bahasa Indonesia, Bahasa Malaysia.
 *
 * @example
 * ```ts
 * const lang: Language = 'ms';
 * ```
 */
export type Language = z.infer<typeof languageSchema>;

/** A text in the three interface languages. */
export const labelSchema = z.strictObject({ en: nonEmpty, id: nonEmpty, ms: nonEmpty });
export type Label = z.infer<typeof labelSchema>;

/** Confidence mark carried from the research notes (../shared/law). */
export const confidenceSchema = z.enum(['verified', 'single-source', 'unverified']);
export type Confidence = z.infer<typeof confidenceSchema>;

export const citationSchema = z.strictObject({
  instrument: nonEmpty,
  provision: nonEmpty,
  text: z
    .strictObject({
      original: nonEmpty,
      language: z.enum(['id', 'ms', 'en']),
      english: nonEmpty.optional(),
    })
    .optional(),
  confidence: confidenceSchema,
  /** The mark as the research notes give it (VERIFIED-2, V1, RECONSTRUCTED, ...). */
  noteMark: nonEmpty.optional(),
  /** Source keys from the notes (S1, P-SBMI, ...) or verification done for this library. */
  sources: z.array(nonEmpty).optional(),
  note: nonEmpty.optional(),
});
export type Citation = z.infer<typeof citationSchema>;

export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
export const operatorSchema = z.enum(OPERATORS);
export type Operator = z.infer<typeof operatorSchema>;

/** Which concept mapping a `{ "concepts": ... }` condition reads, by CaseFacts field. */
export const CONCEPT_FIELDS = ['acts', 'means', 'purposes', 'exploitationOccurred', 'victim.harm', 'consequences'] as const;

/**
 * A condition as written in a rule file: json-rules-engine's `all` / `any` / `not` / fact leaves,
 * plus two macros that are expanded at load into plain json-rules-engine conditions:
 * - `{ "concepts": "means" }`: any shared concept this version maps onto the statute's term;
 * - `{ "interpretation": id, "readings": { reading: condition } }`: the chosen reading's condition.
 */
export type RawCondition =
  | { all: RawCondition[]; name?: string }
  | { any: RawCondition[]; name?: string }
  | { not: RawCondition; name?: string }
  | { fact: string; operator: Operator; value: unknown; name?: string }
  | { concepts: (typeof CONCEPT_FIELDS)[number]; name?: string }
  | { interpretation: string; readings: Record<string, RawCondition>; name?: string };

export const rawConditionSchema: z.ZodType<RawCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(rawConditionSchema).min(1), name: z.string().optional() }),
    z.strictObject({ any: z.array(rawConditionSchema).min(1), name: z.string().optional() }),
    z.strictObject({ not: rawConditionSchema, name: z.string().optional() }),
    z.strictObject({
      fact: z.string().regex(/^\$?[A-Za-z][A-Za-z0-9.-]*$/, 'fact names are plain dotted names (never a JSONPath)'),
      operator: operatorSchema,
      value: z.union([z.boolean(), z.string(), z.number(), z.array(z.union([z.string(), z.boolean()]))]),
      name: z.string().optional(),
    }),
    z.strictObject({ concepts: z.enum(CONCEPT_FIELDS), name: z.string().optional() }),
    z.strictObject({ interpretation: nonEmpty, readings: z.record(z.string(), rawConditionSchema), name: z.string().optional() }),
  ]),
);

export const RELATIONS = ['exact', 'close', 'broader', 'narrower', 'contested', 'none'] as const;
export const relationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof relationSchema>;

/** How one shared concept maps onto this version's statutory term. */
export const mappingSchema = z
  .strictObject({
    relation: relationSchema,
    /** The statute's own term, in its original language. */
    term: nonEmpty.optional(),
    english: nonEmpty.optional(),
    citation: nonEmpty.optional(),
    note: nonEmpty.optional(),
    /** For `contested`: the interpretation that decides, and the readings under which the concept counts. */
    interpretation: nonEmpty.optional(),
    countsUnder: z.array(nonEmpty).optional(),
    /**
     * false: the term belongs to a separate offence (e.g. adoption, UU 21/2007 Pasal 5) or limb, not
     * to the general list that a `{ "concepts": ... }` condition reads. Default true.
     */
    generalList: z.boolean().optional(),
  })
  .refine((m) => m.relation !== 'contested' || (m.interpretation && m.countsUnder), {
    message: 'a contested mapping names its interpretation and the readings under which it counts',
  })
  .refine((m) => m.relation === 'none' || m.citation, { message: 'a mapped concept cites its provision' });
export type Mapping = z.infer<typeof mappingSchema>;

function completeMapping<T extends readonly string[]>(ids: T) {
  return z.strictObject(Object.fromEntries(ids.map((id) => [id, mappingSchema])) as Record<T[number], typeof mappingSchema>);
}

export const conceptMappingSchema = z.strictObject({
  act: completeMapping(ACTS),
  means: completeMapping(MEANS),
  exploitation: completeMapping(EXPLOITATION),
});
export type ConceptMapping = z.infer<typeof conceptMappingSchema>;

export const elementSchema = z.strictObject({
  /** Element id shared across regimes: act, means, purpose, child, harm, territory, ... */
  element: z.string().regex(/^[a-z][a-z0-9-]*$/),
  citation: nonEmpty,
  condition: rawConditionSchema,
  /** When this holds, the element is `not-required` (e.g. the child rule for means). */
  notRequiredWhen: rawConditionSchema.optional(),
  notRequiredCitation: nonEmpty.optional(),
  /** Set by a proposal (src/law/proposal.ts): the citation of the proposed wording that changed this element. */
  amendedBy: nonEmpty.optional(),
  /** Plain-English description of what the element asks. */
  label: labelSchema,
  note: nonEmpty.optional(),
});
export type Element = z.infer<typeof elementSchema>;

const amount = z.union([z.number().nonnegative(), z.literal('life')]);
export const penaltySchema = z.strictObject({
  imprisonmentYears: z.strictObject({ min: z.number().nonnegative().optional(), max: amount.optional() }).optional(),
  fine: z
    .strictObject({
      min: z.number().nonnegative().optional(),
      max: z.number().nonnegative().optional(),
      currency: z.enum(['IDR', 'MYR']),
      /** e.g. "liable to fine" with no amount stated. */
      unspecified: z.boolean().optional(),
    })
    .optional(),
  whipping: z.boolean().optional(),
  cumulative: z.boolean().optional(),
  citation: nonEmpty,
  note: nonEmpty.optional(),
});
export type Penalty = z.infer<typeof penaltySchema>;

/** How a qualifying offence is charged in one form: the provision as written in a charge, and its citations. */
const formReadingSchema = z.strictObject({
  /** e.g. "Pasal 4", "Pasal 4 jo. Pasal 10". */
  provision: nonEmpty,
  citations: z.array(nonEmpty).min(1),
});

/**
 * An offence whose attempt a provision punishes as the completed offence (UU 21/2007 Pasal 10):
 * when it qualifies, whether the conduct was completed or an attempt names the provision charged.
 * attemptWhen true (the case says the journey was stopped): attempt; else completedWhen true:
 * completed; else not yet known which.
 */
export const offenceFormSchema = z.strictObject({
  attemptWhen: rawConditionSchema,
  completedWhen: rawConditionSchema,
  completed: formReadingSchema,
  attempt: formReadingSchema,
  note: nonEmpty.optional(),
});
export type OffenceForm = z.infer<typeof offenceFormSchema>;

export const offenceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.()-]*$/),
  title: labelSchema,
  citation: nonEmpty,
  /** Counts towards the regime's `trafficking` verdict. */
  trafficking: z.boolean(),
  elements: z.array(elementSchema).min(1),
  /** Completed or attempted (e.g. "Pasal 4" or "Pasal 4 jo. Pasal 10"), when the law punishes both. */
  form: offenceFormSchema.optional(),
  penalty: penaltySchema.optional(),
  note: nonEmpty.optional(),
});
export type Offence = z.infer<typeof offenceSchema>;

/**
 * A neighbouring offence: not trafficking, but the offence that catches a case when the
 * trafficking definition does not (the sale of a child, migrant smuggling, unlicensed placement of
 * migrant workers, ...). It sits in the version of the regime whose jurisdiction it belongs to, is
 * evaluated with the same three-valued logic, and never counts towards `trafficking`, `victim` or
 * `child`. It carries its own dates, because it comes from another statute with its own history
 * (UU 35/2014 from 17 October 2014 inside the UU 21/2007 version of 2007-2026, ...).
 */
export const otherOffenceSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.()-]*$/),
    /** Always "neighbouring": the mark that this is not a trafficking offence. */
    kind: z.literal('neighbouring'),
    /** The statute it comes from, as cited (e.g. "UU 35/2014"). */
    instrument: nonEmpty,
    title: labelSchema,
    citation: nonEmpty,
    /** First day the provision was in force (inclusive). */
    validFrom: isoDate,
    /** Last day in force (inclusive); absent while in force. */
    validTo: isoDate.optional(),
    elements: z.array(elementSchema).min(1),
    penalty: penaltySchema,
    note: nonEmpty.optional(),
  })
  .refine((o) => !o.validTo || o.validTo >= o.validFrom, { message: 'validTo is before validFrom' });
export type OtherOffence = z.infer<typeof otherOffenceSchema>;

export const definitionSchema = z.strictObject({
  citation: nonEmpty,
  elements: z.array(elementSchema).min(1),
  note: nonEmpty.optional(),
});
export type Definition = z.infer<typeof definitionSchema>;

export const readingSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** A few words naming the reading in en / id / ms, for reports (the label is the full English statement). */
  short: labelSchema.optional(),
  label: nonEmpty,
  sources: z.array(nonEmpty).min(1),
});

export const interpretationSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** The contested point in a few words, in en / id / ms, for reports (the question is the full English statement). */
    title: labelSchema.optional(),
    question: nonEmpty,
    default: nonEmpty,
    readings: z.array(readingSchema).min(2),
    note: nonEmpty.optional(),
  })
  .refine((i) => i.readings.some((r) => r.id === i.default), { message: 'the default must be one of the readings' });
export type Interpretation = z.infer<typeof interpretationSchema>;

/** Static, case-free facts about a version for the divergence catalogue. */
export const profileSchema = z.strictObject({
  /** One line: how the general definition is built (act + means + purpose, ...), in en / id / ms (a summary, not statute text). */
  definition: labelSchema,
  childAge: z.number().int(),
  childIncludesUnborn: z.boolean(),
  childIncludesDisability: z.boolean(),
  childMeansRule: z.enum(['means-not-required', 'means-required', 'means-not-an-element']),
  /** One line: what the victim's consent does under this version, in en / id / ms. */
  consentRule: labelSchema,
  victimRequiresHarm: z.boolean(),
  transnationalityRequired: z.boolean(),
  actualExploitationRequired: z.enum(['no', 'yes', 'some-offences', 'contested']),
  exploitationListOpen: z.boolean(),
  citations: z.record(z.string(), nonEmpty),
});
export type Profile = z.infer<typeof profileSchema>;

export const versionSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]+@\d{4}-\d{2}-\d{2}$/),
  label: labelSchema,
  validFrom: isoDate,
  /** Last day in force (inclusive); absent while still in force. */
  validTo: isoDate.optional(),
  /** What this version changed, one line each (English). */
  changes: z.array(nonEmpty).optional(),
  citations: z.record(z.string(), citationSchema),
  concepts: conceptMappingSchema,
  definitions: z.strictObject({ child: definitionSchema, victim: definitionSchema, scope: definitionSchema.optional() }),
  offences: z.array(offenceSchema).min(1),
  /** Neighbouring offences (not trafficking) of the same jurisdiction, each with its own dates. */
  otherOffences: z.array(otherOffenceSchema).optional(),
  /** The offence that carries the regime's general definition (lead element list). */
  primaryOffence: nonEmpty,
  interpretations: z.array(interpretationSchema).optional(),
  profile: profileSchema,
  /**
   * Names, in en / id / ms, of element ids this version uses that the shared vocabulary
   * (rules/concepts.json, `element`) does not name: a new regime or amendment brings its own words.
   */
  elementLabels: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), labelSchema).optional(),
});
export type Version = z.infer<typeof versionSchema>;

export const regimeFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.enum(['uu-21-2007', 'act-670', 'actip', 'palermo']).or(z.string().regex(/^[a-z0-9-]+$/)),
  name: labelSchema,
  shortName: nonEmpty,
  jurisdiction: nonEmpty,
  kind: z.enum(['national', 'treaty']),
  versions: z.array(isoDate).min(1),
  interpretations: z.array(interpretationSchema).optional(),
  sources: z.array(z.strictObject({ id: nonEmpty, title: nonEmpty, where: nonEmpty.optional() })),
  note: nonEmpty.optional(),
});
export type RegimeFile = z.infer<typeof regimeFileSchema>;
