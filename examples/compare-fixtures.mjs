#!/usr/bin/env node
// The fixtures comparison an analyst runs: each fixture file holds a fact pattern, the verdicts
// expected under each regime and the legal reason. Print what each regime says and every
// mismatch; exit 1 when any expectation fails (the same contract as `tip-harmonise check`).
//
//   node examples/compare-fixtures.mjs examples/fixtures
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compare, isFactsError } from 'tip-harmonise';

const targets = process.argv.slice(2);
const files = targets.flatMap((t) =>
  statSync(t).isDirectory() ? readdirSync(t).filter((f) => f.endsWith('.json')).sort().map((f) => join(t, f)) : [t],
);
let failures = 0;
for (const file of files) {
  const fixture = JSON.parse(readFileSync(file, 'utf8'));
  let c;
  try {
    c = await compare(fixture.facts);
  } catch (e) {
    if (!isFactsError(e)) throw e;
    console.log(`${file}: invalid facts: ${e.message}`);
    failures += 1;
    continue;
  }
  const line = c.regimes.map((r) => `${r.regime}=${r.trafficking.status}`).join('  ');
  console.log(`${fixture.id}\n  ${line}`);
  for (const [regime, verdicts] of Object.entries(fixture.expected)) {
    const r = c.regimes.find((x) => x.regime === regime);
    for (const [verdict, expected] of Object.entries(verdicts)) {
      const got = r?.[verdict]?.status;
      if (got !== expected) {
        failures += 1;
        console.log(`  MISMATCH ${regime} ${verdict}: expected ${expected}, got ${got} (${fixture.why?.[regime] ?? 'no reason given'})`);
      }
    }
  }
}
console.log(`${files.length} fixtures, ${failures} mismatches`);
process.exitCode = failures ? 1 : 0;
