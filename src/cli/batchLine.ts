import { compareOne } from '../compare/compareMany.js';
import { isFactsError } from '../facts/errors.js';
import { jsonText } from '../render/escape.js';
import type { CompareOptions } from '../types.js';

export type BatchOptions = CompareOptions;

/**
 * One NDJSON line in, one NDJSON line out: the Comparison, or an error object that names the line
 * and the fields. Never throws: a bad record costs its own line and nothing else.
 */
export function processLine(line: string, lineNo: number, options: BatchOptions): { text: string; ok: boolean } {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (e) {
    return { ok: false, text: jsonText({ line: lineNo, error: 'InvalidJSON', message: `line ${lineNo}: ${(e as Error).message}` }) };
  }
  const result = compareOne(record, options);
  if (isFactsError(result)) {
    const j = result.toJSON();
    // Error lines quote the input (keys, up to 60 characters of a value): escaped for a terminal too.
    return { ok: false, text: jsonText({ line: lineNo, ...j, message: `line ${lineNo}: ${j.message}` }) };
  }
  return { ok: true, text: JSON.stringify(result) };
}

/** A block of NDJSON answered: its output lines (one per record), how many records and errors. */
export interface BlockResult {
  text: string;
  records: number;
  errors: number;
}

/**
 * A block of whole NDJSON lines (`\n` or `\r\n` ends), the first numbered `firstLine`: one output
 * line per non-blank input line, in order; blank lines are skipped but still counted, so error
 * lines name the line as an editor shows it. Worker threads and the in-process path both use it.
 */
export function processBlock(text: string, firstLine: number, options: BatchOptions): BlockResult {
  let out = '';
  let records = 0;
  let errors = 0;
  let lineNo = firstLine;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    if (line.trim()) {
      const r = processLine(line, lineNo, options);
      if (!r.ok) errors += 1;
      records += 1;
      out += `${r.text}\n`;
    }
    lineNo += 1;
    start = end + 1;
  }
  return { text: out, records, errors };
}
