import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runStatusesWithEngine } from '../../src/evaluate/engine.js';
import { prepareVersion } from '../../src/evaluate/prepare.js';
import { normaliseFacts } from '../../src/facts/normalise.js';
import { parseFacts } from '../../src/facts/parseFacts.js';
import { compare, isFactsError } from '../../src/index.js';
import { bundledRuleBook } from '../../src/law/bundled.js';
import { versionOn } from '../../src/law/load.js';
import { caseFactsArb, completeFactsArb, nearValidArb } from '../support/arbitraries.js';

/**
 * Issue 6, part 5. Runtime dependencies are limited to the pinned set (each with its reason in the commit that added it), and
 * json-rules-engine is used safely under concurrency (concurrent run() calls on one Engine can lose
 * results when rules have priorities: toolchain.md).
 */

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Record<string, Record<string, string> | undefined>;

describe('supply chain', () => {
  it('runtime dependencies are exactly the pinned set (rules engine, zod, date-fns; messages; HTTP service; CSV), pinned to exact versions', () => {
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual(['@hono/node-server', 'csv-parse', 'date-fns', 'hono', 'intl-messageformat', 'json-rules-engine', 'zod']);
    for (const v of Object.values(pkg.dependencies ?? {})) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
    // No other way for a runtime package to come in.
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
    expect(pkg.bundleDependencies ?? pkg.bundledDependencies ?? []).toEqual([]);
  });
});

/** The answer to one case as a comparable string; a FactsError gives its issues, anything else fails. */
async function settle(f: unknown, i: number): Promise<string> {
  try {
    // Alternate full answers (the traced path, explanation trees) and screening answers (the compiled path).
    return JSON.stringify(await compare(f, i % 2 ? { detail: 'verdicts' } : undefined));
  } catch (e) {
    if (!isFactsError(e)) throw e;
    return `E${JSON.stringify(e.issues)}`;
  }
}

describe('concurrency', () => {
  it('1,000 compare() calls via Promise.all equal the same calls made one after another', async () => {
    const cases = fc.sample(fc.oneof({ weight: 5, arbitrary: caseFactsArb }, { weight: 1, arbitrary: nearValidArb }), { numRuns: 1000, seed: 606 });
    const sequential: string[] = [];
    for (const [i, c] of cases.entries()) sequential.push(await settle(c, i));
    const concurrent = await Promise.all(cases.map((c, i) => settle(c, i)));
    expect(concurrent.length).toBe(1000);
    for (let i = 0; i < cases.length; i++) expect(concurrent[i], `case ${i}: ${JSON.stringify(cases[i])}`).toBe(sequential[i]);
    // Not vacuous: the cases had different answers, and some were refused.
    expect(new Set(sequential).size).toBeGreaterThan(100);
    expect(sequential.some((s) => s.startsWith('E'))).toBe(true);
  });

  it('200 concurrent runStatusesWithEngine calls on one prepared version equal the sequential results', async () => {
    const book = bundledRuleBook();
    // Act 670 as amended in 2022: the version with the most offences and readings.
    const date = '2024-01-01';
    const regime = book.regimes.find((r) => r.id === 'act-670');
    const version = regime && versionOn(regime, date);
    if (!regime || !version) throw new Error('no Act 670 version in force on 2024-01-01');
    const pv = prepareVersion(regime, version);
    const facts = fc.sample(completeFactsArb, { numRuns: 200, seed: 607 }).map((f, i) => {
      // Some complete, some with fields forgotten (unknowns exercise the Kleene paths of the engine).
      const g = structuredClone(f) as Record<string, unknown>;
      g.conductDate = date;
      g.victim = { ...(g.victim as object), birthDate: undefined, unborn: undefined, age: 8 + (i % 20) };
      delete (g.victim as Record<string, unknown>).birthDate;
      delete (g.victim as Record<string, unknown>).unborn;
      if (i % 3 === 0) delete g.means;
      if (i % 5 === 0) delete g.purposes;
      return normaliseFacts(parseFacts(g), date).values;
    });
    const sequential = [];
    for (const f of facts) sequential.push(await runStatusesWithEngine(pv, f));
    const concurrent = await Promise.all(facts.map((f) => runStatusesWithEngine(pv, f)));
    expect(concurrent).toEqual(sequential);
    const distinct = new Set(sequential.map((s) => JSON.stringify(s)));
    expect(distinct.size).toBeGreaterThan(3);
    // Both a true and an unknown trafficking result appear, so a lost result would show.
    expect(sequential.some((s) => s.trafficking === true)).toBe(true);
    expect(sequential.some((s) => s.trafficking !== true)).toBe(true);
  });
});
