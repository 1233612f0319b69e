#!/usr/bin/env node
// Bundle rules/ into src/law/rules.generated.json so the library carries the law as data without
// reading the file system at run time (browsers, workers). Each version file keeps its SHA-256,
// which receipts quote so a decision can be audited against the exact rule text years later.
// Validation against the zod schemas happens when the library loads the bundle (and in the tests):
// this script only checks that every file named in a regime.json exists and is JSON.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = process.argv[2] ?? join(root, 'rules');
const out = process.argv[3] ?? join(root, 'src/law/rules.generated.json');

const sha = (buf) => createHash('sha256').update(buf).digest('hex');
const fail = (msg) => {
  console.error(`bundle-rules: ${msg}`);
  process.exit(1);
};
const readJson = (file) => {
  const raw = readFileSync(file);
  try {
    return { raw, json: JSON.parse(raw.toString('utf8')) };
  } catch (e) {
    fail(`${file} is not valid JSON: ${e.message}`);
  }
};

const conceptsFile = join(rulesDir, 'concepts.json');
if (!existsSync(conceptsFile)) fail(`missing ${conceptsFile}`);
const concepts = readJson(conceptsFile);

const regimes = [];
for (const entry of readdirSync(rulesDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
  if (!entry.isDirectory()) continue;
  const dir = join(rulesDir, entry.name);
  const regimeFile = join(dir, 'regime.json');
  if (!existsSync(regimeFile)) fail(`${dir} has no regime.json`);
  const regime = readJson(regimeFile);
  if (regime.json.id !== entry.name) fail(`${regimeFile}: id "${regime.json.id}" does not match its folder "${entry.name}"`);
  const versions = [];
  for (const date of regime.json.versions ?? []) {
    const file = join(dir, `${date}.json`);
    if (!existsSync(file)) fail(`${regimeFile} lists version ${date} but ${file} does not exist`);
    const v = readJson(file);
    versions.push({ file: `rules/${entry.name}/${date}.json`, sha256: sha(v.raw), content: v.json });
  }
  regimes.push({ file: `rules/${entry.name}/regime.json`, sha256: sha(regime.raw), content: regime.json, versions });
}
const order = ['uu-21-2007', 'act-670', 'actip', 'palermo'];
regimes.sort((a, b) => (order.indexOf(a.content.id) + 1 || 99) - (order.indexOf(b.content.id) + 1 || 99));

const bundle = { concepts: { sha256: sha(concepts.raw), content: concepts.json }, regimes };
writeFileSync(out, `${JSON.stringify(bundle)}\n`);
console.error(`bundle-rules: ${regimes.length} regimes, ${regimes.reduce((n, r) => n + r.versions.length, 0)} versions -> ${out}`);
