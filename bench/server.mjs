#!/usr/bin/env node
// The HTTP service under load (issue 15): `tip-harmonise serve` in its own process on a loopback
// port, autocannon for BENCH_SERVER_SECONDS (default 10) per endpoint, requests/s and p50/p99
// latency for POST /compare?detail=verdicts and full detail, each as a ratio to in-process
// compare() on the same cases measured in the same run (in-process first, then HTTP, then
// in-process again; the mean of the two in-process rates is the reference, so a drift in the
// machine's load shows as a gap between them). Loopback only, bounded in time.
//   node bench/server.mjs           (standalone: prints, and writes its section of bench/RESULTS.md)
//   serverBench({ root, lib, cases }) from bench/run.mjs (rows for the main table)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { generate } from './generate.mjs';

const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_SERVER_CONNECTIONS ?? 8);

/** Start `tip-harmonise serve --port 0` from `root`; resolves with its URL, the child and the ms to its listening line. */
function startServe(root) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin/tip-harmonise.mjs'), 'serve', '--port', '0', '--quiet', '--max-concurrent', '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl !== -1) {
        const line = JSON.parse(buf.slice(0, nl));
        resolve({ child, url: line.url, startMs: performance.now() - t });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
    child.on('error', reject);
  });
}

/** compare() calls a second over `cases` for about `seconds` (whole passes). */
async function inProcessRate(lib, cases, options, seconds) {
  let n = 0;
  const t = performance.now();
  while (performance.now() - t < seconds * 1000) {
    for (const f of cases) {
      await lib.compare(f, options);
      n += 1;
    }
  }
  return (n / (performance.now() - t)) * 1000;
}

function load(url, path, cases) {
  return new Promise((resolve, reject) => {
    const requests = cases.map((f) => ({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(f) }));
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

export async function serverBench({ root, lib, cases }) {
  const sample = cases.slice(0, 200);
  const starts = [];
  // Start-up: three fresh processes, time from spawn to the listening line.
  for (let i = 0; i < 3; i++) {
    const s = await startServe(root);
    starts.push(s.startMs);
    s.child.kill('SIGTERM');
    await new Promise((r) => s.child.once('exit', r));
  }
  const s = await startServe(root);
  const rows = [];
  try {
    for (const [label, path, options] of [
      ['verdicts', '/compare?detail=verdicts', { detail: 'verdicts' }],
      ['full', '/compare', {}],
    ]) {
      const before = await inProcessRate(lib, sample, options, Math.min(3, SECONDS));
      const r = await load(s.url, path, sample);
      const after = await inProcessRate(lib, sample, options, Math.min(3, SECONDS));
      const ref = (before + after) / 2;
      const bad = r.non2xx + r.errors + r.timeouts;
      rows.push([
        `HTTP POST ${path} (autocannon ${SECONDS} s, ${CONNECTIONS} connections, loopback, ${sample.length} generated cases) vs in-process compare(${label === 'verdicts' ? '{ detail: "verdicts" }' : ''})`,
        `${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms${bad ? ` (${bad} failed)` : ''}; in-process ${before.toFixed(0)} / ${after.toFixed(0)} calls/s before / after`,
        `${(r.requests.average / ref).toFixed(2)}x the in-process rate`,
        '',
        bad === 0 ? null : false,
      ]);
    }
  } finally {
    s.child.kill('SIGTERM');
  }
  const median = [...starts].sort((a, b) => a - b)[1];
  rows.unshift([`tip-harmonise serve: spawn to listening (median of 3)`, `${median.toFixed(0)} ms`, '', '< 1000 ms', median < 1000]);
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
  if (!existsSync(join(repo, 'dist/server.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const lib = await import(join(repo, 'dist/index.js'));
  const startLoad = loadavg()[0].toFixed(1);
  const rows = await serverBench({ root: repo, lib, cases: generate(2000) });
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'cpu'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average at start ${startLoad} and at end ${loadavg()[0].toFixed(1)}`;
  const table = ['| measurement | figures | ratio | target | met |', '|---|---|---|---|---|', ...rows.map(([a, b, c, d, e]) => `| ${a} | ${b} | ${c} | ${d} | ${e === null ? '' : e ? 'yes' : 'NO'} |`)].join('\n');
  console.log(`\n${machine}\n\n${table}\n`);
  const file = join(repo, 'bench/RESULTS.md');
  const head = '## HTTP service (bench/server.mjs)';
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const kept = old.includes(head) ? old.slice(0, old.indexOf(head)).trimEnd() : old.trimEnd();
  writeFileSync(file, `${kept}\n\n${head}\n\nMachine: ${machine}. Run alone with \`node bench/server.mjs\` (after a build); \`npm run bench\` puts these rows in the table above.\n\n${table}\n`);
}
