import type { CitationOut, Comparison, ElementResult, Language, RegimeResult, Status, VerdictName } from '../types.js';
import { esc, jsonText, mdCell, mdCode, mdText, REPORT_CSS, termText } from './escape.js';
import { summarise } from '../explain/summary.js';
import { ELEMENT_MARK, labelsFor, STATUS_MARK } from '../words/labels.js';
import { elementName, factName, interpretationWords, matchedNames, offenceTitle, regimeName, versionLabel } from '../words/ruleWords.js';
import { causeText } from './caseCauses.js';
import { bundledRuleBook } from '../law/bundled.js';
import type { RuleBook } from '../law/load.js';
import { message } from '../words/messages.js';
import { offenceFormText } from './offenceForm.js';
import { caughtBy, caughtByList, otherOffenceTitle, penaltyPhrase } from '../compare/caughtBy.js';

/** The neighbouring offences of a regime (not trafficking), each with its status and penalty, in `lang`. */
function otherOffenceLines(r: RegimeResult, lang: Language): Array<{ status: Status; text: string }> {
  const t = labelsFor(lang);
  return (r.otherOffences ?? []).map((o) => ({ status: o.status, text: `${otherOffenceTitle(r, o, lang)} (${cite(o.citation)}): ${t.statuses[o.status]}; ${penaltyPhrase(o.penalty, lang)}` }));
}

const VERDICTS: VerdictName[] = ['trafficking', 'victim', 'child', 'scope'];
const CLASS: Record<Status, string> = { qualifies: 'q', 'does-not-qualify': 'n', undetermined: 'u', 'not-in-force': 'x' };

const cite = (c: CitationOut) => `${c.instrument} ${c.provision}`;
const ELEMENT_CLASS: Record<ElementResult['status'], string> = { satisfied: 'q', 'not-required': 'q', 'not-satisfied': 'n', unknown: 'u' };

type Cell = { cls: string; mark: string; text: string; citation?: CitationOut };

/**
 * The regimes-by-elements matrix: for each verdict, one row per element any regime asks for, one
 * cell per regime with its mark, status and the provision it rests on. A regime that does not ask
 * for the element says so; one not in force says that instead.
 */
function elementMatrix(c: Comparison, lang: Language, book: RuleBook): Array<{ verdict: VerdictName; rows: Array<{ element: string; cells: Cell[] }> }> {
  const t = labelsFor(lang);
  const out: Array<{ verdict: VerdictName; rows: Array<{ element: string; cells: Cell[] }> }> = [];
  for (const v of VERDICTS) {
    if (!c.regimes.some((r) => r[v])) continue;
    const names: string[] = [];
    for (const r of c.regimes) for (const e of r[v]?.elements ?? []) if (!names.includes(e.element)) names.push(e.element);
    if (!names.length) continue;
    const rows = names.map((element) => ({
      element,
      cells: c.regimes.map((r): Cell => {
        const verdict = r[v];
        if (!verdict) return { cls: '', mark: '', text: '' };
        if (verdict.status === 'not-in-force') return { cls: 'x', mark: STATUS_MARK['not-in-force'], text: t.statuses['not-in-force'] };
        const e = verdict.elements.find((x) => x.element === element);
        if (!e) return { cls: 'x', mark: '', text: verdict.elements.length ? t.notAnElement : '' };
        return { cls: ELEMENT_CLASS[e.status], mark: ELEMENT_MARK[e.status] ?? '', text: `${t.elementStatuses[e.status]}${e.matched.length ? ` (${matchedNames(e.matched, lang, book)})` : ''}`, citation: e.notRequiredBy ?? e.citation };
      }),
    }));
    out.push({ verdict: v, rows });
  }
  return out;
}

/**
 * Render a Comparison for people: a matrix of regimes by verdicts, then each regime's elements
 * with their citations, missing facts, contested readings, the divergences and the receipt.
 * Interface texts in `language`; statutory wording always in its original language.
 *
 * @example
 * ```ts
 * const html = renderComparison(await compare(facts), 'html', { language: 'id' });
 * ```
 */
