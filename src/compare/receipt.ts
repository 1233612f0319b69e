import { CONCEPT_GROUPS, type ConceptField } from '../facts/concepts.js';

/**
 * The facts as a receipt hashes them: validated facts with every closed concept set (an array,
 * contract.md "ConceptSet") in sorted order. A closed set is a set: `means: ['fraud', 'deception']`
 * and `means: ['deception', 'fraud']` state the same facts and get the same receipt. Everything
 * else is kept as given (the order of `movement.transit` is a route, and is kept).
 */
export function receiptFacts(facts: unknown): unknown {
  if (!facts || typeof facts !== 'object') return facts;
  let out = facts as Record<string, unknown>;
  for (const [head, tail] of CONCEPT_PATHS) {
    const holder = tail ? out[head] : out;
    if (!holder || typeof holder !== 'object') continue;
    const value = (holder as Record<string, unknown>)[tail ?? head];
    if (!Array.isArray(value) || isSorted(value as string[])) continue;
    const sorted = [...(value as string[])].sort();
    // Copy on write: the caller's facts are never changed.
    if (out === facts) out = { ...out };
    if (tail) out[head] = { ...(holder as Record<string, unknown>), [tail]: sorted };
    else out[head] = sorted;
  }
  return out;
}

/** Each concept field as [field] or [object, field] (`victim.harm`), split once. */
const CONCEPT_PATHS = (Object.keys(CONCEPT_GROUPS) as ConceptField[]).map((f) => f.split('.') as [string, string | undefined]);

/** Already in the order sort() would give (ids are plain ASCII, so < is sort()'s order). */
function isSorted(a: readonly string[]): boolean {
  for (let i = 1; i < a.length; i++) if ((a[i - 1] as string) > (a[i] as string)) return false;
  return true;
}
