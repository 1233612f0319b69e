import { FactsError } from '../facts/errors.js';
import { parseFacts } from '../facts/parseFacts.js';
import { bundledRuleBook } from '../law/bundled.js';
import type { RuleBook } from '../law/load.js';
import { rankMissingFacts } from './rankMissingFacts.js';
import { canonicalJson, sha256Hex } from './sha256.js';
import { receiptFacts } from './receipt.js';
import { LIBRARY_VERSION } from '../version.js';
import type { CompareOptions, Comparison, RegimeResult } from '../types.js';
import { caseDivergences } from './caseDivergences.js';
import { caseReform } from './reform.js';
import { evaluateRegime, normaliseOnDates } from './evaluateRegime.js';
import { type ResolvedOptions, resolveOptions } from './options.js';

/**
 * Compare one case fact pattern across the regimes: a verdict per regime on trafficking, victim,
 * child (and scope for the treaties), element by element with citations, and where they diverge.
 *
 * Throws `FactsError` (and nothing else) when the facts or options are invalid.
 *
 * @example
 * ```ts
 * const c = await compare({ conductDate: '2023-03-01', victim: { age: 16 }, acts: ['recruitment'], purposes: ['sexual-exploitation'] });
 * c.regimes.map((r) => [r.regime, r.trafficking.status]);
 * ```
 */
export async function compare(facts: unknown, options?: CompareOptions): Promise<Comparison> {
  return compareSync(facts, options);
}

/** The synchronous core of compare() (batch workers and compareMany use it directly). */
export function compareSync(facts: unknown, options?: CompareOptions, book: RuleBook = bundledRuleBook()): Comparison {
  // Proposals (issue 14): the law in force first, then each reformed rule book on the same facts.
  const proposals = options !== null && typeof options === 'object' && 'proposals' in options ? (options as CompareOptions).proposals : undefined;
  if (proposals !== undefined) {
    const { proposals: _p, ...rest } = options as CompareOptions;
    if (!Array.isArray(proposals)) throw new FactsError([{ path: 'options.proposals', code: 'invalid_type', message: 'expected an array of proposals (see docs/proposal.schema.json)' }]);
    const before = compareSync(facts, rest, book);
    if (proposals.length) before.reforms = proposals.map((p, i) => caseReform(facts, rest, p, i, before, book, compareSync));
    return before;
  }
  const parsed = parseFacts(facts);
  let resolved: ResolvedOptions;
  try {
    resolved = resolveOptions(options, book);
  } catch (e) {
    if (e instanceof FactsError && parsed.id !== undefined) throw new FactsError(e.issues, parsed.id);
    throw e;
  }
  const asOf = resolved.asOf ?? parsed.conductDate;
  const loaded = resolved.regimes.map((id) => {
    const regime = book.regimes.find((r) => r.id === id);
    if (!regime) throw new FactsError([{ path: 'options.regimes', code: 'unknown_regime', message: `no regime ${id}` }]);
    return regime;
  });
  // parse -> normalise once -> evaluate each regime -> assemble (docs/architecture.md).
  const normalised = normaliseOnDates(parsed, asOf, loaded);
  const regimes: RegimeResult[] = loaded.map((regime) => evaluateRegime(regime, parsed, resolved, normalised));
  if (resolved.detail === 'full') rankMissingFacts(regimes);
  const ruleSets: Record<string, string> = {};
  for (const r of regimes) ruleSets[r.regime] = ruleSetId(book, r);
  // The validated facts and the readings chosen determine everything else (normalisation is a pure
  // function of them and the date, which the receipt states), so they are what is hashed.
  // (Built by assignment, not by spreading optional parts: this runs for every screened record.)
  const out = {} as Comparison;
  if (parsed.id !== undefined) out.caseId = parsed.id;
  if (asOf) out.asOf = asOf;
  out.regimes = regimes;
  out.divergences = resolved.detail === 'full' ? caseDivergences(regimes) : [];
  out.receipt = receipt(ruleSets, parsed, resolved.interpretations, asOf);
  return out;
}

// `<version id>#sha256:<rule file hash>` per loaded version, made once (the book is immutable).
const ruleSetIds = new WeakMap<object, string>();

/** The receipt's name for the rule file a result was read from. */
function ruleSetId(book: RuleBook, r: RegimeResult): string {
  const loaded = book.regimes.find((x) => x.id === r.regime)?.versions.find((v) => v.data.id === r.version.id);
  if (!loaded) return r.version.id;
  let id = ruleSetIds.get(loaded);
  if (id === undefined) {
    id = `${loaded.data.id}#sha256:${loaded.sha256}`;
    ruleSetIds.set(loaded, id);
  }
  return id;
}

/**
 * The receipt. Its facts hash is computed the first time it is read (JSON.stringify reads it, so
 * stored or transmitted receipts always carry it); screening code that only reads statuses does
 * not pay for hashing. Same facts and readings, same hash, byte for byte.
 */
function receipt(ruleSets: Record<string, string>, facts: unknown, interpretations: Record<string, string>, asOf: string | undefined): Comparison['receipt'] {
  let hash: string | undefined;
  const r = { library: `tip-harmonise@${LIBRARY_VERSION}`, ruleSets } as Comparison['receipt'];
  Object.defineProperty(r, 'factsHash', {
    enumerable: true,
    configurable: true,
    get() {
      hash ??= `sha256:${sha256Hex(canonicalJson({ facts: receiptFacts(facts), interpretations }))}`;
      return hash;
    },
  });
  if (asOf) r.asOf = asOf;
  return r;
}
