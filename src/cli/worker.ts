import { parentPort } from 'node:worker_threads';
import { processBlock, type BatchOptions } from './batchLine.js';

// A batch worker: receives blocks of whole NDJSON lines, answers with one output line per record.
// Stateless apart from the library's own compiled rules, so any block can go to any worker.
parentPort?.on('message', (msg: { seq: number; firstLine: number; text: string; options: BatchOptions }) => {
  const r = processBlock(msg.text, msg.firstLine, msg.options);
  // Encoded here and handed over (transferred, not copied): the main thread only writes bytes, so
  // turning text into UTF-8, the costliest part of output, is spread over the workers.
  const bytes = Buffer.from(r.text, 'utf8');
  const body = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  parentPort?.postMessage({ seq: msg.seq, text: body, records: r.records, errors: r.errors }, own ? [body.buffer as ArrayBuffer] : []);
});
