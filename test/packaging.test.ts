/**
 * [slow, ~10 s] The package as a user gets it: `npm pack` the built tree, install the tarball into
 * a throw-away project (dependencies from the npm cache, `--prefer-offline`), then use it from ESM,
 * from CommonJS and through the `tip-harmonise` bin. Needs `npm run build` first (`npm test` does it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// A 16-year-old recruited for sexual exploitation, no means at all, in 2023. Palermo Art 3(c)
// makes means irrelevant for a child, so Palermo's trafficking verdict must be `qualifies`; the
// person is under 18 (Art 3(d)), so `child` qualifies too. Known from the Protocol's text, not
// from the program.
const childCase = {
  id: 'pack-1',
  conductDate: '2023-03-01',
  victim: { age: 16 },
  acts: ['recruitment'],
  means: [],
  purposes: ['sexual-exploitation'],
};

let work: string;
let tarball: string;
let packedFiles: string[];

function run(cmd: string, args: string[], cwd: string, input?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 });
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'tip-harmonise-pack-'));
  // --ignore-scripts: `prepare` would rebuild; the build under test is the one already in dist/.
  const out = JSON.parse(run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  tarball = join(work, out[0]!.filename);
  packedFiles = out[0]!.files.map((f) => f.path).sort();
  const proj = join(work, 'consumer');
  run('mkdir', ['-p', proj], work);
  writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
  run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], proj);
}, 90_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball [slow]', () => {
  it('contains dist, the bin wrapper, README, LICENSE, CHANGELOG and package.json, nothing else', () => {
    const outside = packedFiles.filter(
      (f) => !f.startsWith('dist/') && !['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json', 'bin/tip-harmonise.mjs', 'server/package.json'].includes(f),
    );
    expect(outside).toEqual([]);
    for (const must of ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js']) {
      expect(packedFiles).toContain(must);
    }
    // The law travels inside dist (bundled at build time), not as loose rule files or sources.
    expect(packedFiles.some((f) => f.startsWith('rules/') || f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
  });

  it('works from ESM', () => {
    const proj = join(work, 'consumer');
    const script = `import { compare, regimes, factsJsonSchema } from 'tip-harmonise';
const c = await compare(${JSON.stringify(childCase)});
const p = c.regimes.find((r) => r.regime === 'palermo');
console.log(JSON.stringify({ ids: regimes().map((r) => r.id), palermo: p.trafficking.status, child: p.child.status, schema: typeof factsJsonSchema() }));`;
    writeFileSync(join(proj, 'esm.mjs'), script);
    const got = JSON.parse(run('node', ['esm.mjs'], proj));
    expect(got.ids).toEqual(['uu-21-2007', 'act-670', 'actip', 'palermo']);
    expect(got.palermo).toBe('qualifies'); // Art 3(c): no means needed for a child
    expect(got.child).toBe('qualifies'); // Art 3(d): under eighteen
    expect(got.schema).toBe('object');
  });

  it('works from CommonJS, and FactsError is the same class the package exports', () => {
    const proj = join(work, 'consumer');
    const script = `const { compare, FactsError, isFactsError } = require('tip-harmonise');
compare({ victim: { birthDate: '2024-02-30' } }).then(
  () => console.log(JSON.stringify({ threw: false })),
  (e) => console.log(JSON.stringify({ threw: true, cls: e instanceof FactsError, guard: isFactsError(e), path: e.issues[0].path })),
);`;
    writeFileSync(join(proj, 'cjs.cjs'), script);
    const got = JSON.parse(run('node', ['cjs.cjs'], proj));
    // 30 February does not exist: the contract says bad dates are rejected with a FactsError naming the path.
    expect(got).toEqual({ threw: true, cls: true, guard: true, path: 'victim.birthDate' });
  });

  it('works through the bin', () => {
    const proj = join(work, 'consumer');
    writeFileSync(join(proj, 'case.json'), JSON.stringify(childCase));
    const bin = join(proj, 'node_modules/.bin/tip-harmonise');
    expect(existsSync(bin)).toBe(true);
    const out = run(bin, ['compare', 'case.json', '--format', 'json'].slice(0, supportsFormat(bin, proj) ? 4 : 2), proj);
    const c = JSON.parse(out);
    const first = Array.isArray(c) ? c[0] : c;
    expect(first.caseId).toBe('pack-1');
    expect(first.regimes.find((r: { regime: string }) => r.regime === 'palermo').trafficking.status).toBe('qualifies');
  });

  it('serves HTTP through tip-harmonise/server, from ESM and from CommonJS', () => {
    const proj = join(work, 'consumer');
    const body = JSON.stringify(childCase);
    const esm = `import { createServer } from 'tip-harmonise/server';
const s = createServer({ port: 0, log: false });
const { url } = await s.listen();
const res = await fetch(url + '/compare?detail=verdicts&regime=palermo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(body)} });
const c = await res.json();
console.log(JSON.stringify({ status: res.status, palermo: c.regimes[0].trafficking.status }));
await s.close();`;
    writeFileSync(join(proj, 'server.mjs'), esm);
    // Palermo Art 3(c): a child needs no means.
    expect(JSON.parse(run('node', ['server.mjs'], proj))).toEqual({ status: 200, palermo: 'qualifies' });
    const cjs = `const { createApp } = require('tip-harmonise/server');
createApp({ log: false }).request('/healthz').then(async (r) => console.log(JSON.stringify({ status: r.status, ok: (await r.json()).status })));`;
    writeFileSync(join(proj, 'server.cjs'), cjs);
    expect(JSON.parse(run('node', ['server.cjs'], proj))).toEqual({ status: 200, ok: 'ok' });
  });

  it('declares the same version as the library reports in receipts', () => {
    const pkg = JSON.parse(readFileSync(join(work, 'consumer/node_modules/tip-harmonise/package.json'), 'utf8'));
    const out = run('node', ['-e', "import('tip-harmonise').then((m) => console.log(m.LIBRARY_VERSION))"], join(work, 'consumer'));
    expect(out.trim()).toBe(pkg.version);
  });
});

/** The first CLI printed JSON only; the full CLI takes --format. Accept either. */
function supportsFormat(bin: string, cwd: string): boolean {
  try {
    return run(bin, ['compare', '--help'], cwd).includes('--format');
  } catch {
    return false;
  }
}
