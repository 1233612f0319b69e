import { bundledRuleBook } from '../law/bundled.js';
import type { RuleBook } from '../law/load.js';
import type { Comparison, ElementResult, ExplanationNode, InterpretationUsed, Language, OffenceResult, RegimeResult } from '../types.js';
import { type MessageParams, message } from '../words/messages.js';
import { interpretationWords } from '../words/ruleWords.js';
import { elementNoun, factNoun, statusWord, verdictNoun } from './words.js';
import { caughtBy, caughtByList } from '../compare/caughtBy.js';

type Vocab = 'act' | 'means' | 'exploitation';

/** A sentence part of the summary, from the locale catalogue (section `summary`). */
const say = (lang: Language, key: string, params?: MessageParams): string => message(lang, `summary.${key}`, params);

/** "a, b and c" by the language's own list rules. */
function list(labels: string[], lang: Language): string {
  return new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { type: 'conjunction' }).format(labels);
}

function conceptList(ids: string[], vocab: Vocab, lang: Language, book: RuleBook): string {
  return list(
    ids.map((id) => book.concepts[vocab][id]?.[lang] ?? id),
    lang,
  );
}

/**
 * The facts a satisfied tree rests on: fact leaves reached through satisfied nodes only (a
 * satisfied "any" names the branches that carried it; nothing under a "not" is a fact relied on).
 */
export function reliedFacts(node: ExplanationNode, into: string[] = []): string[] {
  if (node.status !== 'satisfied') return into;
  if (node.kind === 'fact') {
    if (node.fact && node.expected === true && !into.includes(node.fact)) into.push(node.fact);
  } else if (node.kind !== 'not') for (const c of node.children ?? []) reliedFacts(c, into);
  return into;
}

/** Concept ids of one field relied on across the elements (from their trees; `matched` as fallback). */
function relied(els: ElementResult[], fields: string[], fallbackElement: string, vocab: Vocab, book: RuleBook): string[] {
  const out: string[] = [];
  for (const e of els) {
    if (e.status !== 'satisfied') continue;
    for (const tree of e.children ?? []) {
      for (const f of reliedFacts(tree)) {
        const dot = f.indexOf('.');
        const field = f.slice(0, dot);
        const id = f.slice(dot + 1);
        if (fields.includes(field) && !out.includes(id)) out.push(id);
      }
    }
  }
  if (out.length) return out;
  // Results built without trees: the element's matched ids that belong to the vocabulary.
  const e = els.find((x) => x.element === fallbackElement && x.status === 'satisfied');
  return (e?.matched ?? []).filter((id) => book.concepts[vocab][id] !== undefined);
}

/** The version's label and the offence's title in the language asked for (bundled rule book; English label otherwise). */
function versionData(r: RegimeResult, book: RuleBook) {
  return book
    .regimes.find((x) => x.id === r.regime)
    ?.versions.find((v) => v.data.id === r.version.id)?.data;
}

/** The sentence on contested readings that changed a verdict of this case (InterpretationUsed.effects). */
function contestedSentences(r: RegimeResult, interpretations: InterpretationUsed[], lang: Language, book: RuleBook): string[] {
  const out: string[] = [];
  for (const i of interpretations) {
    const byReading = new Map<string, string[]>();
    for (const e of i.effects ?? []) {
      const what = say(lang, 'instead', { verdict: verdictNoun(e.verdict, lang), to: statusWord(e.instead, lang), from: statusWord(e.status, lang) });
      byReading.set(e.reading, [...(byReading.get(e.reading) ?? []), what]);
    }
    // Named in the reader's language from the rule data (title, short reading name), not by id.
    const w = interpretationWords(r, i.id, lang, book);
    for (const [reading, whats] of byReading) out.push(say(lang, 'contested', { title: w.title, reading: w.reading(reading), what: whats.join('; ') }));
  }
  return out;
}

const firstLower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * One paragraph, in plain words, of what a regime says about the case, e.g. "Under Act 670 as
 * amended by Act A1644 (from 22 February 2022), this is trafficking of a child (s. 14(1) (as
 * substituted by A1644 s.6)): the child was subjected to recruitment for prostitution; the means
 * used do not matter (s. 14(2) (inserted by A1644 s.6))."
 *
 * In order: the version applied; the verdict and the provision it rests on; for a qualifying case
 * the acts, purposes and means relied on (read from the why-trees), or that the means do not matter
 * and by which provision; for a failing case each offence and the elements it fails on, and in one
 * sentence the neighbouring offences that catch the case instead (with their penalties); for an
 * undetermined case the facts it turns on; a sentence for each contested reading that decided a
 * verdict and what the other reading gives (`interpretations[].effects`); whether the person is a
 * victim. With `detail: 'verdicts'` results (no elements, no effects) only the verdict is said.
 *
 * @param options.asOf the date the law was taken at (named when the version was not in force).
 * @example
 * ```ts
 * const c = await compare(facts);
 * summarise(c.regimes[1]!, { language: 'ms', asOf: c.asOf });
 * ```
 */
