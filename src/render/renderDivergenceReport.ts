import { type DefinitionDivergence, type DefinitionPosition, describePenalty, type PenaltyFigures, positionText, significanceOf } from '../compare/divergences.js';
import { bundledRuleBook } from '../law/bundled.js';
import { elementLabel } from '../law/load.js';
import type { Language, RegimeId } from '../types.js';
import { esc, mdCell, mdText, REPORT_CSS } from './escape.js';
import { labelsFor } from '../words/labels.js';
import { message } from '../words/messages.js';
import { penaltyPhrase } from '../compare/caughtBy.js';

/**
 * "What catches the case when the trafficking definition does not": one row per neighbouring
 * offence of each regime (from the catalogue's 'neighbouring-offences' entry, itself generated
 * from the rule files' otherOffences), its elements and penalty beside the trafficking lead
 * offence's penalty of the same law.
 */
function neighbouringRows(x: DefinitionDivergence, lang: Language): Array<{ regime: string; offence?: PenaltyFigures; elements: string; penalty: string; from: string; trafficking: string }> {
  const rows: Array<{ regime: string; offence?: PenaltyFigures; elements: string; penalty: string; from: string; trafficking: string }> = [];
  for (const [regime, p] of Object.entries(x.positions) as Array<[RegimeId, DefinitionPosition]>) {
    const lead = p.penalty ? penaltyLine(p.penalty, lang) : '';
    if (!p.neighbouring?.length) {
      rows.push({ regime, elements: '', penalty: '', from: '', trafficking: message(lang, 'otherOffences.noneInForce', { regime }) });
      continue;
    }
    for (const f of p.neighbouring) {
      rows.push({
        regime,
        offence: f,
        elements: (f.elements ?? []).map((e) => elementLabel(bundledRuleBook(), e, lang)).join(' + '),
        penalty: penaltyPhrase(f, lang),
        from: f.inForceFrom ?? '',
        trafficking: lead,
      });
    }
  }
  return rows;
}

const ORDER = ['definition', 'child', 'child-means-rule', 'consent', 'victim', 'scope', 'actual-exploitation', 'exploitation-list', 'act', 'means', 'exploitation', 'penalty'];
const NEIGHBOURING = 'neighbouring-offences';
const CONCEPT_ELEMENTS = new Set(['act', 'means', 'exploitation']);

function regimesOf(d: DefinitionDivergence[]): RegimeId[] {
  const seen: RegimeId[] = [];
  for (const x of d) for (const r of Object.keys(x.positions) as RegimeId[]) if (!seen.includes(r)) seen.push(r);
  return seen;
}

/** Row header: the shared concept's label in the report's language (rules/concepts.json), or the aspect. */
function rowHead(x: DefinitionDivergence, lang: Language): string {
  if (x.concept && CONCEPT_ELEMENTS.has(x.element)) {
    const labels = bundledRuleBook().concepts as Record<string, Record<string, Record<Language, string>>>;
    const label = labels[x.element]?.[x.concept]?.[lang];
    return label ? `${label} (${x.concept})` : x.concept;
  }
  const t = labelsFor(lang);
  if (x.id === 'child.age') return elementLabel(bundledRuleBook(), 'age', lang);
  if (x.id === 'child.unborn') return `${elementLabel(bundledRuleBook(), 'child', lang)}: ${t.aspectValues['unborn:yes']}`;
  return t.aspects[x.element] ?? x.id;
}

/** ✔ counts, ✘ does not, ? contested (default reading decides), for concept cells. */
function mark(p: DefinitionPosition): string {
  if (p.counts === undefined) return '';
  if (p.relation === 'contested') return '?';
  return p.counts ? '✔' : '✘';
}

function conceptText(p: DefinitionPosition, lang: Language): string {
  const t = labelsFor(lang);
  const bits: string[] = [];
  if (p.term) bits.push(`“${p.term}”`);
  if (p.relation) bits.push(`(${t.relations[p.relation]})`);
  return bits.join(' ');
}

