/**
 * The OpenAPI 3.1 description of the service, generated from the zod schemas that validate its
 * input (caseFactsSchema, the query schemas) and describe its answers (schemas.ts). Served at
 * GET /openapi.json and written to docs/openapi.json by `npm run docs:openapi`.
 */
import { z } from 'zod';
import { caseFactsSchema } from '../facts/schema.js';
import { LIBRARY_VERSION } from '../version.js';
import { HTCDS_JSON_TYPE, HTCDS_NDJSON_TYPE } from './mediaTypes.js';
import {
  batchErrorLineSchema,
  batchQuerySchema,
  caseDivergenceSchema,
  citationSchema,
  comparisonSchema,
  compareQuerySchema,
  counterfactualSchema,
  counterfactualsQuerySchema,
  definitionDivergenceSchema,
  divergencesQuerySchema,
  elementResultSchema,
  explainQuerySchema,
  explanationNodeSchema,
  factsIssueSchema,
  healthSchema,
  missingFactSchema,
  offenceResultSchema,
  problemSchema,
  receiptSchema,
  regimeInfoSchema,
  regimeResultSchema,
  renderQuerySchema,
  verdictSchema,
  versionRefSchema,
} from './schemas.js';

/** Documented limits (the defaults of AppOptions). */
export const LIMITS_TEXT =
  'Bodies of POST /compare, /explain/missing, /counterfactuals and /render: at most 1 MiB (413 past it). ' +
  'POST /batch: at most 64 MiB in all and 1 MiB per line (a longer line is answered in place). ' +
  'At most 32 requests are worked on at once (503 with Retry-After past it). ' +
  'Request headers must arrive within 10 s and the whole request within 300 s (408); an idle connection is closed after 30 s.';

const NAMED: Array<[string, z.ZodType]> = [
  ['CaseFacts', caseFactsSchema],
  ['Comparison', comparisonSchema],
  ['RegimeResult', regimeResultSchema],
  ['Verdict', verdictSchema],
  ['ElementResult', elementResultSchema],
  ['ExplanationNode', explanationNodeSchema],
  ['OffenceResult', offenceResultSchema],
  ['VersionRef', versionRefSchema],
  ['Citation', citationSchema],
  ['CaseDivergence', caseDivergenceSchema],
  ['Receipt', receiptSchema],
  ['Problem', problemSchema],
  ['FactsIssue', factsIssueSchema],
  ['BatchErrorLine', batchErrorLineSchema],
  ['MissingFact', missingFactSchema],
  ['Counterfactual', counterfactualSchema],
  ['RegimeInfo', regimeInfoSchema],
  ['DefinitionDivergence', definitionDivergenceSchema],
  ['Health', healthSchema],
];

function components(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of NAMED) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, object> = {};
  for (const [id, s] of Object.entries(schemas)) {
    const { $schema: _drop, $id: _id, ...rest } = s as Record<string, unknown>;
    out[id] = rest;
  }
  return out;
}

type Obj = z.ZodObject<Record<string, z.ZodType>>;

