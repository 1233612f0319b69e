import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wellFormed } from './render-wellformed.js';

// End to end on real files (test/cli-fixtures), the built CLI spawned as a user runs it
// (`npm test` builds first). Few spawns: each costs a Node start.
const root = join(import.meta.dirname, '..');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [join(root, 'bin/tip-harmonise.mjs'), ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const fx = (name: string) => `test/cli-fixtures/${name}`;

describe('compare', () => {
  it('json of several files, fixture options and ids honoured', () => {
    const r = run(['compare', fx('set/adult-deception-domestic-id-2023.json'), fx('set/unborn-sale-id-2023.json'), '--regime', 'uu-21-2007', '--regime', 'act-670']);
    expect(r.status, r.stderr).toBe(0);
    const [a, b] = JSON.parse(r.stdout);
    expect(a.caseId).toBe('adult-deception-domestic-id-2023');
    expect(a.regimes.map((x: { regime: string }) => x.regime)).toEqual(['uu-21-2007', 'act-670']);
    // Pasal 1 angka 5 counts the unborn; Act 670 s. 2 does not.
    expect(b.regimes[0].child.status).toBe('qualifies');
    expect(b.regimes[1].child.status).toBe('does-not-qualify');
  });
  it('html in Bahasa Malaysia is well-formed', () => {
    const r = run(['compare', fx('set/unborn-sale-id-2023.json'), '--format', 'html', '--lang', 'ms']);
    expect(r.status, r.stderr).toBe(0);
    expect(wellFormed(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('<html lang="ms">');
  });
  it('bad facts: exit 2, each problem with file, field and line', () => {
    const r = run(['compare', fx('bad-facts.json')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad-facts\.json: victim\.birthDate: .* \(line 5\)/);
    expect(r.stderr).toMatch(/bad-facts\.json: acts\.1: unknown id "kidnapping".* \(line 7\)/);
  });
  it('a bad --lang is a usage error', () => {
    const r = run(['compare', fx('bad-facts.json'), '--lang', 'fr']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--lang/);
  });
});

describe('check', () => {
  it('a directory and a glob pass', () => {
    const r = run(['check', fx('set'), fx('set/unborn-*.json')]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^3 fixtures, 8 expectations, 0 mismatches$/m);
  });
  it('prints each mismatch (fixture, regime, verdict, expected, got), skips knownMismatch, exits 1', () => {
    const r = run(['check', fx('wrong-expectation.json')]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    // act-670 child: s. 2 does not count the unborn; the palermo entry is a declared knownMismatch.
    expect(lines.filter((l) => l.startsWith('MISMATCH'))).toEqual(['MISMATCH\twrong-expectation\tact-670\tchild\texpected qualifies\tgot does-not-qualify']);
    expect(lines.at(-1)).toBe('1 fixtures, 2 expectations, 1 mismatches');
  });
  it('a file that is not a fixture: exit 2 naming it', () => {
    const r = run(['check', fx('bad-facts.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad-facts\.json: not a fixture/);
  });
});

describe('report', () => {
  it('html in Bahasa Indonesia, well-formed; json with numbers', () => {
    const h = run(['report', '--format', 'html', '--lang', 'id', '--as-of', '2024-01-01']);
    expect(h.status, h.stderr).toBe(0);
    expect(wellFormed(h.stdout)).toEqual([]);
    expect(h.stdout).toContain('termasuk anak yang masih dalam kandungan');
    const j = run(['report', '--format', 'json', '--as-of', '2024-01-01', '--regime', 'uu-21-2007', '--regime', 'palermo']);
    const d = JSON.parse(j.stdout) as Array<{ id: string; positions: Record<string, { penalty?: { fine?: { max: number; currency: string } } }> }>;
    // UU 21/2007 Pasal 2(1): fine up to Rp600,000,000.
    expect(d.find((x) => x.id === 'penalty')?.positions['uu-21-2007']?.penalty?.fine).toMatchObject({ max: 600000000, currency: 'IDR' });
    expect(Object.keys(d[0]?.positions ?? {})).toEqual(['uu-21-2007', 'palermo']);
  });
  it('a bad --as-of is a usage error', () => {
    const r = run(['report', '--as-of', '2024-13-01']);
    expect(r.status).toBe(2);
  });
});

describe('batch', () => {
  it('full detail, two workers: order kept over chunk boundaries, a bad line in the middle reported in place', () => {
    const good = (i: number) => JSON.stringify({ id: `c${i}`, conductDate: '2023-01-01', victim: { age: 16 + (i % 10) }, acts: ['recruitment'], means: i % 2 ? ['deception'] : [], purposes: ['forced-labour'] });
    // 40 records: full chunks are 16 lines, so the output is stitched from three chunks over two threads.
    const lines = Array.from({ length: 40 }, (_, i) => good(i));
    lines[20] = '{"id": "broken",';
    lines[21] = JSON.stringify({ id: 'bad-field', acts: ['recruitment'], victim: { nationality: 'Indonesia' } });
    const r = run(['batch', '--workers', '2', '--detail', 'full'], `${lines.join('\n')}\n`);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(40);
    expect(out[20]).toMatchObject({ line: 21, error: 'InvalidJSON' });
    expect(out[21]).toMatchObject({ line: 22, error: 'FactsError' });
    expect(out[21].issues[0].path).toBe('victim.nationality');
    const ids = out.filter((_, i) => i !== 20 && i !== 21).map((o) => o.caseId);
    expect(ids).toEqual(lines.map((_, i) => `c${i}`).filter((_, i) => i !== 20 && i !== 21));
    // Full detail keeps the elements.
    expect(out[0].regimes[0].trafficking.elements.length).toBeGreaterThan(0);
    // No progress bar when stderr is not a terminal; one summary line.
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^batch: 40 records, 2 errors, \d+\.\d+ seconds$/m);
  });
  it('a bad --workers, --detail or --as-of is a usage error', () => {
    expect(run(['batch', '--workers', '0'], '').status).toBe(2);
    expect(run(['batch', '--as-of', '2024-02-30'], '').status).toBe(2);
  });
});
