import { bundledRuleBook } from '../law/bundled.js';
import type { Comparison, ElementResult, ExplanationNode, InterpretationUsed, Language, OffenceResult, RegimeResult } from '../types.js';
import { elementNoun, factNoun, statusWord, verdictNoun } from './words.js';
import { caughtBy, caughtByList } from '../compare/caughtBy.js';
import { message } from '../words/messages.js';

type Vocab = 'act' | 'means' | 'exploitation';

const T = {
  en: {
    under: (label: string) => `Under ${label}`,
    is: 'this is trafficking',
    isChild: 'this is trafficking of a child',
    isNot: 'this is not trafficking',
    maybe: 'it cannot yet be said whether this is trafficking',
    notInForce: (label: string, date: string | undefined) => `${label} was not in force on ${date ?? 'the date of the conduct'}.`,
    was: (who: 'person' | 'child', acts: string) => `the ${who} was subjected to ${acts}`,
    forPurpose: (p: string) => `for ${p}`,
    purposeWas: (p: string) => `the purpose was ${p}`,
    by: (m: string) => `by ${m}`,
    meansIrrelevant: (c: string) => `the means used do not matter (${c})`,
    fails: (o: string, els: string) => `${o} fails on ${els}`,
    depends: (f: string) => `it turns on ${f}`,
    victimYes: 'The person is a victim under this regime.',
    victimNo: 'The person is not a victim under this regime.',
    contested: (id: string, reading: string, what: string) => `A contested reading decided this (${id}): read as "${reading}", ${what}.`,
    instead: (verdict: string, to: string, from: string) => `${verdict} would be ${to} instead of ${from}`,
    and: ' and ',
  },
  id: {
    under: (label: string) => `Menurut ${label}`,
    is: 'perbuatan ini merupakan tindak pidana perdagangan orang',
    isChild: 'perbuatan ini merupakan perdagangan anak',
    isNot: 'perbuatan ini bukan tindak pidana perdagangan orang',
    maybe: 'belum dapat ditentukan apakah perbuatan ini merupakan perdagangan orang',
    notInForce: (label: string, date: string | undefined) => `${label} belum atau tidak berlaku pada ${date ?? 'tanggal perbuatan'}.`,
    was: (who: 'person' | 'child', acts: string) => `terhadap ${who === 'child' ? 'anak' : 'orang'} tersebut dilakukan ${acts}`,
    forPurpose: (p: string) => `untuk tujuan ${p}`,
    purposeWas: (p: string) => `tujuannya ${p}`,
    by: (m: string) => `dengan ${m}`,
    meansIrrelevant: (c: string) => `cara yang digunakan tidak relevan (${c})`,
    fails: (o: string, els: string) => `${o} tidak terpenuhi pada unsur ${els}`,
    depends: (f: string) => `bergantung pada ${f}`,
    victimYes: 'Orang tersebut adalah korban menurut rezim ini.',
    victimNo: 'Orang tersebut bukan korban menurut rezim ini.',
    contested: (id: string, reading: string, what: string) => `Penafsiran yang diperdebatkan menentukan hasil ini (${id}): dengan penafsiran "${reading}", ${what}.`,
    instead: (verdict: string, to: string, from: string) => `${verdict} akan ${to}, bukan ${from}`,
    and: ' dan ',
  },
  ms: {
    under: (label: string) => `Di bawah ${label}`,
    is: 'ini ialah pemerdagangan orang',
    isChild: 'ini ialah pemerdagangan kanak-kanak',
    isNot: 'ini bukan pemerdagangan orang',
    maybe: 'belum dapat ditentukan sama ada ini pemerdagangan orang',
    notInForce: (label: string, date: string | undefined) => `${label} tidak berkuat kuasa pada ${date ?? 'tarikh perbuatan'}.`,
    was: (who: 'person' | 'child', acts: string) => `${who === 'child' ? 'kanak-kanak' : 'orang'} itu telah mengalami ${acts}`,
    forPurpose: (p: string) => `bagi maksud ${p}`,
    purposeWas: (p: string) => `maksudnya ${p}`,
    by: (m: string) => `melalui ${m}`,
    meansIrrelevant: (c: string) => `cara yang digunakan tidak relevan (${c})`,
    fails: (o: string, els: string) => `${o} gagal pada elemen ${els}`,
    depends: (f: string) => `ia bergantung pada ${f}`,
    victimYes: 'Orang itu ialah mangsa di bawah rejim ini.',
    victimNo: 'Orang itu bukan mangsa di bawah rejim ini.',
    contested: (id: string, reading: string, what: string) => `Tafsiran yang dipertikaikan menentukan keputusan ini (${id}): jika dibaca sebagai "${reading}", ${what}.`,
    instead: (verdict: string, to: string, from: string) => `${verdict} akan ${to}, bukan ${from}`,
    and: ' dan ',
  },
} as const;

function list(labels: string[], and: string): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')}${and}${labels[labels.length - 1]}`;
}