const penaltyLine = (f: PenaltyFigures, lang: Language) => `${f.title?.[lang] ?? f.offence}: ${describePenalty(f, lang)}`;

/** A position as a Markdown table cell: statutory terms as written, other wording in `lang`; every piece of text escaped (mdCell), the brackets around a citation are the report's own. */
function positionPlain(p: DefinitionPosition | undefined, lang: Language): string {
  if (!p) return '';
  if (p.penalties) return p.penalties.map((f) => `${mdCell(penaltyLine(f, lang))}${f.citation ? ` [${mdCell(`${f.citation.instrument} ${f.citation.provision}`)}]` : ''}`).join('; ');
  const body = p.relation ? `${mark(p)} ${conceptText(p, lang)}` : positionText(p, lang);
  return `${mdCell(body)}${p.citation ? ` [${mdCell(`${p.citation.instrument} ${p.citation.provision}`)}]` : ''}`;
}

function positionHtml(p: DefinitionPosition | undefined, lang: Language): string {
  if (!p) return '<td></td>';
  const t = labelsFor(lang);
  const citeHtml = (c: NonNullable<DefinitionPosition['citation']>) =>
    `<span class="cite">${esc(`${c.instrument} ${c.provision}`)} <span class="conf-${esc(c.confidence)}">(${esc(t.confidences[c.confidence])})</span></span>`;
  if (p.penalties) {
    return `<td><ul class="plain">${p.penalties.map((f) => `<li>${esc(penaltyLine(f, lang))}${f.citation ? citeHtml(f.citation) : ''}</li>`).join('')}</ul></td>`;
  }
  const cls = p.counts === undefined ? '' : p.relation === 'contested' ? ' class="u"' : p.counts ? ' class="q"' : ' class="n"';
  const c = p.citation;
  // Free text from the rule files without a rendering in this language is English: say so.
  const free = !p.relation && !p.code && !p.text?.[lang] && lang !== 'en';
  const content = p.relation
    ? `${p.counts !== undefined ? `<span class="mark" aria-hidden="true">${mark(p)}</span>` : ''}${p.term ? `<span lang="${esc(c?.text?.language ?? 'en')}">“${esc(p.term)}”</span> ` : ''}(${esc(t.relations[p.relation])})`
    : free
      ? `<span lang="en">${esc(positionText(p, lang))}</span> <em>(${esc(t.englishOnly)})</em>`
      : esc(positionText(p, lang));
  const wording = c?.text ? `<details><summary>${esc(t.originalWording)}</summary><blockquote lang="${esc(c.text.language)}">${esc(c.text.original)}</blockquote></details>` : '';
  return `<td${cls}>${content}${c ? citeHtml(c) : ''}${wording}</td>`;
}

/**
 * Render the static divergence catalogue for policy drafters: one section per aspect, a table of
 * regimes with each one's own term (original language), its relation to the shared concept, the
 * citation and a one-line significance, all interface wording in `language`. Self-contained,
 * printable HTML (inline styles, no scripts or external assets) or Markdown.
 *
 * @example
 * ```ts
 * const md = renderDivergenceReport(divergences({ asOf: '2024-01-01' }), 'markdown', { language: 'ms' });
 * ```
 */
