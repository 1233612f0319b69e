#!/usr/bin/env node
// Build step (tsup.config.ts): validate the bundled rule files in full, with the zod schemas and
// the cross-checks of src/law/load.ts (citations, interpretations, dates, element names). The
// library loads its own bundle with an integrity check only (fast cold start), so this is where
// malformed rule data is refused: the build fails with the file and the problems.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { loadRuleBook } = await import(join(root, 'dist/internals.js'));
const bundle = JSON.parse(readFileSync(join(root, 'src/law/rules.generated.json'), 'utf8'));
try {
  const book = loadRuleBook(bundle);
  console.error(`check-rules: ${book.regimes.length} regimes, ${book.regimes.reduce((n, r) => n + r.versions.length, 0)} versions valid`);
} catch (e) {
  console.error(`check-rules: ${e.message}`);
  process.exit(1);
}
