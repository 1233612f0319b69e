import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSync } from '../../src/compare/compare.js';
import { compareOne } from '../../src/compare/compareMany.js';
import { isFactsError } from '../../src/index.js';
import { caseFactsArb } from '../support/arbitraryFacts.js';

/**
 * Fuzzing: malformed and near-valid inputs through compare() (and the batch path, compareOne).
 * Zero unexpected exceptions: every input is answered or gets a FactsError. FUZZ_RUNS overrides
 * the count (100,000 for a full run); fast-check prints the seed of any failure.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

// Near-valid: a valid case with one field replaced by something odd.
const oddValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom('', '2024-02-30', '2024-1-1', '2024-01-01T00:00:00Z', '0000-00-00', '9999-12-31', 'ID', 'id', '__proto__', '\u0000', '😀', 'x'.repeat(500)),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, -1, 131, 2 ** 53, 0.5),
  fc.constantFrom(null, true, [], {}, [null], ['recruitment', 'recruitment'], { min: 5, max: 1 }),
);
const paths = ['conductDate', 'conductEndDate', 'victim', 'victim.birthDate', 'victim.age', 'victim.unborn', 'victim.harm', 'victim.nationality', 'acts', 'means', 'purposes', 'exploitationOccurred', 'movement', 'movement.transit', 'movement.origin', 'offender', 'consequences', 'id', 'extra', 'victim.extra', '__proto__', 'constructor'];
const nearValid = fc.tuple(caseFactsArb, fc.constantFrom(...paths), oddValue).map(([f, path, value]) => {
  const out = structuredClone(f) as Record<string, any>;
  const keys = path.split('.');
  let cur = out;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) cur[k] = {};
    cur = cur[k];
  }
  Object.defineProperty(cur, keys[keys.length - 1] as string, { value, enumerable: true, writable: true, configurable: true });
  return out;
});
const optionsArb = fc.oneof(fc.constant(undefined), fc.anything({ maxDepth: 2 }), fc.record({ asOf: oddValue, regimes: oddValue, detail: oddValue }, { requiredKeys: [] }));

function classify(input: unknown, options?: unknown): 'answer' | 'facts-error' {
  try {
    const c = compareSync(input, options as never);
    expect(Array.isArray(c.regimes)).toBe(true);
    return 'answer';
  } catch (e) {
    if (isFactsError(e)) return 'facts-error';
    throw e;
  }
}

describe('fuzz', () => {
  it(`${RUNS} arbitrary values and options: an answer or a FactsError, nothing else`, () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 4, withObjectString: true, withNullPrototype: true }), optionsArb, (x, o) => void classify(x, o)), { numRuns: RUNS });
  });
  it(`${RUNS} near-valid cases: an answer or a FactsError, and the batch path never throws`, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(nearValid, (x) => {
        seen.add(classify(x));
        const r = compareOne(x, { detail: 'verdicts' });
        expect(isFactsError(r) || Array.isArray((r as { regimes?: unknown }).regimes)).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: both kinds of outcome occur.
    expect([...seen].sort()).toEqual(['answer', 'facts-error']);
  });
});
