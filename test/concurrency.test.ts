import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMany } from '../src/compare/compareMany.js';
import { runStatusesWithEngine } from '../src/evaluate/engine.js';
import { prepareVersion } from '../src/evaluate/prepare.js';
import { runStatuses } from '../src/evaluate/run.js';
import { normaliseFacts } from '../src/facts/normalise.js';
import { parseFacts } from '../src/facts/parseFacts.js';
import { compare, isFactsError } from '../src/index.js';
import { bundledRuleBook } from '../src/law/bundled.js';
import { versionOn } from '../src/law/load.js';
import { caseFactsArb, completeFactsArb, nearValidArb } from './support/arbitraries.js';

/**
 * Issue 6, part 5: concurrency. json-rules-engine loses results when run() calls overlap on one
 * Engine whose rules have different priorities (toolchain.md); the library's engines have none,
 * and its compiled path is pure. These tests run many evaluations at once and require exactly the
 * answers the same evaluations give one after another.
 */

describe('concurrency', () => {
  it('1,000 concurrent compare() calls (valid and invalid cases, full detail) give the sequential answers', async () => {
    const cases = fc.sample(fc.oneof({ weight: 4, arbitrary: caseFactsArb }, { weight: 1, arbitrary: nearValidArb }), { numRuns: 1000, seed: 6 });
    const settle = async (f: unknown) => {
      try {
        return JSON.stringify(await compare(f));
      } catch (e) {
        if (!isFactsError(e)) throw e;
        return JSON.stringify(e.issues);
      }
    };
    const sequential: string[] = [];
    for (const c of cases) sequential.push(await settle(c));
    const concurrent = await Promise.all(cases.map(settle));
    expect(concurrent).toEqual(sequential);
    // Not vacuous: both answers and errors were among them.
    expect(sequential.some((s) => s.startsWith('{'))).toBe(true);
    expect(sequential.some((s) => s.startsWith('['))).toBe(true);
  });

  it('200 concurrent json-rules-engine runs on one prepared version give the sequential answers, which are the compiled answers', async () => {
    const book = bundledRuleBook();
    const regime = book.regimes.find((r) => r.id === 'act-670');
    const version = regime && versionOn(regime, '2023-01-01');
    if (!regime || !version) throw new Error('no Act 670 version in force in 2023');
    const pv = prepareVersion(regime, version);
    const inputs = fc.sample(completeFactsArb, { numRuns: 200, seed: 7 }).map((f, i) => normaliseFacts(parseFacts({ ...f, conductDate: '2023-01-01', victim: { ...f.victim, birthDate: undefined, unborn: undefined, age: 10 + (i % 15) } }), '2023-01-01'));
    const sequential = [];
    for (const f of inputs) sequential.push(await runStatusesWithEngine(pv, f.values));
    const concurrent = await Promise.all(inputs.map((f) => runStatusesWithEngine(pv, f.values)));
    expect(concurrent).toEqual(sequential);
    expect(sequential).toEqual(inputs.map((f) => runStatuses(pv, f.slots)));
    // Not vacuous: the runs disagree among themselves (different facts, different answers).
    expect(new Set(sequential.map((s) => JSON.stringify(s))).size).toBeGreaterThan(1);
  });

  it('engine runs interleaved across every version and reading at once give the compiled answers', async () => {
    const book = bundledRuleBook();
    const jobs: Array<{ pv: ReturnType<typeof prepareVersion>; nf: ReturnType<typeof normaliseFacts> }> = [];
    const samples = fc.sample(completeFactsArb, { numRuns: 10, seed: 8 });
    for (const r of book.regimes) {
      for (const v of r.versions) {
        const readings = [{}, ...[...r.interpretations.values()].flatMap((i) => i.readings.map((x) => ({ [i.id]: x.id })))];
        for (const reading of readings) {
          const pv = prepareVersion(r, v, reading);
          for (const f of samples) jobs.push({ pv, nf: normaliseFacts(parseFacts({ ...f, conductDate: v.data.validFrom, victim: { ...f.victim, birthDate: undefined, unborn: undefined } }), v.data.validFrom) });
        }
      }
    }
    const results = await Promise.all(jobs.map((j) => runStatusesWithEngine(j.pv, j.nf.values)));
    expect(results).toEqual(jobs.map((j) => runStatuses(j.pv, j.nf.slots)));
  });

  it('ten compareMany streams consumed at once keep their own records, in order', async () => {
    const streams = Array.from({ length: 10 }, (_, s) => fc.sample(caseFactsArb, { numRuns: 30, seed: 100 + s }).map((f, i) => ({ ...f, id: `s${s}-r${i}` })));
    const drain = async (records: unknown[]) => {
      const ids: string[] = [];
      for await (const r of compareMany(records, { detail: 'verdicts' })) ids.push(isFactsError(r) ? `error ${r.caseId}` : String(r.caseId));
      return ids;
    };
    const got = await Promise.all(streams.map(drain));
    expect(got).toEqual(streams.map((s) => s.map((r) => r.id)));
  });
});
