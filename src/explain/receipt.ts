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
  for (const field of Object.keys(CONCEPT_GROUPS) as ConceptField[]) {
    const [head, tail] = field.split('.') as [string, string | undefined];
    const holder = tail ? out[head] : out;
    if (!holder || typeof holder !== 'object') continue;
    const value = (holder as Record<string, unknown>)[tail ?? head];
    if (!Array.isArray(value) || value.length < 2) continue;
    const sorted = [...(value as string[])].sort();
    if (sorted.every((x, i) => x === value[i])) continue;
    // Copy on write: the caller's facts are never changed.
    if (out === facts) out = { ...out };
    if (tail) out[head] = { ...(holder as Record<string, unknown>), [tail]: sorted };
    else out[head] = sorted;
  }
  return out;
}
