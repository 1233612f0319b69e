import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOne } from '../src/compare/compareMany.js';
import { compare, isFactsError } from '../src/index.js';
import type { Comparison } from '../src/types.js';
import { caseFactsArb, FACT_PATHS, nearValidArb, oddValueArb, setAt } from './support/arbitraries.js';

/**
 * Issue 6, part 3: fuzzing. Malformed and near-valid inputs through compare() and the CLI `batch`
 * command: every input is answered or refused with a FactsError, nothing else.
 * FUZZ_RUNS sets the number of inputs per compare() property (a full run: FUZZ_RUNS=100000, and
 * FUZZ_CLI_LINES=10000 for batch); FUZZ_SEED replays a run. fast-check prints the seed and the
 * shrunk input of any failure.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const CLI_LINES = Number(process.env.FUZZ_CLI_LINES ?? Math.min(2000, Math.max(200, Math.floor(RUNS / 10))));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const params = (numRuns: number) => ({ numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) });
const TIMEOUT = Math.max(60_000, RUNS * 5);

const STATUSES = new Set(['qualifies', 'does-not-qualify', 'undetermined', 'not-in-force']);

/** An answer is well formed; a FactsError names a path, a code and a message per issue; nothing else is thrown. */
function checkAnswer(c: Comparison) {
  expect(c.regimes.length).toBeGreaterThan(0);
  for (const r of c.regimes) for (const v of [r.trafficking, r.victim, r.child]) expect(STATUSES.has(v.status)).toBe(true);
}
function checkError(e: unknown) {
  if (!isFactsError(e)) throw e;
  expect(e.issues.length).toBeGreaterThan(0);
  for (const i of e.issues) {
    expect(typeof i.path).toBe('string');
    expect(i.message.length).toBeGreaterThan(0);
    // 'internal' is what the batch path reports for an exception that was not bad input.
    expect(i.code).not.toBe('internal');
  }
}
async function classify(input: unknown, options?: unknown): Promise<'answer' | 'error'> {
  try {
    checkAnswer(await compare(input, options as never));
    return 'answer';
  } catch (e) {
    checkError(e);
    return 'error';
  }
}

const optionsArb = fc.oneof(
  fc.constant(undefined),
  fc.anything({ maxDepth: 2 }),
  fc.record({ asOf: oddValueArb, regimes: oddValueArb, detail: oddValueArb, interpretations: oddValueArb, language: oddValueArb }, { requiredKeys: [] }),
  fc.record({ asOf: fc.constantFrom('2003-12-24', '2010-11-15', '2026-01-02'), detail: fc.constantFrom('full', 'verdicts') }, { requiredKeys: [] }),
);

describe('fuzz: compare()', () => {
  it(`${RUNS} arbitrary values (any JSON, unicode, boxed values, null prototypes) with arbitrary options`, { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ maxDepth: 4, maxKeys: 6, withObjectString: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, stringUnit: 'grapheme' }), optionsArb, async (x, o) => {
        await classify(x, o);
      }),
      params(RUNS),
    );
  });

  it(`${RUNS} near-valid cases (one to three fields made odd): both outcomes occur, and nothing else`, { timeout: TIMEOUT }, async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(nearValidArb, optionsArb, async (x, o) => {
        seen.add(await classify(x, o));
      }),
      params(RUNS),
    );
    expect([...seen].sort()).toEqual(['answer', 'error']);
  });

  it(`${RUNS} valid cases are all answered`, { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(caseFactsArb, async (x) => {
        expect(await classify(x, { detail: 'verdicts' })).toBe('answer');
      }),
      params(RUNS),
    );
  });

  it(`${Math.ceil(RUNS / 5)} payloads through JSON text: dangerous keys anywhere never reach Object.prototype`, { timeout: TIMEOUT }, async () => {
    const payload = fc.tuple(caseFactsArb, fc.constantFrom(...FACT_PATHS), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 })).map(([f, path, key, v]) => {
      // Built as text, as a case system would receive it: JSON.parse makes "__proto__" an own key.
      const text = JSON.stringify(setAt(f, path, { placeholder: true })).replace('{"placeholder":true}', () => `{"${key}": {"polluted": ${JSON.stringify(v) ?? 'null'}}}`);
      return JSON.parse(text);
    });
    await fc.assert(
      fc.asyncProperty(payload, async (x) => {
        await classify(x);
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      params(Math.ceil(RUNS / 5)),
    );
  });

  it('the batch path (compareOne) turns every input into an answer or a FactsError, never an internal error', () => {
    fc.assert(
      fc.property(fc.oneof(nearValidArb, fc.anything({ maxDepth: 3 })), (x) => {
        const r = compareOne(x, { detail: 'verdicts' });
        if (isFactsError(r)) checkError(r);
        else checkAnswer(r);
      }),
      params(Math.ceil(RUNS / 5)),
    );
  });
});

describe('fuzz: the CLI batch command', () => {
  const bin = join(import.meta.dirname, '..', 'bin', 'tip-harmonise.mjs');
  // Lines a case system might send: near-valid records, arbitrary JSON, broken JSON, odd text.
  const garbage = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('{', '}', '[', '{"victim":', 'null', 'true', '1e999', '-0', '"x"', '{"a":1}{"b":2}', '\uFEFF{}', '{"__proto__":{"polluted":1}}', 'NaN', "{'single':1}", '\u2028', 'x'.repeat(300_000)),
  );
  const lineArb = fc.oneof(
    { weight: 5, arbitrary: nearValidArb.map((x) => JSON.stringify(x) ?? 'null') },
    { weight: 2, arbitrary: caseFactsArb.map((x) => JSON.stringify(x)) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((x) => JSON.stringify(x) ?? 'null') },
    { weight: 2, arbitrary: garbage.map((s) => s.replace(/[\n\r]/g, ' ')) },
  );

  it(`${CLI_LINES} generated NDJSON lines: one output line per record, in order, each an answer or an error naming its line`, { timeout: Math.max(120_000, CLI_LINES * 20) }, () => {
    const lines = fc.sample(lineArb, { numRuns: CLI_LINES, ...(SEED !== undefined ? { seed: SEED } : {}) });
    // A few blank lines and CRLF endings, as real files have.
    const input = `${lines.map((l, i) => (i % 97 === 5 ? `${l}\r` : l)).join('\n')}\n\n`;
    const r = spawnSync(process.execPath, [bin, 'batch', '--workers', '1', '--detail', 'verdicts'], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const out = r.stdout.split('\n').filter((l) => l !== '');
    const records = lines.map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => l.trim() !== '');
    expect(out.length).toBe(records.length);
    let answers = 0;
    for (const [i, text] of out.entries()) {
      const o = JSON.parse(text) as Record<string, unknown>;
      if (Array.isArray(o.regimes)) {
        answers += 1;
        continue;
      }
      expect(o.line, text.slice(0, 200)).toBe(records[i]?.n);
      expect(['InvalidJSON', 'FactsError']).toContain(o.error);
      if (o.error === 'FactsError') for (const issue of o.issues as Array<{ code: string }>) expect(issue.code).not.toBe('internal');
    }
    expect(answers).toBeGreaterThan(0);
    expect(answers).toBeLessThan(out.length);
    expect(r.stderr).toMatch(new RegExp(`batch: ${records.length} records, ${records.length - answers} errors`));
  });
});
