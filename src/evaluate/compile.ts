import type { FactValue } from '../facts/normalise.js';
import { type Condition, isLeaf } from '../law/conditions.js';
import type { Tri } from './kleene.js';
import { OPERATOR_TABLE } from './operators.js';

/** A condition compiled once into a closure tree: the fast path (no eval, CSP-safe). */
export type Evaluator = (facts: Readonly<Record<string, FactValue>>, verdicts: Readonly<Record<string, Tri>>) => Tri;

export function compileCondition(c: Condition): Evaluator {
  if (isLeaf(c)) {
    const op = OPERATOR_TABLE[c.operator];
    const { fact, value } = c;
    // `$child`, `$trafficking`: verdicts of an earlier stage of the same version.
    if (fact.startsWith('$')) return (_facts, verdicts) => op(verdicts[fact], value);
    // Nine leaves in ten are `equal` on a boolean or a country code. For any fact value that is
    // not an object (an age interval or a list), OPERATOR_TABLE.equal is exactly `===` with unknown
    // kept unknown, so that case is answered inline; objects still go through the operator table.
    // (The differential test holds this path to json-rules-engine.)
    if (c.operator === 'equal') {
      return (facts) => {
        const f = facts[fact];
        if (f === undefined) return undefined;
        return typeof f === 'object' ? op(f, value) : f === value;
      };
    }
    return (facts) => op(facts[fact], value);
  }
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return (facts, verdicts) => {
      const v = inner(facts, verdicts);
      return v === undefined ? undefined : !v;
    };
  }
  const parts = ('all' in c ? c.all : c.any).map(compileCondition);
  const n = parts.length;
  // A group of one is its member (Kleene and/or of one value is that value): one call fewer.
  if (n === 1) return parts[0] as Evaluator;
  if ('all' in c) {
    return (facts, verdicts) => {
      let unknown = false;
      for (let i = 0; i < n; i++) {
        const v = (parts[i] as Evaluator)(facts, verdicts);
        if (v === false) return false;
        if (v === undefined) unknown = true;
      }
      return unknown ? undefined : true;
    };
  }
  return (facts, verdicts) => {
    let unknown = false;
    for (let i = 0; i < n; i++) {
      const v = (parts[i] as Evaluator)(facts, verdicts);
      if (v === true) return true;
      if (v === undefined) unknown = true;
    }
    return unknown ? undefined : false;
  };
}
