#!/usr/bin/env node
// Build docs/playground/index.html: one self-contained file (library, rules, fixtures, CSS) that
// works offline from the file system. Uses esbuild, already installed with tsup.
import { build } from 'esbuild';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = await build({ entryPoints: [join(root, 'playground/app.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2020', minify: true, legalComments: 'none' });
const js = out.outputFiles[0].text;
const fixtures = readdirSync(join(root, 'fixtures'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(root, 'fixtures', f), 'utf8')))
  .map(({ id, title, facts, options }) => ({ id, title, facts, ...(options ? { options } : {}) }));
const html = readFileSync(join(root, 'playground/index.html'), 'utf8')
  .replace('/*CSS*/', () => readFileSync(join(root, 'playground/style.css'), 'utf8'))
  .replace('/*FIXTURES*/', () => `var FIXTURES=${JSON.stringify(fixtures).replace(/</g, '\\u003c')};`)
  .replace('/*APP*/', () => js.replace(/<\/script/gi, '<\\/script'));
mkdirSync(join(root, 'docs/playground'), { recursive: true });
writeFileSync(join(root, 'docs/playground/index.html'), html);
console.error(`playground: docs/playground/index.html (${(html.length / 1024).toFixed(0)} KB, ${fixtures.length} fixtures)`);
