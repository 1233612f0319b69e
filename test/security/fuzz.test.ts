import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, compareMany, isFactsError } from '../../src/index.js';
import { asOfDateArb, caseFactsArb, FACT_PATHS, nearValidArb, oddValueArb, readingsArb, setAt } from '../support/arbitraries.js';

/**
 * Issue 6, part 3: fuzzing. Generated malformed and near-valid inputs (wrong types, unknown
 * concepts, boundary dates, huge numbers, deep nesting, unicode, pollution keys) and hostile
 * options go through compare(); the only acceptable outcomes are an answer or a FactsError.
 * FUZZ_RUNS sets the count (a full run: FUZZ_RUNS=100000); FUZZ_SEED replays a failure.
 */

const RUNS = Number(process.env.FUZZ_RUNS) || 3_000;
const SEED = Number(process.env.FUZZ_SEED) || Date.now() % 2_147_483_647;

/** Deeply nested or wide values built on purpose (fc.anything stays shallow). */
const deepArb = fc.integer({ min: 1, max: 60 }).map((n) => {
  let v: unknown = { acts: ['recruitment'] };
  for (let i = 0; i < n; i++) v = i % 2 ? { victim: v } : [v];
  return v;
});
const wideArb = fc.tuple(fc.constantFrom(...FACT_PATHS), fc.integer({ min: 0, max: 5_000 })).map(([p, n]) => setAt({}, p, new Array(n).fill('ID')));
const pollutionArb = fc.tuple(fc.constantFrom('', 'victim.', 'movement.', 'means.', 'acts.', 'offender.'), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.anything({ maxDepth: 2 })).map(
  ([at, key, value]) => JSON.parse(`{${at ? `"${at.slice(0, -1)}":{` : ''}"${key}":${JSON.stringify(value ?? null) ?? 'null'}${at ? '}' : ''}}`),
);
const unicodeArb = fc.record({ id: fc.string({ unit: 'binary', maxLength: 300 }), conductDate: fc.string({ unit: 'grapheme', maxLength: 12 }) }, { requiredKeys: [] });

const inputArb = fc.oneof(
  { weight: 3, arbitrary: nearValidArb },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }) },
  { weight: 1, arbitrary: caseFactsArb },
  { weight: 1, arbitrary: deepArb },
  { weight: 1, arbitrary: wideArb },
  { weight: 1, arbitrary: pollutionArb },
  { weight: 1, arbitrary: unicodeArb },
  { weight: 1, arbitrary: oddValueArb },
);
const optionsArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.record({ asOf: asOfDateArb, interpretations: readingsArb }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ asOf: oddValueArb, regimes: fc.oneof(oddValueArb, fc.array(fc.constantFrom('actip', 'palermo', 'mars', 'ACTIP', '__proto__'))), interpretations: fc.oneof(oddValueArb, fc.dictionary(fc.string(), oddValueArb)), detail: oddValueArb }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

describe('fuzz', () => {
  it(`${RUNS} generated inputs through compare(): an answer or a FactsError, nothing else (seed ${SEED})`, async () => {
    let answers = 0;
    let refusals = 0;
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    try {
      await fc.assert(
        fc.asyncProperty(inputArb, optionsArb, async (input, options) => {
          const o = options && typeof options === 'object' && !Array.isArray(options) ? { detail: 'verdicts', ...options } : options;
          try {
            await compare(input, o as never);
            answers++;
          } catch (e) {
            if (!isFactsError(e)) throw e;
            for (const i of e.issues) expect(typeof i.path === 'string' && typeof i.code === 'string' && i.message.length > 0).toBe(true);
            refusals++;
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    } catch (e) {
      console.error(`fuzz failed; replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}`);
      throw e;
    }
    // Nothing leaked onto Object.prototype, and the run was not vacuous.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(answers).toBeGreaterThan(RUNS / 20);
    expect(refusals).toBeGreaterThan(RUNS / 5);
    console.log(`fuzz: ${answers} answers, ${refusals} FactsErrors, seed ${SEED}`);
  });

  it('the batch path (compareMany) yields one Comparison or FactsError per input and never throws', async () => {
    const inputs = fc.sample(inputArb, { numRuns: Math.max(200, Math.floor(RUNS / 10)), seed: SEED });
    let n = 0;
    for await (const r of compareMany(inputs, { detail: 'verdicts' })) {
      if (isFactsError(r)) expect(r.issues.length).toBeGreaterThan(0);
      else expect(Array.isArray(r.regimes)).toBe(true);
      n++;
    }
    expect(n).toBe(inputs.length);
  });
});
