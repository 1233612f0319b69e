#!/usr/bin/env node
// Benchmarks for issue 5. Ratios are measured side by side, in one run, on the same generated
// inputs, in alternating rounds (A B A B ...), and the median round is reported: the machine is
// noisy, so absolute times mislead. Run: npm run bench (builds first). BENCH_N, BENCH_BATCH,
// BENCH_DIFF override the sizes.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseline } from './baseline.mjs';
import { generate } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lib = await import(join(root, 'dist/index.js'));
const internals = await import(join(root, 'dist/internals.js'));
const N = Number(process.env.BENCH_N ?? 2000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1_000_000);
const cases = generate(N);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];

async function rounds(fns, k = 5) {
  const times = fns.map(() => []);
  for (let r = 0; r < k; r++) {
    for (const [i, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      times[i].push((performance.now() - t) / N);
    }
  }
  return times.map(median);
}

// (a) full compare vs the same rule files run through json-rules-engine.
const book = internals.bundledRuleBook();
async function viaEngine() {
  for (const f of cases) {
    const p = internals.parseFacts(f);
    const nf = internals.normaliseFacts(p, p.conductDate);
    for (const r of book.regimes) {
      const v = internals.versionOn(r, p.conductDate);
      if (v) await internals.runStatusesWithEngine(internals.prepareVersion(r, v), nf.values);
    }
  }
}
async function fullCompare() {
  for (const f of cases) await lib.compare(f);
}
await viaEngine();
await fullCompare();
const [engineMs, fullMs] = await rounds([viaEngine, fullCompare]);
rows.push(['full compare() vs json-rules-engine (one Engine run per stage of each regime version in force)', `${(fullMs * 1000).toFixed(0)} µs vs ${(engineMs * 1000).toFixed(0)} µs a case`, `${(engineMs / fullMs).toFixed(1)}x faster`, '≥ 5x', engineMs / fullMs >= 5]);

// (b) detail 'verdicts' vs hand-written predicates.
async function verdicts() {
  for (const f of cases) await lib.compare(f, { detail: 'verdicts' });
}
function predicates() {
  let n = 0;
  for (const f of cases) if (baseline(f).palermo) n++;
  return n;
}
await verdicts();
predicates();
const [verdictMs, baseMs] = await rounds([verdicts, predicates], 7);
let agree = 0;
for (const f of cases) {
  const c = await lib.compare(f, { detail: 'verdicts' });
  const b = baseline(f);
  const st = (id) => c.regimes.find((r) => r.regime === id).trafficking.status;
  const same = (s, v) => (v === undefined ? s === 'not-in-force' : (s === 'qualifies') === v);
  if (same(st('palermo'), b.palermo) && same(st('actip'), b.actip)) agree++;
}
rows.push(['compare({ detail: "verdicts" }) vs hand-written predicates', `${(verdictMs * 1000).toFixed(1)} µs vs ${(baseMs * 1000).toFixed(2)} µs a case`, `${(verdictMs / baseMs).toFixed(0)}x slower`, '≤ 20x', verdictMs / baseMs <= 20]);
rows.push(['  (baseline agreement on the treaties\' trafficking verdict)', `${agree}/${N}`, '', '', null]);

// (c) batch through the CLI: records/s and peak RSS, 1 worker and all cores.
function batchRun(workers) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/tip-harmonise.mjs'), 'batch', '--detail', 'verdicts', '--workers', String(workers)], { stdio: ['pipe', 'pipe', 'pipe'] });
    let peakKb = 0;
    let lines = 0;
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        // Worker threads share the process, so this is the whole batch's peak.
        if (hwm > peakKb) peakKb = hwm;
      } catch {}
    }, 50);
    child.stdout.on('data', (d) => {
      for (const b of d) if (b === 10) lines++;
    });
    const start = performance.now();
    const block = generate(1000).map((f) => JSON.stringify(f)).join('\n') + '\n';
    let sent = 0;
    const pump = () => {
      while (sent < BATCH) {
        sent += 1000;
        if (!child.stdin.write(block)) return child.stdin.once('drain', pump);
      }
      child.stdin.end();
    };
    pump();
    child.on('close', () => {
      clearInterval(poll);
      const secs = (performance.now() - start) / 1000;
      resolve({ secs, rate: lines / secs, peakMb: peakKb / 1024, lines });
    });
  });
}
const cores = availableParallelism();
const one = await batchRun(1);
const all = await batchRun(cores);
rows.push([`batch CLI, ${BATCH.toLocaleString('en-US')} records, --workers 1`, `${one.rate.toFixed(0)} records/s, ${one.secs.toFixed(1)} s, peak RSS ${one.peakMb.toFixed(0)} MB`, '', '< 250 MB', one.peakMb < 250]);
rows.push([`batch CLI, ${BATCH.toLocaleString('en-US')} records, --workers ${cores}`, `${all.rate.toFixed(0)} records/s, ${all.secs.toFixed(1)} s, peak RSS ${all.peakMb.toFixed(0)} MB`, `${(all.rate / one.rate).toFixed(2)}x the 1-worker rate`, '< 250 MB', all.peakMb < 250]);

// (d) cold start: import + first compare in a fresh process.
const cold = [];
for (let i = 0; i < 7; i++) {
  const r = spawnSync(process.execPath, ['-e', `const t=performance.now();import(${JSON.stringify(join(root, 'dist/index.js'))}).then(async(m)=>{await m.compare({conductDate:'2023-01-01',victim:{age:16},acts:['recruitment'],means:[],purposes:['prostitution']});console.log(performance.now()-t)})`], { encoding: 'utf8' });
  cold.push(Number(r.stdout.trim()));
}
rows.push(['cold start: import + first compare()', `${median(cold).toFixed(0)} ms (median of 7)`, '', '', null]);

// The differential property at full size (issue 5: 100,000 runs).
const diff = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/core/differential.test.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, DIFF_RUNS: process.env.BENCH_DIFF ?? '100000' } });
const diffOk = diff.status === 0;
rows.push([`differential test, ${Number(process.env.BENCH_DIFF ?? 100000).toLocaleString('en-US')} random cases: fast path = traced = json-rules-engine`, diffOk ? 'all agree' : 'DISAGREEMENT (see vitest output)', '', 'all agree', diffOk]);

const machine = `${cores} cores (${cpus()[0]?.model ?? 'cpu'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
const table = ['| measurement | figures | ratio | target | met |', '|---|---|---|---|---|', ...rows.map(([a, b, c, d, e]) => `| ${a} | ${b} | ${c} | ${d} | ${e === null ? '' : e ? 'yes' : 'NO'} |`)].join('\n');
console.log(`\n${machine}\n\n${table}\n`);
writeFileSync(join(root, 'bench/RESULTS.md'), `# Benchmark results (latest run)\n\nMachine: ${machine}. Inputs: ${N.toLocaleString('en-US')} generated cases (bench/generate.mjs); ratios from alternating rounds, median round.\n\n${table}\n\nRun with \`npm run bench\` (BENCH_N, BENCH_BATCH, BENCH_DIFF change the sizes).\n`);
