import { type Condition, expandCondition, factsOf } from '../law/conditions.js';
import type { LoadedRegime, LoadedVersion } from '../law/load.js';
import type { Citation, Element, Label, OffenceForm, Penalty } from '../law/schema.js';
import { labelOfFact } from './tree.js';
import { isLeaf } from '../law/conditions.js';
import { compileCondition, type Evaluator } from './compile.js';
import { factSlot } from '../facts/normalise.js';

/** Give every fact test its plain label and its fact slot once, here, rather than on every evaluation. */
function labelLeaves(c: Condition): Condition {
  if (isLeaf(c)) {
    c.label = labelOfFact(c.fact, c.name);
    const slot = factSlot(c.fact);
    if (slot !== undefined) c.slot = slot;
  }
  else if ('all' in c) c.all.forEach(labelLeaves);
  else if ('any' in c) c.any.forEach(labelLeaves);
  else labelLeaves(c.not);
  return c;
}

/** One element of an offence or definition, expanded to plain conditions and compiled. */
export interface PreparedElement {
  element: string;
  label: Label;
  citation: Citation;
  note?: string;
  condition: Condition;
  notRequiredWhen?: Condition;
  notRequiredCitation?: Citation;
  /** The proposed wording that changed this element (a reformed version, src/law/proposal.ts). */
  amendedBy?: Citation;
  test: Evaluator;
  notRequiredTest?: Evaluator;
  /** Normalised facts the element reads. */
  facts: string[];
}

/** Completed or attempt (UU 21/2007 Pasal 10): the condition that shows completion, and each form's provision. */
export interface PreparedForm {
  attemptWhen: Condition;
  completedWhen: Condition;
  completed: { provision: string; citations: Citation[] };
  attempt: { provision: string; citations: Citation[] };
}

/** An offence or a definition (child, victim, scope): all of its elements must hold. */
export interface PreparedGroup {
  id: string;
  title?: Label;
  citation: Citation;
  trafficking: boolean;
  elements: PreparedElement[];
  form?: PreparedForm;
}

/** A neighbouring offence (not trafficking), with its own dates and penalty. */
export interface PreparedOtherOffence extends PreparedGroup {
  instrument: string;
  validFrom: string;
  validTo?: string;
  penalty: Penalty;
  penaltyCitation: Citation;
}

/** A version with every macro resolved for one choice of readings, ready to run. */
export interface PreparedVersion {
  loaded: LoadedVersion;
  /** interpretation id -> reading (defaults filled in) for every interpretation of the regime. */
  readings: Readonly<Record<string, string>>;
  /** The interpretations this version's conditions actually consulted. */
  used: string[];
  /** Those consulted by the verdicts (definitions and trafficking offences); the rest only by neighbouring offences. */
  verdictUsed: string[];
  child: PreparedGroup;
  victim: PreparedGroup;
  scope?: PreparedGroup;
  offences: PreparedGroup[];
  /** Neighbouring offences: evaluated like offences, never counted towards trafficking. */
  otherOffences: PreparedOtherOffence[];
  primaryOffence: string;
}

// Memo of prepared versions, keyed by the (immutable) loaded version and the readings chosen.
// Pure memoisation: the same inputs always give the same prepared version.
const memo = new WeakMap<LoadedVersion, Map<string, PreparedVersion>>();
const defaults = new WeakMap<LoadedVersion, PreparedVersion>();

/** The readings in force for a regime: the user's choice where given, else each interpretation's default. */
export function resolveReadings(regime: LoadedRegime, chosen: Readonly<Record<string, string>> = {}): Record<string, string> {
  const readings: Record<string, string> = {};
  for (const [id, decl] of regime.interpretations) readings[id] = chosen[id] ?? decl.default;
  return readings;
}

