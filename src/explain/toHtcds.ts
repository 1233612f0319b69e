import mapping from '../facts/htcds/mapping.json';
import type { Comparison, Receipt, RegimeId, Status } from '../types.js';

/** HTCDS 2.0 `vic_TraffickingStatus` picklist values (IOM, CC BY 4.0). */
export type HtcdsTraffickingStatus = 'PossibleVictimOfTrafficking' | 'ActualVictimOfTrafficking' | 'NotAVictimOfTrafficking';

/** What {@link toHtcds} writes: the HTCDS victim status per regime, never merged, with the receipt. */
export interface HtcdsOut {
  standard: 'HTCDS 2.0';
  caseId?: string;
  asOf?: string;
  /** One HTCDS status per regime judged (a regime whose law was not in force is left out, see `regimes`). */
  vic_TraffickingStatus: Partial<Record<RegimeId, HtcdsTraffickingStatus>>;
  /** Per regime: the version applied, the victim verdict it rests on and the HTCDS status (absent when not in force). */
  regimes: Array<{ regime: RegimeId; version: string; victim: Status; vic_TraffickingStatus?: HtcdsTraffickingStatus }>;
  receipt: Receipt;
  /** IOM's attribution for the field names, and the statement that this screen is not a status decision. */
  notice: string;
}

/** Verdict status -> HTCDS value. `not-in-force` has no HTCDS value: the law did not apply on the date. */
export const TO_HTCDS: Record<Exclude<Status, 'not-in-force'>, HtcdsTraffickingStatus> = {
  qualifies: 'ActualVictimOfTrafficking',
  undetermined: 'PossibleVictimOfTrafficking',
  'does-not-qualify': 'NotAVictimOfTrafficking',
};

/**
 * HTCDS out: the `vic_TraffickingStatus` of each regime from a Comparison's **victim** verdict
 * (qualifies -> ActualVictimOfTrafficking, undetermined -> PossibleVictimOfTrafficking,
 * does-not-qualify -> NotAVictimOfTrafficking), stated per regime and never merged into one, with the
 * receipt that lets anyone re-run it. `vic_TraffickingStatusDecisionMakingOrg` is not filled: a screen
 * by this library is not an organisation's decision; the case system records who decided.
 *
 * @example
 * ```ts
 * const out = toHtcds(await compare(facts));
 * out.vic_TraffickingStatus['act-670']; // 'ActualVictimOfTrafficking' | 'PossibleVictimOfTrafficking' | 'NotAVictimOfTrafficking'
 * ```
 */
export function toHtcds(c: Comparison): HtcdsOut {
  const status: HtcdsOut['vic_TraffickingStatus'] = {};
  const regimes: HtcdsOut['regimes'] = [];
  for (const r of c.regimes) {
    const s = r.victim.status;
    const h = s === 'not-in-force' ? undefined : TO_HTCDS[s];
    if (h) status[r.regime] = h;
    regimes.push({ regime: r.regime, version: r.version.id, victim: s, ...(h ? { vic_TraffickingStatus: h } : {}) });
  }
  return {
    standard: 'HTCDS 2.0',
    ...(c.caseId !== undefined ? { caseId: c.caseId } : {}),
    ...(c.asOf !== undefined ? { asOf: c.asOf } : {}),
    vic_TraffickingStatus: status,
    regimes,
    receipt: JSON.parse(JSON.stringify(c.receipt)) as Receipt,
    notice: `${(mapping as { attribution: string }).attribution} A status per regime is a screen of the facts against that law, not a decision on the person's status.`,
  };
}
