import { bundledRuleBook } from '../law/bundled.js';
import type { RuleBook } from '../law/load.js';
import type { CaseDivergence, Language, OtherOffenceResult, RegimeResult } from '../types.js';
import { message } from '../words/messages.js';
import { describePenalty, type PenaltyFigures } from './divergences.js';

/**
 * What catches a case when the trafficking definition does not (issue 13): the neighbouring
 * offences of a regime (RegimeResult.otherOffences) that qualify on the facts. The trafficking
 * verdict is never touched; this only names, beside a "does not qualify", the offence that does.
 */
export function caughtBy(r: Pick<RegimeResult, 'otherOffences'>): OtherOffenceResult[] {
  return (r.otherOffences ?? []).filter((o) => o.status === 'qualifies');
}

/**
 * A penalty in words: "3 to 15 years and a fine of IDR 60,000,000 to 300,000,000"; imprisonment
 * and fine joined by "or" or "and/or" where the statute says so (`cumulative` false, with the
 * rule file's note saying which), by "and" otherwise.
 */
export function penaltyPhrase(p: Pick<PenaltyFigures, 'imprisonmentYears' | 'fine' | 'whipping' | 'cumulative' | 'note'>, lang: Language = 'en'): string {
  const prison = p.imprisonmentYears ? describePenalty({ imprisonmentYears: p.imprisonmentYears }, lang) : '';
  const rest = describePenalty({ ...(p.fine ? { fine: p.fine } : {}), ...(p.whipping ? { whipping: true } : {}) }, lang);
  if (!prison || !rest) return prison || rest;
  if (p.cumulative !== false) return describePenalty(p, lang);
  // "dan/atau" (UU 35/2014 Pasal 88) reads and/or; "atau" (KUHP Pasal 457) or "or to both" (Act 670) read or / and-or.
  const andOr = /and\/or|or both|or to both/i.test(p.note ?? '');
  return `${prison}${message(lang, andOr ? 'otherOffences.andOr' : 'otherOffences.or')}${rest}`;
}

/** The offence's title in `lang` from the rule file of the version applied (English title, else id). */
export function otherOffenceTitle(r: Pick<RegimeResult, 'regime' | 'version'>, o: Pick<OtherOffenceResult, 'id' | 'title'>, lang: Language, book: RuleBook = bundledRuleBook()): string {
  const v = book.regimes.find((x) => x.id === r.regime)?.versions.find((x) => x.data.id === r.version.id);
  return v?.data.otherOffences?.find((x) => x.id === o.id)?.title[lang] ?? o.title ?? o.id;
}

/** "Abduction, sale or trafficking of a child (UU 35/2014 Pasal 76F jo. 83): 3 to 15 years and a fine of ..." */
export function caughtByList(r: Pick<RegimeResult, 'regime' | 'version' | 'otherOffences'>, lang: Language = 'en', book: RuleBook = bundledRuleBook()): string {
  return caughtBy(r)
    .map((o) => message(lang, 'otherOffences.offence', { title: otherOffenceTitle(r, o, lang, book), penalty: penaltyPhrase(o.penalty, lang) }))
    .join('; ');
}

/**
 * Why the trafficking verdict fails, in short: the lead offence (whose elements the verdict
 * carries, run.ts traffickingVerdict) and its elements not satisfied, e.g. Pasal 2 ayat (1), means.
 */
export function leadFailure(r: Pick<RegimeResult, 'trafficking'>): { provision: string; elements: string[] } | undefined {
  const els = r.trafficking.elements.filter((e) => e.status === 'not-satisfied');
  const first = els[0] ?? r.trafficking.elements[0];
  if (!first) return undefined;
  return { provision: first.citation.provision, elements: els.map((e) => e.element) };
}

function failing(r: RegimeResult): string {
  const f = leadFailure(r);
  return f ? message('en', 'caseCause.fails', { provision: f.provision, elements: f.elements.join(', ') }) : '';
}

/**
 * For a trafficking divergence: each regime that does not qualify but whose neighbouring offences
 * do, as a cause (element 'caught-by'), e.g. "Not trafficking under UU 21/2007 ... (Pasal 2 ayat
 * (1): means); what catches the case: Abduction, sale or trafficking of a child (UU 35/2014
 * Pasal 76F jo. 83), 3 to 15 years and a fine of IDR 60,000,000 to 300,000,000."
 */
export function caughtByCauses(rows: RegimeResult[]): CaseDivergence['causes'] {
  const causes: CaseDivergence['causes'] = [];
  for (const r of rows) {
    if (r.trafficking.status !== 'does-not-qualify') continue;
    const caught = caughtBy(r);
    if (!caught.length) continue;
    const fails = failing(r);
    causes.push({
      element: 'caught-by',
      regimes: [r.regime],
      explanation: message('en', 'otherOffences.caught', { version: r.version.label, fails: fails || '-', offences: caughtByList(r, 'en') }),
      citations: caught.flatMap((o) => [o.citation, o.penalty.citation]).filter((c, i, all) => all.findIndex((x) => x.instrument === c.instrument && x.provision === c.provision) === i),
    });
  }
  return causes;
}
