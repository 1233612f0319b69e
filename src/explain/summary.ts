import { bundledRuleBook } from '../law/bundled.js';
import type { Comparison, ElementResult, Language, RegimeResult } from '../types.js';

type Vocab = 'act' | 'means' | 'exploitation';

const T = {
  en: {
    under: (label: string) => `Under ${label}`,
    is: 'this is trafficking',
    isChild: 'this is trafficking of a child',
    isNot: 'this is not trafficking',
    maybe: 'it cannot yet be said whether this is trafficking',
    notInForce: (label: string, date: string) => `${label} was not in force on ${date}.`,
    was: (acts: string) => `the person was subjected to ${acts}`,
    forPurpose: (p: string) => `for ${p}`,
    by: (m: string) => `by ${m}`,
    meansIrrelevant: (c: string) => `the means used do not matter (${c})`,
    fails: (o: string, els: string) => `${o} fails on ${els}`,
    depends: (f: string) => `it turns on ${f}`,
    victimYes: 'The person is a victim under this regime.',
    victimNo: 'The person is not a victim under this regime.',
    and: ' and ',
  },
  id: {
    under: (label: string) => `Menurut ${label}`,
    is: 'perbuatan ini merupakan tindak pidana perdagangan orang',
    isChild: 'perbuatan ini merupakan perdagangan anak',
    isNot: 'perbuatan ini bukan tindak pidana perdagangan orang',
    maybe: 'belum dapat ditentukan apakah perbuatan ini merupakan perdagangan orang',
    notInForce: (label: string, date: string) => `${label} belum atau tidak berlaku pada ${date}.`,
    was: (acts: string) => `terhadap orang tersebut dilakukan ${acts}`,
    forPurpose: (p: string) => `untuk tujuan ${p}`,
    by: (m: string) => `dengan ${m}`,
    meansIrrelevant: (c: string) => `cara yang digunakan tidak relevan (${c})`,
    fails: (o: string, els: string) => `${o} tidak terpenuhi pada unsur ${els}`,
    depends: (f: string) => `bergantung pada ${f}`,
    victimYes: 'Orang tersebut adalah korban menurut rezim ini.',
    victimNo: 'Orang tersebut bukan korban menurut rezim ini.',
    and: ' dan ',
  },
  ms: {
    under: (label: string) => `Di bawah ${label}`,
    is: 'ini ialah pemerdagangan orang',
    isChild: 'ini ialah pemerdagangan kanak-kanak',
    isNot: 'ini bukan pemerdagangan orang',
    maybe: 'belum dapat ditentukan sama ada ini pemerdagangan orang',
    notInForce: (label: string, date: string) => `${label} tidak berkuat kuasa pada ${date}.`,
    was: (acts: string) => `orang itu telah mengalami ${acts}`,
    forPurpose: (p: string) => `bagi maksud ${p}`,
    by: (m: string) => `melalui ${m}`,
    meansIrrelevant: (c: string) => `cara yang digunakan tidak relevan (${c})`,
    fails: (o: string, els: string) => `${o} gagal pada elemen ${els}`,
    depends: (f: string) => `ia bergantung pada ${f}`,
    victimYes: 'Orang itu ialah mangsa di bawah rejim ini.',
    victimNo: 'Orang itu bukan mangsa di bawah rejim ini.',
    and: ' dan ',
  },
} as const;

function conceptList(ids: string[], vocab: Vocab, lang: Language, and: string): string {
  const labels = ids.map((id) => bundledRuleBook().concepts[vocab][id]?.[lang] ?? id);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')}${and}${labels[labels.length - 1]}`;
}

const el = (els: ElementResult[], name: string) => els.find((e) => e.element === name);

/**
 * One paragraph, in plain words, of what a regime says about the case, e.g. "Under Act 670 as
 * amended by Act A1644 (from 22 February 2022), this is trafficking of a child (s. 14(1)): the
 * person was subjected to recruitment for sexual exploitation; the means used do not matter
 * (s. 14(2))."
 *
 * @example
 * ```ts
 * const c = await compare(facts);
 * summarise(c.regimes[1]!, { language: 'ms' });
 * ```
 */
export function summarise(r: RegimeResult, options: { language?: Language; asOf?: string } = {}): string {
  const lang = options.language ?? 'en';
  const t = T[lang];
  const label = r.version.label;
  if (r.trafficking.status === 'not-in-force') return t.notInForce(label, options.asOf ?? r.version.inForceFrom);
  // The most specific qualifying offence (s.14 rather than the s.2 definition it punishes).
  const qualifying = r.offences.filter((o) => o.status === 'qualifies' && o.elements.length);
  const lead = qualifying.find((o) => !/definition|or-s14/.test(o.id)) ?? qualifying[0] ?? r.offences.find((o) => o.elements.length);
  const els = r.trafficking.elements;
  let text = `${t.under(label)}, `;
  if (r.trafficking.status === 'qualifies') {
    text += `${r.child.status === 'qualifies' ? t.isChild : t.is}${lead ? ` (${lead.citation.provision})` : ''}`;
    const parts: string[] = [];
    const act = el(els, 'act');
    const purpose = el(els, 'purpose') ?? el(els, 'result');
    if (act?.matched.length) parts.push(`${t.was(conceptList(act.matched, 'act', lang, t.and))}${purpose?.matched.length ? ` ${t.forPurpose(conceptList(purpose.matched, 'exploitation', lang, t.and))}` : ''}`);
    const means = el(els, 'means');
    if (means?.status === 'not-required') parts.push(t.meansIrrelevant((means.notRequiredBy ?? means.citation).provision));
    else if (means?.status === 'satisfied' && means.matched.length) parts.push(t.by(conceptList(means.matched, 'means', lang, t.and)));
    if (parts.length) text += `: ${parts.join('; ')}`;
    text += '.';
  } else if (r.trafficking.status === 'does-not-qualify') {
    text += t.isNot;
    const failing = r.offences
      .filter((o) => o.trafficking !== false && o.elements.length)
      .map((o) => ({ o, bad: o.elements.filter((e) => e.status === 'not-satisfied').map((e) => e.element) }))
      .filter((x) => x.bad.length);
    if (failing.length) text += `: ${failing.map(({ o, bad }) => t.fails(o.citation.provision, bad.join(', '))).join('; ')}`;
    text += '.';
  } else {
    text += t.maybe;
    if (r.trafficking.missingFacts.length) text += `: ${t.depends(r.trafficking.missingFacts.slice(0, 4).join(', '))}`;
    text += '.';
  }
  if (r.victim.status === 'qualifies') text += ` ${t.victimYes}`;
  else if (r.victim.status === 'does-not-qualify' && r.trafficking.status === 'qualifies') text += ` ${t.victimNo}`;
  return text;
}

/** A summary per regime of a comparison. */
export function summariseComparison(c: Comparison, options: { language?: Language } = {}): Record<string, string> {
  return Object.fromEntries(c.regimes.map((r) => [r.regime, summarise(r, { ...options, ...(c.asOf ? { asOf: c.asOf } : {}) })]));
}
