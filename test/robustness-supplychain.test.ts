import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareVersion } from '../src/evaluate/prepare.js';
import { bundledRuleBook } from '../src/law/bundled.js';

/**
 * Issue 6, part 5: supply chain. Three runtime dependencies and nothing else; json-rules-engine's
 * JSONPath (jsonpath-plus, which has had remote-code-execution advisories) is never reached,
 * because no condition the library builds carries a `path`; no code is made from data.
 */
const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('supply chain', () => {
  it('runtime dependencies are the pinned set only (rules engine, zod, date-fns, intl-messageformat, hono, CSV), pinned exactly', () => {
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual(['@hono/node-server', 'csv-parse', 'date-fns', 'hono', 'intl-messageformat', 'json-rules-engine', 'zod']);
    for (const v of Object.values(pkg.dependencies as Record<string, string>)) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
  });

  it('no runtime package (direct or transitive) runs an install script', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    const packages = lock.packages as Record<string, { dev?: boolean; hasInstallScript?: boolean }>;
    const runtime = Object.entries(packages).filter(([k, p]) => k.startsWith('node_modules/') && !p.dev);
    expect(runtime.length).toBeGreaterThanOrEqual(3);
    expect(runtime.filter(([, p]) => p.hasInstallScript).map(([k]) => k)).toEqual([]);
  });

  it('no condition the library hands to json-rules-engine carries a path (every version, every reading)', () => {
    const book = bundledRuleBook();
    const offending: string[] = [];
    const visit = (c: unknown, where: string) => {
      if (!c || typeof c !== 'object') return;
      if ('path' in c) offending.push(where);
      for (const v of Object.values(c)) visit(v, where);
    };
    for (const r of book.regimes) {
      for (const v of r.versions) {
        const readings = [{}, ...[...r.interpretations.values()].flatMap((i) => i.readings.map((x) => ({ [i.id]: x.id })))];
        for (const reading of readings) {
          const pv = prepareVersion(r, v, reading);
          for (const g of [pv.child, pv.victim, ...(pv.scope ? [pv.scope] : []), ...pv.offences]) for (const e of g.elements) visit([e.condition, e.notRequiredWhen], `${v.file} ${g.id} ${e.element}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it('the library code never imports jsonpath-plus, never names a path for the engine, never makes code from data', () => {
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/(from\s*|import\s*\(|require\s*\()\s*['"]jsonpath/i);
      expect(text, file).not.toMatch(/\beval\s*\(|new Function\s*\(/);
      if (file.endsWith('engine.ts')) expect(text, file).not.toMatch(/\bpath\s*:/);
    }
  });

  it('the core (everything but src/cli and src/server) uses no Node API, so it runs in browsers', () => {
    // The CLI and the HTTP service are Node programs on top of the core (docs/architecture.md).
    for (const file of sourceFiles(join(root, 'src')).filter((f) => !f.includes(`${join('src', 'cli')}`) && !f.includes(`${join('src', 'server')}`))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"](node:)?(fs|path|crypto|child_process|worker_threads|os)['"]|\bprocess\.|\bBuffer\./);
    }
  });
});
