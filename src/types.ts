/**
 * The answer shapes of the public contract (../shared/design/contract.md, "Answers out").
 * Input shapes come from zod (src/facts/schema.ts); these are produced, never parsed.
 */
import type { Language } from './law/schema.js';
import type { CaseReform } from './compare/reform.js';

/**
 * A regime id (contract.md, "Regimes"): a body of law over time, judged at the version in force on the date.
 *
 * @example
 * ```ts
 * const ids: RegimeId[] = ['uu-21-2007', 'act-670'];
 * await compare(facts, { regimes: ids });
 * ```
 */
export type RegimeId = 'uu-21-2007' | 'act-670' | 'actip' | 'palermo';
export const REGIME_IDS: readonly RegimeId[] = ['uu-21-2007', 'act-670', 'actip', 'palermo'];
/**
 * A calendar date, `YYYY-MM-DD` (no time, no time zone).
 *
 * @example
 * ```ts
 * const d: ISODate = '2023-03-01';
 * ```
 */
export type ISODate = string;
export type { Language };

/**
 * qualifies / does not qualify / undetermined (facts missing) / the law was not in force on the date.
 *
 * @example
 * ```ts
 * if (r.trafficking.status === 'undetermined') console.log(r.trafficking.missingFacts);
 * ```
 */
export type Status = 'qualifies' | 'does-not-qualify' | 'undetermined' | 'not-in-force';
/**
 * The status of one element: `not-required` when a rule switches it off (means under a child rule).
 *
 * @example
 * ```ts
 * r.trafficking.elements.filter((e) => e.status === 'unknown').map((e) => e.element);
 * ```
 */
export type ElementStatus = 'satisfied' | 'not-satisfied' | 'unknown' | 'not-required';
/**
 * The four questions asked of each regime.
 *
 * @example
 * ```ts
 * const v: VerdictName = 'child';
 * c.regimes[0]![v]?.status;
 * ```
 */
export type VerdictName = 'trafficking' | 'victim' | 'child' | 'scope';

/**
 * A pinpoint citation, with the original wording where known and a confidence mark for its source.
 *
 * @example
 * ```ts
 * for (const e of r.trafficking.elements) console.log(e.citation.instrument, e.citation.provision, e.citation.confidence);
 * ```
 */
export interface CitationOut {
  instrument: string;
  provision: string;
  text?: { original: string; language: 'id' | 'ms' | 'en'; english?: string };
  confidence: 'verified' | 'single-source' | 'unverified';
  noteMark?: string;
  note?: string;
}

/**
 * One element of a definition or offence, with the facts that satisfied it and its citation.
 *
 * @example
 * ```ts
 * const means = r.trafficking.elements.find((e) => e.element === 'means');
 * console.log(means?.status, means?.matched);
 * ```
 */
export interface ElementResult {
  /** e.g. 'act', 'means', 'purpose', 'child', 'harm', 'territory' */
  element: string;
  status: ElementStatus;
  /** Concept ids (or fact names) that satisfied it. */
  matched: string[];
  citation: CitationOut;
  /** Plain-English why. */
  note?: string;
  /** What the element asks, in plain English. */
  label?: string;
  /** Where the element was switched off (the child rule), the provision that does it. */
  notRequiredBy?: CitationOut;
  /** In a reformed version (a proposal applied): the proposed wording that changed this element. */
  amendedBy?: CitationOut;
  /** The facts this element read (normalised fact names). */
  facts?: string[];
  /** Why / why not: the element's condition as a tree of sub-conditions (detail 'full'). */
  children?: ExplanationNode[];
}

/**
 * One node of a why / why-not tree: a sub-condition of an element, its status and the facts it used.
 * Plain JSON (no functions, no cycles), so it survives `JSON.stringify`.
 *
 * @example
 * ```ts
 * const means = c.regimes[0]!.trafficking.elements.find((e) => e.element === 'means');
 * means?.children?.[0]?.status; // 'not-satisfied'
 * ```
 */
