import type { FactValue } from '../facts/normalise.js';
import { type Condition, isLeaf } from '../law/conditions.js';
import { not3, type Tri } from './kleene.js';
import { OPERATOR_TABLE } from './operators.js';

/** The evaluated condition tree: every node with its three-valued result. */
export type TraceNode =
  | { kind: 'all' | 'any'; name?: string | undefined; value: Tri; children: TraceNode[] }
  | { kind: 'not'; name?: string | undefined; value: Tri; children: [TraceNode] }
  | { kind: 'leaf'; name?: string | undefined; label?: string | undefined; fact: string; operator: string; expected: unknown; actual: FactValue; value: Tri };

/** Evaluate a condition over tri-state facts, keeping every node's value (the full-detail path). */
export function traceCondition(
  c: Condition,
  facts: Readonly<Record<string, FactValue>>,
  verdicts: Readonly<Record<string, Tri>> = {},
): TraceNode {
  // Object literals with a fixed shape (no spreads): this runs for every node of every element.
  if (isLeaf(c)) {
    const actual = c.fact.startsWith('$') ? verdicts[c.fact] : facts[c.fact];
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

/**
 * The facts whose value could change an unknown result: unknown leaves reached through unknown
 * nodes only (a decided branch cannot change the answer, so its unknowns do not matter).
 */
export function undecidedFacts(node: TraceNode, into: Set<string> = new Set()): Set<string> {
  if (node.value !== undefined) return into;
  if (node.kind === 'leaf') into.add(node.fact);
  else for (const child of node.children) undecidedFacts(child, into);
  return into;
}

/** Leaves that came out true (for `matched`: which concepts satisfied an element). */
export function trueLeaves(node: TraceNode, into: string[] = []): string[] {
  if (node.value !== true) return into;
  if (node.kind === 'leaf') into.push(node.fact);
  else if (node.kind !== 'not') for (const child of node.children) trueLeaves(child, into);
  return into;
}
