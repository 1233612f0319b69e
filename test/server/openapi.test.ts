import { readFileSync } from 'node:fs';
import { validate, compileErrors } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, counterfactuals, divergences, explainMissing, parseFacts, regimes } from '../../src/index.js';
import { FACTS_EXAMPLES, openApiDocument } from '../../src/server/openapi.js';
import {
  comparisonSchema,
  counterfactualSchema,
  definitionDivergenceSchema,
  healthSchema,
  missingFactSchema,
  problemSchema,
  regimeInfoSchema,
} from '../../src/server/schemas.js';
import { deceived, fixture, meansUnknown, post, startServer } from './support.js';

type Doc = { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string }>; responses: Record<string, { content?: Record<string, unknown> }> }>>; components: { schemas: Record<string, unknown> } };

let srv: Awaited<ReturnType<typeof startServer>>;
let served: Doc;
beforeAll(async () => {
  srv = await startServer();
  served = await (await fetch(`${srv.url}/openapi.json`)).json();
});
afterAll(() => srv.close());

describe('the OpenAPI description', () => {
  it('is valid OpenAPI 3.1 by @readme/openapi-parser', async () => {
    expect(served.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(served) as never);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(result.valid).toBe(true);
  });

  it('docs/openapi.json is current (run npm run docs:openapi when this fails)', () => {
    const file = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
    expect(file).toEqual(openApiDocument());
    expect(served).toEqual(openApiDocument());
  });

  it('names every route the app serves, with the methods it serves, and nothing else', () => {
    const routes = new Set(
      srv.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path}`),
    );
    const documented = new Set(Object.entries(served.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)));
    expect(documented).toEqual(routes);
  });

  it('generates its query parameters from the zod schemas (the CompareOptions of contract.md)', () => {
    const names = (p: string, m: string) => (served.paths[p]?.[m]?.parameters ?? []).filter((x) => (x as { in?: string }).in === 'query').map((x) => x.name).sort();
    expect(names('/compare', 'post')).toEqual(['as-of', 'detail', 'interpretation', 'regime']);
    expect(names('/divergences', 'get')).toEqual(['as-of', 'format', 'lang', 'regime']);
    expect(names('/counterfactuals', 'post')).toEqual(['as-of', 'interpretation', 'regime', 'verdict']);
    expect(names('/render', 'post')).toEqual(['as-of', 'format', 'interpretation', 'lang', 'regime']);
    // CaseFacts is the zod schema that validates input, not a copy.
    const facts = served.components.schemas.CaseFacts as { properties: Record<string, unknown> };
    expect(Object.keys(facts.properties)).toEqual(expect.arrayContaining(['conductDate', 'victim', 'acts', 'means', 'movement']));
  });

  it('its request examples are valid CaseFacts', () => {
    const examples = (served.paths['/compare']!.post as unknown as { requestBody: { content: { 'application/json': { examples: Record<string, { value: unknown }> } } } }).requestBody.content['application/json'].examples;
    expect(Object.keys(examples).length).toBeGreaterThan(1);
    for (const e of Object.values(examples)) expect(() => parseFacts(e.value)).not.toThrow();
    expect(() => parseFacts({ ...FACTS_EXAMPLES.child.value, colour: 'red' })).toThrow();
  });

  it('gives every error answer the problem+json type, and HTML/Markdown answers their own types', () => {
    for (const ops of Object.values(served.paths)) {
      for (const op of Object.values(ops)) {
        for (const [code, r] of Object.entries(op.responses)) {
          if (Number(code) >= 400) expect(Object.keys(r.content ?? {})).toEqual(['application/problem+json']);
        }
      }
    }
    expect(Object.keys(served.paths['/render']!.post!.responses['200']!.content!)).toEqual(['text/html', 'text/markdown', 'text/plain']);
  });
});

describe('the answer schemas describe the real answers field for field', () => {
  // zod's z.object drops keys it does not know: a parse that changes the value means the
  // description has fallen behind what the service sends.
  const same = (schema: { parse: (v: unknown) => unknown }, value: unknown) => {
    const plain = JSON.parse(JSON.stringify(value));
    expect(schema.parse(plain)).toEqual(plain);
  };

  it('Comparison, full and verdicts, across fixtures with later versions, scope and interpretations', async () => {
    const names = ['adult-deceived-id-to-my-forced-labour-2023', 'adult-means-absent-2023', 'act670-2010-child-no-means-2014', 'act670-s13-aggravated-death-2023'];
    for (const n of names) {
      same(comparisonSchema, await compare(fixture(n).facts));
      same(comparisonSchema, await compare(fixture(n).facts, { detail: 'verdicts' }));
    }
    same(comparisonSchema, await compare({ conductDate: '2025-06-01', conductEndDate: '2026-06-01', victim: { age: 30 } }));
  });

  it('RegimeInfo, DefinitionDivergence, missing facts, counterfactuals, health and problems', async () => {
    for (const r of regimes()) same(regimeInfoSchema, r);
    for (const d of divergences()) same(definitionDivergenceSchema, d);
    for (const m of explainMissing(await compare(meansUnknown()))) same(missingFactSchema, m);
    const cfs = await counterfactuals(meansUnknown(), { regime: 'palermo', verdict: 'trafficking' });
    expect(cfs.length).toBeGreaterThan(0);
    for (const c of cfs) same(counterfactualSchema, c);
    same(healthSchema, await (await fetch(`${srv.url}/healthz`)).json());
    same(problemSchema, await (await post(`${srv.url}/compare`, { victim: { age: -1 } })).json());
    same(problemSchema, await (await post(`${srv.url}/compare`, 'x'.repeat(10), { 'content-type': 'text/plain' })).json());
    expect(deceived()).toBeTruthy();
  });
});
