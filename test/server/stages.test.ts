/**
 * The pipeline runs one way (facts -> law -> evaluate -> compare -> words -> explain -> render ->
 * cli and server): the service is a last stage. No earlier stage may import it, it may not import
 * the CLI, and the browser-safe core entry must not pull in hono.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const importsOf = (f: string) => [...readFileSync(f, 'utf8').matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => m[1] as string);

it('only the CLI imports the server; the server imports no CLI code; nothing before them imports hono', () => {
  const offenders: string[] = [];
  for (const f of files(src)) {
    const rel = f.slice(src.length + 1);
    for (const spec of importsOf(f)) {
      if (spec.includes('/server/') && !rel.startsWith('cli/') && !rel.startsWith('server/')) offenders.push(`${rel} -> ${spec}`);
      if (rel.startsWith('server/') && spec.includes('/cli/')) offenders.push(`${rel} -> ${spec}`);
      if ((spec === 'hono' || spec.startsWith('hono/') || spec.startsWith('@hono/')) && !rel.startsWith('server/')) offenders.push(`${rel} -> ${spec}`);
    }
  }
  expect(offenders).toEqual([]);
  // The scan sees the server's own imports (so it can fail).
  expect(importsOf(join(src, 'server/app.ts'))).toContain('hono');
});
