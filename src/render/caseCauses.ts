import { elementNoun, verdictNoun } from '../explain/words.js';
import type { CaseDivergence, CitationOut, Comparison, ElementResult, Language, VerdictName } from '../types.js';
import { bundledRuleBook } from '../law/bundled.js';
import type { RuleBook } from '../law/load.js';
import { message } from '../words/messages.js';
import { caughtByList, leadFailure } from '../compare/caughtBy.js';
import { elementName, regimeName, versionLabel } from '../words/ruleWords.js';

type Cause = CaseDivergence['causes'][number];
type Standing = 'notRequired' | 'satisfied' | 'failed' | 'unknown' | 'absent';

const STANDING: Record<ElementResult['status'], Standing> = { 'not-required': 'notRequired', satisfied: 'satisfied', 'not-satisfied': 'failed', unknown: 'unknown' };
const ORDER: Standing[] = ['notRequired', 'satisfied', 'failed', 'unknown', 'absent'];
const provision = (e: ElementResult): CitationOut => e.notRequiredBy ?? e.citation;
const list = (items: string[], lang: Language) => new Intl.ListFormat(lang === 'en' ? 'en-GB' : lang, { type: 'conjunction' }).format(items);

/**
 * One case divergence's cause in the report's language, worded from the results themselves (each
 * regime's standing on the element and the provision it rests on), so a report in Indonesian or
 * Malay never carries the core's English `explanation`. The element ids the core uses for
 * whole-verdict causes are 'in-force' (a version not in force on the date), 'offences' (every
 * trafficking offence of a regime fails: which, and on which elements) and 'caught-by' (not
 * trafficking, but a neighbouring offence of the same law qualifies: which, with its penalty).
 */
export function causeText(c: Comparison, d: CaseDivergence, cause: Cause, lang: Language, book: RuleBook = bundledRuleBook()): string {
  const verdict = d.verdict as VerdictName;
  const regimes = c.regimes.filter((r) => d.statuses[r.regime] !== undefined && r[verdict] !== undefined);
  if (cause.element === 'in-force') {
    const versions = regimes.filter((r) => cause.regimes.includes(r.regime)).map((r) => versionLabel(r, lang, book));
    return message(lang, 'caseCause.notInForce', { versions: versions.join('; ') });
  }
  if (cause.element === 'caught-by') {
    // Not trafficking under a national law, and the neighbouring offences that catch the case.
    return cause.regimes
      .map((id) => regimes.find((r) => r.regime === id))
      .filter((r) => r !== undefined)
      .map((r) => {
        const f = leadFailure(r);
        const fails = f ? message(lang, 'caseCause.fails', { provision: f.provision, elements: list(f.elements.map((e) => elementNoun(e, lang)), lang) }) : '-';
        return message(lang, 'otherOffences.caught', { version: versionLabel(r, lang), fails, offences: caughtByList(r, lang) });
      })
      .join(' ');
  }
  if (cause.element === 'offences') {
    return cause.regimes
      .map((id) => regimes.find((r) => r.regime === id))
      .filter((r) => r !== undefined)
      .map((r) => {
        const fails = r.offences
          .filter((o) => o.trafficking !== false && o.status === 'does-not-qualify')
          .map((o) => ({ o, els: o.elements.filter((e) => e.status === 'not-satisfied') }))
          .filter((x) => x.els.length)
          .map(({ o, els }) => message(lang, 'caseCause.fails', { provision: o.citation.provision, elements: list(els.map((e) => elementNoun(e.element, lang, book)), lang) }));
        return message(lang, 'caseCause.offences', { version: versionLabel(r, lang, book), fails: fails.join('; ') });
      })
      .join(' ');
  }
  const judged = regimes.filter((r) => r[verdict]?.status !== 'not-in-force' && (r[verdict]?.elements.length ?? 0) > 0);
  const groups = new Map<Standing, string[]>();
  for (const r of judged) {
    const e = r[verdict]?.elements.find((x) => x.element === cause.element);
    const standing = e ? STANDING[e.status] : 'absent';
    const who = e ? `${regimeName(r.regime, book)} (${provision(e).provision})` : regimeName(r.regime, book);
    groups.set(standing, [...(groups.get(standing) ?? []), who]);
  }
  const parts = ORDER.filter((s) => groups.has(s)).map((s) =>
    message(lang, `caseCause.${s}`, { regimes: list(groups.get(s) ?? [], lang), verdict: verdictNoun(verdict, lang) }),
  );
  return message(lang, 'caseCause.element', { element: elementName(cause.element, lang, book), groups: parts.join('; ') });
}
