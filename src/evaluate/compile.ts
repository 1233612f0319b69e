import { type FactSlots, factSlot } from '../facts/normalise.js';
import { type Condition, isLeaf } from '../law/conditions.js';
import type { Tri } from './kleene.js';
import { OPERATOR_TABLE } from './operators.js';

/**
 * The verdicts of earlier stages of the same version that a condition may read, by position:
 * `[$child, $trafficking]`.
 */
export type StageVerdicts = [child: Tri, trafficking: Tri];
const VERDICT_POSITION: Readonly<Record<string, 0 | 1>> = { $child: 0, $trafficking: 1 };

/**
 * A condition compiled once into a closure tree over the fact slots (src/facts/normalise.ts,
 * FACT_NAMES): the fast path. No eval and no `new Function`, so it runs under a strict
 * Content-Security-Policy. json-rules-engine stays the reference semantics (engine.ts), and
 * test/differential*.test.ts hold the two to the same statuses.
 */
export type Evaluator = (facts: FactSlots, verdicts: StageVerdicts) => Tri;

export function compileCondition(c: Condition): Evaluator {
  if (isLeaf(c)) {
    const op = OPERATOR_TABLE[c.operator];
    const { fact, value } = c;
    // `$child`, `$trafficking`: verdicts of an earlier stage of the same version.
    const position = VERDICT_POSITION[fact];
    if (position !== undefined) return (_facts, verdicts) => op(verdicts[position], value);
    const at = factSlot(fact);
    // The rule book's loader rejects unknown fact names, so this is a bug in the loader, not bad data.
    if (at === undefined) throw new Error(`compileCondition: no fact slot for "${fact}"`);
    // Nine leaves in ten are `equal` on a boolean or a country code. For any fact value that is
    // not an object (an age interval or a list), OPERATOR_TABLE.equal is exactly `===` with unknown
    // kept unknown, so that case is answered inline; objects still go through the operator table.
    if (c.operator === 'equal') {
      return (facts) => {
        const f = facts[at];
        if (f === undefined) return undefined;
        return typeof f === 'object' ? op(f, value) : f === value;
      };
    }
    return (facts) => op(facts[at], value);
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
