/**
 * The closing line CI reads (test/support/plainCountReporter.ts, issue 17): it must count failed
 * suites and errors, not only failed tests, so it never says "0 failed" for a failed run, and it
 * must carry the reason of a test skipped with one. Each case runs vitest on a small test file in
 * a temporary folder with only that reporter, and reads the line it printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
mkdirSync(join(root, '.tmp'), { recursive: true });
const dir = mkdtempSync(join(root, '.tmp', 'reporter-'));
writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function closingLine(name: string, source: string): { line: string; notes: string[]; status: number | null } {
  writeFileSync(join(dir, `${name}.test.ts`), source);
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'run', `${name}.test.ts`, '--root', dir, '--reporter', join(root, 'test/support/plainCountReporter.ts')],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '', FORCE_COLOR: '0' } },
  );
  const lines = r.stdout.split('\n');
  return { line: lines.filter((l) => l.startsWith('tests: ')).at(-1) ?? '', notes: lines.filter((l) => l.startsWith('skipped: ')), status: r.status };
}

describe('closing line', () => {
  it('a beforeAll that throws counts as a failure (its tests never ran)', () => {
    const r = closingLine(
      'hook',
      `import { beforeAll, describe, it, expect } from 'vitest';
describe('browser', () => { beforeAll(() => { throw new Error('no browser'); }); it('a', () => expect(1).toBe(1)); it('b', () => expect(1).toBe(1)); });
it('outside', () => expect(1).toBe(1));`,
    );
    expect(r.status).not.toBe(0);
    // One passing test outside the suite; the suite's hook failed (1); its two tests did not run.
    expect(r.line).toBe('tests: 1 passed, 1 failed, 2 skipped');
  });
  it('a file that throws while loading counts as a failure', () => {
    const r = closingLine('load', `throw new Error('cannot load');\n`);
    expect(r.status).not.toBe(0);
    expect(r.line).toBe('tests: 0 passed, 1 failed');
  });
  it('an unhandled rejection counts as a failure even when every test passed', () => {
    const r = closingLine('unhandled', `import { it, expect } from 'vitest';\nit('a', () => { void Promise.reject(new Error('late')); expect(1).toBe(1); });\n`);
    expect(r.status).not.toBe(0);
    expect(r.line).toMatch(/^tests: 1 passed, [1-9]\d* failed$/);
  });
  it('a failing test is counted once; a test skipped with a reason lists the reason', () => {
    const r = closingLine('plain', `import { it, expect } from 'vitest';\nit('bad', () => expect(1).toBe(2));\nit('later', (ctx) => ctx.skip('Chromium not found'));\n`);
    expect(r.line).toBe('tests: 0 passed, 1 failed, 1 skipped');
    expect(r.notes).toEqual(['skipped: plain.test.ts: later: Chromium not found']);
  });
  it('a green run says 0 failed', () => {
    expect(closingLine('green', `import { it, expect } from 'vitest';\nit('ok', () => expect(1).toBe(1));\n`).line).toBe('tests: 1 passed, 0 failed');
  });
});
