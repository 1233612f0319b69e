#!/usr/bin/env node
// Writes docs/openapi.json from the built service (`npm run docs:openapi` builds first).
// test/server/openapi.test.ts fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { openApiDocument } = await import(join(root, 'dist/server.js'));
writeFileSync(join(root, 'docs/openapi.json'), `${JSON.stringify(openApiDocument(), null, 2)}\n`);
process.stdout.write('docs/openapi.json written\n');
