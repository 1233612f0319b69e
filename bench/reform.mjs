#!/usr/bin/env node
// Reform cost (issue 14): assessProposal over a case set against the work it must at least do,
// judging every case twice (law in force, reformed law) with compare(). Measured side by side, in
// alternating rounds on the same generated cases, median round reported as a ratio (the machine is
// shared, absolute times mislead). Run after a build: node bench/reform.mjs (BENCH_N sets the size).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = await import(join(root, 'dist/index.js'));
const proposal = JSON.parse(readFileSync(join(root, 'proposals/uu-21-2007-child-no-means.json'), 'utf8'));
const N = Number(process.env.BENCH_N ?? 500);
const cases = generate(N);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function twiceCompare() {
  for (const c of cases) {
    try {
      await lib.compare(c);
      await lib.compare(c, { proposals: [] });
    } catch {}
  }
}
const assess = () => lib.assessProposal(proposal, cases, { catalogueAsOf: '2026-01-02' });
const withProposals = async () => {
  for (const c of cases) {
    try {
      await lib.compare(c, { proposals: [proposal] });
    } catch {}
  }
};

await assess(); // warm up (prepares the reformed versions once)
await twiceCompare();
const t = { twice: [], assess: [], compare: [] };
for (let r = 0; r < 5; r++) {
  for (const [k, fn] of [['twice', twiceCompare], ['assess', assess], ['compare', withProposals]]) {
    const s = cpu();
    await fn();
    t[k].push(cpu() - s);
  }
}
const base = median(t.twice);
console.log(`reform bench, ${N} generated cases, median of 5 alternating rounds (CPU ms):`);
console.log(`  compare() twice per case      ${base.toFixed(0)} ms  (1.00)`);
console.log(`  assessProposal()              ${median(t.assess).toFixed(0)} ms  (${(median(t.assess) / base).toFixed(2)})`);
console.log(`  compare(facts, { proposals }) ${median(t.compare).toFixed(0)} ms  (${(median(t.compare) / base).toFixed(2)})`);
