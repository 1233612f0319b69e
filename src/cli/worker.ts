import { parentPort } from 'node:worker_threads';
import { processLine, type BatchOptions } from './batchLine.js';

// A batch worker: receives chunks of NDJSON lines, answers with one output line per input line.
// Stateless apart from the library's own compiled rules, so any chunk can go to any worker.
parentPort?.on('message', (msg: { seq: number; lineNos: number[]; lines: string[]; options: BatchOptions }) => {
  const out = msg.lines.map((line, i) => processLine(line, msg.lineNos[i] as number, msg.options));
  parentPort?.postMessage({ seq: msg.seq, out });
});
