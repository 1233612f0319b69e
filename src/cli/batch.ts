import { fstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type BatchOptions, processBlock } from './batchLine.js';

// Lines per block sent to a worker (or answered in-process). A full Comparison is about 170 kB of
// JSON (element trees, citations with their statutory text), a screening one about 5 kB: full
// blocks stay small so a block's output fits the worker heap below and memory stays bounded.
const CHUNK = { verdicts: 256, full: 16 } as const;

export interface BatchStats {
  records: number;
  errors: number;
  seconds: number;
}

/**
 * NDJSON CaseFacts on `input`, one NDJSON Comparison (or error object) per line on `output`, in
 * input order. With more than one worker, chunks of lines go to worker threads; memory stays
 * bounded because reading pauses while too many chunks are in flight or the output is draining.
 */
export function runBatch(
  input: NodeJS.ReadableStream & { fd?: number },
  output: NodeJS.WritableStream,
  options: BatchOptions,
  workers: number = availableParallelism(),
  progress?: NodeJS.WriteStream,
): Promise<BatchStats> {
  const started = performance.now();
  const pool: Worker[] = [];
  if (workers > 1) {
    // A small old generation per worker keeps the whole batch's memory bounded (issue 5: < 250 MB
    // at two workers); a record's comparison is short-lived garbage, so this costs little. The
    // young generation is where that garbage dies: at 8 MB the workers spent a third more CPU
    // collecting it than at 24 MB (100,000 records, 2 workers: 19.1 vs 14.5 CPU-seconds, peak RSS
    // 193 vs 214 MB). Full detail needs more room per block (see CHUNK).
    const oldGen = options.detail === 'verdicts' ? 48 : 128;
    for (let i = 0; i < workers; i++) pool.push(new Worker(new URL('./worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: oldGen, maxYoungGenerationSizeMb: 24 } }));
  }
  const maxInFlight = Math.max(2, workers * 3);
  const chunkSize = options.detail === 'verdicts' ? CHUNK.verdicts : CHUNK.full;
  let totalBytes: number | undefined;
  try {
    const st = fstatSync((input as { fd?: number }).fd ?? 0);
    if (st.isFile()) totalBytes = st.size;
  } catch {
    /* a pipe: size unknown */
  }

  return new Promise((resolve, reject) => {
    // Input is cut into blocks of whole lines as it arrives; the main thread only finds line ends
    // (to number the lines and keep order) and writes the answers: parsing, evaluating and
    // serialising happen in the block's worker.
    let buffered = '';
    let linesInBuffer = 0;
    let nextLine = 1;
    let seq = 0;
    let nextToWrite = 0;
    let inFlight = 0;
    let ended = false;
    let draining = false;
    let records = 0;
    let errors = 0;
    let bytes = 0;
    const done = new Map<number, { text: string | Uint8Array; records: number; errors: number }>();
    let nextWorker = 0;
    let lastProgress = 0;

    const maybeResume = () => {
      if (!ended && inFlight < maxInFlight && !draining) input.resume();
    };
    const flush = () => {
      while (done.has(nextToWrite)) {
        const out = done.get(nextToWrite) as { text: string | Uint8Array; records: number; errors: number };
        done.delete(nextToWrite);
        nextToWrite += 1;
        records += out.records;
        errors += out.errors;
        const text = out.text;
        // One 'drain' listener at a time: several chunks can be written while the output is full.
        if (text.length && !output.write(text) && !draining) {
          draining = true;
          input.pause();
          output.once('drain', () => {
            draining = false;
            maybeResume();
          });
        }
      }
      showProgress(false);
      if (ended && inFlight === 0 && !done.size) finish();
    };
    const showProgress = (final: boolean) => {
      if (!progress?.isTTY) return;
      const now = performance.now();
      if (!final && now - lastProgress < 250) return;
      lastProgress = now;
      const secs = (now - started) / 1000;
      const rate = records / Math.max(secs, 1e-3);
      const eta = totalBytes && bytes > 0 ? ` ETA ${Math.max(0, (secs * (totalBytes / bytes - 1))).toFixed(0)}s` : '';
      const pct = totalBytes ? ` ${((100 * bytes) / totalBytes).toFixed(0)}%` : '';
      progress.write(`\r${records} records, ${errors} errors, ${rate.toFixed(0)} records/s${pct}${eta}   `);
      if (final) progress.write('\n');
    };
    const dispatch = (text: string, firstLine: number) => {
      const mySeq = seq++;
      inFlight += 1;
      if (inFlight >= maxInFlight) input.pause();
      if (pool.length) {
        const w = pool[nextWorker++ % pool.length] as Worker;
        w.postMessage({ seq: mySeq, firstLine, text, options });
      } else {
        // One worker: evaluate here, but yield to the event loop between blocks.
        setImmediate(() => {
          done.set(mySeq, processBlock(text, firstLine, options));
          inFlight -= 1;
          flush();
          maybeResume();
        });
      }
    };
    for (const w of pool) {
      w.on('message', (msg: { seq: number; text: Uint8Array; records: number; errors: number }) => {
        done.set(msg.seq, msg);
        inFlight -= 1;
        flush();
        maybeResume();
      });
      w.on('error', (e) => reject(e));
    }
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      showProgress(true);
      for (const w of pool) void w.terminate();
      resolve({ records, errors, seconds: (performance.now() - started) / 1000 });
    };
    input.setEncoding?.('utf8');
    input.on('data', (data: string | Buffer) => {
      const s = typeof data === 'string' ? data : data.toString('utf8');
      bytes += Buffer.byteLength(s);
      // Count the line ends in the new text; whenever a block's worth is complete, send it.
      let from = buffered.length;
      buffered += s;
      let cut = 0;
      for (let nl = buffered.indexOf('\n', from); nl !== -1; nl = buffered.indexOf('\n', from)) {
        from = nl + 1;
        linesInBuffer += 1;
        if (linesInBuffer === chunkSize) {
          dispatch(buffered.slice(cut, from), nextLine);
          nextLine += linesInBuffer;
          linesInBuffer = 0;
          cut = from;
        }
      }
      if (cut) buffered = buffered.slice(cut);
    });
    input.on('end', () => {
      if (buffered) dispatch(buffered, nextLine);
      buffered = '';
      ended = true;
      if (inFlight === 0) flush();
    });
    input.on('error', reject);
  });
}
