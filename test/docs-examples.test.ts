/**
 * Runs everything in examples/ against the built package (dist/, reached through the package's
 * own name: Node resolves `import 'tip-harmonise'` inside this repository to its `exports`).
 * Needs `npm run build` first (`npm test` does it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
// Compiled examples must sit inside the repository so that `tip-harmonise` resolves to it.
const scratch = join(root, '.tmp', `examples-${process.pid}`);
let outside: string;

beforeAll(() => {
  mkdirSync(scratch, { recursive: true });
  outside = mkdtempSync(join(tmpdir(), 'tip-harmonise-examples-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('examples/screen-backlog.mjs', () => {
  it('screens the NDJSON backlog in order, reporting bad lines without stopping', () => {
    const r = spawnSync('node', ['examples/screen-backlog.mjs', 'examples/backlog.ndjson'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6, 7]); // input order, one line each
    const byLine = (n: number) => out.find((o) => o.line === n);
    // case-0002: adult, recruited and transported by deception for forced labour:
    // Palermo Art 3(a) act + means + purpose.
    expect(byLine(2).trafficking.palermo).toBe('qualifies');
    // case-0003: adult, no means at all (closed empty list): Art 3(a) needs a means for an adult.
    expect(byLine(3).trafficking.palermo).toBe('does-not-qualify');
    // case-0004: 30 February 2024 does not exist: a FactsError on conductDate (contract: bad dates rejected).
    expect(byLine(4)).toMatchObject({ caseId: 'case-0004', error: 'FactsError' });
    expect(byLine(4).issues.map((i: { path: string }) => i.path)).toContain('conductDate');
    expect(byLine(5)).toEqual({ line: 5, error: 'not JSON' });
    // case-0006: May 2001, before Palermo (25 Dec 2003) and every other instrument.
    expect(Object.values(byLine(6).trafficking)).toEqual(['not-in-force', 'not-in-force', 'not-in-force', 'not-in-force']);
    // The receipt a case system stores: the rule file of each regime, by content hash.
    expect(byLine(2).receipt.ruleSets.palermo).toMatch(/^palermo@2003-12-25#sha256:[0-9a-f]{64}$/);
    expect(r.stderr).toMatch(/screened 7 records, 2 errors/);
  });

  it('re-screens as of a later date when asked (--as-of)', () => {
    const r = spawnSync('node', ['examples/screen-backlog.mjs', '--as-of', '2026-01-02'], {
      cwd: root,
      encoding: 'utf8',
      input: '{"id":"x","victim":{"age":25},"acts":["recruitment"],"means":["force"],"purposes":["forced-labour"]}\n',
    });
    expect(r.status).toBe(0);
    const [line] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    // 2 January 2026 is the first day of KUHP Pasal 455 in the uu-21-2007 regime (contract.md).
    expect(line.receipt.ruleSets['uu-21-2007']).toMatch(/^uu-21-2007@2026-01-02#/);
    expect(line.trafficking.palermo).toBe('qualifies'); // force + recruitment + forced labour, Art 3(a)
  });
});

describe('examples/express-handler.ts', () => {
  it('answers 200 with verdicts, narrows by ?regime=, and answers 400 with the fields to fix', async () => {
    await build({ entryPoints: [join(root, 'examples/express-handler.ts')], outfile: join(scratch, 'express-handler.mjs'), format: 'esm', platform: 'node', logLevel: 'silent' });
    writeFileSync(
      join(scratch, 'drive.mjs'),
      `import { screenHandler } from './express-handler.mjs';
const call = async (req) => {
  const res = { code: 0, body: undefined, status(c) { this.code = c; return this; }, json(b) { this.body = b; } };
  await screenHandler(req, res);
  return { code: res.code, body: res.body };
};
const child = { id: 'h1', conductDate: '2023-03-01', victim: { age: 16 }, acts: ['recruitment'], means: [], purposes: ['sexual-exploitation'] };
console.log(JSON.stringify([
  await call({ body: child }),
  await call({ body: child, query: { regime: ['palermo', 'not-a-regime'] } }),
  await call({ body: { victim: { age: 'sixteen' } } }),
  await call({ body: null }),
]));`,
    );
    const [all, narrowed, bad, none] = JSON.parse(execFileSync('node', [join(scratch, 'drive.mjs')], { encoding: 'utf8' }));
    expect(all.code).toBe(200);
    expect(all.body.verdicts.map((v: { regime: string }) => v.regime)).toEqual(['uu-21-2007', 'act-670', 'actip', 'palermo']);
    // Palermo Art 3(c): a child needs no means; Art 3(d): under eighteen.
    expect(all.body.verdicts[3]).toMatchObject({ regime: 'palermo', trafficking: 'qualifies', child: 'qualifies' });
    expect(all.body.receipt.factsHash).toMatch(/^sha256:/);
    expect(narrowed.body.verdicts.map((v: { regime: string }) => v.regime)).toEqual(['palermo']);
    expect(bad.code).toBe(400);
    expect(bad.body.error).toBe('FactsError');
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(['victim.age']);
    expect(none.code).toBe(400);
  });
});

describe('examples/compare-fixtures.mjs', () => {
  it('passes on the example fixtures (expectations from the law, reasons in each file)', () => {
    const r = spawnSync('node', ['examples/compare-fixtures.mjs', 'examples/fixtures'], { cwd: root, encoding: 'utf8' });
    expect(r.stdout).toMatch(/4 fixtures, 0 mismatches/);
    expect(r.status).toBe(0);
  });

  it('prints the mismatch and exits 1 when an expectation fails', () => {
    // Deliberately wrong: an adult with no means cannot be trafficking under Palermo Art 3(a).
    const wrong = join(outside, 'wrong.json');
    writeFileSync(
      wrong,
      JSON.stringify({
        id: 'wrong',
        facts: { conductDate: '2023-03-01', victim: { age: 25 }, acts: ['recruitment'], means: [], purposes: ['forced-labour'] },
        expected: { palermo: { trafficking: 'qualifies' } },
        why: { palermo: 'deliberately wrong' },
      }),
    );
    const r = spawnSync('node', ['examples/compare-fixtures.mjs', wrong], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/MISMATCH palermo trafficking: expected qualifies, got does-not-qualify/);
  });
});
