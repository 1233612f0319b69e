import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSync } from '../src/compare/compare.js';
import { prepareVersion } from '../src/evaluate/prepare.js';
import { bundledRuleBook } from '../src/law/bundled.js';
import type { Comparison, RegimeResult } from '../src/types.js';
import { caseFactsArb } from './support/arbitraryFacts.js';
import { asOfArb } from './support/arbitraries.js';

/**
 * The screening path (`detail: 'verdicts'`: src/evaluate/screen.ts over runStatuses, the compiled
 * fast path that test/core/differential.test.ts holds to json-rules-engine) must carry exactly the
 * statuses of the full answer, which come from the traced path.
 * DIFF_RUNS overrides the count (default 10,000).
 */
const RUNS = Number(process.env.DIFF_RUNS ?? 10_000);
const book = bundledRuleBook();
const versions = book.regimes.flatMap((r) => r.versions.map((v) => ({ r, v })));

/** Readings for any interpretations of the rule book (each a declared reading), or none. */
const anyReadingsArb = fc.option(
  fc.constant(null).chain(() => {
    const all = new Map<string, string[]>();
    for (const r of book.regimes) for (const d of r.interpretations.values()) all.set(d.id, [...new Set([...(all.get(d.id) ?? []), ...d.readings.map((x) => x.id)])]);
    return fc.record(Object.fromEntries([...all].map(([id, readings]) => [id, fc.constantFrom(...readings)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
  }),
  { nil: undefined },
);

describe('prepared versions', () => {
  it('prepares each choice of readings once: the default preparation, and a choice equal to it, are the same object', () => {
    for (const r of book.regimes) {
      for (const v of r.versions) {
        const dflt = prepareVersion(r, v);
        expect(prepareVersion(r, v, {})).toBe(dflt);
        const spelled = Object.fromEntries([...r.interpretations.values()].map((d) => [d.id, d.default]));
        expect(prepareVersion(r, v, spelled)).toBe(dflt);
        // A different reading is a different preparation (otherwise readings would be ignored).
        for (const d of r.interpretations.values()) {
          const other = d.readings.find((x) => x.id !== d.default);
          if (other) expect(prepareVersion(r, v, { [d.id]: other.id }).readings[d.id]).toBe(other.id);
        }
      }
    }
  });
});

/** What a screening answer must share with the full answer: every status, version and reading. */
function statusesOf(c: Comparison) {
  return c.regimes.map((r: RegimeResult) => ({
    regime: r.regime,
    version: r.version,
    trafficking: r.trafficking.status,
    victim: r.victim.status,
    child: r.child.status,
    scope: r.scope?.status,
    offences: r.offences.map((o) => [o.id, o.status, o.citation.instrument, o.citation.provision]),
    interpretations: r.interpretations.map((u) => [u.id, u.chosen, u.alternatives]),
    laterVersions: r.laterVersions,
  }));
}

describe("compare(facts, { detail: 'verdicts' })", () => {
  it('gives the statuses of the full answer, with no element trees', () => {
    fc.assert(
      fc.property(caseFactsArb, asOfArb, anyReadingsArb, (raw, asOf, interpretations) => {
        const options = { ...(asOf ? { asOf } : {}), ...(interpretations ? { interpretations } : {}) };
        let full: Comparison;
        try {
          full = compareSync(raw, options);
        } catch (e) {
          // A reading some regime lacks is refused the same way in both modes.
          expect(() => compareSync(raw, { ...options, detail: 'verdicts' })).toThrow((e as Error).message);
          return;
        }
        const screened = compareSync(raw, { ...options, detail: 'verdicts' });
        expect(statusesOf(screened)).toEqual(statusesOf(full));
        for (const r of screened.regimes) {
          for (const v of [r.trafficking, r.victim, r.child, ...(r.scope ? [r.scope] : [])]) expect(v.elements).toEqual([]);
          for (const o of r.offences) expect(o.elements).toEqual([]);
        }
        expect(screened.divergences).toEqual([]);
        // The receipt names the same rule files and the same facts in both modes.
        expect(screened.receipt).toEqual(full.receipt);
      }),
      { numRuns: Math.min(RUNS, 1500) },
    );
  }, 600_000);

  it('gives fresh statuses and shares only frozen parts: changing one answer does not change the next', () => {
    const facts = { conductDate: '2023-05-05', victim: { age: 16 }, acts: ['recruitment'], means: [], purposes: ['forced-labour'], movement: { origin: 'ID', destination: 'MY' } };
    const first = compareSync(facts, { detail: 'verdicts' });
    const expected = structuredClone(first);
    for (const r of first.regimes) {
      // What holds a status is the caller's own to change.
      r.trafficking.status = 'not-in-force';
      r.victim = { status: 'qualifies', elements: [], missingFacts: ['x'] };
      for (const o of r.offences) o.status = 'qualifies';
      r.interpretations.pop();
      // What never changes (version, citations, readings, the empty lists) is shared and frozen:
      // changing it fails loudly instead of leaking into the next answer.
      expect(() => {
        r.version.id = 'changed';
      }).toThrow(TypeError);
      expect(() => r.child.missingFacts.push('x')).toThrow(TypeError);
      for (const o of r.offences) {
        expect(() => {
          o.citation.provision = 'changed';
        }).toThrow(TypeError);
        expect(() => o.elements.push({} as never)).toThrow(TypeError);
      }
      for (const u of compareSync(facts, { detail: 'verdicts' }).regimes.flatMap((x) => x.interpretations)) expect(() => u.alternatives.push('changed')).toThrow(TypeError);
    }
    expect(compareSync(facts, { detail: 'verdicts' })).toEqual(expected);
  });
});
