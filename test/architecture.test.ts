/**
 * The folder tree is the pipeline (docs/architecture.md): a module imports from its own stage or an
 * earlier one, never a later one. The stage order is read from docs/architecture.md itself, so the
 * page and the imports cannot drift apart.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');

/** The stages in order, from the numbered list between the stage markers of the page. */
function stagesFromDoc(text: string): string[] {
  const block = text.slice(text.indexOf('<!-- stages'), text.indexOf('<!-- /stages -->'));
  return [...block.matchAll(/^\d+\. `([a-z]+)\/`/gm)].map((m) => m[1] as string);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports and re-exports of a module (type-only ones included: they are dependencies too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)/g)].map((m) => resolve(dirname(file), (m[1] ?? m[2]) as string));
}

const SHARED = new Set(['types.ts', 'version.ts']);
const PUBLIC = new Set(['index.ts', 'internals.ts']);

/** The stage of a path under src/ ('' for a top-level file), or undefined outside src/. */
function stageOf(path: string): string | undefined {
  const rel = relative(src, path);
  if (rel.startsWith('..')) return undefined;
  const parts = rel.split('/');
  return parts.length > 1 ? (parts[0] as string) : '';
}

/** Every import that breaks the rule of direction, as "from -> to (why)". */
function violations(stages: string[], modules: string[]): string[] {
  const rank = new Map(stages.map((s, i) => [s, i]));
  const out: string[] = [];
  for (const file of modules) {
    const from = stageOf(file);
    if (from === undefined || from === '') continue;
    for (const target of importsOf(file)) {
      const to = stageOf(target);
      if (to === undefined) continue; // locales/*.json and other data outside src/
      const name = relative(src, target).replace(/\.js$/, '.ts');
      if (to === '') {
        if (SHARED.has(name)) continue;
        if (PUBLIC.has(name) && (from === 'cli' || from === 'server')) continue;
        out.push(`${relative(src, file)} -> ${name} (only cli/ and server/ use the public surface)`);
        continue;
      }
      const a = rank.get(from);
      const b = rank.get(to);
      if (a === undefined) out.push(`${relative(src, file)}: stage ${from}/ is not in docs/architecture.md`);
      else if (b === undefined) out.push(`${relative(src, file)} -> ${name}: stage ${to}/ is not in docs/architecture.md`);
      else if (b > a) out.push(`${relative(src, file)} -> ${name} (${to}/ comes after ${from}/)`);
    }
  }
  return out;
}

describe('the pipeline runs one way (docs/architecture.md)', () => {
  const stages = stagesFromDoc(doc);
  const modules = files(src);

  it('the page lists the stages', () => {
    expect(stages.slice(0, 7)).toEqual(['facts', 'law', 'words', 'evaluate', 'compare', 'explain', 'render']);
  });

  it('every folder of src/ is a stage on the page', () => {
    const folders = readdirSync(src).filter((n) => statSync(join(src, n)).isDirectory());
    expect(folders.filter((f) => !stages.includes(f))).toEqual([]);
  });

  it('no module imports from a later stage', () => {
    expect(violations(stages, modules)).toEqual([]);
  });

  it('the check can fail: an import from a later stage is caught', () => {
    // The same check on a reversed order must find the imports that the real order allows.
    expect(violations([...stages].reverse(), modules).length).toBeGreaterThan(10);
  });

  it('compare/ holds no lazy normalisation cache (facts are normalised once, up front)', () => {
    const compareDir = join(src, 'compare');
    const text = files(compareDir).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toMatch(/class \w*Normalise\w*/);
    expect(text).not.toMatch(/memoNormalise/);
  });
});
