import { parentPort } from 'node:worker_threads';
import { processLine, type BatchOptions } from './batchLine.js';

// A batch worker: receives chunks of NDJSON lines, answers with one output line per input line.
// Stateless apart from the library's own compiled rules, so any chunk can go to any worker.
parentPort?.on('message', (msg: { seq: number; lineNos: number[]; lines: string[]; options: BatchOptions }) => {
  // One string per chunk: cheaper to pass between threads than an object per line.
  let text = '';
  let errors = 0;
  for (let i = 0; i < msg.lines.length; i++) {
    const r = processLine(msg.lines[i] as string, msg.lineNos[i] as number, msg.options);
    if (!r.ok) errors += 1;
    text += `${r.text}\n`;
  }
  parentPort?.postMessage({ seq: msg.seq, text, records: msg.lines.length, errors });
});