export interface ExplanationNode {
  /** all: every part must hold; any: one part suffices; not; fact: a test of one fact. */
  kind: 'all' | 'any' | 'not' | 'fact';
  /** What it tests, in plain words (concept label or condition name). */
  label: string;
  status: 'satisfied' | 'not-satisfied' | 'unknown' | 'not-required' | 'not-evaluated';
  /** For a fact node: the normalised fact, the value required and the value found (absent = unknown). */
  fact?: string;
  expected?: unknown;
  actual?: unknown;
  /** The provision this node belongs to. */
  citation?: CitationOut;
  children?: ExplanationNode[];
}

/**
 * A verdict: status, the elements behind it, and the facts that would decide it when undetermined.
 *
 * @example
 * ```ts
 * const { status, missingFacts } = c.regimes[0]!.victim;
 * ```
 */
export interface Verdict {
  status: Status;
  elements: ElementResult[];
  /** Fact paths ('means', 'victim.birthDate') whose value would decide an undetermined verdict. */
  missingFacts: string[];
}

/**
 * The dated version of a regime that was applied.
 *
 * @example
 * ```ts
 * console.log(r.version.label, r.version.inForceFrom);
 * ```
 */
export interface VersionRef {
  id: string;
  label: string;
  inForceFrom: ISODate;
  inForceUntil?: ISODate;
}

/**
 * One offence of a regime version (e.g. Pasal 2(1), s.14) with its own status and elements.
 *
 * @example
 * ```ts
 * r.offences.filter((o) => o.status === 'qualifies').map((o) => o.citation.provision);
 * ```
 */
export interface OffenceResult {
  id: string;
  title?: string;
  citation: CitationOut;
  status: Status;
  elements: ElementResult[];
  /** Counts towards the trafficking verdict. */
  trafficking?: boolean;
  missingFacts?: string[];
  /**
   * Present when the offence qualifies and the law punishes its attempt as the completed offence
   * (UU 21/2007 Pasal 10): which of the two it was, and so the provision to name.
   */
  form?: OffenceForm;
}

/**
 * A qualifying offence as completed or attempted: "Pasal 4" (the person was taken abroad) or
 * "Pasal 4 jo. Pasal 10" (stopped on the way), or undetermined between the two (the verdict stands
 * either way; missingFacts says what decides the provision).
 *
 * @example
 * ```ts
 * const p4 = r.offences.find((o) => o.id === 'pasal-4');
 * if (p4?.form?.status === 'attempt') console.log(p4.form.provision); // "Pasal 4 jo. Pasal 10"
 * ```
 */
export interface OffenceForm {
  status: 'completed' | 'attempt' | 'undetermined';
  /** As written in a charge: "Pasal 4", "Pasal 4 jo. Pasal 10", or both joined by " or ". */
  provision: string;
  /** The offence's own citation, then (for an attempt) the provisions on attempt. */
  citations: CitationOut[];
  missingFacts?: string[];
}

/**
 * A penalty as the rule file states it, with its provision: imprisonment in years (`max` may be
 * `'life'`), a fine (its currency; `unspecified` when the law says "liable to a fine" without a
 * figure), whipping; `cumulative` true when imprisonment AND fine, false when OR / and-or.
 */
export interface PenaltyOut {
  imprisonmentYears?: { min?: number; max?: number | 'life' };
  fine?: { min?: number; max?: number; currency: 'IDR' | 'MYR'; unspecified?: boolean };
  whipping?: boolean;
  cumulative?: boolean;
  citation: CitationOut;
  note?: string;
}

/**
 * A neighbouring offence: not trafficking, but what catches the case when the trafficking
 * definition does not (UU 35/2014 Pasal 76F jo. 83, Act 670 s.26A, ...). Same shape as an
 * {@link OffenceResult}, with its penalty and the dates of its provision.
 *
 * @example
 * ```ts
 * r.otherOffences?.filter((o) => o.status === 'qualifies').map((o) => `${o.citation.instrument} ${o.citation.provision}`);
 * ```
 */
export interface OtherOffenceResult extends OffenceResult {
  kind: 'neighbouring';
  instrument: string;
  penalty: PenaltyOut;
  inForceFrom: ISODate;
  inForceUntil?: ISODate;
}

