import type { FactValue } from '../facts/normalise.js';
import type { LoadedRegime } from '../law/load.js';
import type { InterpretationUsed, OffenceResult, RegimeId, RegimeResult, Status, Verdict, VersionRef } from '../types.js';
import type { Evaluator } from './compile.js';
import type { Tri } from './kleene.js';
import type { PreparedGroup, PreparedVersion } from './prepare.js';
import type { VersionStatuses } from './run.js';

/**
 * The screening path (`detail: 'verdicts'`): statuses only, for bulk re-screening of case backlogs.
 *
 * Everything about a prepared version that does not depend on the case (its version reference,
 * offence ids and citations, the readings it used) is worked out once per prepared version and
 * copied into each answer, and a whole version is run by one loop over its compiled element
 * tests without the intermediate arrays of the traced path. The statuses are the same as
 * runStatuses() (run.ts) and json-rules-engine give: test/differential.test.ts checks all three on
 * random facts across every version and reading.
 */

type Facts = Readonly<Record<string, FactValue>>;
type Verdicts = Record<string, Tri>;

/** One group (an offence, or the child, victim or scope definition) as a single evaluator. */
function groupEvaluator(g: PreparedGroup): Evaluator {
  const tests = g.elements.map((e) => e.test);
  const offs = g.elements.map((e) => e.notRequiredTest);
  const n = tests.length;
  return (facts, verdicts) => {
    let unknown = false;
    for (let i = 0; i < n; i++) {
      const off = offs[i];
      let v: Tri;
      if (off === undefined) v = (tests[i] as Evaluator)(facts, verdicts);
      else {
        // Satisfied or not required: Kleene "or" of the two, the switch read first (run.ts elementValue).
        const o = off(facts, verdicts);
        if (o === true) v = true;
        else {
          const on = (tests[i] as Evaluator)(facts, verdicts);
          v = on === true ? true : o === undefined || on === undefined ? undefined : false;
        }
      }
      if (v === false) return false;
      if (v === undefined) unknown = true;
    }
    return unknown ? undefined : true;
  };
}

/** What a prepared version contributes to every screening answer, made once. */
interface Screen {
  statuses: (facts: Facts) => VersionStatuses;
  version: VersionRef;
  offences: ReadonlyArray<{ id: string; citation: OffenceResult['citation'] }>;
  interpretations: ReadonlyArray<{ id: string; chosen: string; alternatives: readonly string[] }>;
}

// Keyed by the (memoised, immutable) prepared version: pure memoisation.
const screens = new WeakMap<PreparedVersion, Screen>();

function makeScreen(regime: LoadedRegime, pv: PreparedVersion): Screen {
  const child = groupEvaluator(pv.child);
  const victim = groupEvaluator(pv.victim);
  const scope = pv.scope ? groupEvaluator(pv.scope) : undefined;
  const offences = pv.offences.map(groupEvaluator);
  const counts = pv.offences.map((o) => o.trafficking);
  const n = offences.length;
  const statuses = (facts: Facts): VersionStatuses => {
    const verdicts: Verdicts = {};
    const c = child(facts, verdicts);
    verdicts.$child = c;
    const results: Tri[] = new Array(n);
    // Kleene "or" over the trafficking offences (run.ts runStatuses).
    let trafficking: Tri = false;
    for (let i = 0; i < n; i++) {
      const v = (offences[i] as Evaluator)(facts, verdicts);
      results[i] = v;
      if (counts[i] && trafficking !== true) trafficking = v === true ? true : v === undefined ? undefined : trafficking;
    }
    verdicts.$trafficking = trafficking;
    const out: VersionStatuses = { child: c, trafficking, victim: victim(facts, verdicts), offences: results };
    if (scope) out.scope = scope(facts, verdicts);
    return out;
  };
  const d = pv.loaded.data;
  const version: VersionRef = { id: d.id, label: d.label.en, inForceFrom: d.validFrom, ...(d.validTo ? { inForceUntil: d.validTo } : {}) };
  // As evaluateRegime's interpretationsUsed (without the questions, which screening leaves out).
  const interpretations = [...new Set(pv.used)].sort().map((id) => {
    const chosen = pv.readings[id] as string;
    return { id, chosen, alternatives: (regime.interpretations.get(id)?.readings ?? []).map((r) => r.id).filter((r) => r !== chosen) };
  });
  return {
    statuses,
    version,
    offences: pv.offences.map((o) => ({ id: o.id, citation: { instrument: o.citation.instrument, provision: o.citation.provision, confidence: o.citation.confidence } })),
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

/** Statuses of one prepared version (the same as runStatuses, without its intermediate arrays). */
export function screenStatuses(regime: LoadedRegime, pv: PreparedVersion, facts: Facts): VersionStatuses {
  return screenOf(regime, pv).statuses(facts);
}

const statusOf = (t: Tri): Status => (t === true ? 'qualifies' : t === false ? 'does-not-qualify' : 'undetermined');
const verdict = (t: Tri): Verdict => ({ status: statusOf(t), elements: [], missingFacts: [] });

/**
 * One regime's screening answer for one version: statuses only. Every object in it is fresh (callers
 * may change their answers without touching the next one's).
 */
export function screenVersion(regime: LoadedRegime, pv: PreparedVersion, facts: Facts): RegimeResult {
  const s = screenOf(regime, pv);
  const st = s.statuses(facts);
  const offences: OffenceResult[] = new Array(s.offences.length);
  for (let i = 0; i < offences.length; i++) {
    const o = s.offences[i] as Screen['offences'][number];
    offences[i] = { id: o.id, citation: { ...o.citation }, status: statusOf(st.offences[i]), elements: [] };
  }
  const interpretations: InterpretationUsed[] = s.interpretations.map((u) => ({ id: u.id, chosen: u.chosen, alternatives: [...u.alternatives] }));
  return {
    regime: regime.id as RegimeId,
    version: { ...s.version },
    trafficking: verdict(st.trafficking),
    victim: verdict(st.victim),
    child: verdict(st.child),
    ...(pv.scope ? { scope: verdict(st.scope) } : {}),
    offences,
    interpretations,
  };
}