export function renderDivergenceReport(d: DefinitionDivergence[], format: 'markdown' | 'html', options: { language?: Language } = {}): string {
  const lang = options.language ?? 'en';
  const t = labelsFor(lang);
  const regimes = regimesOf(d);
  const sections = ORDER.map((el) => [el, d.filter((x) => x.element === el)] as const).filter(([, xs]) => xs.length);
  const versions = regimes.map((r) => d.find((x) => x.positions[r])?.positions[r]?.version ?? r);
  const significance = (x: DefinitionDivergence) => significanceOf(x, lang);
  if (format === 'markdown') {
    const out = [`# ${t.divergenceTitle}`, '', `${t.generated}: ${mdText(versions.join(', '))}.`, ''];
    for (const [el, xs] of sections) {
      out.push(`## ${mdText(t.aspects[el] ?? el)}`, '');
      out.push(`| | ${regimes.map(mdCell).join(' | ')} | ${t.significance} |`, `|---|${regimes.map(() => '---').join('|')}|---|`);
      for (const x of xs) {
        const head = mdCell(rowHead(x, lang));
        out.push(`| ${x.diverges ? `**${head}**` : head} | ${regimes.map((r) => positionPlain(x.positions[r], lang)).join(' | ')} | ${mdCell(significance(x))} |`);
      }
      out.push('');
    }
    const nb = d.find((x) => x.id === NEIGHBOURING);
    if (nb) {
      const m = (k: string) => message(lang, `otherOffences.${k}`);
      out.push(`## ${m('catalogueHeading')}`, '', m('catalogueIntro'), '', mdCell(significance(nb)), '');
      out.push(`| ${m('colRegime')} | ${m('colOffence')} | ${m('colElements')} | ${m('colPenalty')} | ${m('colFrom')} | ${m('colTrafficking')} |`, '|---|---|---|---|---|---|');
      for (const r of neighbouringRows(nb, lang)) {
        const offence = r.offence ? `${r.offence.title?.[lang] ?? r.offence.offence}${r.offence.citation ? ` [${r.offence.citation.instrument} ${r.offence.citation.provision}]` : ''}` : '';
        out.push(`| ${mdCell(r.regime)} | ${mdCell(offence)} | ${mdCell(r.elements)} | ${mdCell(r.penalty)} | ${mdCell(r.from)} | ${mdCell(r.trafficking)} |`);
      }
      out.push('');
    }
    return out.join('\n');
  }
  const body: string[] = [];
  body.push(`<h1>${esc(t.divergenceTitle)}</h1><p>${esc(t.generated)}: ${versions.map((v) => `<code>${esc(v)}</code>`).join(', ')}</p>`);
  for (const [el, xs] of sections) {
    body.push(`<section><h2>${esc(t.aspects[el] ?? el)}</h2><table><thead><tr><th scope="col"></th>${regimes.map((r) => `<th scope="col">${esc(r)}</th>`).join('')}<th scope="col">${esc(t.significance)}</th></tr></thead><tbody>`);
    for (const x of xs) {
      body.push(`<tr><th scope="row"${x.diverges ? ' class="u"' : ''}>${esc(rowHead(x, lang))}</th>${regimes.map((r) => positionHtml(x.positions[r], lang)).join('')}<td>${esc(significance(x))}</td></tr>`);
    }
    body.push('</tbody></table></section>');
  }
  const nb = d.find((x) => x.id === NEIGHBOURING);
  if (nb) {
    const m = (k: string) => esc(message(lang, `otherOffences.${k}`));
    body.push(`<section id="neighbouring-offences"><h2>${m('catalogueHeading')}</h2><p>${m('catalogueIntro')}</p><p>${esc(significance(nb))}</p><table><thead><tr>${['colRegime', 'colOffence', 'colElements', 'colPenalty', 'colFrom', 'colTrafficking'].map((k) => `<th scope="col">${m(k)}</th>`).join('')}</tr></thead><tbody>`);
    for (const r of neighbouringRows(nb, lang)) {
      const c = r.offence?.citation;
      const offence = r.offence ? `${esc(r.offence.title?.[lang] ?? r.offence.offence)}${c ? `<span class="cite">${esc(`${c.instrument} ${c.provision}`)} <span class="conf-${c.confidence}">(${esc(t.confidences[c.confidence])})</span></span>` : ''}` : '';
      body.push(`<tr><th scope="row">${esc(r.regime)}</th><td>${offence}</td><td>${esc(r.elements)}</td><td>${esc(r.penalty)}</td><td>${esc(r.from)}</td><td>${esc(r.trafficking)}</td></tr>`);
    }
    body.push('</tbody></table></section>');
  }
  return `<!DOCTYPE html>\n<html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t.divergenceTitle)}</title><style>${REPORT_CSS}</style></head><body>\n${body.join('\n')}\n<footer>${esc(t.generated)}: ${versions.map((v) => esc(v)).join(', ')}</footer></body></html>\n`;
}
