import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runStatusesWithEngine } from '../../src/evaluate/engine.js';
import { prepareVersion } from '../../src/evaluate/prepare.js';
import { runStatuses, runTrace } from '../../src/evaluate/run.js';
import { normaliseFacts } from '../../src/facts/normalise.js';
import { parseFacts } from '../../src/facts/parseFacts.js';
import { bundledRuleBook } from '../../src/law/bundled.js';
import { caseFactsArb } from '../support/arbitraryFacts.js';

/**
 * The fast path (conditions compiled to closures) and the traced path must give exactly what
 * json-rules-engine, the reference semantics, gives on the same expanded rule files: every
 * version of every regime, every reading of every interpretation, random facts.
 * DIFF_RUNS overrides the count (the bench runs 100,000).
 */
const RUNS = Number(process.env.DIFF_RUNS ?? 10_000);
const book = bundledRuleBook();
const versions = book.regimes.flatMap((r) => r.versions.map((v) => ({ r, v })));

const readingsArb = fc.constantFrom(...versions.keys()).chain((i) => {
  const { r } = versions[i] as (typeof versions)[number];
  const decls = [...r.interpretations.values()];
  return fc.tuple(fc.constant(i), fc.tuple(...decls.map((d) => fc.constantFrom(...d.readings.map((x) => x.id)))).map((picked) => Object.fromEntries(decls.map((d, k) => [d.id, picked[k] as string]))));
});

describe('differential: compiled fast path = traced path = json-rules-engine', () => {
  it(`agrees on ${RUNS} random fact patterns across all versions and readings`, async () => {
    await fc.assert(
      fc.asyncProperty(caseFactsArb, readingsArb, async (raw, [i, readings]) => {
        const { r, v } = versions[i] as (typeof versions)[number];
        const facts = parseFacts(raw);
        const nf = normaliseFacts(facts, facts.conductDate);
        const pv = prepareVersion(r, v, readings);
        const fast = runStatuses(pv, nf.slots);
        const reference = await runStatusesWithEngine(pv, nf.values);
        const traced = runTrace(pv, nf.slots);
        expect(fast).toEqual(reference);
        expect({ child: traced.child.value, trafficking: traced.trafficking, victim: traced.victim.value, offences: traced.offences.map((o) => o.value), ...(traced.scope ? { scope: traced.scope.value } : {}) }).toEqual(fast);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('is not vacuous: the generated cases reach every status of every verdict', async () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(caseFactsArb, fc.constantFrom(...versions.keys()), (raw, i) => {
        const { r, v } = versions[i] as (typeof versions)[number];
        const facts = parseFacts(raw);
        const s = runStatuses(prepareVersion(r, v), normaliseFacts(facts, facts.conductDate).slots);
        for (const k of ['child', 'trafficking', 'victim'] as const) seen.add(`${k}:${String(s[k])}`);
      }),
      { numRuns: 2000, seed: 7 },
    );
    expect([...seen].sort()).toEqual(['child:false', 'child:true', 'child:undefined', 'trafficking:false', 'trafficking:true', 'trafficking:undefined', 'victim:false', 'victim:true', 'victim:undefined']);
  });
});
