#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { compare } from '../index.js';

// First CLI (issue 2): `tip-harmonise compare FILE...` prints each Comparison as JSON.
async function main(argv: string[]): Promise<number> {
  const [command, ...files] = argv;
  if (command !== 'compare' || files.length === 0) {
    process.stderr.write('usage: tip-harmonise compare FILE...\n');
    return 2;
  }
  for (const file of files) {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    const facts = json && typeof json === 'object' && 'facts' in json ? json.facts : json;
    process.stdout.write(`${JSON.stringify(await compare(facts), null, 2)}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`tip-harmonise: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
