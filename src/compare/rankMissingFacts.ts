import type { RegimeResult, VerdictName } from '../types.js';

/*
 * The order of each verdict's missing facts is part of the answer (the first is the question to
 * ask first), so it is settled when the comparison is assembled; explain/missing.ts words the
 * questions in that same order.
 */
const VERDICTS: VerdictName[] = ['trafficking', 'victim', 'child', 'scope'];

/** Which verdicts (`regime.verdict`) list each missing fact, in the order the facts are first asked for. */
export function verdictsByFact(regimes: readonly RegimeResult[]): Map<string, string[]> {
  const decides = new Map<string, string[]>();
  for (const r of regimes) {
    for (const v of VERDICTS) {
      for (const f of r[v]?.missingFacts ?? []) decides.set(f, [...(decides.get(f) ?? []), `${r.regime}.${v}`]);
    }
  }
  return decides;
}

/**
 * The ranking key of a missing fact: the number of regimes with a verdict that turns on it, then
 * the number of verdicts (regime x trafficking/victim/child/scope) that turn on it. One key for
 * both rankMissingFacts and explainMissing, so that the questions come in the order of the lists.
 */
function rankKey(list: readonly string[]): [number, number] {
  return [new Set(list.map((x) => x.slice(0, x.indexOf('.')))).size, list.length];
}

/** Facts, most decisive first (more regimes, then more verdicts); ties keep the order the law asks for them in. */
export function rankFacts(regimes: readonly RegimeResult[]): string[] {
  const decides = verdictsByFact(regimes);
  const order = [...decides.keys()];
  const key = new Map(order.map((f) => [f, rankKey(decides.get(f) ?? [])]));
  return order
    .map((f, i) => ({ f, i, k: key.get(f) as [number, number] }))
    .sort((a, b) => b.k[0] - a.k[0] || b.k[1] - a.k[1] || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Rank missing facts: a fact that would decide more verdicts, across more regimes, comes first
 * (ties keep the order in which the law asks for them). Applied to every verdict's missingFacts,
 * in place, after all regimes are evaluated (compareSync, detail 'full').
 */
export function rankMissingFacts(regimes: RegimeResult[]): void {
  const position = new Map(rankFacts(regimes).map((f, i) => [f, i]));
  for (const r of regimes) {
    for (const v of VERDICTS) {
      const verdict = r[v];
      if (!verdict || verdict.missingFacts.length < 2) continue;
      verdict.missingFacts.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    }
  }
}