export function renderComparison(c: Comparison, format: 'markdown' | 'html' | 'text', options: { language?: Language; book?: RuleBook } = {}): string {
  // The rule book the comparison was made with names its elements, versions and offences (a
  // fifth regime or an amendment brings its own words); the bundled book by default.
  const book = options.book ?? bundledRuleBook();
  if (format === 'html') return html(c, options.language ?? 'en', book);
  if (format === 'text') return text(c, options.language ?? 'en', book);
  return markdown(c, options.language ?? 'en', book);
}

/** Facts a verdict turns on, in words (locales `words.fact`), never as raw paths; one name once. */
function factNames(paths: string[], lang: Language): string {
  return [...new Set(paths.map((f) => factName(f, lang)))].join(', ');
}

/** A contested reading used: its title, the reading chosen and the others, by their short names. */
function interpretationItem(r: RegimeResult, i: RegimeResult['interpretations'][number], lang: Language, book: RuleBook): string {
  const t = labelsFor(lang);
  const w = interpretationWords(r, i.id, lang, book);
  const effects = (i.effects ?? []).map((e) => `${w.reading(e.reading)} → ${t.verdicts[e.verdict]}: ${t.statuses[e.instead]}`).join('; ');
  return `<li>${esc(w.title)}: ${esc(t.chosen)} <strong>${esc(w.reading(i.chosen))}</strong>; ${esc(t.alternatives)}: ${esc(i.alternatives.map((a) => w.reading(a)).join(', '))}${effects ? ` (<strong>${esc(effects)}</strong>)` : ''}</li>`;
}

function verdictsOf(r: RegimeResult) {
  return VERDICTS.filter((v) => r[v] !== undefined);
}

