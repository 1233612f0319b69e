import type { AgeInterval, FactValue } from '../facts/normalise.js';
import type { Operator } from '../law/schema.js';
import type { Tri } from './kleene.js';

/**
 * The operators rule conditions may use, with three-valued semantics: an unknown fact gives an
 * unknown result for every operator (json-rules-engine's `allowUndefinedFacts` would make
 * `notEqual` and `notIn` silently true). An age interval gives a known result only when every age
 * in it gives the same one.
 */
export type TriOperator = (fact: FactValue, value: unknown) => Tri;

const isInterval = (v: FactValue): v is AgeInterval => typeof v === 'object' && v !== null && !Array.isArray(v);

function numeric(test: (n: number, bound: number) => boolean): TriOperator {
  return (fact, value) => {
    if (fact === undefined || typeof value !== 'number') return undefined;
    if (typeof fact === 'number') return test(fact, value);
    if (!isInterval(fact)) return undefined;
    const lo = test(fact.min, value);
    const hi = test(fact.max, value);
    // Every test used here is monotone in n, so the two ends decide the whole interval.
    return lo === hi ? lo : undefined;
  };
}

function equal(fact: FactValue, value: unknown): Tri {
  if (fact === undefined) return undefined;
  if (isInterval(fact)) return fact.min === fact.max ? fact.min === value : fact.min <= (value as number) && (value as number) <= fact.max ? undefined : false;
  return fact === value;
}

function isIn(fact: FactValue, value: unknown): Tri {
  if (fact === undefined || !Array.isArray(value)) return undefined;
  return (value as unknown[]).includes(fact);
}

function contains(fact: FactValue, value: unknown): Tri {
  if (fact === undefined || !Array.isArray(fact)) return undefined;
  return fact.includes(value as string);
}

const negate =
  (op: TriOperator): TriOperator =>
  (fact, value) => {
    const r = op(fact, value);
    return r === undefined ? undefined : !r;
  };

export const OPERATOR_TABLE: Record<Operator, TriOperator> = {
  equal,
  notEqual: negate(equal),
  in: isIn,
  notIn: negate(isIn),
  contains,
  doesNotContain: negate(contains),
  lessThan: numeric((n, b) => n < b),
  lessThanInclusive: numeric((n, b) => n <= b),
  greaterThan: numeric((n, b) => n > b),
  greaterThanInclusive: numeric((n, b) => n >= b),
};
