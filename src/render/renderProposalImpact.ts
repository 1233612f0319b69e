import type { ProposalImpact, PairDivergence } from '../compare/reform.js';
import type { Proposal } from '../law/proposal.js';
import { bundledRuleBook } from '../law/bundled.js';
import type { Language } from '../types.js';
import { labelsFor } from '../words/labels.js';
import { message } from '../words/messages.js';
import { esc, mdCell, mdCode, REPORT_CSS } from './escape.js';

/** The report as a few kinds of block, written out as Markdown or HTML. `code` marks ids (monospace). */
type Block =
  | { h: number; text: string }
  | { p: string; quote?: boolean; em?: string }
  | { list: string[] }
  | { head: string[]; rows: string[][]; code?: number[] };

/**
 * A proposal's impact report ({@link ProposalImpact}) as Markdown or self-contained HTML, in
 * en / id / ms: the wording proposed, the versions it amends, the verdicts that change, the
 * divergences that close or open and the fall-through counts. `proposal` (the proposal file) adds
 * the wording itself.
 *
 * @example
 * ```ts
 * const md = renderProposalImpact(await assessProposal(p, cases), { language: 'id', proposal: p });
 * ```
 */
export function renderProposalImpact(
  impact: ProposalImpact,
  options: { language?: Language; proposal?: Proposal; files?: string; version?: string; format?: 'markdown' | 'html' } = {},
): string {
  const lang = options.language ?? 'en';
  const m = (key: string, params?: Record<string, string | number>) => message(lang, `reform.${key}`, params);
  const t = labelsFor(lang);
  const regimeName = (id: string) => bundledRuleBook().regimes.find((r) => r.id === id)?.data.shortName ?? id;
  const b: Block[] = [];
  const title = m('title', { title: impact.proposal.titles[lang] });
  b.push({ h: 1, text: title }, { p: m('notLaw'), quote: true });
  b.push({ list: [`${m('proposal')}: ${impact.proposal.id}`, `${m('source')}: ${impact.proposal.source[lang]}`, `${m('hash')}: ${impact.proposal.sha256}`] });
  b.push({ h: 2, text: m('amends') }, { head: [m('amended'), m('reformed'), m('touched')], rows: impact.versions.map((v) => [v.amends, v.reformed, v.touched.join(', ')]), code: [0, 1] });
  if (options.proposal) {
    b.push({ h: 2, text: m('wording') });
    for (const c of Object.values(options.proposal.citations)) {
      b.push({ h: 3, text: `${c.instrument}, ${c.provision}` }, { p: c.text.original, quote: true }, { p: c.text.english, quote: true, em: m('english') });
    }
  }
  b.push({ p: m('cases', { n: impact.cases, errors: impact.errors.length }) });
  if (impact.errors.length) {
    b.push({ h: 3, text: m('refused') }, { list: impact.errors.map((e) => `#${e.index + 1}${e.caseId ? ` (${e.caseId})` : ''}: ${e.issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; ')}`) });
  }
  b.push({ h: 2, text: m('changed') });
  if (!impact.changed.length) b.push({ p: m('noChange') });
  else b.push({ head: [m('case'), m('regime'), m('verdict'), m('from'), m('to')], rows: impact.changed.map((c) => [c.caseId ?? '', regimeName(c.regime), t.verdicts[c.verdict], t.statuses[c.from], t.statuses[c.to]]) });
  b.push({ h: 2, text: m('divergences') });
  const pairs = (heading: string, list: PairDivergence[]) => {
    b.push({ h: 3, text: heading });
    if (!list.length) {
      b.push({ p: m('none') });
      return;
    }
    b.push({
      head: [m('where'), m('on'), m('between'), m('count')],
      rows: list.map((p) => [
        p.source === 'case' ? m('caseSet') : m('catalogue', { date: impact.catalogueAsOf }),
        p.source === 'case' ? (t.verdicts[p.on as keyof typeof t.verdicts] ?? p.on) : p.on,
        p.regimes.map(regimeName).join(' / '),
        p.caseIds ? `${p.count}: ${p.caseIds.join(', ')}` : '',
      ]),
    });
  };
  pairs(m('closed'), impact.divergences.closed);
  pairs(m('opened'), impact.divergences.opened);
  const f = impact.fallThrough;
  b.push({ h: 2, text: m('fallThrough') }, { p: m('fallThroughLine', { before: f.before, after: f.after, closed: f.closed.join(', ') || '0', opened: f.opened.join(', ') || '0' }) });
  const regimes = [...new Set([...Object.keys(f.failsUnder.before), ...Object.keys(f.failsUnder.after)])].sort();
  if (regimes.length) b.push({ list: regimes.map((id) => m('failsUnder', { regime: regimeName(id), before: f.failsUnder.before[id as never] ?? 0, after: f.failsUnder.after[id as never] ?? 0 })) });
  const footer = options.files ? m('generated', { version: options.version ?? '', proposal: impact.proposal.id, files: options.files }) : undefined;
  return options.format === 'html' ? html(b, lang, title, footer) : markdown(b, footer);
}

function markdown(blocks: Block[], footer: string | undefined): string {
  const out: string[] = [];
  for (const x of blocks) {
    if ('h' in x) out.push(`${'#'.repeat(x.h)} ${x.text}`, '');
    else if ('p' in x) out.push(x.quote ? `> ${x.em ? `*${x.em}:* ` : ''}${x.p}` : x.p, '');
    else if ('list' in x) out.push(...x.list.map((i) => `- ${i}`), '');
    else {
      const cell = (s: string, i: number) => (x.code?.includes(i) && s ? mdCode(s) : mdCell(s));
      out.push(`| ${x.head.join(' | ')} |`, `|${x.head.map(() => '---').join('|')}|`, ...x.rows.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
    }
  }
  if (footer) out.push('---', '', `*${footer}*`, '');
  return out.join('\n');
}

function html(blocks: Block[], lang: Language, title: string, footer: string | undefined): string {
  const body: string[] = [];
  for (const x of blocks) {
    if ('h' in x) body.push(`<h${x.h}>${esc(x.text)}</h${x.h}>`);
    else if ('p' in x) body.push(x.quote ? `<blockquote>${x.em ? `<em>${esc(x.em)}:</em> ` : ''}${esc(x.p)}</blockquote>` : `<p>${esc(x.p)}</p>`);
    else if ('list' in x) body.push(`<ul>${x.list.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`);
    else {
      const cell = (s: string, i: number) => `<td>${x.code?.includes(i) ? `<code>${esc(s)}</code>` : esc(s)}</td>`;
      body.push(`<table><thead><tr>${x.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${x.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</tbody></table>`);
    }
  }
  return `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>\n${body.join('\n')}\n${footer ? `<footer>${esc(footer)}</footer>` : ''}</body></html>\n`;
}
