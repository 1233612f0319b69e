/**
 * docs/explanations.md cannot rot: every fenced block tagged `ts run` is type-checked against the
 * published .d.ts and run as an ES module against the built package (dist/, reached as
 * `tip-harmonise` through the package's own exports), the same convention as docs-guides.test.ts.
 * Needs `npm run build` first (`npm test` does it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const scratch = join(root, '.tmp', `explain-docs-${process.pid}`);
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const lines = readFileSync(join(root, 'docs/explanations.md'), 'utf8').split('\n');
const blocks: Array<{ line: number; code: string }> = [];
for (let i = 0; i < lines.length; i++) {
  if (!/^```ts\s+run\b/.test(lines[i] as string)) continue;
  const start = i + 1;
  const body: string[] = [];
  for (i++; i < lines.length && !(lines[i] as string).startsWith('```'); i++) body.push(lines[i] as string);
  blocks.push({ line: start, code: body.join('\n') });
}

describe('docs/explanations.md', () => {
  it('has a runnable block for each of the six parts', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks.map((b, n) => [`block ${n + 1} (line ${b.line})`, b] as const))('%s runs', async (name, b) => {
    const js = (await transform(b.code, { loader: 'ts', format: 'esm', target: 'node20' })).code;
    const file = join(scratch, `${name.replace(/\W+/g, '-')}.mjs`);
    writeFileSync(file, js);
    const r = spawnSync('node', [file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, `explanations.md:${b.line}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`).toBe(0);
  });

  it('its TypeScript type-checks against the published types', () => {
    const dir = join(scratch, 'typecheck');
    mkdirSync(dir, { recursive: true });
    const files = blocks.map((b, n) => {
      const file = join(dir, `block-${n + 1}.ts`);
      writeFileSync(file, `${b.code}\nexport {};\n`);
      return file;
    });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(root, 'node_modules/@types')] },
        files,
      }),
    );
    let out = '';
    try {
      execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(out).toBe('');
  }, 60_000);
});
