/**
 * The guides in docs/ cannot rot: every fenced code block tagged `run` is executed against the
 * built package (dist/, reached as `tip-harmonise` through the package's own exports), and every
 * TypeScript block is type-checked against the published .d.ts.
 *
 * Convention in the guides:
 *   ```ts run       TypeScript: type-checked, then run as an ES module (top-level await allowed)
 *   ```js run       JavaScript: run as an ES module
 *   ```sh run       bash -euo pipefail, from the repository root (`npx tip-harmonise` is the CLI)
 *   ```ts run requires=explainMissing,cli:report
 *                   runs only when the package exports these names / the CLI has these commands;
 *                   otherwise reported as skipped (for parts other work is still building)
 * Blocks without `run` are illustrations and are not executed. Each block is self-contained.
 * Needs `npm run build` first (`npm test` does it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const GUIDES = ['case-systems', 'analysts', 'drafters', 'law', 'limitations'] as const;
const scratch = join(root, '.tmp', `guides-${process.pid}`);

interface Block {
  guide: string;
  line: number;
  lang: 'ts' | 'js' | 'sh';
  requires: string[];
  code: string;
}

/** Fenced blocks tagged `run`, with the line they start on. */
function runnableBlocks(guide: string, markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(ts|js|sh)\s+run\b(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const requires = /requires=(\S+)/.exec(open[2] ?? '')?.[1]?.split(',') ?? [];
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !(lines[i] as string).startsWith('```'); i++) body.push(lines[i] as string);
    blocks.push({ guide, line: start + 1, lang: open[1] as Block['lang'], requires, code: body.join('\n') });
  }
  return blocks;
}

const guides = GUIDES.map((g) => ({ name: g, blocks: runnableBlocks(g, readFileSync(join(root, 'docs', `${g}.md`), 'utf8')) }));

let exported = new Set<string>();
const cliHas = new Map<string, boolean>();
function unmet(b: Block): string[] {
  return b.requires.filter((r) => {
    if (!r.startsWith('cli:')) return !exported.has(r);
    const cmd = r.slice(4);
    if (!cliHas.has(cmd)) {
      const help = spawnSync('node', ['bin/tip-harmonise.mjs', cmd, '--help'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
      cliHas.set(cmd, help.status === 0);
    }
    return !cliHas.get(cmd);
  });
}

beforeAll(async () => {
  mkdirSync(scratch, { recursive: true });
  exported = new Set(Object.keys(await import(join(root, 'dist/index.js'))));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docs/ guides', () => {
  it.each(GUIDES)('%s.md has runnable blocks', (g) => {
    expect(guides.find((x) => x.name === g)?.blocks.length ?? 0).toBeGreaterThan(0);
  });

  for (const { name, blocks } of guides) {
    for (const [n, b] of blocks.entries()) {
      it(`${name}.md block ${n + 1} (line ${b.line}, ${b.lang})`, async (ctx) => {
        const missing = unmet(b);
        if (missing.length) ctx.skip(`needs ${missing.join(', ')}, not there yet`);
        let r: ReturnType<typeof spawnSync>;
        if (b.lang === 'sh') {
          r = spawnSync('bash', ['-euo', 'pipefail', '-c', b.code], { cwd: root, encoding: 'utf8', timeout: 60_000 });
        } else {
          const js = b.lang === 'ts' ? (await transform(b.code, { loader: 'ts', format: 'esm', target: 'node20' })).code : b.code;
          const file = join(scratch, `${name}-${n + 1}.mjs`);
          writeFileSync(file, js);
          r = spawnSync('node', [file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
        }
        expect(r.status, `${name}.md:${b.line} exited ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`).toBe(0);
      });
    }
  }

  it('TypeScript blocks and examples/*.ts type-check against the published types', () => {
    const dir = join(scratch, 'typecheck');
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const { name, blocks } of guides) {
      for (const [n, b] of blocks.entries()) {
        if (b.lang !== 'ts' || unmet(b).length) continue;
        const file = join(dir, `${name}-${n + 1}.ts`);
        writeFileSync(file, `${b.code}\nexport {};\n`); // a module: top-level await allowed
        files.push(file);
      }
    }
    files.push(join(root, 'examples/express-handler.ts'));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [join(root, 'node_modules/@types')],
        },
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
