import type { DefinitionDivergence, DefinitionPosition } from '../compare/divergences.js';
import type { Language, RegimeId } from '../types.js';
import { esc, mdCell, REPORT_CSS } from './escape.js';
import { labelsFor } from './labels.js';

const ORDER = ['definition', 'child', 'child-means-rule', 'consent', 'victim', 'scope', 'actual-exploitation', 'exploitation-list', 'act', 'means', 'exploitation', 'penalty'];

function regimesOf(d: DefinitionDivergence[]): RegimeId[] {
  const seen: RegimeId[] = [];
  for (const x of d) for (const r of Object.keys(x.positions) as RegimeId[]) if (!seen.includes(r)) seen.push(r);
  return seen;
}

function position(p: DefinitionPosition | undefined, lang: Language): string {
  if (!p) return '';
  const t = labelsFor(lang);
  const bits: string[] = [];
  if (p.term) bits.push(`“${p.term}”`);
  if (p.relation) bits.push(`(${t.relations[p.relation]})`);
  if (p.value && !p.term) bits.push(p.value);
  return bits.join(' ');
}

/**
 * Render the static divergence catalogue for policy drafters: one section per aspect, a table of
 * regimes with each one's own term (original language), its relation to the shared concept, the
 * citation and a one-line significance. Self-contained, printable HTML or Markdown.
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
  if (format === 'markdown') {
    const out = [`# ${t.divergenceTitle}`, '', `${t.generated}: ${versions.join(', ')}.`, ''];
    for (const [el, xs] of sections) {
      out.push(`## ${t.aspects[el] ?? el}`, '');
      out.push(`| | ${regimes.join(' | ')} | ${t.significance} |`, `|---|${regimes.map(() => '---').join('|')}|---|`);
      for (const x of xs) {
        const head = x.concept ?? x.id;
        out.push(`| ${x.diverges ? '**' : ''}${mdCell(head)}${x.diverges ? '**' : ''} | ${regimes.map((r) => { const p = x.positions[r]; return mdCell(`${position(p, lang)}${p?.citation ? ` [${p.citation.instrument} ${p.citation.provision}]` : ''}`); }).join(' | ')} | ${mdCell(x.significance)} |`);
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
      body.push(`<tr${x.diverges ? ' class="u"' : ''}><th scope="row">${esc(x.concept ?? x.id)}</th>${regimes
        .map((r) => {
          const p = x.positions[r];
          if (!p) return '<td></td>';
          const cls = p.counts === undefined ? '' : p.counts ? ' class="q"' : ' class="n"';
          const c = p.citation;
          return `<td${cls}>${esc(position(p, lang))}${c ? `<span class="cite">${esc(`${c.instrument} ${c.provision}`)} <span class="conf-${c.confidence}">(${esc(t.confidences[c.confidence])})</span></span>` : ''}${c?.text ? `<details><summary>${esc(t.originalWording)}</summary><blockquote lang="${c.text.language}">${esc(c.text.original)}</blockquote></details>` : ''}</td>`;
        })
        .join('')}<td>${esc(x.significance)}</td></tr>`);
    }
    body.push('</tbody></table></section>');
  }
  return `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(t.divergenceTitle)}</title><style>${REPORT_CSS}</style></head><body>\n${body.join('\n')}\n<footer>${esc(t.generated)}</footer></body></html>\n`;
}
