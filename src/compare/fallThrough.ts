import { bundledRuleBook } from '../law/bundled.js';
import { regimes } from '../law/regimes.js';
import type { RuleBook } from '../law/load.js';
import type { Comparison, RegimeId } from '../types.js';

/** One case that one regime's law catches and another's does not: the gap the drafters measure. */
export interface FallThrough {
  caseId?: string;
  /** Regimes whose trafficking verdict qualifies. */
  qualifiesUnder: RegimeId[];
  /** National regimes whose trafficking verdict does not qualify (undetermined is not a fall-through: the facts, not the law, are short). */
  failsUnder: RegimeId[];
  /** The elements that decide the difference, from the case divergences, each once. */
  causes: string[];
}

// Each regime's kind (national / treaty) per rule book, read once: gap analysis asks for every
// case, and regimes() builds every version's citations. The book is immutable, so this is pure memoisation.
const kinds = new WeakMap<RuleBook, Map<string, string>>();
function kindsOf(book: RuleBook): Map<string, string> {
  let k = kinds.get(book);
  if (!k) {
    k = new Map(regimes(book).map((r) => [r.id, r.kind]));
    kinds.set(book, k);
  }
  return k;
}

/**
 * Whether this case falls through a gap between the regimes: it qualifies as trafficking under a
 * treaty (ACTIP, Palermo) and does not under a national law, or under one national law and not
 * the other. Which regimes are national and which are treaties is rule data (regime.json `kind`).
 * Returns undefined when nothing falls through.
 */
export function fallThrough(c: Comparison, book: RuleBook = bundledRuleBook()): FallThrough | undefined {
  const kind = kindsOf(book);
  const qualifiesUnder = c.regimes.filter((r) => r.trafficking.status === 'qualifies').map((r) => r.regime as RegimeId);
  const failsUnder = c.regimes
    .filter((r) => r.trafficking.status === 'does-not-qualify' && kind.get(r.regime) === 'national')
    .map((r) => r.regime as RegimeId);
  if (qualifiesUnder.length === 0 || failsUnder.length === 0) return undefined;
  const causes = [
    ...new Set(
      c.divergences
        .filter((d) => d.verdict === 'trafficking')
        .flatMap((d) => d.causes.filter((k) => k.regimes.some((r) => failsUnder.includes(r as RegimeId))).map((k) => k.element)),
    ),
  ];
  return { ...(c.caseId !== undefined ? { caseId: c.caseId } : {}), qualifiesUnder, failsUnder, causes };
}
