import type { ExchangeVerification } from '../explain/exchange.js';
import type { Language } from '../types.js';
import { labelsFor, STATUS_MARK } from '../words/labels.js';
import { message } from '../words/messages.js';

/**
 * The receiver's verification of an exchange record as plain text, in English, Indonesian or Malay
 * (locales, section `htcds`): verified or not and why, each law's verdicts, and where the two
 * countries' laws differ.
 *
 * @example
 * ```ts
 * const text = renderExchangeVerification(await verifyExchange(record, { receiver: 'MY' }), { language: 'ms' });
 * ```
 */
export function renderExchangeVerification(v: ExchangeVerification, options: { language?: Language } = {}): string {
  const lang = options.language ?? 'en';
  const t = labelsFor(lang);
  const m = (key: string, params?: Record<string, string | number>) => message(lang, `htcds.${key}`, params);
  const lines: string[] = [];
  lines.push(m('verifyTitle', { sender: v.sender.country, receiver: v.receiver.country }), '');
  lines.push(v.verified ? m('verified') : m('notVerified'));
  if (!v.receipt.sameFacts) lines.push(`  - ${m('factsChanged')}`);
  if (!v.receipt.sameLibrary) lines.push(`  - ${m('otherLibrary')}`);
  for (const d of v.receipt.ruleSetsDiffer) lines.push(`  - ${m('ruleSetDiffers', { regime: d.regime, sender: d.sender ?? '-', receiver: d.receiver ?? '-' })}`);
  if (!v.factsMatchHtcds) lines.push(`  - ${m('factsNotFromHtcds')}`);
  for (const d of v.reEvaluation)
    lines.push(`  - ${m('reEvalDiffers', { regime: d.regime, verdict: t.verdicts[d.verdict], sender: t.statuses[d.sender], receiver: d.receiver ? t.statuses[d.receiver] : '-' })}`);
  lines.push('', m('lawHeading'));
  for (const [regime, s] of Object.entries(v.lawDivergence.statuses)) {
    if (!s) continue;
    const part = (k: 'trafficking' | 'victim' | 'child') => `${t.verdicts[k]} ${STATUS_MARK[s[k]]} ${t.statuses[s[k]]}`;
    lines.push(`  ${regime}: ${part('trafficking')}; ${part('victim')}; ${part('child')}`);
  }
  lines.push('');
  if (v.lawDivergence.differ.length) {
    lines.push(m('differ', { verdicts: v.lawDivergence.differ.map((d) => t.verdicts[d]).join(', ') }));
    for (const d of v.lawDivergence.causes) for (const c of d.causes) lines.push(`  - ${t.verdicts[d.verdict]} / ${c.element} (${c.regimes.join(', ')}): ${c.explanation}`);
  } else lines.push(m('noDiffer'));
  lines.push('', m('notice'));
  return `${lines.join('\n')}\n`;
}