export function summarise(r: RegimeResult, options: { language?: Language; asOf?: string; book?: RuleBook } = {}): string {
  const lang = options.language ?? 'en';
  const book = options.book ?? bundledRuleBook();
  const data = versionData(r, book);
  const label = data?.label[lang] ?? r.version.label;
  if (r.trafficking.status === 'not-in-force') return say(lang, 'notInForce', { label, date: options.asOf ?? say(lang, 'theDate') });
  const titleOf = (o: OffenceResult) => data?.offences.find((x) => x.id === o.id)?.title[lang] ?? o.title;
  // The most specific qualifying offence (s.14 rather than the s.2 definition it punishes).
  const qualifying = r.offences.filter((o) => o.status === 'qualifies' && o.trafficking !== false);
  const lead = qualifying.find((o) => !/definition|or-s14/.test(o.id)) ?? qualifying[0];
  const els = r.trafficking.elements;
  let text = `${say(lang, 'under', { label })}, `;
  if (r.trafficking.status === 'qualifies') {
    const isChild = r.child.status === 'qualifies';
    // An attempt punished as the offence is named as charged ("Pasal 4 jo. Pasal 10", UU 21/2007 Pasal 10).
    const provision = lead?.form?.status === 'attempt' ? lead.form.provision : lead?.citation.provision;
    text += `${say(lang, isChild ? 'isChild' : 'is')}${provision ? ` (${provision})` : ''}`;
    const parts: string[] = [];
    const acts = relied(els, ['acts'], 'act', 'act', book);
    const purposes = relied(els, ['purposes', 'exploitationOccurred'], 'purpose', 'exploitation', book);
    const means = relied(els, ['means'], 'means', 'means', book);
    // An offence without an act element (Pasal 3, 4, 6: bringing in, taking out, sending) is described by its title.
    const leadEls = lead?.elements.length ? lead.elements : els;
    // Only when the elements are known (a 'verdicts' result has none, and says only the verdict).
    if (lead && leadEls.length && !leadEls.some((e) => e.element === 'act')) {
      const title = titleOf(lead);
      if (title) parts.push(firstLower(title));
    }
    if (acts.length) parts.push(`${say(lang, 'was', { who: isChild ? 'child' : 'person', acts: conceptList(acts, 'act', lang, book) })}${purposes.length ? ` ${say(lang, 'forPurpose', { purposes: conceptList(purposes, 'exploitation', lang, book) })}` : ''}`);
    else if (purposes.length) parts.push(say(lang, 'purposeWas', { purposes: conceptList(purposes, 'exploitation', lang, book) }));
    const offMeans = leadEls.find((e) => e.element === 'means') ?? els.find((e) => e.element === 'means');
    if (offMeans?.status === 'not-required') parts.push(say(lang, 'meansIrrelevant', { provision: (offMeans.notRequiredBy ?? offMeans.citation).provision }));
    else if (means.length) parts.push(say(lang, 'by', { means: conceptList(means, 'means', lang, book) }));
    if (parts.length) text += `: ${parts.join('; ')}`;
    text += '.';
  } else if (r.trafficking.status === 'does-not-qualify') {
    text += say(lang, 'isNot');
    const failing = r.offences
      .filter((o) => o.trafficking !== false && o.elements.length)
      .map((o) => ({ o, bad: o.elements.filter((e) => e.status === 'not-satisfied').map((e) => elementNoun(e.element, lang, book)) }))
      .filter((x) => x.bad.length);
    if (failing.length) text += `: ${failing.map(({ o, bad }) => say(lang, 'fails', { provision: o.citation.provision, elements: bad.join(', ') })).join('; ')}`;
    text += '.';
    // What catches the case instead: the neighbouring offences of the same law that qualify.
    if (caughtBy(r).length) text += ` ${message(lang, 'otherOffences.summary', { offences: caughtByList(r, lang) })}`;
  } else {
    text += say(lang, 'maybe');
    const nouns = [...new Set(r.trafficking.missingFacts.map((f) => factNoun(f, lang)))];
    if (nouns.length) text += `: ${say(lang, 'depends', { facts: list(nouns.slice(0, 4), lang) })}`;
    text += '.';
  }
  for (const s of contestedSentences(r, r.interpretations, lang, book)) text += ` ${s}`;
  if (r.victim.status === 'qualifies') text += ` ${say(lang, 'victimYes')}`;
  else if (r.victim.status === 'does-not-qualify' && r.trafficking.status === 'qualifies') text += ` ${say(lang, 'victimNo')}`;
  return text;
}

/**
 * A summary per regime of a comparison, keyed by regime id (the comparison's `asOf` is passed on).
 *
 * @example
 * ```ts
 * summariseComparison(await compare(facts), { language: 'id' })['uu-21-2007'];
 * ```
 */
export function summariseComparison(c: Comparison, options: { language?: Language; book?: RuleBook } = {}): Record<string, string> {
  return Object.fromEntries(c.regimes.map((r) => [r.regime, summarise(r, { ...options, ...(c.asOf ? { asOf: c.asOf } : {}) })]));
}
