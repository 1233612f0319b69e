import type { CaseFacts } from '../facts/schema.js';
import { type FactSlots, factSlot, type NormalisedFacts, normaliseFacts, normaliseSlots } from '../facts/normalise.js';
import { type LoadedRegime, type LoadedVersion, versionOn } from '../law/load.js';
import { prepareAlternative, prepareVersion } from '../evaluate/prepare.js';
import { screenVersion } from '../evaluate/screen.js';
import { citationOut, offenceResults, otherOffenceResults, runStatuses, runTrace, statusOf, traffickingVerdict, verdictFromGroup, type VersionStatuses } from '../evaluate/run.js';
import type { ElementResult, InterpretationUsed, RegimeId, RegimeResult, Status, Verdict, VersionRef } from '../types.js';
import type { ResolvedOptions } from './options.js';

const CONSENTED = factSlot('victim.consented') as number;

export function versionRef(v: LoadedVersion): VersionRef {
  return {
    id: v.data.id,
    label: v.data.label.en,
    inForceFrom: v.data.validFrom,
    ...(v.data.validTo ? { inForceUntil: v.data.validTo } : {}),
  };
}

const empty = (status: Status): Verdict => ({ status, elements: [], missingFacts: [] });

/**
 * The case's facts as the law reads them, normalised once before any regime is evaluated
 * (facts/normalise.ts: ages on the date, concept sets as three-valued facts): `at` on the date of
 * the comparison (asOf or the conduct date; no date: undated), and for continuing conduct `later`,
 * the values on each later version's first day. Every regime, the traced and the screening paths
 * and the effects of the other readings read these values; nothing is normalised again.
 */
export interface FactsOnDates {
  readonly at: NormalisedFacts;
  readonly later: ReadonlyMap<string, FactSlots>;
}

/** Normalise a case for the regimes to be evaluated: on its date, and on each later version's first day. */
export function normaliseOnDates(facts: CaseFacts, date: string | undefined, regimes: readonly LoadedRegime[]): FactsOnDates {
  const at = normaliseFacts(facts, date);
  const later = new Map<string, FactSlots>();
  const end = facts.conductEndDate;
  if (date && end && end > date) {
    for (const r of regimes) for (const v of r.versions) {
      const from = v.data.validFrom;
      // Continuing conduct under a later version: the person's age on the day it took effect.
      if (from > date && from <= end && !later.has(from)) later.set(from, normaliseSlots(facts, from));
    }
  }
  return { at, later };
}

function interpretationsUsed(regime: LoadedRegime, readings: Readonly<Record<string, string>>, used: Iterable<string>, withQuestion = true): InterpretationUsed[] {
  return [...new Set(used)].sort().map((id) => {
    const decl = regime.interpretations.get(id);
    const chosen = readings[id] as string;
    return {
      id,
      chosen,
      alternatives: (decl?.readings ?? []).map((r) => r.id).filter((r) => r !== chosen),
      ...(decl && withQuestion ? { question: decl.question } : {}),
    };
  });
}

