/**
 * Output safety of the CLI (issue 17), run as a user runs it (bin/tip-harmonise.mjs on dist/, which
 * `npm test` builds first): every format of `compare`, the `check` lines, the `batch` lines and the
 * error messages, with the hostile corpus in case ids, fixture ids, expectations, file names and
 * unknown fields. What reaches the terminal must hold no control character (ESC, CR, BEL, C1, bidi)
 * and no extra line; the Markdown and HTML no foreign element.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenTables, foreignMarkup, HOSTILE, HOSTILE_CONTROLS, HOSTILE_IDS, markdownIt, shownText, UNSAFE_IN_OUTPUT } from '../support/hostile.js';

const root = join(import.meta.dirname, '../..');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(root, 'bin/tip-harmonise.mjs'), ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const dir = mkdtempSync(join(tmpdir(), 'tip-output-safety-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = JSON.parse(readFileSync(join(root, 'fixtures/child-recruited-within-id-no-means-2023.json'), 'utf8')) as { facts: Record<string, unknown> };
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

describe('compare', () => {
  // All the schema-valid hostile ids in one run per format (one Node start each).
  const files = HOSTILE_IDS.map((id, i) => write(`case-${i}.json`, { ...base.facts, id }));
  it('--format table: no control character, one title line per case, each id shown as text', () => {
    const r = run(['compare', ...files, '--format', 'table']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE_IN_OUTPUT);
    expect(r.stdout).not.toContain('\t');
    for (const id of HOSTILE_IDS) expect(r.stdout).toContain(`(${id})`);
  });
  it('--format markdown (en, id, ms): no element or attribute from the input once rendered, tables intact', () => {
    for (const lang of ['en', 'id', 'ms']) {
      const r = run(['compare', ...files, '--format', 'markdown', '--lang', lang]);
      expect(r.status).toBe(0);
      const html = markdownIt.render(r.stdout);
      expect(foreignMarkup(html, 'markdown')).toEqual([]);
      expect(brokenTables(html)).toEqual([]);
      for (const id of HOSTILE_IDS) expect(shownText(html)).toContain(id);
    }
  });
  it('--format html: no element or attribute from the input', () => {
    const r = run(['compare', ...files, '--format', 'html', '--lang', 'ms']);
    expect(r.status).toBe(0);
    expect(foreignMarkup(r.stdout, 'report')).toEqual([]);
    expect(r.stdout).not.toMatch(UNSAFE_IN_OUTPUT);
  });
  it('--format json: the ids round-trip exactly', () => {
    const r = run(['compare', ...files]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Array<{ caseId: string }>).map((c) => c.caseId)).toEqual(HOSTILE_IDS);
  });
  it('an id with control characters is refused naming the field, and the message shows them inert', () => {
    const bad = HOSTILE_CONTROLS.map((id, i) => write(`bad-${i}.json`, { ...base.facts, id }));
    for (const file of bad) {
      const r = run(['compare', file, '--format', 'table']);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/: id: no control characters/);
      expect(r.stderr).not.toMatch(UNSAFE_IN_OUTPUT);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
  it('unknown fields named with control characters: the error lines stay one per problem, inert', () => {
    const file = write('keys.json', { ...base.facts, 'x\u001b[2J': 1, 'y\nforged line': 2, 'z\u202e': 3 });
    const r = run(['compare', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(UNSAFE_IN_OUTPUT);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(3); // one line per unknown field
    expect(r.stderr).toContain('x\\u001b[2J');
  });
  it('a file name with control characters is shown inert', () => {
    const r = run(['compare', join(dir, 'missing\u001b]8;;evil\u0007.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing\\u001b]8;;evil\\u0007.json: no such file');
    expect(r.stderr).not.toMatch(UNSAFE_IN_OUTPUT);
  });
});

describe('check', () => {
  it('fixture ids, expectations and file names from another system: one inert line per mismatch', () => {
    const fx = join(dir, 'fixtures');
    mkdirSync(fx);
    // The facts carry their own (valid) id, so the fixture id is printed as given: it bypasses the schema.
    HOSTILE.forEach((s, i) =>
      writeFileSync(
        join(fx, `${String(i).padStart(2, '0')}-${s.includes('/') ? 'slash' : s.replace(/\0/g, '')}.json`.slice(0, 200)),
        JSON.stringify({ id: s, facts: { ...base.facts, id: `case-${i}` }, expected: { 'uu-21-2007': { trafficking: s }, [s]: { victim: 'qualifies' } } }),
      ),
    );
    const r = run(['check', fx]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(UNSAFE_IN_OUTPUT);
    const lines = r.stdout.trimEnd().split('\n');
    // Two mismatches per fixture (a hostile expected status; a regime that does not exist), then the summary.
    expect(lines).toHaveLength(HOSTILE.length * 2 + 1);
    for (const line of lines.slice(0, -1)) {
      expect(line.startsWith('MISMATCH\t')).toBe(true);
      expect(line.split('\t')).toHaveLength(6);
    }
    expect(lines.at(-1)).toBe(`${HOSTILE.length} fixtures, ${HOSTILE.length * 2} expectations, ${HOSTILE.length * 2} mismatches`);
  });
});

describe('batch', () => {
  it('error lines quoting hostile ids and keys are valid JSON with every control written as an escape', () => {
    const input = `${[
      ...HOSTILE_CONTROLS.map((id) => JSON.stringify({ ...base.facts, id })),
      JSON.stringify({ ...base.facts, 'k\u009b2J\u202e': true }),
      '{"broken\u001b[2J',
    ].join('\n')}\n`;
    const r = run(['batch', '--workers', '1'], input);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE_IN_OUTPUT);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { line: number; error?: string; caseId?: string; issues?: Array<{ path: string }> });
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: HOSTILE_CONTROLS.length + 2 }, (_, i) => i + 1));
    for (const l of lines.slice(0, HOSTILE_CONTROLS.length)) {
      expect(l.issues?.map((i) => i.path)).toEqual(['id']);
      expect(l.caseId).toBeUndefined(); // the refused id is not echoed
    }
    expect(lines.at(-2)?.issues?.[0]?.path).toBe('k\u009b2J\u202e'); // the same value, read back from the escapes
    expect(lines.at(-1)?.error).toBe('InvalidJSON');
  });
});
