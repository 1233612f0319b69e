import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/index.js';
import { runStatusesWithEngine } from '../../src/evaluate/engine.js';
import { prepareVersion } from '../../src/evaluate/prepare.js';
import { normaliseFacts } from '../../src/facts/normalise.js';
import { parseFacts } from '../../src/facts/parseFacts.js';
import { bundledRuleBook } from '../../src/law/bundled.js';
import type { RawCondition } from '../../src/law/schema.js';

const root = join(import.meta.dirname, '../..');
const book = bundledRuleBook();

/** Walk every raw condition of a version (elements, switches), calling visit on each node. */
function walk(c: RawCondition, visit: (c: RawCondition) => void): void {
  visit(c);
  if ('all' in c) c.all.forEach((x) => walk(x, visit));
  else if ('any' in c) c.any.forEach((x) => walk(x, visit));
  else if ('not' in c) walk(c.not, visit);
  else if ('interpretation' in c) Object.values(c.readings).forEach((x) => walk(x, visit));
}
const allConditions = (): Array<{ file: string; c: RawCondition }> =>
  book.regimes.flatMap((r) =>
    r.versions.flatMap((v) => {
      const d = v.data;
      const groups = [d.definitions.child, d.definitions.victim, ...(d.definitions.scope ? [d.definitions.scope] : []), ...d.offences, ...(d.otherOffences ?? [])];
      return groups.flatMap((g) => g.elements.flatMap((e) => [e.condition, ...(e.notRequiredWhen ? [e.notRequiredWhen] : [])].map((c) => ({ file: v.file, c }))));
    }),
  );

describe('static checks of the rule data', () => {
  it('no condition uses json-rules-engine "path" (JSONPath, jsonpath-plus CVEs) or parameters', () => {
    const offending: string[] = [];
    for (const { file, c } of allConditions()) walk(c, (n) => ('path' in n || 'params' in n) && offending.push(file));
    expect(offending).toEqual([]);
    // And nothing in the raw files sneaks one in under another name.
    for (const r of book.regimes) for (const v of r.versions) expect(readFileSync(join(root, v.file), 'utf8')).not.toMatch(/"path"\s*:/);
  });

  it('every declared reading of every interpretation is reachable from some condition or concept mapping', () => {
    for (const r of book.regimes) {
      const reachable = new Set<string>();
      for (const v of r.versions) {
        for (const { c } of allConditions().filter((x) => x.file === v.file)) walk(c, (n) => 'interpretation' in n && Object.keys(n.readings).forEach((k) => reachable.add(`${n.interpretation}/${k}`)));
        for (const table of Object.values(v.data.concepts)) {
          for (const m of Object.values(table as Record<string, { interpretation?: string; countsUnder?: string[] }>)) {
            if (!m.interpretation) continue;
            const decl = r.interpretations.get(m.interpretation);
            // A contested mapping reaches every reading: it counts under some and not under the others.
            for (const reading of decl?.readings ?? []) reachable.add(`${m.interpretation}/${reading.id}`);
          }
        }
      }
      for (const [id, decl] of r.interpretations) for (const reading of decl.readings) expect(reachable.has(`${id}/${reading.id}`), `${r.id}: ${id}/${reading.id}`).toBe(true);
    }
  });

  it('every citation carries its provision and confidence; verified ones quote the wording', () => {
    for (const r of book.regimes) {
      for (const v of r.versions) {
        for (const [id, c] of Object.entries(v.data.citations)) {
          expect(c.provision, `${v.file} ${id}`).toBeTruthy();
          expect(['verified', 'single-source', 'unverified']).toContain(c.confidence);
          if (c.confidence === 'verified') expect(c.text?.original, `${v.file} ${id}`).toBeTruthy();
        }
      }
    }
  });

  it('no element is unreachable: each element of each version is satisfied by some fixture or decided by one', async () => {
    // Every offence of the versions in force today is met by at least one bundled fixture.
    const fixtures = (await import('node:fs')).readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(root, 'fixtures', f), 'utf8')));
    const met = new Set<string>();
    for (const f of fixtures) for (const r of (await compare(f.facts, f.options)).regimes) for (const o of r.offences) if (o.status === 'qualifies') met.add(`${r.version.id}/${o.id}`);
    const expectedMet = ['uu-21-2007@2007-04-19/pasal-2-1', 'uu-21-2007@2007-04-19/pasal-2-2', 'uu-21-2007@2007-04-19/pasal-3', 'uu-21-2007@2007-04-19/pasal-4', 'uu-21-2007@2007-04-19/pasal-5', 'uu-21-2007@2007-04-19/pasal-6', 'uu-21-2007@2026-01-02/kuhp-455-1', 'act-670@2008-02-28/s12', 'act-670@2008-02-28/s13', 'act-670@2010-11-15/s14', 'act-670@2022-02-22/s12', 'act-670@2022-02-22/s13', 'act-670@2022-02-22/s14', 'actip@2017-03-08/definition', 'palermo@2003-12-25/definition'];
    for (const id of expectedMet) expect(met.has(id), id).toBe(true);
  });
});

describe('supply chain and concurrency', () => {
  it('runtime dependencies are the pinned set only', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@hono/node-server', 'csv-parse', 'date-fns', 'hono', 'intl-messageformat', 'json-rules-engine', 'zod']);
  });
  it('1,000 concurrent compare() calls give the sequential answers', async () => {
    const cases = Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, conductDate: ['2009-01-01', '2015-01-01', '2023-01-01'][i % 3], victim: { age: 10 + (i % 20) }, acts: ['recruitment'], means: i % 2 ? ['deception'] : [], purposes: ['forced-labour'], movement: { origin: 'ID', destination: 'MY', transit: [] } }));
    const sequential: string[] = [];
    for (const c of cases) sequential.push(JSON.stringify(await compare(c)));
    const concurrent = (await Promise.all(cases.map((c) => compare(c)))).map((x) => JSON.stringify(x));
    expect(concurrent).toEqual(sequential);
  });
  it('200 concurrent json-rules-engine runs on one prepared version give the sequential answers', async () => {
    const r = book.regimes.find((x) => x.id === 'act-670');
    const v = r?.versions[2];
    if (!r || !v) throw new Error('no act-670 2022');
    const pv = prepareVersion(r, v);
    const inputs = Array.from({ length: 200 }, (_, i) => normaliseFacts(parseFacts({ conductDate: '2023-01-01', victim: { age: 10 + (i % 15), selfProtectionImpaired: i % 3 === 0 }, acts: ['recruitment'], means: i % 2 ? ['fraud'] : [], purposes: ['forced-labour'], movement: { origin: 'MY', destination: 'MY', transit: [] } }), '2023-01-01').values);
    const sequential = [];
    for (const f of inputs) sequential.push(await runStatusesWithEngine(pv, f));
    expect(await Promise.all(inputs.map((f) => runStatusesWithEngine(pv, f)))).toEqual(sequential);
  });
});
