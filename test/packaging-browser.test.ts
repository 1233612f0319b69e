/**
 * The core runs in a browser: bundle the published ESM entry (dist/index.js) for platform
 * 'browser' with esbuild (present through tsup), every dependency bundled in (json-rules-engine
 * included, should the core ever import it), and check that nothing Node-only is in it. Then run
 * the bundle in a fresh `node:vm` context that has only what a browser page has (ECMAScript
 * built-ins plus TextEncoder, structuredClone, console): no process, Buffer, require or module.
 */
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
let code: string;
let inputs: string[];
let imports: string[];

beforeAll(async () => {
  const entry = resolve(root, 'dist/index.js');
  if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first');
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'TipHarmonise',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  code = out.outputFiles[0]!.text;
  inputs = Object.keys(out.metafile.inputs);
  imports = Object.values(out.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
}, 60_000);

describe('browser bundle of the core', () => {
  it('imports no Node built-in module', () => {
    const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(imports.filter((p) => node.has(p) || p.startsWith('node:'))).toEqual([]);
    // Everything the bundle holds came from the package and its browser-safe runtime dependencies
    // (hono and the CSV parser are for the server and the CLI; they must not reach the core bundle).
    expect(inputs.filter((p) => p.includes('node_modules/') && !/node_modules\/(zod|date-fns|json-rules-engine|clone|eventemitter2|hash-it|jsonpath-plus|jsep|@jsep-plugin|intl-messageformat|@formatjs|tslib)\//.test(p))).toEqual([]);
  });

  it('mentions no Node global (process, Buffer, require, __dirname)', () => {
    // Word-boundary matches, so zod's `ZodPreprocess.init` is not mistaken for `process.`.
    for (const re of [/(?<![\w$.])process\s*\./, /(?<![\w$.])Buffer\s*\./, /(?<![\w$.])require\s*\(/, /(?<![\w$.])__dirname\b/]) {
      expect(code.match(re)?.[0] ?? null, String(re)).toBeNull();
    }
  });

  it('compares a case in a context without Node globals', async () => {
    const sandbox = vm.createContext({ TextEncoder, TextDecoder, structuredClone, console, URL });
    vm.runInContext(code, sandbox, { timeout: 10_000 });
    const probe = vm.runInContext('[typeof process, typeof Buffer, typeof require, typeof module]', sandbox);
    expect(probe).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    // A 16-year-old recruited for sexual exploitation without any means, 1 March 2023.
    // Palermo Art 3(c): a child needs no means, so trafficking qualifies; Art 3(d): under 18.
    const c = await vm.runInContext(
      `TipHarmonise.compare({ conductDate: '2023-03-01', victim: { age: 16 }, acts: ['recruitment'], means: [], purposes: ['sexual-exploitation'] })`,
      sandbox,
    );
    const palermo = c.regimes.find((r: { regime: string }) => r.regime === 'palermo');
    expect(palermo.trafficking.status).toBe('qualifies');
    expect(palermo.child.status).toBe('qualifies');
    expect(c.receipt.factsHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});
