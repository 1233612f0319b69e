import type { Language, Status, VerdictName } from '../types.js';
import { messageKeys, rawMessage } from './messages.js';


/**
 * A coded position on one aspect of a definition (e.g. `unborn:yes`), worded per language by the reports.
 *
 * @example
 * ```ts
 * const code: AspectValue = 'unborn:yes';
 * ```
 */
export type AspectValue =
  | 'child-age'
  | 'unborn:yes'
  | 'unborn:no'
  | 'child-means-rule:means-not-required'
  | 'child-means-rule:means-not-required-disability'
  | 'child-means-rule:means-required'
  | 'child-means-rule:means-not-an-element'
  | 'victim:harm'
  | 'victim:no-harm'
  | 'scope:required'
  | 'scope:not-required'
  | 'actual-exploitation:no'
  | 'actual-exploitation:yes'
  | 'actual-exploitation:some-offences'
  | 'actual-exploitation:contested'
  | 'exploitation-list:open'
  | 'exploitation-list:closed'
  | 'penalty:none';

export type SignificanceKey =
  | 'conceptDiverges'
  | 'conceptContestedSuffix'
  | 'conceptContested'
  | 'conceptBreadth'
  | 'conceptSame'
  | 'definitionDiffers'
  | 'definitionSame'
  | 'childAgeDiffers'
  | 'childAgeSame'
  | 'unbornDiffers'
  | 'unbornSame'
  | 'meansRuleDiffers'
  | 'meansRuleSame'
  | 'consent'
  | 'victimDiffers'
  | 'victimSame'
  | 'scopeDiffers'
  | 'scopeSame'
  | 'actualDiffers'
  | 'actualSame'
  | 'listDiffers'
  | 'listSame'
  | 'penaltyDiffers'
  | 'penaltySame';

/**
 * Every interface text of the reports, in English, Bahasa Indonesia and Bahasa Malaysia (the words
 * are in locales/, below). Statutory wording is never translated: it is shown in its original
 * language from the rule files.
 */
type Texts = {
  title: string;
  divergenceTitle: string;
  caseLabel: string;
  asOf: string;
  noDate: string;
  regime: string;
  version: string;
  verdict: string;
  element: string;
  status: string;
  matched: string;
  citation: string;
  confidence: string;
  offences: string;
  missingFacts: string;
  interpretations: string;
  chosen: string;
  alternatives: string;
  divergences: string;
  noDivergences: string;
  cause: string;
  receipt: string;
  originalWording: string;
  english: string;
  term: string;
  relation: string;
  significance: string;
  penalty: string;
  years: string;
  fine: string;
  life: string;
  whipping: string;
  noPenalty: string;
  generated: string;
  statuses: Record<Status, string>;
  elementStatuses: Record<'satisfied' | 'not-satisfied' | 'unknown' | 'not-required', string>;
  verdicts: Record<VerdictName, string>;
  relations: Record<'exact' | 'close' | 'broader' | 'narrower' | 'contested' | 'none', string>;
  confidences: Record<'verified' | 'single-source' | 'unverified', string>;
  aspects: Record<string, string>;
  yes: string;
  no: string;
  /** Headings and marks of the regimes-by-elements matrix. */
  elementsMatrix: string;
  notAnElement: string;
  englishOnly: string;
  /** The three concept vocabularies, as the object of "counts as ...". */
  conceptKinds: Record<'act' | 'means' | 'exploitation', string>;
  /** Positions on the profile aspects of the divergence catalogue ({age}: a number). */
  aspectValues: Record<AspectValue, string>;
  /** One-line significance of a catalogue entry ({regimes}, {yes}, {no}, {groups}, {kind}, {age}). */
  significanceText: Record<SignificanceKey, string>;
  /** Penalty wording ({min}, {max}, {currency}). */
  penaltyText: Record<'range' | 'upTo' | 'lifeOrMin' | 'upToLife' | 'fineRange' | 'fineUpTo' | 'fineUnspecified' | 'and', string>;
};

/**
 * The words themselves live in `locales/<lang>.json`, section `labels` (flat keys such as
 * `statuses.qualifies` or `penaltyText.range`), where a translator reviews them beside the other
 * messages; this file only gives them their typed shape. test/locales.test.ts holds the three
 * languages to the same keys and placeholders, and test/core/render.test.ts checks every Texts key
 * is present.
 */
function textsFrom(language: Language): Texts {
  const out: Record<string, unknown> = {};
  for (const key of messageKeys(language)) {
    if (!key.startsWith('labels.')) continue;
    const path = key.slice('labels.'.length).split('.');
    let node = out;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path[path.length - 1] as string] = rawMessage(language, key);
  }
  return out as Texts;
}

export const LABELS: Record<Language, Texts> = { en: textsFrom('en'), id: textsFrom('id'), ms: textsFrom('ms') };

/** Marks that read without colour (printouts) and in a terminal. */
export const STATUS_MARK: Record<Status, string> = {
  qualifies: '✔',
  'does-not-qualify': '✘',
  undetermined: '?',
  'not-in-force': '–',
};
export const ELEMENT_MARK: Record<string, string> = { satisfied: '✔', 'not-satisfied': '✘', unknown: '?', 'not-required': '○' };

export type { Texts };

export function labelsFor(language: Language | undefined): Texts {
  return LABELS[language ?? 'en'];
}

/** Fill `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Numbers as the language writes them (120,000,000 / 120.000.000). */
export function formatNumber(n: number, language: Language): string {
  return n.toLocaleString(language === 'id' ? 'id-ID' : language === 'ms' ? 'ms-MY' : 'en-US');
}
