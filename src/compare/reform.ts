import { FactsError } from '../facts/errors.js';
import { bundledRuleBook } from '../law/bundled.js';
import type { RuleBook } from '../law/load.js';
import { applyProposal, parseProposal, type Proposal, ProposalError, type ReformedBook } from '../law/proposal.js';
import { canonicalJson, sha256Hex } from './sha256.js';
import type { CompareOptions, Comparison, RegimeId, RegimeResult, Status, VerdictName } from '../types.js';
import { type DefinitionDivergence, divergences } from './divergences.js';
import { fallThrough } from './fallThrough.js';

/**
 * Reforms: a proposal (src/law/proposal.ts) applied to the rule book and run by the same evaluator
 * as the law in force, side by side. Everything here is bookkeeping on two comparisons of the same
 * facts; what the law says, before and after, is rule data.
 */

const VERDICTS: VerdictName[] = ['trafficking', 'victim', 'child', 'scope'];

/** The proposal a result was computed under: its id, English title and content hash. */
export interface ProposalRef {
  id: string;
  title: string;
  /** sha256 of the proposal as validated (canonical JSON), as in the receipts of its results. */
  sha256: string;
}

/** A version the proposal amended and the reformed version that replaced it. */
export interface ReformedVersionRef {
  regime: RegimeId;
  amends: string;
  reformed: string;
  /** Elements (or mappings, readings, profile fields) the proposal changed, as "offence-or-definition/element". */
  touched: string[];
}

/** One verdict of one regime that the proposal changes. */
export interface VerdictChange {
  caseId?: string;
  regime: RegimeId;
  verdict: VerdictName;
  from: Status;
  to: Status;
}

/**
 * Two regimes that answer one question differently: a verdict on a case (both decided, one
 * qualifies and one does not) or, in the static catalogue, an entry of the definitions.
 */
export interface PairDivergence {
  source: 'case' | 'catalogue';
  /** The verdict (case) or the catalogue entry id (e.g. "child.means-rule", "means.deception"). */
  on: string;
  regimes: [RegimeId, RegimeId];
  /** Case set only: how many cases, and which. */
  count?: number;
  caseIds?: string[];
}

/** One proposal's effect on one case (Comparison.reforms). The law in force is the Comparison itself. */
export interface CaseReform {
  /** Always "proposal": these results are not the law in force. */
  kind: 'proposal';
  proposal: ProposalRef;
  versions: ReformedVersionRef[];
  /** Every regime again, under the reformed law (unamended regimes as before). */
  regimes: RegimeResult[];
  divergences: Comparison['divergences'];
  changed: VerdictChange[];
  /** Pairs of regimes whose verdicts on this case differed before and agree after (closed), or the reverse (opened). */
  closed: PairDivergence[];
  opened: PairDivergence[];
  receipt: Comparison['receipt'] & { proposal: string };
}

/** What a proposal changes over a case set ({@link assessProposal}). */
export interface ProposalImpact {
  kind: 'proposal-impact';
  proposal: ProposalRef & { titles: Proposal['title']; source: Proposal['source'] };
  versions: ReformedVersionRef[];
  /** Records read, and records refused (bad facts), each listed. */
  cases: number;
  errors: Array<{ index: number; caseId?: string; issues: FactsError['issues'] }>;
  changed: VerdictChange[];
  divergences: { before: PairDivergence[]; after: PairDivergence[]; closed: PairDivergence[]; opened: PairDivergence[] };
  /** Cases that fall through a gap (src/compare/fallThrough.ts), before and after. */
  fallThrough: {
    before: number;
    after: number;
    closed: string[];
    opened: string[];
    /** Fall-through cases per national regime they fail under (a case failing under two counts for both). */
    failsUnder: { before: Partial<Record<RegimeId, number>>; after: Partial<Record<RegimeId, number>> };
  };
  /** The date of the static catalogue compared (default: today). */
  catalogueAsOf: string;
}

// A proposal object (as passed in) -> its reformed book, per base book. Pure memoisation: the
// same input object and book always give the same result (proposals are plain data, read once).
const reformed = new WeakMap<RuleBook, WeakMap<object, ReformedBook & { sha256: string }>>();

/** Validate and apply a proposal to a rule book (memoised per proposal object); ProposalError when it cannot be applied. */
export function reformBook(input: unknown, book: RuleBook = bundledRuleBook()): ReformedBook & { sha256: string } {
  const key = input !== null && typeof input === 'object' ? input : undefined;
  const hit = key ? reformed.get(book)?.get(key) : undefined;
  if (hit) return hit;
  const proposal = parseProposal(input);
  const sha256 = `sha256:${sha256Hex(canonicalJson(proposal))}`;
  const out = { ...applyProposal(proposal, book, sha256), sha256 };
  if (key) {
    let m = reformed.get(book);
    if (!m) reformed.set(book, (m = new WeakMap()));
    m.set(key, out);
  }
  return out;
}