function markdown(c: Comparison, lang: Language, book: RuleBook): string {
  const t = labelsFor(lang);
  const out: string[] = [`# ${t.title}`, ''];
  if (c.caseId) out.push(`**${t.caseLabel}:** ${mdText(c.caseId)}  `);
  out.push(`**${t.asOf}:** ${mdText(c.asOf ?? t.noDate)}`, '');
  out.push(`| ${t.verdict} | ${c.regimes.map((r) => mdCell(versionLabel(r, lang, book))).join(' | ')} |`);
  out.push(`|---|${c.regimes.map(() => '---').join('|')}|`);
  for (const v of VERDICTS) {
    if (!c.regimes.some((r) => r[v])) continue;
    out.push(`| ${t.verdicts[v]} | ${c.regimes.map((r) => (r[v] ? `${STATUS_MARK[r[v].status]} ${t.statuses[r[v].status]}` : '')).join(' | ')} |`);
  }
  const matrix = elementMatrix(c, lang, book);
  if (matrix.length) {
    out.push('', `## ${t.elementsMatrix}`, '', `| ${t.verdict} / ${t.element} | ${c.regimes.map((r) => mdCell(regimeName(r.regime, book))).join(' | ')} |`, `|---|${c.regimes.map(() => '---').join('|')}|`);
    for (const { verdict, rows } of matrix) {
      for (const row of rows) {
        out.push(`| ${t.verdicts[verdict]} / ${mdCell(elementName(row.element, lang, book))} | ${row.cells.map((x) => `${mdCell(`${x.mark ? `${x.mark} ` : ''}${x.text}`)}${x.citation ? ` [${mdCell(cite(x.citation))}]` : ''}`).join(' | ')} |`);
      }
    }
  }
  for (const r of c.regimes) {
    out.push('', `## ${mdText(versionLabel(r, lang, book))}`, '', mdText(summarise(r, { language: lang, book, ...(c.asOf ? { asOf: c.asOf } : {}) })), '');
    for (const v of verdictsOf(r)) {
      const verdict = r[v];
      if (!verdict) continue;
      out.push(`### ${t.verdicts[v]}: ${STATUS_MARK[verdict.status]} ${t.statuses[verdict.status]}`, '');
      if (verdict.elements.length) {
        out.push(`| ${t.element} | ${t.status} | ${t.matched} | ${t.citation} |`, '|---|---|---|---|');
        for (const e of verdict.elements) out.push(`| ${mdCell(elementName(e.element, lang, book))} | ${ELEMENT_MARK[e.status]} ${t.elementStatuses[e.status]} | ${mdCell(matchedNames(e.matched, lang, book))} | ${mdCell(cite(e.notRequiredBy ?? e.citation))} (${t.confidences[(e.notRequiredBy ?? e.citation).confidence]}) |`);
        out.push('');
      }
      if (verdict.missingFacts.length) out.push(`${t.missingFacts}: ${mdCell(factNames(verdict.missingFacts, lang))}`, '');
    }
    if (r.offences.length) {
      out.push(`**${t.offences}:** ${r.offences.map((o) => `${mdText(offenceTitle(r, o, lang, book))} (${mdText(cite(o.citation))}): ${t.statuses[o.status]}${o.form ? ` (${mdText(offenceFormText(o.form, lang))})` : ''}`).join('; ')}`, '');
    }
    const others = otherOffenceLines(r, lang);
    if (others.length) {
      out.push(`**${message(lang, 'otherOffences.heading')}:**`, '', ...others.map((o) => `- ${STATUS_MARK[o.status]} ${mdCell(o.text)}`), '');
    }
    if (r.interpretations.length) {
      out.push(`**${t.interpretations}:**`, '');
      for (const i of r.interpretations) {
        const w = interpretationWords(r, i.id, lang, book);
        const effects = (i.effects ?? []).map((e) => `${w.reading(e.reading)} → ${t.verdicts[e.verdict]}: ${t.statuses[e.instead]}`).join('; ');
        out.push(`- ${mdCell(w.title)}: ${t.chosen} ${mdCell(w.reading(i.chosen))}; ${t.alternatives}: ${i.alternatives.map((a) => mdCell(w.reading(a))).join(', ')}${effects ? ` (**${mdCell(effects)}**)` : ''}`);
      }
      out.push('');
    }
  }
  out.push(`## ${t.divergences}`, '');
  if (!c.divergences.length) out.push(t.noDivergences);
  for (const d of c.divergences) {
    out.push(`### ${t.verdicts[d.verdict]}: ${Object.entries(d.statuses).map(([r, s]) => `${mdCell(regimeName(r, book))} ${t.statuses[s as Status]}`).join(', ')}`, '');
    // Worded from the results in the report's language (render/caseCauses.ts), not the core's English explanation.
    for (const cause of d.causes) out.push(`- ${mdCell(causeText(c, d, cause, lang, book))}`);
    out.push('');
  }
  out.push(`## ${t.receipt}`, '', '```json', jsonText(c.receipt, 2), '```', '');
  return out.join('\n');
}

function statusCell(r: RegimeResult, v: VerdictName, lang: Language): string {
  const t = labelsFor(lang);
  const verdict = r[v];
  if (!verdict) return '<td></td>';
  const lead = verdict.elements[0];
  const c = lead ? (lead.notRequiredBy ?? lead.citation) : undefined;
  return `<td class="${CLASS[verdict.status]}"><span class="mark" aria-hidden="true">${STATUS_MARK[verdict.status]}</span>${esc(t.statuses[verdict.status])}${c ? `<span class="cite">${esc(cite(c))}</span>` : ''}</td>`;
}

function elementRow(e: ElementResult, lang: Language, book: RuleBook): string {
  const t = labelsFor(lang);
  const c = e.notRequiredBy ?? e.citation;
  const wording = c.text
    ? `<details><summary>${esc(t.originalWording)}</summary><blockquote lang="${esc(c.text.language)}">${esc(c.text.original)}</blockquote>${c.text.english ? `<blockquote lang="en">${esc(t.english)}: ${esc(c.text.english)}</blockquote>` : ''}</details>`
    : '';
  const cls = e.status === 'satisfied' || e.status === 'not-required' ? 'q' : e.status === 'not-satisfied' ? 'n' : 'u';
  return `<tr><td>${esc(elementName(e.element, lang, book))}${e.note && lang === 'en' ? `<span class="cite">${esc(e.note)}</span>` : ''}</td><td class="${cls}"><span class="mark" aria-hidden="true">${ELEMENT_MARK[e.status]}</span>${esc(t.elementStatuses[e.status])}</td><td>${esc(matchedNames(e.matched, lang, book))}</td><td>${esc(cite(c))} <span class="conf-${esc(c.confidence)}">(${esc(t.confidences[c.confidence])})</span>${wording}</td></tr>`;
}

