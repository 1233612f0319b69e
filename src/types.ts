/**
 * The answer shapes of the public contract (../shared/design/contract.md, "Answers out").
 * Input shapes come from zod (src/facts/schema.ts); these are produced, never parsed.
 */
import type { Language } from './law/schema.js';

export type RegimeId = 'uu-21-2007' | 'act-670' | 'actip' | 'palermo';
export const REGIME_IDS: readonly RegimeId[] = ['uu-21-2007', 'act-670', 'actip', 'palermo'];
export type ISODate = string;
export type { Language };

/** qualifies / does not qualify / undetermined (facts missing) / the law was not in force on the date. */
export type Status = 'qualifies' | 'does-not-qualify' | 'undetermined' | 'not-in-force';
export type ElementStatus = 'satisfied' | 'not-satisfied' | 'unknown' | 'not-required';
export type VerdictName = 'trafficking' | 'victim' | 'child' | 'scope';

export interface CitationOut {
  instrument: string;
  provision: string;
  text?: { original: string; language: 'id' | 'ms' | 'en'; english?: string };
  confidence: 'verified' | 'single-source' | 'unverified';
  noteMark?: string;
  note?: string;
}

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
  /** The facts this element read (normalised fact names). */
  facts?: string[];
}

export interface Verdict {
  status: Status;
  elements: ElementResult[];
  /** Fact paths ('means', 'victim.birthDate') whose value would decide an undetermined verdict. */
  missingFacts: string[];
}

export interface VersionRef {
  id: string;
  label: string;
  inForceFrom: ISODate;
  inForceUntil?: ISODate;
}

export interface OffenceResult {
  id: string;
  title?: string;
  citation: CitationOut;
  status: Status;
  elements: ElementResult[];
  /** Counts towards the trafficking verdict. */
  trafficking?: boolean;
  missingFacts?: string[];
}

export interface InterpretationUsed {
  id: string;
  chosen: string;
  alternatives: string[];
  question?: string;
}

export interface RegimeResult {
  regime: RegimeId;
  version: VersionRef;
  trafficking: Verdict;
  victim: Verdict;
  child: Verdict;
  scope?: Verdict;
  offences: OffenceResult[];
  laterVersions?: Array<{ version: VersionRef; trafficking: Status }>;
  interpretations: InterpretationUsed[];
}

export interface CaseDivergence {
  verdict: VerdictName;
  statuses: Partial<Record<RegimeId, Status>>;
  causes: Array<{ element: string; regimes: string[]; explanation: string; citations: CitationOut[] }>;
}

export interface Receipt {
  library: string;
  ruleSets: Record<string, string>;
  factsHash: string;
  asOf?: ISODate;
}

export interface Comparison {
  caseId?: string;
  asOf?: ISODate;
  regimes: RegimeResult[];
  divergences: CaseDivergence[];
  receipt: Receipt;
}

export interface CompareOptions {
  /** Default: all four, in contract order. */
  regimes?: RegimeId[];
  /** Default: facts.conductDate. */
  asOf?: ISODate;
  /** Contested readings: interpretation id -> chosen reading id. */
  interpretations?: Record<string, string>;
  /** 'verdicts': statuses only, for bulk screening. Default 'full'. */
  detail?: 'full' | 'verdicts';
}