const ref = (r: ReformedBook & { sha256: string }): ProposalRef => ({ id: r.proposal.id, title: r.proposal.title.en, sha256: r.sha256 });
const versionRefs = (r: ReformedBook): ReformedVersionRef[] =>
  r.versions.map((v) => ({ regime: v.regime as RegimeId, amends: v.amends, reformed: v.id, touched: v.touched }));

/** The verdicts that differ between two comparisons of the same facts. */
export function verdictChanges(before: Comparison, after: Comparison): VerdictChange[] {
  const out: VerdictChange[] = [];
  for (const b of before.regimes) {
    const a = after.regimes.find((x) => x.regime === b.regime);
    if (!a) continue;
    for (const verdict of VERDICTS) {
      const from = b[verdict]?.status;
      const to = a[verdict]?.status;
      if (from && to && from !== to) out.push({ ...(before.caseId !== undefined ? { caseId: before.caseId } : {}), regime: b.regime, verdict, from, to });
    }
  }
  return out;
}

const decided = (s: Status | undefined) => s === 'qualifies' || s === 'does-not-qualify';

/** Pairs of regimes whose verdicts on the case are both decided and differ (undetermined is a shortage of facts, not a divergence). */
export function casePairs(c: Comparison): PairDivergence[] {
  const out: PairDivergence[] = [];
  for (const verdict of VERDICTS) {
    for (let i = 0; i < c.regimes.length; i++) {
      for (let j = i + 1; j < c.regimes.length; j++) {
        const a = c.regimes[i] as RegimeResult;
        const b = c.regimes[j] as RegimeResult;
        const sa = a[verdict]?.status;
        const sb = b[verdict]?.status;
        if (decided(sa) && decided(sb) && sa !== sb) out.push({ source: 'case', on: verdict, regimes: [a.regime, b.regime] });
      }
    }
  }
  return out;
}

/** Pairs of regimes whose positions differ in a catalogue entry that diverges. */
export function cataloguePairs(d: DefinitionDivergence[]): PairDivergence[] {
  const out: PairDivergence[] = [];
  for (const e of d) {
    if (!e.diverges) continue;
    const ids = Object.keys(e.positions) as RegimeId[];
    const key = (id: RegimeId) => {
      const p = e.positions[id];
      if (!p) return '';
      if (p.counts !== undefined) return `counts:${p.counts}`;
      if (p.penalty) return JSON.stringify({ y: p.penalty.imprisonmentYears, f: p.penalty.fine, w: p.penalty.whipping });
      return p.code ? `${p.code}|${JSON.stringify(p.params ?? {})}` : (p.value ?? '');
    };
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (key(ids[i] as RegimeId) !== key(ids[j] as RegimeId)) out.push({ source: 'catalogue', on: e.id, regimes: [ids[i] as RegimeId, ids[j] as RegimeId] });
      }
    }
  }
  return out;
}

const pairKey = (p: PairDivergence) => `${p.source}\u0000${p.on}\u0000${p.regimes.join('\u0000')}`;
const minus = (a: PairDivergence[], b: PairDivergence[]) => {
  const keys = new Set(b.map(pairKey));
  return a.filter((p) => !keys.has(pairKey(p)));
};

/**
 * compare() with `proposals`: each proposal applied and the same facts judged again under the
 * reformed law. `before` is the comparison under the law in force.
 */
export function caseReform(facts: unknown, options: CompareOptions, proposal: unknown, index: number, before: Comparison, book: RuleBook, run: (facts: unknown, options: CompareOptions, book: RuleBook) => Comparison): CaseReform {
  let r: ReformedBook & { sha256: string };
  try {
    r = reformBook(proposal, book);
  } catch (e) {
    if (e instanceof ProposalError) throw new ProposalError(e.issues.map((i) => ({ ...i, path: `options.proposals.${index}${i.path ? `.${i.path}` : ''}` })), e.proposal);
    throw e;
  }
  const after = run(facts, options, r.book);
  const b = casePairs(before);
  const a = casePairs(after);
  return {
    kind: 'proposal',
    proposal: ref(r),
    versions: versionRefs(r),
    regimes: after.regimes,
    divergences: after.divergences,
    changed: verdictChanges(before, after),
    closed: minus(b, a),
    opened: minus(a, b),
    receipt: Object.assign(after.receipt, { proposal: r.sha256 }),
  };
}

/** A record of a case set: CaseFacts, or a fixture / wrapper `{ id?, facts, options? }`. */
function unwrap(record: unknown): { facts: unknown; id?: string; options?: CompareOptions } {
  if (record && typeof record === 'object' && !Array.isArray(record) && 'facts' in record) {
    const r = record as { id?: unknown; facts: unknown; options?: unknown };
    return { facts: r.facts, ...(typeof r.id === 'string' ? { id: r.id } : {}), ...(r.options && typeof r.options === 'object' ? { options: r.options as CompareOptions } : {}) };
  }
  const id = record && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string' ? (record as { id: string }).id : undefined;
  return { facts: record, ...(id !== undefined ? { id } : {}) };
}

