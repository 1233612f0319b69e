#!/usr/bin/env node
// Screen a backlog of case records (NDJSON: one CaseFacts JSON object per line) across the four
// regimes, streaming: one record in memory at a time, a bad line reported and skipped, never fatal.
//
//   node examples/screen-backlog.mjs examples/backlog.ndjson [--as-of 2026-01-02] > verdicts.ndjson
//
// Output: one NDJSON line per input line, in input order: the statuses and the receipt (store it
// with the case), or the error naming the line and fields. A summary goes to stderr.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { compareMany, isFactsError } from 'tip-harmonise';

// Arguments: [FILE] [--as-of YYYY-MM-DD]; no FILE reads stdin.
let file;
let asOf;
for (let a = process.argv.slice(2); a.length; ) {
  const arg = a.shift();
  if (arg === '--as-of') asOf = a.shift();
  else file = arg;
}

const lines = createInterface({ input: file ? createReadStream(file) : process.stdin, crlfDelay: Infinity });
const lineNumbers = []; // the input line of each record handed to compareMany, in order

async function* records() {
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === '') continue;
    let value;
    try {
      value = JSON.parse(line);
    } catch {
      // Not JSON: report it ourselves, compareMany only sees JSON values.
      process.stdout.write(`${JSON.stringify({ line: n, error: 'not JSON' })}\n`);
      tally.records += 1;
      tally.errors += 1;
      continue;
    }
    lineNumbers.push(n);
    yield value;
  }
}

const tally = { records: 0, errors: 0, qualifies: {} };
let i = 0;
// detail: 'verdicts' skips element trees and texts: the fast path for bulk screening.
for await (const result of compareMany(records(), { detail: 'verdicts', ...(asOf ? { asOf } : {}) })) {
  const line = lineNumbers[i++];
  tally.records += 1;
  if (isFactsError(result)) {
    tally.errors += 1;
    process.stdout.write(`${JSON.stringify({ line, caseId: result.caseId, error: 'FactsError', issues: result.issues })}\n`);
    continue;
  }
  const statuses = Object.fromEntries(result.regimes.map((r) => [r.regime, r.trafficking.status]));
  for (const [regime, status] of Object.entries(statuses)) {
    if (status === 'qualifies') tally.qualifies[regime] = (tally.qualifies[regime] ?? 0) + 1;
  }
  process.stdout.write(`${JSON.stringify({ line, caseId: result.caseId, trafficking: statuses, receipt: result.receipt })}\n`);
}
process.stderr.write(`screened ${tally.records} records, ${tally.errors} errors; trafficking qualifies: ${JSON.stringify(tally.qualifies)}\n`);
