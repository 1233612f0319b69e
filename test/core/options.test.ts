import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/compare/options.js';
import { loadRuleBook, type RuleBundle } from '../../src/law/load.js';
import bundle from '../../src/law/rules.generated.json';

/** What resolving gives: the resolved options, or the error's issues. */
function outcome(options: unknown, book: ReturnType<typeof loadRuleBook>): unknown {
  try {
    return { ok: resolveOptions(options, book) };
  } catch (e) {
    return { error: (e as { issues?: unknown }).issues ?? String(e) };
  }
}

// resolveOptions keeps each distinct options value it has validated (screening sends the same
// options with every record). The cache must never answer for a value it did not validate.
describe('resolveOptions: validated once per distinct value, never answered for another', () => {
  const values = fc.oneof(
    fc.constant(undefined),
    fc.record(
      {
        detail: fc.constantFrom('verdicts', 'full', 'verdict', undefined, null, 1),
        asOf: fc.constantFrom('2020-01-01', '2020-02-30', undefined, Number.NaN, Number.POSITIVE_INFINITY),
        regimes: fc.constantFrom(['palermo'], ['palermo', 'palermo'], [], ['nope'], [undefined], undefined),
        interpretations: fc.constantFrom({}, { 'act-670-2010-includes-limb': 'coercion-needed' }, { 'act-670-2010-includes-limb': undefined }, { 'act-670-2010-includes-limb': 'nope' }, { nope: 'x' }),
        language: fc.constantFrom('en', 'xx', undefined),
      },
      { requiredKeys: [] },
    ),
  );
  it('a warm cache answers exactly as a fresh rule book does, for 300 pairs of values', () => {
    fc.assert(
      fc.property(values, values, (first, second) => {
        const warm = loadRuleBook(bundle as unknown as RuleBundle);
        outcome(first, warm);
        const fresh = loadRuleBook(bundle as unknown as RuleBundle);
        expect(outcome(second, warm)).toEqual(outcome(second, fresh));
      }),
      { numRuns: 300 },
    );
  });
  it('gives one frozen answer for equal values, which callers cannot change', () => {
    const book = loadRuleBook(bundle as unknown as RuleBundle);
    const a = resolveOptions({ detail: 'verdicts' }, book);
    expect(resolveOptions({ detail: 'verdicts' }, book)).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.regimes) && Object.isFrozen(a.interpretations)).toBe(true);
    expect(resolveOptions({ detail: 'full' }, book)).not.toBe(a);
  });
});
