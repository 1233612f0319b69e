/**
 * The shapes of the HTTP service, as zod schemas: the query parameters of each endpoint (validated
 * with them, and described in the OpenAPI document from them) and the answer shapes (the
 * contract's Comparison and friends). Request bodies are `caseFactsSchema` itself. One source of
 * truth: test/server/openapi.test.ts checks real answers against these schemas field for field.
 */
import { z } from 'zod';
import { isoDateSchema } from '../facts/schema.js';

// ---------------------------------------------------------------- query parameters

const statusSchema = z.enum(['qualifies', 'does-not-qualify', 'undetermined', 'not-in-force']);
const verdictNameSchema = z.enum(['trafficking', 'victim', 'child', 'scope']);
const langSchema = z.enum(['en', 'id', 'ms']).describe('Language of words a person reads (en, id, ms). Default en.');

const regimeParam = z
  .array(z.string().min(1).max(40))
  .max(20)
  .describe('A regime id (uu-21-2007, act-670, actip, palermo); repeat the parameter, or separate ids with commas. Default: all, in contract order.');
const interpretationParam = z
  .array(z.string().regex(/^[^=]+=[^=]+$/, { message: 'expected ID=READING, e.g. intl-forced-criminality=not-covered' }).max(200))
  .max(50)
  .describe('A contested reading, ID=READING (ids and readings from GET /regimes); repeatable.');
const asOfParam = isoDateSchema.describe('Judge under the law in force on this date (YYYY-MM-DD) instead of the conduct date.');

/** The query parameters every case endpoint takes (the CompareOptions of contract.md). */
export const caseQueryShape = {
  'as-of': asOfParam.optional(),
  regime: regimeParam.optional(),
  interpretation: interpretationParam.optional(),
};

export const compareQuerySchema = z.strictObject({
  ...caseQueryShape,
  detail: z.enum(['full', 'verdicts']).describe("'verdicts': statuses only, for bulk screening. Default full.").optional(),
});
export const batchQuerySchema = compareQuerySchema;
export const explainQuerySchema = z.strictObject({ ...caseQueryShape, lang: langSchema.optional() });
export const counterfactualsQuerySchema = z.strictObject({
  'as-of': asOfParam.optional(),
  interpretation: interpretationParam.optional(),
  regime: z.string().min(1).max(40).describe('The one regime whose verdict is to change (e.g. act-670).'),
  verdict: verdictNameSchema.describe('The verdict to change: trafficking, victim, child or scope.'),
});
export const renderQuerySchema = z.strictObject({
  ...caseQueryShape,
  format: z.enum(['html', 'markdown', 'text']).describe('html (default), markdown or text.').optional(),
  lang: langSchema.optional(),
});
export const divergencesQuerySchema = z.strictObject({
  'as-of': asOfParam.optional(),
  regime: regimeParam.optional(),
  format: z.enum(['json', 'markdown', 'html']).describe('json (default), markdown or html.').optional(),
  lang: langSchema.optional(),
});
export const emptyQuerySchema = z.strictObject({});

/** Query parameters that may be given more than once (read with getAll). */
export const REPEATABLE = new Set(['regime', 'interpretation']);

// ---------------------------------------------------------------- answers

export const citationSchema = z
  .object({
    instrument: z.string(),
    provision: z.string(),
    text: z.object({ original: z.string(), language: z.enum(['id', 'ms', 'en']), english: z.string().optional() }).optional(),
    confidence: z.enum(['verified', 'single-source', 'unverified']),
    noteMark: z.string().optional(),
    note: z.string().optional(),
  })
  .describe('A pinpoint citation, with the original wording where known and a confidence mark for its source.');

const elementStatusSchema = z.enum(['satisfied', 'not-satisfied', 'unknown', 'not-required']);

interface ExplanationNodeShape {
  kind: 'all' | 'any' | 'not' | 'fact';
  label: string;
  status: 'satisfied' | 'not-satisfied' | 'unknown' | 'not-required' | 'not-evaluated';
  fact?: string;
  expected?: unknown;
  actual?: unknown;
  citation?: z.infer<typeof citationSchema>;
  children?: ExplanationNodeShape[];
}
export const explanationNodeSchema: z.ZodType<ExplanationNodeShape> = z.lazy(() =>
  z.object({
    kind: z.enum(['all', 'any', 'not', 'fact']),
    label: z.string(),
    status: z.enum(['satisfied', 'not-satisfied', 'unknown', 'not-required', 'not-evaluated']),
    fact: z.string().optional(),
    expected: z.unknown().optional(),
    actual: z.unknown().optional(),
    citation: citationSchema.optional(),
    children: z.array(explanationNodeSchema).optional(),
  }),
);