export function prepareVersion(regime: LoadedRegime, version: LoadedVersion, chosen: Readonly<Record<string, string>> = {}): PreparedVersion {
  // No reading chosen (the usual case in screening): the version's default preparation, found
  // without building a key.
  let none = true;
  for (const _ in chosen) {
    none = false;
    break;
  }
  if (none) {
    const d = defaults.get(version);
    if (d) return d;
  }
  // Interpretation ids are fixed per regime, so the readings in declaration order are a key. It is
  // made straight from the choice (a hit builds no readings object).
  let key = '';
  for (const [id, decl] of regime.interpretations) key += `${chosen[id] ?? decl.default}|`;
  let byReadings = memo.get(version);
  if (!byReadings) {
    byReadings = new Map();
    memo.set(version, byReadings);
  }
  const hit = byReadings.get(key);
  if (hit) {
    if (none) defaults.set(version, hit);
    return hit;
  }
  const readings = resolveReadings(regime, chosen);

  const v = version.data;
  const used = new Set<string>();
  const ctx = { mapping: v.concepts, readings, used };
  const cite = (ref: string) => v.citations[ref] as Citation;
  const element = (e: Element): PreparedElement => {
    const condition = labelLeaves(expandCondition(e.condition, ctx));
    const notRequiredWhen = e.notRequiredWhen ? labelLeaves(expandCondition(e.notRequiredWhen, ctx)) : undefined;
    const facts = factsOf(condition);
    if (notRequiredWhen) factsOf(notRequiredWhen, facts);
    return {
      element: e.element,
      label: e.label,
      citation: cite(e.citation),
      ...(e.note ? { note: e.note } : {}),
      condition,
      ...(notRequiredWhen ? { notRequiredWhen, notRequiredTest: compileCondition(notRequiredWhen) } : {}),
      ...(e.notRequiredCitation ? { notRequiredCitation: cite(e.notRequiredCitation) } : {}),
      ...(e.amendedBy ? { amendedBy: cite(e.amendedBy) } : {}),
      test: compileCondition(condition),
      facts: Object.freeze([...facts]) as string[],
    };
  };
  const group = (id: string, citation: string, elements: Element[], trafficking: boolean, title?: Label, form?: OffenceForm): PreparedGroup => ({
    id,
    ...(title ? { title } : {}),
    citation: cite(citation),
    trafficking,
    elements: elements.map(element),
    ...(form
      ? {
          form: {
            attemptWhen: labelLeaves(expandCondition(form.attemptWhen, ctx)),
            completedWhen: labelLeaves(expandCondition(form.completedWhen, ctx)),
            completed: { provision: form.completed.provision, citations: form.completed.citations.map(cite) },
            attempt: { provision: form.attempt.provision, citations: form.attempt.citations.map(cite) },
          },
        }
      : {}),
  });
  const d = v.definitions;
  const prepared: PreparedVersion = {
    loaded: version,
    readings,
    used: [],
    child: group('child', d.child.citation, d.child.elements, false),
    victim: group('victim', d.victim.citation, d.victim.elements, false),
    ...(d.scope ? { scope: group('scope', d.scope.citation, d.scope.elements, false) } : {}),
    offences: v.offences.map((o) => group(o.id, o.citation, o.elements, o.trafficking, o.title, o.form)),
    // (Object literal members are evaluated in order: what the verdicts consult is known here.)
    verdictUsed: [...used].sort(),
    otherOffences: (v.otherOffences ?? []).map((o) => ({
      ...group(o.id, o.citation, o.elements, false, o.title),
      instrument: o.instrument,
      validFrom: o.validFrom,
      ...(o.validTo ? { validTo: o.validTo } : {}),
      penalty: o.penalty,
      penaltyCitation: cite(o.penalty.citation),
    })),
    primaryOffence: v.primaryOffence,
  };
  prepared.used = [...used].sort();
  byReadings.set(key, prepared);
  if (none) defaults.set(version, prepared);
  return prepared;
}

// The same version with one reading changed, per prepared version: effects of readings are
// looked up for every case, so each alternative is resolved once.
const alternatives = new WeakMap<PreparedVersion, Map<string, PreparedVersion>>();

/** `pv` with interpretation `id` read as `reading` instead (every other reading kept). */
export function prepareAlternative(regime: LoadedRegime, pv: PreparedVersion, id: string, reading: string): PreparedVersion {
  let byReading = alternatives.get(pv);
  if (!byReading) {
    byReading = new Map();
    alternatives.set(pv, byReading);
  }
  const key = `${id}\u0000${reading}`;
  let alt = byReading.get(key);
  if (!alt) {
    alt = prepareVersion(regime, pv.loaded, { ...pv.readings, [id]: reading });
    byReading.set(key, alt);
  }
  return alt;
}
