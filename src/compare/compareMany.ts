import { FactsError, isFactsError } from '../facts/errors.js';
import type { CompareOptions, Comparison } from '../types.js';
import { compareSync } from './compare.js';

/**
 * Compare many cases, in input order, streaming: each record yields its Comparison, or a
 * FactsError in its place when it is invalid; one bad record never stops the stream.
 * Memory stays bounded: one record is held at a time.
 *
 * @example
 * ```ts
 * const records = [{ id: 'a', victim: { age: 15 } }, { id: 'b', victim: { age: 'x' } }];
 * for await (const r of compareMany(records, { detail: 'verdicts' })) {
 *   if (isFactsError(r)) console.error(r.caseId, r.message);
 *   else console.log(r.caseId, r.regimes.map((x) => x.trafficking.status));
 * }
 * ```
 */
export async function* compareMany(
  facts: Iterable<unknown> | AsyncIterable<unknown>,
  options?: CompareOptions,
): AsyncIterable<Comparison | FactsError> {
  for await (const record of facts as AsyncIterable<unknown>) {
    yield compareOne(record, options);
  }
}

/** One record: its Comparison, or the FactsError that explains why it has none. */
export function compareOne(record: unknown, options?: CompareOptions): Comparison | FactsError {
  try {
    return compareSync(record, options);
  } catch (e) {
    if (isFactsError(e)) return e as FactsError;
    // A defect, not bad input: still never lose the record.
    return new FactsError([{ path: '', code: 'internal', message: `internal error: ${e instanceof Error ? e.message : String(e)}` }]);
  }
}