export const elementResultSchema = z.object({
  element: z.string(),
  status: elementStatusSchema,
  matched: z.array(z.string()),
  citation: citationSchema,
  note: z.string().optional(),
  label: z.string().optional(),
  notRequiredBy: citationSchema.optional(),
  amendedBy: citationSchema.optional().describe('Only in a reform (a proposed amendment): the proposed wording that changed this element.'),
  facts: z.array(z.string()).optional(),
  children: z.array(explanationNodeSchema).optional(),
});

export const verdictSchema = z.object({
  status: statusSchema,
  elements: z.array(elementResultSchema),
  missingFacts: z.array(z.string()).describe("Fact paths ('means', 'victim.birthDate') whose value would decide an undetermined verdict."),
});

export const versionRefSchema = z.object({ id: z.string(), label: z.string(), inForceFrom: z.string(), inForceUntil: z.string().optional() });

export const offenceResultSchema = z.object({
  id: z.string(),
  title: z.string().optional(),
  citation: citationSchema,
  status: statusSchema,
  elements: z.array(elementResultSchema),
  trafficking: z.boolean().optional(),
  missingFacts: z.array(z.string()).optional(),
  form: z
    .object({
      status: z.enum(['completed', 'attempt', 'undetermined']),
      provision: z.string().describe('As written in a charge: "Pasal 4", "Pasal 4 jo. Pasal 10" (UU 21/2007 Pasal 10: an attempt is punished as the offence).'),
      citations: z.array(citationSchema),
      missingFacts: z.array(z.string()).optional(),
    })
    .optional()
    .describe('Present when the offence qualifies and its attempt is punished as the completed offence: which of the two it was.'),
});

/** The penalty of a neighbouring offence, as the rule file gives it (issue 13). */
export const penaltyOutSchema = z.object({
  imprisonmentYears: z.object({ min: z.number().optional(), max: z.union([z.number(), z.literal('life')]).optional() }).optional(),
  fine: z.object({ min: z.number().optional(), max: z.number().optional(), currency: z.enum(['IDR', 'MYR']), unspecified: z.boolean().optional() }).optional(),
  whipping: z.boolean().optional(),
  cumulative: z.boolean().optional().describe('false: imprisonment or fine; true or absent: both.'),
  citation: citationSchema,
  note: z.string().optional(),
});

/** A neighbouring offence: not trafficking, but what catches the case when the trafficking definition does not. */
export const otherOffenceResultSchema = offenceResultSchema.extend({
  kind: z.literal('neighbouring'),
  instrument: z.string(),
  penalty: penaltyOutSchema,
  inForceFrom: z.string(),
  inForceUntil: z.string().optional(),
});

export const regimeResultSchema = z.object({
  regime: z.string().describe('uu-21-2007, act-670, actip, palermo (or a regime added under rules/)'),
  version: versionRefSchema,
  trafficking: verdictSchema,
  victim: verdictSchema,
  child: verdictSchema,
  scope: verdictSchema.optional(),
  offences: z.array(offenceResultSchema),
  otherOffences: z.array(otherOffenceResultSchema).optional().describe('National regimes, full detail: neighbouring offences (never change trafficking, victim or child).'),
  laterVersions: z.array(z.object({ version: versionRefSchema, trafficking: statusSchema })).optional(),
  interpretations: z.array(
    z.object({
      id: z.string(),
      chosen: z.string(),
      alternatives: z.array(z.string()),
      question: z.string().optional(),
      effects: z.array(z.object({ reading: z.string(), verdict: verdictNameSchema, status: statusSchema, instead: statusSchema })).optional(),
    }),
  ),
});

export const caseDivergenceSchema = z.object({
  verdict: verdictNameSchema,
  statuses: z.record(z.string(), statusSchema),
  causes: z.array(z.object({ element: z.string(), regimes: z.array(z.string()), explanation: z.string(), citations: z.array(citationSchema) })),
});

