#!/usr/bin/env node
// Benchmarks for issue 5. Ratios are measured side by side, in one run, on the same generated
// inputs, in alternating rounds (A B A B ...), and the median round is reported: the machine is
// noisy, so absolute times mislead. Run: npm run bench (builds first). BENCH_N, BENCH_BATCH,
// BENCH_DIFF override the sizes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

// (c) batch through the CLI: records/s and peak RSS, 1 worker and all cores. Peak RSS from
// /usr/bin/time -v (the kernel's ru_maxrss of the child, worker threads included) when it exists,
// else by polling /proc/<pid>/status VmHWM. Without a batch command, compareMany in-process.
const hasBatch = spawnSync(process.execPath, [join(root, 'bin/tip-harmonise.mjs'), 'batch', '--help'], { encoding: 'utf8' }).status === 0;
const timeV = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).status === 0;
function batchRun(workers) {
  return new Promise((resolve) => {
    const cli = [join(root, 'bin/tip-harmonise.mjs'), 'batch', '--detail', 'verdicts', '--workers', String(workers)];
    const child = timeV ? spawn('/usr/bin/time', ['-v', process.execPath, ...cli], { stdio: ['pipe', 'pipe', 'pipe'] }) : spawn(process.execPath, cli, { stdio: ['pipe', 'pipe', 'pipe'] });
    let peakKb = 0;
    let lines = 0;
    let errors = 0;
    let stderr = '';
    const poll = timeV
      ? undefined
      : setInterval(() => {
          try {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
            const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
            if (hwm > peakKb) peakKb = hwm;
          } catch {}
        }, 50);
    let tail = '';
    child.stdout.on('data', (d) => {
      const text = tail + d.toString('latin1');
      const parts = text.split('\n');
      tail = parts.pop();
      for (const line of parts) {
        lines++;
        if (line.startsWith('{"line"')) errors++;
      }
    });
    child.stderr.on('data', (d) => {
      stderr = (stderr + d.toString()).slice(-8000);
    });
    const start = performance.now();
    // One record in 1,000 is invalid (an age that is not a number): the run answers it in place and goes on.
    const records = generate(1000).map((f) => JSON.stringify(f));
    records[500] = '{"conductDate": "2020-01-01", "victim": {"age": "x"}}';
    const block = records.join('\n') + '\n';
    let sent = 0;
    const pump = () => {
      while (sent < BATCH) {
        const n = Math.min(1000, BATCH - sent);
        sent += n;
        const chunk = n === 1000 ? block : records.slice(0, n).join('\n') + '\n';
        if (!child.stdin.write(chunk)) return child.stdin.once('drain', pump);
      }
      child.stdin.end();
    };
    pump();
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const secs = (performance.now() - start) / 1000;
      if (timeV) peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
      resolve({ secs, rate: lines / secs, peakMb: peakKb / 1024, lines, errors, code });
    });
  });
}
async function inProcess() {
  const before = process.memoryUsage().rss;
  const start = performance.now();
  let lines = 0;
  function* source() {
    const records = generate(1000);
    for (let i = 0; i < BATCH; i++) yield records[i % 1000];
  }
  for await (const _ of lib.compareMany(source(), { detail: 'verdicts' })) lines++;
  const secs = (performance.now() - start) / 1000;
  return { secs, rate: lines / secs, peakMb: Math.max(before, process.memoryUsage().rss) / 2 ** 20, lines, errors: 0, code: 0 };
}
const cores = availableParallelism();
const batchLabel = (w) => (hasBatch ? `batch CLI, ${BATCH.toLocaleString('en-US')} records, --detail verdicts --workers ${w}` : `compareMany in-process (no batch command), ${BATCH.toLocaleString('en-US')} records`);
const one = hasBatch ? await batchRun(1) : await inProcess();
const complete = (r) => r.code === 0 && r.lines === BATCH;
rows.push([batchLabel(1), `${one.rate.toFixed(0)} records/s, ${one.secs.toFixed(1)} s, peak RSS ${one.peakMb.toFixed(0)} MB${complete(one) ? '' : ` (INCOMPLETE: ${one.lines} lines out, exit ${one.code})`}`, '', '< 250 MB', one.peakMb < 250 && complete(one)]);
if (hasBatch) {
  const all = await batchRun(cores);
  rows.push([batchLabel(cores), `${all.rate.toFixed(0)} records/s, ${all.secs.toFixed(1)} s, peak RSS ${all.peakMb.toFixed(0)} MB${complete(all) ? '' : ` (INCOMPLETE: ${all.lines} lines out, exit ${all.code})`}`, `${(all.rate / one.rate).toFixed(2)}x the 1-worker rate`, '< 250 MB', all.peakMb < 250 && complete(all)]);
}

// (d) cold start: a fresh `node -e` that imports the library and runs a first compare(); the
// time from the start of the script to the answer, and the whole process (Node's own start included).
const cold = [];
const coldWall = [];
for (let i = 0; i < 7; i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['-e', `const t=performance.now();import(${JSON.stringify(join(root, 'dist/index.js'))}).then(async(m)=>{await m.compare({conductDate:'2023-01-01',victim:{age:16},acts:['recruitment'],means:[],purposes:['prostitution']});console.log(performance.now()-t)})`], { encoding: 'utf8' });
  coldWall.push(performance.now() - t);
  cold.push(Number(r.stdout.trim()));
}
rows.push(['cold start: import + first compare() in a fresh `node -e`', `${median(cold).toFixed(0)} ms (median of 7; whole process ${median(coldWall).toFixed(0)} ms)`, '', '', null]);

// The differential property at full size (issue 5: 100,000 runs).
const diff = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/perf/differential.test.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, DIFF_RUNS: process.env.BENCH_DIFF ?? '100000' } });
const diffOk = diff.status === 0;
if (!diffOk) console.error(diff.stdout.slice(-4000), diff.stderr.slice(-4000));
rows.push([`differential test, ${Number(process.env.BENCH_DIFF ?? 100000).toLocaleString('en-US')} random cases: fast path = traced = json-rules-engine`, diffOk ? 'all agree' : 'DISAGREEMENT (see vitest output)', '', 'all agree', diffOk]);

const machine = `${cores} cores (${cpus()[0]?.model ?? 'cpu'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
const table = ['| measurement | figures | ratio | target | met |', '|---|---|---|---|---|', ...rows.map(([a, b, c, d, e]) => `| ${a} | ${b} | ${c} | ${d} | ${e === null ? '' : e ? 'yes' : 'NO'} |`)].join('\n');
console.log(`\n${machine}\n\n${table}\n`);
writeFileSync(join(root, 'bench/RESULTS.md'), `# Benchmark results (latest run)\n\nMachine: ${machine}. Inputs: ${N.toLocaleString('en-US')} generated cases (bench/generate.mjs); ratios from alternating rounds, median round.\n\n${table}\n\nRun with \`npm run bench\` (BENCH_N, BENCH_BATCH, BENCH_DIFF change the sizes).\n`);
