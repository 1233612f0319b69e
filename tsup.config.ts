import { defineConfig } from 'tsup';

// Three entries: the library core (browser-safe: no fs/path/process), the HTTP service and the CLI (Node only).
// Rule files are bundled into the core at build time (scripts/bundle-rules.mjs writes
// src/law/rules.generated.json), so the library never reads the file system at run time.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    // json-rules-engine is CJS only; keep it external for Node, bundlers resolve it for browsers.
    external: ['json-rules-engine'],
    // Cold start (issue 16): the runtime dependencies are bundled into this one module and it is
    // minified (source maps kept), so a fresh import parses one file instead of about a hundred.
    noExternal: ['zod', 'date-fns', 'intl-messageformat'],
    minify: true,
    // The built library must load its bundled rules (the integrity check at load).
    onSuccess: 'node -e "import(\'./dist/index.js\').then((m) => m.regimes()).catch((e) => { console.error(e.message); process.exit(1); })"',
  },
  {
    // The HTTP service (package export 'tip-harmonise/server'): Node only, on hono + @hono/node-server.
    entry: { server: 'src/server/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    external: ['json-rules-engine'],
  },
  {
    entry: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts', internals: 'src/internals.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    external: ['json-rules-engine'],
    // Validate the bundled rule files in full (zod schemas and cross-checks): malformed rule data
    // fails the build, which is why the library itself only checks the bundle's integrity at load.
    onSuccess: 'node scripts/check-rules.mjs',
  },
]);
