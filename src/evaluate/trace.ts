import type { FactValue } from '../facts/normalise.js';
import { type Condition, isLeaf } from '../law/conditions.js';
import { and3, not3, or3, type Tri } from './kleene.js';
import { OPERATOR_TABLE } from './operators.js';

/** The evaluated condition tree: every node with its three-valued result. */
export type TraceNode =
  | { kind: 'all' | 'any'; name?: string; value: Tri; children: TraceNode[] }
  | { kind: 'not'; name?: string; value: Tri; children: [TraceNode] }
  | { kind: 'leaf'; name?: string; fact: string; operator: string; expected: unknown; actual: FactValue; value: Tri };

/** Evaluate a condition over tri-state facts, keeping every node's value (the full-detail path). */
export function traceCondition(
  c: Condition,
  facts: Readonly<Record<string, FactValue>>,
  verdicts: Readonly<Record<string, Tri>> = {},
): TraceNode {
  if (isLeaf(c)) {
    const actual = c.fact.startsWith('$') ? verdicts[c.fact] : facts[c.fact];
    const value = OPERATOR_TABLE[c.operator](actual, c.value);
    return { kind: 'leaf', ...(c.name ? { name: c.name } : {}), fact: c.fact, operator: c.operator, expected: c.value, actual, value };
  }
  if ('not' in c) {
    const child = traceCondition(c.not, facts, verdicts);
    return { kind: 'not', ...(c.name ? { name: c.name } : {}), value: not3(child.value), children: [child] };
  }
  const kind = 'all' in c ? 'all' : 'any';
  const children = ('all' in c ? c.all : c.any).map((x) => traceCondition(x, facts, verdicts));
  const value = kind === 'all' ? and3(children.map((x) => x.value)) : or3(children.map((x) => x.value));
  return { kind, ...(c.name ? { name: c.name } : {}), value, children };
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