function html(c: Comparison, lang: Language, book: RuleBook): string {
  const t = labelsFor(lang);
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t.title)}${c.caseId ? ` | ${esc(c.caseId)}` : ''}</title><style>${REPORT_CSS}</style></head><body>`);
  parts.push(`<h1>${esc(t.title)}</h1>`);
  parts.push(`<p>${c.caseId ? `<strong>${esc(t.caseLabel)}:</strong> ${esc(c.caseId)}<br>` : ''}<strong>${esc(t.asOf)}:</strong> ${esc(c.asOf ?? t.noDate)}</p>`);
  parts.push(`<table><thead><tr><th scope="col">${esc(t.verdict)}</th>${c.regimes.map((r) => `<th scope="col">${esc(versionLabel(r, lang, book))}</th>`).join('')}</tr></thead><tbody>`);
  for (const v of VERDICTS) {
    if (!c.regimes.some((r) => r[v])) continue;
    parts.push(`<tr><th scope="row">${esc(t.verdicts[v])}</th>${c.regimes.map((r) => statusCell(r, v, lang)).join('')}</tr>`);
  }
  parts.push('</tbody></table>');
  const matrix = elementMatrix(c, lang, book);
  if (matrix.length) {
    parts.push(`<section><h2>${esc(t.elementsMatrix)}</h2><table class="matrix"><thead><tr><th scope="col">${esc(t.element)}</th>${c.regimes.map((r) => `<th scope="col">${esc(versionLabel(r, lang, book))}</th>`).join('')}</tr></thead>`);
    for (const { verdict, rows } of matrix) {
      parts.push(`<tbody><tr><th scope="rowgroup" colspan="${c.regimes.length + 1}">${esc(t.verdicts[verdict])}</th></tr>`);
      for (const row of rows) {
        parts.push(`<tr><th scope="row">${esc(elementName(row.element, lang, book))}</th>${row.cells.map((x) => `<td${x.cls ? ` class="${x.cls}"` : ''}>${x.mark ? `<span class="mark" aria-hidden="true">${esc(x.mark)}</span>` : ''}${esc(x.text)}${x.citation ? `<span class="cite">${esc(cite(x.citation))}</span>` : ''}</td>`).join('')}</tr>`);
      }
      parts.push('</tbody>');
    }
    parts.push('</table></section>');
  }
  for (const r of c.regimes) {
    parts.push(`<section><h2>${esc(versionLabel(r, lang, book))}</h2><p>${esc(summarise(r, { language: lang, book, ...(c.asOf ? { asOf: c.asOf } : {}) }))}</p>`);
    for (const v of verdictsOf(r)) {
      const verdict = r[v];
      if (!verdict) continue;
      parts.push(`<h3>${esc(t.verdicts[v])}: <span class="${CLASS[verdict.status]}">${STATUS_MARK[verdict.status]} ${esc(t.statuses[verdict.status])}</span></h3>`);
      if (verdict.elements.length) {
        parts.push(`<table><thead><tr><th scope="col">${esc(t.element)}</th><th scope="col">${esc(t.status)}</th><th scope="col">${esc(t.matched)}</th><th scope="col">${esc(t.citation)}</th></tr></thead><tbody>${verdict.elements.map((e) => elementRow(e, lang, book)).join('')}</tbody></table>`);
      }
      if (verdict.missingFacts.length) parts.push(`<p>${esc(t.missingFacts)}: ${esc(factNames(verdict.missingFacts, lang))}</p>`);
    }
    if (r.offences.length) {
      parts.push(`<h3>${esc(t.offences)}</h3><ul>${r.offences.map((o) => `<li class="${CLASS[o.status]}">${STATUS_MARK[o.status]} ${esc(offenceTitle(r, o, lang, book))} (${esc(cite(o.citation))}): ${esc(t.statuses[o.status])}${o.form ? ` (${esc(offenceFormText(o.form, lang))})` : ''}</li>`).join('')}</ul>`);
    }
    const others = otherOffenceLines(r, lang);
    if (others.length) {
      parts.push(`<h3>${esc(message(lang, 'otherOffences.heading'))}</h3><ul class="other-offences">${others.map((o) => `<li class="${CLASS[o.status]}">${STATUS_MARK[o.status]} ${esc(o.text)}</li>`).join('')}</ul>`);
    }
    if (r.interpretations.length) {
      parts.push(`<h3>${esc(t.interpretations)}</h3><ul>${r.interpretations.map((i) => interpretationItem(r, i, lang, book)).join('')}</ul>`);
    }
    parts.push('</section>');
  }
  parts.push(`<section><h2>${esc(t.divergences)}</h2>`);
  if (!c.divergences.length) parts.push(`<p>${esc(t.noDivergences)}</p>`);
  for (const d of c.divergences) {
    parts.push(`<h3>${esc(t.verdicts[d.verdict])}</h3><p>${Object.entries(d.statuses).map(([r, s]) => `${esc(regimeName(r, book))}: <span class="${CLASS[s as Status]}">${esc(t.statuses[s as Status])}</span>`).join(' · ')}</p>`);
    parts.push(`<ul>${d.causes.map((x) => `<li>${esc(causeText(c, d, x, lang, book))}</li>`).join('')}</ul>`);
  }
  parts.push('</section>');
  // The notes on each element are the rule files' English; say so once rather than mix languages in the rows.
  if (lang !== 'en' && c.regimes.some((r) => verdictsOf(r).some((v) => r[v]?.elements.some((e) => e.note)))) parts.push(`<p class="cite">${esc(message(lang, 'caseCause.englishNotes'))}</p>`);
  parts.push(`<footer><strong>${esc(t.receipt)}:</strong> <code>${esc(c.receipt.library)}</code> · ${Object.entries(c.receipt.ruleSets).map(([k, v]) => `<code>${esc(k)}=${esc(v)}</code>`).join(' · ')} · <code>${esc(c.receipt.factsHash)}</code></footer>`);
  parts.push('</body></html>\n');
  return parts.join('\n');
}

function text(c: Comparison, lang: Language, book: RuleBook): string {
  const t = labelsFor(lang);
  const rows: string[][] = [[t.verdict, ...c.regimes.map((r) => termText(regimeName(r.regime, book)))]];
  for (const v of VERDICTS) {
    if (!c.regimes.some((r) => r[v])) continue;
    rows.push([t.verdicts[v], ...c.regimes.map((r) => (r[v] ? `${STATUS_MARK[r[v].status]} ${t.statuses[r[v].status]}` : ''))]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [`${t.title}${c.caseId ? ` (${termText(c.caseId)})` : ''}`, `${t.asOf}: ${termText(c.asOf ?? t.noDate)}`, '', line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  for (const r of c.regimes) {
    const missing = [...new Set(VERDICTS.flatMap((v) => r[v]?.missingFacts ?? []))];
    if (missing.length) out.push(`${termText(regimeName(r.regime, book))}: ${t.missingFacts}: ${termText(factNames(missing, lang))}`);
  }
  for (const r of c.regimes) if (caughtBy(r).length) out.push(`${termText(regimeName(r.regime, book))}: ${message(lang, 'otherOffences.heading')}: ${termText(caughtByList(r, lang))}`);
  if (c.divergences.length) {
    out.push('', t.divergences + ':');
    for (const d of c.divergences) for (const x of d.causes) out.push(`  ${t.verdicts[d.verdict]}: ${termText(causeText(c, d, x, lang, book))}`);
  }
  return `${out.join('\n')}\n`;
}