/** OpenAPI query parameters from an endpoint's query schema. */
function parameters(schema: Obj): object[] {
  return Object.entries(schema.shape).map(([name, s]) => {
    const optional = s instanceof z.ZodOptional;
    const inner = optional ? (s as z.ZodOptional<z.ZodType>).unwrap() : s;
    const { $schema: _drop, description, ...js } = z.toJSONSchema(inner, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return {
      name,
      in: 'query',
      required: !optional,
      ...(description ? { description } : {}),
      schema: js,
      ...(js.type === 'array' ? { style: 'form', explode: true } : {}),
    };
  });
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const text = { type: 'string' };

const caseErrors = {
  '400': problem('Bad input: invalid CaseFacts, JSON or query parameters. `issues` names each field (path, code, message).'),
  '413': problem('The body is larger than the limit (1 MiB).'),
  '415': problem(`The body is not sent as application/json (CaseFacts) or ${HTCDS_JSON_TYPE} (an HTCDS record).`),
  '503': problem('Too many requests are being worked on; retry after the Retry-After seconds.'),
};
/** Request examples; test/server/openapi.test.ts checks that each is valid CaseFacts. */
export const FACTS_EXAMPLES = {
  child: {
    summary: 'A 16-year-old recruited for sexual exploitation in 2023; means: none at all (a closed set)',
    value: { id: 'KS-1', conductDate: '2023-03-01', victim: { age: 16 }, acts: ['recruitment'], means: [], purposes: ['sexual-exploitation'] },
  },
  adultOpenMeans: {
    summary: 'An Indonesian adult taken to Malaysia for forced labour; deception known, other means unknown (an open set)',
    value: {
      id: 'KS-2',
      conductDate: '2023-08-01',
      victim: { birthDate: '1995-03-10', nationality: 'ID' },
      acts: ['recruitment', 'transportation'],
      means: { deception: true },
      purposes: ['forced-labour'],
      movement: { origin: 'ID', destination: 'MY', completed: true },
    },
  },
} as const;

const htcdsRecord = {
  type: 'object',
  additionalProperties: true,
  description: "An HTCDS 2.0 record keyed by IOM's HTCDS field names (prs_Birthdate, vic_AgeWhenTrafficked, hte_Type, ...), mapped to CaseFacts as docs/case-systems.md §6 describes; a field that cannot be mapped is a 400 naming it (htcds.<field>).",
};
const factsBody = { required: true, content: { 'application/json': { schema: ref('CaseFacts'), examples: FACTS_EXAMPLES }, [HTCDS_JSON_TYPE]: { schema: htcdsRecord } } };

let cached: object | undefined;

/**
 * The OpenAPI 3.1 document of the service (a fresh copy each call).
 *
 * @example
 * ```ts
 * const doc = openApiDocument() as { paths: Record<string, unknown> };
 * Object.keys(doc.paths); // ['/compare', '/batch', ...]
 * ```
 */
export function openApiDocument(): object {
  cached ??= build();
  return structuredClone(cached);
}

const REQUEST_ID = {
  name: 'x-request-id',
  in: 'header',
  required: false,
  description: 'Your id for this request (letters, digits, . _ -, up to 64); sent back as x-request-id and written in the log line. Without one (or with another form) the service makes a UUID.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' },
};

/** Every operation takes x-request-id and every answer sends it back. */
function withRequestId(doc: { paths: Record<string, Record<string, { parameters?: object[]; responses: Record<string, { headers?: object }> }>> }) {
  for (const ops of Object.values(doc.paths)) {
    for (const op of Object.values(ops)) {
      op.parameters = [...(op.parameters ?? []), REQUEST_ID];
      for (const r of Object.values(op.responses)) r.headers = { 'x-request-id': { description: 'The id of this request, as in the log.', schema: { type: 'string' } } };
    }
  }
  return doc;
}

function build(): object {
  return withRequestId({
    openapi: '3.1.0',
    info: {
      title: 'tip-harmonise',
      version: LIBRARY_VERSION,
      summary: 'Trafficking law of Indonesia, Malaysia, ASEAN and the Palermo Protocol as dated, cited rules: compare a case across regimes.',
      description:
        'Case facts in (CaseFacts: an absent field is unknown, never false), verdicts per regime out, with the provisions cited. ' +
        `Errors are RFC 9457 problem details. Limits: ${LIMITS_TEXT} ` +
        'Answers are statements of what the rule files say, not legal advice; see docs/limitations.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:8080', description: 'tip-harmonise serve (default host and port)' }],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: {
      '/compare': {
        post: {
          operationId: 'compare',
          summary: 'Compare one case across the regimes',
          parameters: parameters(compareQuerySchema as unknown as Obj),
          requestBody: factsBody,
          responses: { '200': json(ref('Comparison'), 'The Comparison (with ?detail=verdicts: statuses only, no element trees).'), ...caseErrors },
        },
      },
      '/batch': {
        post: {
          operationId: 'batch',
          summary: 'Screen many cases: NDJSON in, NDJSON out, streamed, in input order',
          description:
            'One CaseFacts per line (blank lines skipped but counted). Each non-blank line is answered by one output line, in order, as soon as it is read: ' +
            'a Comparison, or a BatchErrorLine in its place. A bad line never stops the run. Past the 64 MiB limit the last line is a PayloadTooLarge error line.',
          parameters: parameters(batchQuerySchema as unknown as Obj),
          requestBody: {
            required: true,
            content: {
              [HTCDS_NDJSON_TYPE]: { schema: htcdsRecord },
              'application/x-ndjson': {
                schema: ref('CaseFacts'),
                example: `${JSON.stringify(FACTS_EXAMPLES.child.value)}\n${JSON.stringify(FACTS_EXAMPLES.adultOpenMeans.value)}\n`,
              },
            },
          },
          responses: {
            '200': {
              description: 'One line per input line: a Comparison or a BatchErrorLine.',
              content: { 'application/x-ndjson': { schema: { oneOf: [ref('Comparison'), ref('BatchErrorLine')] } } },
            },
            '400': problem('Bad query parameters (options).'),
            '413': problem('Content-Length above the 64 MiB limit.'),
            '415': problem(`The body is not sent as application/x-ndjson (CaseFacts) or ${HTCDS_NDJSON_TYPE} (HTCDS records).`),
            '503': caseErrors['503'],
          },
        },
      },
      '/explain/missing': {
        post: {
          operationId: 'explainMissing',
          summary: 'The questions to ask next: facts whose answer would decide an undetermined verdict',
          parameters: parameters(explainQuerySchema as unknown as Obj),
          requestBody: factsBody,
          responses: { '200': json({ type: 'array', items: ref('MissingFact') }, 'Missing facts, most decisive first, each with a question in the chosen language.'), ...caseErrors },
        },
      },
      '/counterfactuals': {
        post: {
          operationId: 'counterfactuals',
          summary: 'Single-fact changes that would change one verdict under one regime (hypotheses)',
          parameters: parameters(counterfactualsQuerySchema as unknown as Obj),
          requestBody: factsBody,
          responses: { '200': json({ type: 'array', items: ref('Counterfactual') }, 'Hypothetical changes, deciding ones first.'), ...caseErrors },
        },
      },
      '/render': {
        post: {
          operationId: 'render',
          summary: 'The Comparison of one case as a report for people',
          parameters: parameters(renderQuerySchema as unknown as Obj),
          requestBody: factsBody,
          responses: {
            '200': {
              description: 'The report, in the chosen format and language.',
              content: { 'text/html': { schema: text }, 'text/markdown': { schema: text }, 'text/plain': { schema: text } },
            },
            ...caseErrors,
          },
        },
      },
      '/regimes': {
        get: {
          operationId: 'regimes',
          summary: 'The regimes, their dated versions with rule-file hashes, offences and contested readings',
          responses: { '200': json({ type: 'array', items: ref('RegimeInfo') }, 'One entry per regime.') },
        },
      },
      '/divergences': {
        get: {
          operationId: 'divergences',
          summary: 'The static divergence catalogue: where the definitions differ, element by element',
          parameters: parameters(divergencesQuerySchema as unknown as Obj),
          responses: {
            '200': {
              description: 'The catalogue (json), or the report (markdown, html).',
              content: {
                'application/json': { schema: { type: 'array', items: ref('DefinitionDivergence') } },
                'text/markdown': { schema: text },
                'text/html': { schema: text },
              },
            },
            '400': problem('Bad query parameters.'),
          },
        },
      },
      '/schema': {
        get: {
          operationId: 'schema',
          summary: 'The JSON Schema (draft 2020-12) of CaseFacts',
          responses: { '200': { description: 'JSON Schema of CaseFacts.', content: { 'application/schema+json': { schema: { type: 'object' } } } } },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          responses: { '200': json({ type: 'object' }, 'The OpenAPI 3.1 description of the service.') },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness, with the number of requests being worked on',
          responses: { '200': json(ref('Health'), 'The service is up.') },
        },
      },
    },
    components: {
      schemas: components(),
    },
  } as never);
}
