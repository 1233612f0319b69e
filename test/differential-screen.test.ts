import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSync } from '../src/compare/compare.js';
import { runStatusesWithEngine } from '../src/evaluate/engine.js';
import { prepareVersion } from '../src/evaluate/prepare.js';
import { runStatuses } from '../src/evaluate/run.js';
import { screenStatuses } from '../src/evaluate/screen.js';
import { normaliseFacts } from '../src/facts/normalise.js';
import { parseFacts } from '../src/facts/parseFacts.js';
import { bundledRuleBook } from '../src/law/bundled.js';
import type { Comparison, RegimeResult } from '../src/types.js';
import { caseFactsArb } from './support/arbitraryFacts.js';
import { asOfArb } from './support/arbitraries.js';

/**
 * The screening path (src/evaluate/screen.ts, behind `detail: 'verdicts'`) runs whole versions with
 * its own loop over the compiled element tests. It must give the statuses json-rules-engine (the
 * reference semantics) and runStatuses give, on every version of every regime under every declared
 * reading; and a screening answer must carry exactly the statuses of the full answer.
 * DIFF_RUNS overrides the count (default 10,000).
 */
const RUNS = Number(process.env.DIFF_RUNS ?? 10_000);
const book = bundledRuleBook();
const versions = book.regimes.flatMap((r) => r.versions.map((v) => ({ r, v })));

/** One version, and a reading picked at random for each interpretation its regime declares. */
const versionReadingsArb = fc.constantFrom(...versions.keys()).chain((i) => {
  const { r } = versions[i] as (typeof versions)[number];
  const decls = [...r.interpretations.values()];
  return fc.tuple(fc.constant(i), fc.tuple(...decls.map((d) => fc.constantFrom(...d.readings.map((x) => x.id)))).map((picked) => Object.fromEntries(decls.map((d, k) => [d.id, picked[k] as string]))));
});

/** Readings for any interpretations of the rule book (each a declared reading), or none. */
const anyReadingsArb = fc.option(
  fc.constant(null).chain(() => {
    const all = new Map<string, string[]>();
    for (const r of book.regimes) for (const d of r.interpretations.values()) all.set(d.id, [...new Set([...(all.get(d.id) ?? []), ...d.readings.map((x) => x.id)])]);
    return fc.record(Object.fromEntries([...all].map(([id, readings]) => [id, fc.constantFrom(...readings)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>;
  }),
  { nil: undefined },
);

describe('screening path = runStatuses = json-rules-engine', () => {
  it(`agrees on ${RUNS} random fact patterns across every version and reading`, async () => {
    await fc.assert(
      fc.asyncProperty(caseFactsArb, versionReadingsArb, async (raw, [i, readings]) => {
        const { r, v } = versions[i] as (typeof versions)[number];
        const facts = parseFacts(raw);
        const nf = normaliseFacts(facts, facts.conductDate);
        const pv = prepareVersion(r, v, readings);
        const screened = screenStatuses(r, pv, nf.values);
        expect(screened).toEqual(runStatuses(pv, nf.values));
        expect(screened).toEqual(await runStatusesWithEngine(pv, nf.values));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);

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

  it('gives fresh objects: changing one answer does not change the next', () => {
    const facts = { conductDate: '2023-05-05', victim: { age: 16 }, acts: ['recruitment'], means: [], purposes: ['forced-labour'], movement: { origin: 'ID', destination: 'MY' } };
    const first = compareSync(facts, { detail: 'verdicts' });
    const expected = structuredClone(first);
    for (const r of first.regimes) {
      r.version.id = 'changed';
      r.trafficking.status = 'not-in-force';
      r.trafficking.missingFacts.push('x');
      for (const o of r.offences) o.citation.provision = 'changed';
      for (const u of r.interpretations) u.alternatives.push('changed');
    }
    expect(compareSync(facts, { detail: 'verdicts' })).toEqual(expected);
  });
});
