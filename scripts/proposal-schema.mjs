#!/usr/bin/env node
// Write docs/proposal.schema.json, the JSON Schema of a proposal file, from the zod schema that
// validates proposals (src/law/proposal.ts) via the built library (run `npm run build` first).
// test/law/proposalSchema.test.ts fails when the file is not current.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { proposalJsonSchema } = await import(join(root, 'dist/index.js'));
writeFileSync(join(root, 'docs/proposal.schema.json'), `${JSON.stringify(proposalJsonSchema(), null, 2)}\n`);
console.log('wrote docs/proposal.schema.json');