/**
 * A contested reading that the result used: the chosen reading and the alternatives (switch with {@link CompareOptions.interpretations}).
 *
 * @example
 * ```ts
 * for (const i of r.interpretations) console.log(i.id, i.chosen, i.alternatives);
 * ```
 */
export interface InterpretationUsed {
  id: string;
  chosen: string;
  alternatives: string[];
  question?: string;
  /** Where another reading would change a verdict of this case (detail 'full'). */
  effects?: Array<{ reading: string; verdict: VerdictName; status: Status; instead: Status }>;
}

/**
 * The answers of one regime: trafficking, victim, child (and scope for the treaties), offence by offence.
 *
 * @example
 * ```ts
 * const act670 = c.regimes.find((r) => r.regime === 'act-670');
 * console.log(act670?.trafficking.status, act670?.child.status);
 * ```
 */
export interface RegimeResult {
  regime: RegimeId;
  version: VersionRef;
  trafficking: Verdict;
  victim: Verdict;
  child: Verdict;
  scope?: Verdict;
  offences: OffenceResult[];
  /**
   * Neighbouring offences of the same jurisdiction (not trafficking), in force on the date: what
   * catches the case when the trafficking definition does not. They never change `trafficking`,
   * `victim` or `child`. Full detail only: `detail: 'verdicts'` leaves them out.
   */
  otherOffences?: OtherOffenceResult[];
  laterVersions?: Array<{ version: VersionRef; trafficking: Status }>;
  interpretations: InterpretationUsed[];
}

/**
 * Where the regimes' statuses differ on one verdict, and the elements that make the difference.
 *
 * @example
 * ```ts
 * for (const d of c.divergences) for (const cause of d.causes) console.log(d.verdict, cause.element, cause.regimes);
 * ```
 */
export interface CaseDivergence {
  verdict: VerdictName;
  statuses: Partial<Record<RegimeId, Status>>;
  causes: Array<{ element: string; regimes: string[]; explanation: string; citations: CitationOut[] }>;
}

/**
 * What a case system stores to reproduce and audit a decision: library version, rule-file hashes, facts hash.
 *
 * @example
 * ```ts
 * const { library, ruleSets, factsHash } = c.receipt;
 * ```
 */
export interface Receipt {
  library: string;
  ruleSets: Record<string, string>;
  factsHash: string;
  asOf?: ISODate;
}

/**
 * The answer of {@link compare}: one {@link RegimeResult} per regime, the divergences between them, and a receipt.
 *
 * @example
 * ```ts
 * const c: Comparison = await compare({ conductDate: '2023-03-01', victim: { age: 16 }, acts: ['recruitment'], purposes: ['sexual-exploitation'] });
 * ```
 */
export interface Comparison {
  caseId?: string;
  asOf?: ISODate;
  regimes: RegimeResult[];
  divergences: CaseDivergence[];
  receipt: Receipt;
  /** With `options.proposals`: each proposal's reformed law on the same facts (these regimes, divergences and verdicts are the law in force). */
  reforms?: CaseReform[];
}

/**
 * Options of {@link compare} and {@link compareMany}. Invalid options raise a `FactsError` on `options.*` paths.
 *
 * @example
 * ```ts
 * await compare(facts, {
 *   regimes: ['act-670', 'palermo'],           // default: all four
 *   asOf: '2022-03-01',                       // default: facts.conductDate
 *   interpretations: { 'intl-forced-criminality': 'not-covered' }, // ids from regimes()
 *   detail: 'verdicts',                       // statuses only, for bulk screening
 * });
 * ```
 */
export interface CompareOptions {
  /** Default: all four, in contract order. */
  regimes?: RegimeId[];
  /** Default: facts.conductDate. */
  asOf?: ISODate;
  /** Contested readings: interpretation id -> chosen reading id. */
  interpretations?: Record<string, string>;
  /** 'verdicts': statuses only, for bulk screening. Default 'full'. */
  detail?: 'full' | 'verdicts';
  /** Proposed amendments (proposals/*.json, docs/proposal.schema.json): each reformed version is evaluated alongside the law in force, in `reforms`. */
  proposals?: unknown[];
}
