import type { ProposalImpact, PairDivergence } from '../compare/reform.js';
import type { Proposal } from '../law/proposal.js';
import { bundledRuleBook } from '../law/bundled.js';
import type { Language } from '../types.js';
import { labelsFor } from '../words/labels.js';
import { message } from '../words/messages.js';
import { mdCell } from './escape.js';

/**
 * A proposal's impact report ({@link ProposalImpact}) as Markdown, in en / id / ms: the wording
 * proposed, the versions it amends, the verdicts that change, the divergences that close or open
 * and the fall-through counts. `proposal` (the proposal file) adds the wording itself.
 *
 * @example
 * ```ts
 * const md = renderProposalImpact(await assessProposal(p, cases), { language: 'id', proposal: p });
 * ```
 */
export function renderProposalImpact(impact: ProposalImpact, options: { language?: Language; proposal?: Proposal; files?: string; version?: string } = {}): string {
  const lang = options.language ?? 'en';
  const m = (key: string, params?: Record<string, string | number>) => message(lang, `reform.${key}`, params);
  const t = labelsFor(lang);
  const regimeName = (id: string) => bundledRuleBook().regimes.find((r) => r.id === id)?.data.shortName ?? id;
  const out: string[] = [];
  out.push(`# ${m('title', { title: impact.proposal.titles[lang] })}`, '');
  out.push(`> ${m('notLaw')}`, '');
  out.push(`- ${m('proposal')}: \`${impact.proposal.id}\``);
  out.push(`- ${m('source')}: ${impact.proposal.source[lang]}`);
  out.push(`- ${m('hash')}: \`${impact.proposal.sha256}\``, '');
  out.push(`## ${m('amends')}`, '', `| ${m('amended')} | ${m('reformed')} | ${m('touched')} |`, '|---|---|---|');
  for (const v of impact.versions) out.push(`| \`${v.amends}\` | \`${v.reformed}\` | ${mdCell(v.touched.join(', '))} |`);
  out.push('');
  if (options.proposal) {
    out.push(`## ${m('wording')}`, '');
    for (const c of Object.values(options.proposal.citations)) {
      out.push(`**${c.instrument}, ${c.provision}**`, '', `> ${c.text.original}`, '', `> *${m('english')}:* ${c.text.english}`, '');
    }
  }
  out.push(m('cases', { n: impact.cases, errors: impact.errors.length }), '');
  if (impact.errors.length) {
    out.push(`### ${m('refused')}`, '');
    for (const e of impact.errors) out.push(`- #${e.index + 1}${e.caseId ? ` (${e.caseId})` : ''}: ${mdCell(e.issues.map((i) => `${i.path || '(input)'}: ${i.message}`).join('; '))}`);
    out.push('');
  }
  out.push(`## ${m('changed')}`, '');
  if (!impact.changed.length) out.push(m('noChange'), '');
  else {
    out.push(`| ${m('case')} | ${m('regime')} | ${m('verdict')} | ${m('from')} | ${m('to')} |`, '|---|---|---|---|---|');
    for (const c of impact.changed) out.push(`| ${mdCell(c.caseId ?? '')} | ${regimeName(c.regime)} | ${t.verdicts[c.verdict]} | ${t.statuses[c.from]} | ${t.statuses[c.to]} |`);
    out.push('');
  }
  out.push(`## ${m('divergences')}`, '');
  const pairs = (title: string, list: PairDivergence[]) => {
    out.push(`### ${title}`, '');
    if (!list.length) {
      out.push(m('none'), '');
      return;
    }
    out.push(`| ${m('where')} | ${m('on')} | ${m('between')} | ${m('count')} |`, '|---|---|---|---|');
    for (const p of list) {
      const on = p.source === 'case' ? (t.verdicts[p.on as keyof typeof t.verdicts] ?? p.on) : `\`${p.on}\``;
      const where = p.source === 'case' ? m('caseSet') : m('catalogue', { date: impact.catalogueAsOf });
      const cases = p.caseIds ? `${p.count}: ${p.caseIds.join(', ')}` : '';
      out.push(`| ${where} | ${on} | ${p.regimes.map(regimeName).join(' / ')} | ${mdCell(cases)} |`);
    }
    out.push('');
  };
  pairs(m('closed'), impact.divergences.closed);
  pairs(m('opened'), impact.divergences.opened);
  const f = impact.fallThrough;
  out.push(`## ${m('fallThrough')}`, '');
  out.push(m('fallThroughLine', { before: f.before, after: f.after, closed: f.closed.join(', ') || '0', opened: f.opened.join(', ') || '0' }), '');
  const regimes = [...new Set([...Object.keys(f.failsUnder.before), ...Object.keys(f.failsUnder.after)])].sort();
  for (const id of regimes) out.push(`- ${m('failsUnder', { regime: regimeName(id), before: f.failsUnder.before[id as never] ?? 0, after: f.failsUnder.after[id as never] ?? 0 })}`);
  out.push('');
  if (options.files) out.push('---', '', `*${m('generated', { version: options.version ?? '', proposal: impact.proposal.id, files: options.files })}*`, '');
  return out.join('\n');
}