/**
 * What a proposal changes over a case set: each case judged under the law in force and under the
 * reformed law (same evaluator, same options), the verdicts that change, the divergences between
 * regimes that close or open (in the static catalogue and over the cases) and the cases that fall
 * through a gap before and after. A bad record is counted and listed in `errors`, never dropped.
 * An invalid proposal is a ProposalError (a FactsError) naming the change and the field.
 */
export async function assessProposalWith(
  proposal: unknown,
  cases: Iterable<unknown> | AsyncIterable<unknown>,
  options: CompareOptions & { catalogueAsOf?: string },
  book: RuleBook,
  run: (facts: unknown, options: CompareOptions, book: RuleBook) => Comparison,
): Promise<ProposalImpact> {
  const r = reformBook(proposal, book);
  const { catalogueAsOf, proposals: _ignored, ...base } = options;
  const asOf = catalogueAsOf ?? options.asOf ?? new Date().toISOString().slice(0, 10);
  const catBefore = cataloguePairs(divergences({ asOf, ...(options.regimes ? { regimes: options.regimes } : {}) }, book));
  const catAfter = cataloguePairs(divergences({ asOf, ...(options.regimes ? { regimes: options.regimes } : {}) }, r.book));
  const counts = { before: new Map<string, PairDivergence>(), after: new Map<string, PairDivergence>() };
  const closedCases = new Map<string, PairDivergence>();
  const openedCases = new Map<string, PairDivergence>();
  const tally = (into: Map<string, PairDivergence>, p: PairDivergence, caseId: string) => {
    const k = pairKey(p);
    const e = into.get(k) ?? { ...p, count: 0, caseIds: [] };
    e.count = (e.count ?? 0) + 1;
    e.caseIds?.push(caseId);
    into.set(k, e);
  };
  const impact: ProposalImpact = {
    kind: 'proposal-impact',
    proposal: { ...ref(r), titles: r.proposal.title, source: r.proposal.source },
    versions: versionRefs(r),
    cases: 0,
    errors: [],
    changed: [],
    divergences: { before: [], after: [], closed: [], opened: [] },
    fallThrough: { before: 0, after: 0, closed: [], opened: [], failsUnder: { before: {}, after: {} } },
    catalogueAsOf: asOf,
  };
  let index = 0;
  for await (const record of cases as AsyncIterable<unknown>) {
    const i = index++;
    impact.cases += 1;
    const { facts, id, options: own } = unwrap(record);
    const opts: CompareOptions = { ...(own ?? {}), ...base, interpretations: { ...(own?.interpretations ?? {}), ...(base.interpretations ?? {}) } };
    let before: Comparison;
    let after: Comparison;
    try {
      before = run(facts, opts, book);
      after = run(facts, opts, r.book);
    } catch (e) {
      if (e instanceof FactsError) {
        impact.errors.push({ index: i, ...(id !== undefined ? { caseId: id } : {}), issues: e.issues });
        continue;
      }
      throw e;
    }
    const caseId = before.caseId ?? id ?? `#${i + 1}`;
    for (const c of verdictChanges(before, after)) impact.changed.push({ ...c, caseId });
    const pb = casePairs(before);
    const pa = casePairs(after);
    for (const p of pb) tally(counts.before, p, caseId);
    for (const p of pa) tally(counts.after, p, caseId);
    for (const p of minus(pb, pa)) tally(closedCases, p, caseId);
    for (const p of minus(pa, pb)) tally(openedCases, p, caseId);
    const fb = fallThrough(before, book);
    const fa = fallThrough(after, r.book);
    if (fb) impact.fallThrough.before += 1;
    if (fa) impact.fallThrough.after += 1;
    for (const id of fb?.failsUnder ?? []) impact.fallThrough.failsUnder.before[id] = (impact.fallThrough.failsUnder.before[id] ?? 0) + 1;
    for (const id of fa?.failsUnder ?? []) impact.fallThrough.failsUnder.after[id] = (impact.fallThrough.failsUnder.after[id] ?? 0) + 1;
    if (fb && !fa) impact.fallThrough.closed.push(caseId);
    if (fa && !fb) impact.fallThrough.opened.push(caseId);
  }
  impact.divergences = {
    before: [...catBefore, ...counts.before.values()],
    after: [...catAfter, ...counts.after.values()],
    closed: [...minus(catBefore, catAfter), ...closedCases.values()],
    opened: [...minus(catAfter, catBefore), ...openedCases.values()],
  };
  return impact;
}