function conceptList(ids: string[], vocab: Vocab, lang: Language, and: string): string {
  return list(
    ids.map((id) => bundledRuleBook().concepts[vocab][id]?.[lang] ?? id),
    and,
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
function relied(els: ElementResult[], fields: string[], fallbackElement: string, vocab: Vocab): string[] {
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
  return (e?.matched ?? []).filter((id) => bundledRuleBook().concepts[vocab][id] !== undefined);
}

/** The version's label and the offence's title in the language asked for (bundled rule book; English label otherwise). */
function versionData(r: RegimeResult) {
  return bundledRuleBook()
    .regimes.find((x) => x.id === r.regime)
    ?.versions.find((v) => v.data.id === r.version.id)?.data;
}

/** The sentence on contested readings that changed a verdict of this case (InterpretationUsed.effects). */
function contestedSentences(interpretations: InterpretationUsed[], lang: Language): string[] {
  const t = T[lang];
  const out: string[] = [];
  for (const i of interpretations) {
    const byReading = new Map<string, string[]>();
    for (const e of i.effects ?? []) {
      const what = t.instead(verdictNoun(e.verdict, lang), statusWord(e.instead, lang), statusWord(e.status, lang));
      byReading.set(e.reading, [...(byReading.get(e.reading) ?? []), what]);
    }
    for (const [reading, whats] of byReading) out.push(t.contested(i.id, reading, whats.join('; ')));
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
export function summarise(r: RegimeResult, options: { language?: Language; asOf?: string } = {}): string {
  const lang = options.language ?? 'en';
  const t = T[lang];
  const data = versionData(r);
  const label = data?.label[lang] ?? r.version.label;
  if (r.trafficking.status === 'not-in-force') return t.notInForce(label, options.asOf);
  const titleOf = (o: OffenceResult) => data?.offences.find((x) => x.id === o.id)?.title[lang] ?? o.title;
  // The most specific qualifying offence (s.14 rather than the s.2 definition it punishes).
  const qualifying = r.offences.filter((o) => o.status === 'qualifies' && o.trafficking !== false);
  const lead = qualifying.find((o) => !/definition|or-s14/.test(o.id)) ?? qualifying[0];
  const els = r.trafficking.elements;
  let text = `${t.under(label)}, `;
  if (r.trafficking.status === 'qualifies') {
    const isChild = r.child.status === 'qualifies';
    text += `${isChild ? t.isChild : t.is}${lead ? ` (${lead.citation.provision})` : ''}`;
    const parts: string[] = [];
    const acts = relied(els, ['acts'], 'act', 'act');
    const purposes = relied(els, ['purposes', 'exploitationOccurred'], 'purpose', 'exploitation');
    const means = relied(els, ['means'], 'means', 'means');
    // An offence without an act element (Pasal 3, 4, 6: bringing in, taking out, sending) is described by its title.
    const leadEls = lead?.elements.length ? lead.elements : els;
    // Only when the elements are known (a 'verdicts' result has none, and says only the verdict).
    if (lead && leadEls.length && !leadEls.some((e) => e.element === 'act')) {
      const title = titleOf(lead);
      if (title) parts.push(firstLower(title));
    }
    if (acts.length) parts.push(`${t.was(isChild ? 'child' : 'person', conceptList(acts, 'act', lang, t.and))}${purposes.length ? ` ${t.forPurpose(conceptList(purposes, 'exploitation', lang, t.and))}` : ''}`);
    else if (purposes.length) parts.push(t.purposeWas(conceptList(purposes, 'exploitation', lang, t.and)));
    const offMeans = leadEls.find((e) => e.element === 'means') ?? els.find((e) => e.element === 'means');
    if (offMeans?.status === 'not-required') parts.push(t.meansIrrelevant((offMeans.notRequiredBy ?? offMeans.citation).provision));
    else if (means.length) parts.push(t.by(conceptList(means, 'means', lang, t.and)));
    if (parts.length) text += `: ${parts.join('; ')}`;
    text += '.';
  } else if (r.trafficking.status === 'does-not-qualify') {
    text += t.isNot;
    const failing = r.offences
      .filter((o) => o.trafficking !== false && o.elements.length)
      .map((o) => ({ o, bad: o.elements.filter((e) => e.status === 'not-satisfied').map((e) => elementNoun(e.element, lang)) }))
      .filter((x) => x.bad.length);
    if (failing.length) text += `: ${failing.map(({ o, bad }) => t.fails(o.citation.provision, bad.join(', '))).join('; ')}`;
    text += '.';
    // What catches the case instead: the neighbouring offences of the same law that qualify.
    if (caughtBy(r).length) text += ` ${message(lang, 'otherOffences.summary', { offences: caughtByList(r, lang) })}`;
  } else {
    text += t.maybe;
    const nouns = [...new Set(r.trafficking.missingFacts.map((f) => factNoun(f, lang)))];
    if (nouns.length) text += `: ${t.depends(list(nouns.slice(0, 4), t.and))}`;
    text += '.';
  }
  for (const s of contestedSentences(r.interpretations, lang)) text += ` ${s}`;
  if (r.victim.status === 'qualifies') text += ` ${t.victimYes}`;
  else if (r.victim.status === 'does-not-qualify' && r.trafficking.status === 'qualifies') text += ` ${t.victimNo}`;
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
export function summariseComparison(c: Comparison, options: { language?: Language } = {}): Record<string, string> {
  return Object.fromEntries(c.regimes.map((r) => [r.regime, summarise(r, { ...options, ...(c.asOf ? { asOf: c.asOf } : {}) })]));
}
