// Gap analysis through the CLI: `tip-harmonise gaps -` on NDJSON generated on the fly (never
// written to disk), records/s and peak RSS, and the same input through `batch --detail verdicts
// --workers 1` side by side in this run for a ratio. Needs dist/ (npm run build).
//
//   node bench/gaps.mjs                 1,000,000 records (BENCH_GAPS changes it), ratio on 100,000 (BENCH_GAPS_RATIO)
//
// Peak RSS is the kernel's ru_maxrss of the child from /usr/bin/time -v when it exists, else the
// highest /proc/<pid>/status VmHWM seen while polling. One record in 1,000 is invalid (an age that
// is not a number): gaps must count and list it, and go on.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.mjs';

const root = join(import.meta.dirname, '..');
const N = Number(process.env.BENCH_GAPS ?? 1_000_000);
const RATIO_N = Number(process.env.BENCH_GAPS_RATIO ?? 100_000);
const timeV = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).status === 0;

// 10 blocks of 1,000 distinct generated cases, sent in turn; ids stay unique within a block.
const blocks = Array.from({ length: 10 }, (_, b) => {
  const records = generate(1000, 42 + b).map((f) => JSON.stringify({ ...f, id: `b${b}-${f.id}` }));
  records[500] = '{"id": "bad", "conductDate": "2020-01-01", "victim": {"age": "x"}}';
  return `${records.join('\n')}\n`;
});

function runCli(args, n) {
  return new Promise((resolve) => {
    const cli = [join(root, 'bin/tip-harmonise.mjs'), ...args];
    const child = timeV ? spawn('/usr/bin/time', ['-v', process.execPath, ...cli], { stdio: ['pipe', 'pipe', 'pipe'] }) : spawn(process.execPath, cli, { stdio: ['pipe', 'pipe', 'pipe'] });
    let peakKb = 0;
    const poll = timeV
      ? undefined
      : setInterval(() => {
          try {
            const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
            if (hwm > peakKb) peakKb = hwm;
          } catch {}
        }, 50);
    const out = [];
    let outBytes = 0;
    // batch answers every record: keep only a count of bytes; gaps answers once, keep it.
    child.stdout.on('data', (d) => {
      outBytes += d.length;
      if (args[0] === 'gaps') out.push(d);
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d.toString()).slice(-8000);
    });
    child.stdin.on('error', () => {});
    const start = performance.now();
    let sent = 0;
    let b = 0;
    const pump = () => {
      while (sent < n) {
        const k = Math.min(1000, n - sent);
        sent += k;
        const block = blocks[b++ % blocks.length];
        const chunk = k === 1000 ? block : `${block.split('\n').slice(0, k).join('\n')}\n`;
        if (!child.stdin.write(chunk)) return child.stdin.once('drain', pump);
      }
      child.stdin.end();
    };
    pump();
    child.on('close', (code) => {
      if (poll) clearInterval(poll);
      const secs = (performance.now() - start) / 1000;
      if (timeV) peakKb = Number(/Maximum resident set size \(kbytes\):\s+(\d+)/.exec(stderr)?.[1] ?? 0);
      resolve({ code, secs, rate: n / secs, peakMb: peakKb / 1024, stdout: Buffer.concat(out).toString('utf8'), outBytes, stderr });
    });
  });
}

const load = () => (readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?');
const loadStart = load();
console.error(`gaps bench: ${N} records (ratio on ${RATIO_N}), load ${loadStart}`);

// Side by side: the same records through gaps and through batch (screening, one worker).
const g = await runCli(['gaps', '-', '--format', 'json'], RATIO_N);
const bt = await runCli(['batch', '--detail', 'verdicts', '--workers', '1'], RATIO_N);
const big = await runCli(['gaps', '-', '--format', 'json'], N);
const loadEnd = load();

let report;
try {
  report = JSON.parse(big.stdout);
} catch {
  report = undefined;
}
const complete = big.code === 0 && report?.cases === N && report?.badRecords?.count === N / 1000;
const detailed = report ? (report.fallThroughCount + report.undetermined.count) / N : Number.NaN;
const rows = [
  `| gaps CLI, ${N.toLocaleString('en-US')} NDJSON records on stdin (generated on the fly, 1 in 1,000 invalid) | ${big.rate.toFixed(0)} records/s, ${big.secs.toFixed(1)} s, peak RSS ${big.peakMb.toFixed(0)} MB; ${report ? `${report.badRecords.count} bad counted, ${report.fallThroughCount} fall through, ${report.undetermined.count} undetermined (${(100 * detailed).toFixed(1)} % judged again in full)` : `INCOMPLETE (exit ${big.code})`} |  | < 300 MB | ${big.peakMb < 300 && complete ? 'yes' : 'no'} |`,
  `| gaps vs batch --detail verdicts --workers 1, ${RATIO_N.toLocaleString('en-US')} records each, same input, this run | ${g.rate.toFixed(0)} vs ${bt.rate.toFixed(0)} records/s (peak RSS ${g.peakMb.toFixed(0)} vs ${bt.peakMb.toFixed(0)} MB) | gaps at ${(g.rate / bt.rate).toFixed(2)}x the batch rate |  |  |`,
];
console.log(`Machine: ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average at start ${loadStart} and at end ${loadEnd}.\n`);
console.log('| measurement | figures | ratio | target | met |\n|---|---|---|---|---|');
for (const r of rows) console.log(r);
if (!complete) {
  console.error(big.stderr.slice(-2000));
  process.exitCode = 1;
}