export const receiptSchema = z
  .object({ library: z.string(), ruleSets: z.record(z.string(), z.string()), factsHash: z.string(), asOf: z.string().optional() })
  .describe('What a case system stores to reproduce and audit a decision: library version, rule-file hashes, facts hash.');

export const comparisonSchema = z
  .object({
    caseId: z.string().optional(),
    asOf: z.string().optional(),
    regimes: z.array(regimeResultSchema),
    divergences: z.array(caseDivergenceSchema),
    receipt: receiptSchema,
  })
  .describe('The answer of compare(): one result per regime, the divergences between them, and a receipt.');

export const factsIssueSchema = z.object({
  path: z.string().describe("Dotted path of the field (e.g. 'victim.birthDate', 'query.as-of', 'options.regimes.0'); '' for the whole input."),
  code: z.string().describe('A stable machine-readable code (invalid_type, invalid_date, unrecognized_keys, invalid_json, ...).'),
  message: z.string(),
});

export const problemSchema = z
  .object({
    type: z.string().describe('A URI naming the kind of problem.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    issues: z.array(factsIssueSchema).optional().describe('For 400: every field rejected and why (the FactsError issues).'),
    limitBytes: z.number().int().optional().describe('For 413: the limit that was exceeded.'),
  })
  .describe('RFC 9457 problem details (application/problem+json).');

export const batchErrorLineSchema = z
  .object({
    line: z.number().int().describe('The input line number (blank lines counted).'),
    error: z.string().describe('FactsError, InvalidJSON, LineTooLarge or PayloadTooLarge.'),
    message: z.string(),
    caseId: z.string().optional(),
    issues: z.array(factsIssueSchema).optional(),
  })
  .describe('A batch output line for an input line that has no Comparison: it stands in that line\'s place.');

export const missingFactSchema = z.object({ fact: z.string(), question: z.string(), decides: z.array(z.string()) });

export const counterfactualSchema = z.object({
  change: z.record(z.string(), z.unknown()).describe('The single change, as a partial CaseFacts patch.'),
  from: statusSchema,
  to: statusSchema,
  explanation: z.string(),
  hypothesis: z.literal(true),
});

const words = z.object({ en: z.string(), id: z.string(), ms: z.string() });
export const regimeInfoSchema = z.object({
  id: z.string(),
  name: words,
  shortName: z.string(),
  jurisdiction: z.string(),
  kind: z.enum(['national', 'treaty']),
  versions: z.array(
    versionRefSchema.extend({
      sha256: z.string(),
      file: z.string(),
      changes: z.array(z.string()),
      offences: z.array(z.object({ id: z.string(), title: z.string(), citation: citationSchema })),
      otherOffences: z.array(z.object({ id: z.string(), title: z.string(), instrument: z.string(), citation: citationSchema, inForceFrom: z.string(), inForceUntil: z.string().optional() })).optional(),
    }),
  ),
  interpretations: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      default: z.string(),
      title: words.optional().describe('The contested point named in en, id and ms.'),
      readings: z.array(z.object({ id: z.string(), label: z.string(), short: words.optional().describe('The reading in a few words, in en, id and ms.'), sources: z.array(z.string()) })),
    }),
  ),
  note: z.string().optional(),
});

const penaltySchema = z.record(z.string(), z.unknown()).describe('Penalty figures of an offence (imprisonment years, fine, whipping, citation).');
export const definitionDivergenceSchema = z.object({
  id: z.string(),
  element: z.string(),
  concept: z.string().optional(),
  diverges: z.boolean(),
  positions: z.record(
    z.string(),
    z.object({
      version: z.string(),
      term: z.string().optional(),
      relation: z.string().optional(),
      counts: z.boolean().optional(),
      value: z.string().optional(),
      text: z.record(z.string(), z.string()).optional(),
      code: z.string().optional(),
      params: z.record(z.string(), z.number()).optional(),
      citation: citationSchema.optional(),
      note: z.string().optional(),
      penalty: penaltySchema.optional(),
      penalties: z.array(penaltySchema).optional(),
      neighbouring: z.array(penaltySchema).optional().describe('The neighbouring offences of the regime (issue 13): title, penalty, elements, first day in force.'),
    }),
  ),
  significance: z.string(),
});

export const healthSchema = z.object({
  status: z.literal('ok'),
  library: z.string(),
  inFlight: z.number().int().describe('Requests doing work now (bounded by the concurrency limit).'),
  maxConcurrent: z.number().int(),
});
