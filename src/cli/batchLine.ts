import { compareOne } from '../compare/compareMany.js';
import { isFactsError } from '../facts/errors.js';
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
    return { ok: false, text: JSON.stringify({ line: lineNo, error: 'InvalidJSON', message: `line ${lineNo}: ${(e as Error).message}` }) };
  }
  const result = compareOne(record, options);
  if (isFactsError(result)) {
    const j = result.toJSON();
    return { ok: false, text: JSON.stringify({ line: lineNo, ...j, message: `line ${lineNo}: ${j.message}` }) };
  }
  return { ok: true, text: JSON.stringify(result) };
}