/** Evaluate one regime for one case: the version in force on the date, or every version when no date is known. */
export function evaluateRegime(regime: LoadedRegime, facts: CaseFacts, options: ResolvedOptions, normalised: FactsOnDates): RegimeResult {
  const id = regime.id as RegimeId;
  const date = options.asOf ?? facts.conductDate;
  const first = regime.versions[0] as LoadedVersion;
  const latest = regime.versions[regime.versions.length - 1] as LoadedVersion;

  if (date) {
    const version = versionOn(regime, date);
    if (!version) {
      const ref = versionRef(date < first.data.validFrom ? first : latest);
      return { regime: id, version: ref, trafficking: empty('not-in-force'), victim: empty('not-in-force'), child: empty('not-in-force'), ...(regime.data.kind === 'treaty' ? { scope: empty('not-in-force') } : {}), offences: [], interpretations: [] };
    }
    const result =
      options.detail === 'verdicts'
        ? screenVersion(regime, prepareVersion(regime, version, options.interpretations), normalised.at.slots)
        : evaluateVersion(regime, version, normalised.at, options);
    const end = facts.conductEndDate;
    if (end && end > date) {
      const later = regime.versions.filter((v) => v.data.validFrom > date && v.data.validFrom <= end);
      if (later.length) {
        result.laterVersions = later.map((v) => {
          const pv = prepareVersion(regime, v, options.interpretations);
          const s = runStatuses(pv, normalised.later.get(v.data.validFrom) ?? normaliseSlots(facts, v.data.validFrom));
          return { version: versionRef(v), trafficking: statusOf(s.trafficking) };
        });
      }
    }
    return result;
  }

  // No date: a verdict holds only where every version agrees (contract.md, CompareOptions.asOf).
  const result =
    options.detail === 'verdicts'
      ? screenVersion(regime, prepareVersion(regime, latest, options.interpretations), normalised.at.slots)
      : evaluateVersion(regime, latest, normalised.at, options);
  // Each version judged on the facts as they could stand while it was in force (a birth date gives
  // an age range over that window; the conduct is taken not to lie in the future).
  const today = new Date().toISOString().slice(0, 10);
  const windowOf = (v: LoadedVersion) => ({ from: v.data.validFrom, to: v.data.validTo ?? (today > v.data.validFrom ? today : v.data.validFrom) });
  // A version whose time in force cannot hold the conduct (born, yet born after it ended; unborn,
  // yet born before it began) is left out: the conduct cannot have fallen under it.
  const b = facts.victim?.birthDate;
  const possible = regime.versions.filter((v) => {
    const w = windowOf(v);
    return !(b && ((facts.victim?.unborn === false && b > w.to) || (facts.victim?.unborn === true && b <= w.from)));
  });
  const perVersion = (possible.length ? possible : regime.versions).map((v) => {
    const pvv = prepareVersion(regime, v, options.interpretations);
    if (options.detail === 'verdicts') return { s: runStatuses(pvv, normaliseSlots(facts, undefined, windowOf(v))) };
    const nfw = normaliseFacts(facts, undefined, windowOf(v));
    // Full detail: each version's own missing facts, so that what would decide it is listed whole.
    const tr = runTrace(pvv, nfw.slots);
    const missing: Record<string, string[]> = {
      trafficking: traffickingVerdict(pvv, tr, nfw).missingFacts,
      victim: verdictFromGroup(tr.victim, nfw, tr).missingFacts,
      child: verdictFromGroup(tr.child, nfw, tr).missingFacts,
      ...(tr.scope ? { scope: verdictFromGroup(tr.scope, nfw, tr).missingFacts } : {}),
    };
    const s: VersionStatuses = { child: tr.child.value, trafficking: tr.trafficking, victim: tr.victim.value, offences: tr.offences.map((o) => o.value), ...(tr.scope ? { scope: tr.scope.value } : {}) };
    return { s, missing };
  });
  const all: VersionStatuses[] = perVersion.map((x) => x.s);
  const readings = new Set<string>(result.interpretations.map((i) => i.id));
  for (const v of regime.versions) for (const u of prepareVersion(regime, v, options.interpretations).used) readings.add(u);
  const agree = (pick: (s: VersionStatuses) => boolean | undefined, verdict: Verdict, name: string) => {
    const statuses = new Set(all.map((s) => statusOf(pick(s))));
    const fromVersions = perVersion.flatMap((x) => ('missing' in x && x.missing ? (x.missing[name] ?? []) : []));
    if (statuses.size > 1) {
      verdict.status = 'undetermined';
      verdict.missingFacts = [...new Set(['conductDate', ...verdict.missingFacts, ...fromVersions])];
    } else {
      // Every version agrees: that is the verdict, whatever the date.
      const [only] = statuses;
      verdict.status = only as Status;
      verdict.missingFacts = only === 'undetermined' ? [...new Set([...verdict.missingFacts, ...fromVersions])] : [];
    }
  };
  agree((s) => s.trafficking, result.trafficking, 'trafficking');
  agree((s) => s.victim, result.victim, 'victim');
  agree((s) => s.child, result.child, 'child');
  if (result.scope) agree((s) => s.scope, result.scope, 'scope');
  const pv = prepareVersion(regime, latest, options.interpretations);
  result.interpretations = interpretationsUsed(regime, pv.readings, readings);
  return result;
}

