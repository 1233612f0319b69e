import type { FactSlots } from '../facts/normalise.js';
import type { LoadedRegime } from '../law/load.js';
import type { InterpretationUsed, OffenceResult, RegimeId, RegimeResult, Status, Verdict, VersionRef } from '../types.js';
import type { Tri } from './kleene.js';
import type { PreparedVersion } from './prepare.js';
import { runStatuses } from './run.js';

/**
 * The screening path (`detail: 'verdicts'`): statuses only, for bulk re-screening of case backlogs.
 *
 * The statuses come from runStatuses() (run.ts, the compiled fast path over fact slots).
 * Everything about a prepared version that does not depend on the case (its version reference,
 * offence ids and citations, the readings it used) is worked out once per prepared version and
 * copied into each answer.
 */

/**
 * What a prepared version contributes to every screening answer, made once and frozen: the version
 * reference, each offence's id and citation, the readings used. Screening answers share these (as
 * full answers share their citations), so a screened record allocates little more than its
 * statuses; only the objects that hold a status are its own.
 */
interface Screen {
  version: VersionRef;
  offences: ReadonlyArray<{ id: string; citation: OffenceResult['citation'] }>;
  interpretations: readonly InterpretationUsed[];
}

// Keyed by the (memoised, immutable) prepared version: pure memoisation.
const screens = new WeakMap<PreparedVersion, Screen>();

/** The shared empty list of a screening answer (no elements, no missing facts: statuses only). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

function makeScreen(regime: LoadedRegime, pv: PreparedVersion): Screen {
  const d = pv.loaded.data;
  const version: VersionRef = { id: d.id, label: d.label.en, inForceFrom: d.validFrom, ...(d.validTo ? { inForceUntil: d.validTo } : {}) };
  // As evaluateRegime's interpretationsUsed (without the questions, which screening leaves out).
  const interpretations = [...new Set(pv.used)].sort().map((id) => {
    const chosen = pv.readings[id] as string;
    const alternatives = Object.freeze((regime.interpretations.get(id)?.readings ?? []).map((r) => r.id).filter((r) => r !== chosen)) as string[];
    return Object.freeze({ id, chosen, alternatives });
  });
  return {
    version: Object.freeze(version),
    offences: pv.offences.map((o) => ({ id: o.id, citation: Object.freeze({ instrument: o.citation.instrument, provision: o.citation.provision, confidence: o.citation.confidence }) })),
    interpretations,
  };
}

function screenOf(regime: LoadedRegime, pv: PreparedVersion): Screen {
  let s = screens.get(pv);
  if (!s) {
    s = makeScreen(regime, pv);
    screens.set(pv, s);
  }
  return s;
}

const statusOf = (t: Tri): Status => (t === true ? 'qualifies' : t === false ? 'does-not-qualify' : 'undetermined');
const verdict = (t: Tri): Verdict => ({ status: statusOf(t), elements: NONE, missingFacts: NONE });

/**
 * One regime's screening answer for one version: statuses only. The answer, its verdicts and its
 * offences are fresh objects; the parts that never change (version, citations, readings, the empty
 * lists) are shared and frozen, so they are read-only.
 */
export function screenVersion(regime: LoadedRegime, pv: PreparedVersion, facts: FactSlots): RegimeResult {
  const s = screenOf(regime, pv);
  const st = runStatuses(pv, facts);
  // Built by assignment, not by spreads: this runs for every regime of every screened record, and
  // object spreads of optional parts cost more than the evaluation.
  const offences: OffenceResult[] = new Array(s.offences.length);
  for (let i = 0; i < offences.length; i++) {
    const o = s.offences[i] as Screen['offences'][number];
    offences[i] = { id: o.id, citation: o.citation, status: statusOf(st.offences[i]), elements: NONE };
  }
  const out: RegimeResult = {
    regime: regime.id as RegimeId,
    version: s.version,
    trafficking: verdict(st.trafficking),
    victim: verdict(st.victim),
    child: verdict(st.child),
    offences,
    interpretations: s.interpretations.slice(),
  };
  if (pv.scope) out.scope = verdict(st.scope);
  return out;
}
