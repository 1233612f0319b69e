import { type FactSlots, type FactValue, factSlot } from '../facts/normalise.js';
import type { StageVerdicts } from './compile.js';
import { type Condition, isLeaf } from '../law/conditions.js';
import { not3, type Tri } from './kleene.js';
import { OPERATOR_TABLE } from './operators.js';

/** The evaluated condition tree: every node with its three-valued result. */
export type TraceNode =
  | { kind: 'all' | 'any'; name?: string | undefined; value: Tri; children: TraceNode[] }
  | { kind: 'not'; name?: string | undefined; value: Tri; children: [TraceNode] }
  | { kind: 'leaf'; name?: string | undefined; label?: string | undefined; fact: string; operator: string; expected: unknown; actual: FactValue; value: Tri };

const NO_VERDICTS: StageVerdicts = [undefined, undefined];

/** Evaluate a condition over tri-state facts, keeping every node's value (the full-detail path). */
export function traceCondition(c: Condition, facts: FactSlots, verdicts: Readonly<StageVerdicts> = NO_VERDICTS): TraceNode {
  // Object literals with a fixed shape (no spreads): this runs for every node of every element.
  if (isLeaf(c)) {
    const actual = c.fact === '$child' ? verdicts[0] : c.fact === '$trafficking' ? verdicts[1] : facts[c.slot ?? (factSlot(c.fact) as number)];
    const value = OPERATOR_TABLE[c.operator](actual, c.value);
    return { kind: 'leaf', name: c.name, label: c.label, fact: c.fact, operator: c.operator, expected: c.value, actual, value };
  }
  if ('not' in c) {
    const child = traceCondition(c.not, facts, verdicts);
    return { kind: 'not', name: c.name, value: not3(child.value), children: [child] };
  }
  const list = 'all' in c ? c.all : c.any;
  const children: TraceNode[] = new Array(list.length);
  let unknown = false;
  let decided: boolean | undefined;
  const isAll = 'all' in c;
  for (let i = 0; i < list.length; i++) {
    const child = traceCondition(list[i] as Condition, facts, verdicts);
    children[i] = child;
    if (child.value === undefined) unknown = true;
    else if (child.value === !isAll) decided = !isAll;
  }
  const value: Tri = decided !== undefined ? decided : unknown ? undefined : isAll;
  return { kind: isAll ? 'all' : 'any', name: c.name, value, children };
}

/** A condition's value without keeping its tree (no allocation): what traceCondition's root says. */
export function conditionValue(c: Condition, facts: FactSlots, verdicts: Readonly<StageVerdicts>): Tri {
  if (isLeaf(c)) {
    const actual = c.fact === '$child' ? verdicts[0] : c.fact === '$trafficking' ? verdicts[1] : facts[c.slot ?? (factSlot(c.fact) as number)];
    return OPERATOR_TABLE[c.operator](actual, c.value);
  }
  if ('not' in c) return not3(conditionValue(c.not, facts, verdicts));
  const isAll = 'all' in c;
  const list = isAll ? c.all : c.any;
  let unknown = false;
  for (const child of list) {
    const v = conditionValue(child, facts, verdicts);
    if (v === undefined) unknown = true;
    else if (v === !isAll) return !isAll;
  }
  return unknown ? undefined : isAll;
}

/**
 * The facts whose value could change an unknown result: unknown leaves reached through unknown
 * nodes only (a decided branch cannot change the answer, so its unknowns do not matter). Walked
 * without a tree: each node entered is re-evaluated (the trees are shallow), so no node objects
 * are made.
 */
export function collectUndecided(c: Condition, facts: FactSlots, verdicts: Readonly<StageVerdicts>, into: Set<string>): void {
  if (conditionValue(c, facts, verdicts) !== undefined) return;
  if (isLeaf(c)) into.add(c.fact);
  else if ('not' in c) collectUndecided(c.not, facts, verdicts, into);
  else for (const child of 'all' in c ? c.all : c.any) collectUndecided(child, facts, verdicts, into);
}

/** Leaves that came out true (for `matched`: which concepts satisfied an element), without a tree. */
export function collectTrueLeaves(c: Condition, facts: FactSlots, verdicts: Readonly<StageVerdicts>, into: string[]): void {
  if (conditionValue(c, facts, verdicts) !== true) return;
  if (isLeaf(c)) into.push(c.fact);
  else if (!('not' in c)) for (const child of 'all' in c ? c.all : c.any) collectTrueLeaves(child, facts, verdicts, into);
}