function evaluateVersion(regime: LoadedRegime, version: LoadedVersion, nf: NormalisedFacts, options: ResolvedOptions): RegimeResult {
  // Full detail. (Screening output stays lean: statuses, no questions' text, which is for people
  // reading full results; screen.ts builds it.)
  const pv = prepareVersion(regime, version, options.interpretations);
  const ref = versionRef(version);
  const interpretations = interpretationsUsed(regime, pv.readings, pv.used, true);
  const trace = runTrace(pv, nf.slots);
  addEffects(regime, nf, pv, interpretations);
  const trafficking = traffickingVerdict(pv, trace, nf);
  if (nf.slots[CONSENTED] === true) trafficking.elements.push(consentElement(version));
  return {
    regime: regime.id as RegimeId,
    version: ref,
    trafficking,
    victim: verdictFromGroup(trace.victim, nf, trace),
    child: verdictFromGroup(trace.child, nf, trace),
    ...(trace.scope ? { scope: verdictFromGroup(trace.scope, nf, trace) } : {}),
    offences: offenceResults(trace, nf),
    ...(pv.otherOffences.length ? { otherOffences: otherOffenceResults(pv, trace, nf, nf.date, (regime.versions[0] as LoadedVersion).data.validFrom) } : {}),
    interpretations,
  };
}

/**
 * The person's consent never decides a verdict: every regime makes it irrelevant (UU 21/2007 Pasal 26,
 * Act 670 s.16, Palermo Art 3(b), ACTIP Art 2(b)). When consent is recorded, the verdict says so,
 * citing the version's own consent rule (its `profile`), instead of leaving the fact unexplained.
 */
function consentElement(version: LoadedVersion): ElementResult {
  const p = version.data.profile;
  const ref = p.citations.consent;
  const citation = ref ? version.data.citations[ref] : undefined;
  return {
    element: 'consent',
    status: 'not-required',
    matched: [],
    citation: citation ? citationOut(citation) : { instrument: version.data.label.en, provision: 'consent rule', confidence: 'unverified' },
    label: 'The person consented: consent is no defence',
    note: p.consentRule.en,
  };
}

/**
 * Where a contested reading decided the outcome: re-run the version under each other reading
 * (statuses only, cheap) and record every verdict that would come out differently.
 */
function addEffects(regime: LoadedRegime, nf: NormalisedFacts, pv: ReturnType<typeof prepareVersion>, used: InterpretationUsed[]): void {
  const base = runStatuses(pv, nf.slots);
  for (const u of used) {
    // A reading consulted only by neighbouring offences cannot change a verdict: nothing to re-run.
    if (!pv.verdictUsed.includes(u.id)) continue;
    const effects: NonNullable<InterpretationUsed['effects']> = [];
    for (const reading of u.alternatives) {
      const alt = runStatuses(prepareAlternative(regime, pv, u.id, reading), nf.slots);
      for (const verdict of ['trafficking', 'victim', 'child', 'scope'] as const) {
        if (verdict === 'scope' && !pv.scope) continue;
        const status = statusOf(base[verdict]);
        const instead = statusOf(alt[verdict]);
        if (status !== instead) effects.push({ reading, verdict, status, instead });
      }
    }
    if (effects.length) u.effects = effects;
  }
}
