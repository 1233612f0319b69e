import { citationOut } from '../law/citation.js';
import type { FactSlots, NormalisedFacts } from '../facts/normalise.js';
import type { Citation } from '../law/schema.js';
import type { CitationOut, ElementResult, ElementStatus, ExplanationNode, OffenceForm, OffenceResult, OtherOffenceResult, Status, Verdict } from '../types.js';
import { and3, or3, type Tri } from './kleene.js';
import type { Evaluator, StageVerdicts } from './compile.js';
import type { PreparedElement, PreparedForm, PreparedGroup, PreparedOtherOffence, PreparedVersion } from './prepare.js';
import { explanationTree } from './tree.js';
import { collectTrueLeaves, collectUndecided, conditionValue, traceCondition, type TraceNode } from './trace.js';

// Re-exported for the modules that read citations from evaluation results.
export { citationOut };

export const statusOf = (t: Tri): Status => (t === true ? 'qualifies' : t === false ? 'does-not-qualify' : 'undetermined');


/** Statuses only: the screening path (no trees, no texts). */
export interface VersionStatuses {
  child: Tri;
  trafficking: Tri;
  victim: Tri;
  scope?: Tri;
  offences: Tri[];
}

/**
 * One group (an offence, or the child, victim or scope definition) as a single evaluator: every
 * element must hold, and an element holds when it is satisfied or switched off (not required),
 * the Kleene "or" of the two with the switch read first.
 */
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

/** A whole version's statuses from its fact slots, in the order the stages depend on each other. */
function versionEvaluator(pv: PreparedVersion): (facts: FactSlots) => VersionStatuses {
  const child = groupEvaluator(pv.child);
  const victim = groupEvaluator(pv.victim);
  const scope = pv.scope ? groupEvaluator(pv.scope) : undefined;
  const offences = pv.offences.map(groupEvaluator);
  const counts = pv.offences.map((o) => o.trafficking);
  const n = offences.length;
  return (facts) => {
    const verdicts: StageVerdicts = [undefined, undefined];
    const c = child(facts, verdicts);
    verdicts[0] = c;
    const results: Tri[] = new Array(n);
    // Trafficking: the Kleene "or" over the offences that count as trafficking.
    let trafficking: Tri = false;
    for (let i = 0; i < n; i++) {
      const v = (offences[i] as Evaluator)(facts, verdicts);
      results[i] = v;
      if (counts[i] && trafficking !== true) trafficking = v === true ? true : v === undefined ? undefined : trafficking;
    }
    verdicts[1] = trafficking;
    const out: VersionStatuses = { child: c, trafficking, victim: victim(facts, verdicts), offences: results };
    if (scope) out.scope = scope(facts, verdicts);
    return out;
  };
}

// Keyed by the (memoised, immutable) prepared version: pure memoisation.
const evaluators = new WeakMap<PreparedVersion, (facts: FactSlots) => VersionStatuses>();

/**
 * Statuses of one prepared version, from the facts by slot (NormalisedFacts.slots): the fast path
 * used for screening, for later versions of continuing conduct and for the effects of readings.
 * json-rules-engine gives the same statuses (engine.ts; test/differential*.test.ts).
 */
export function runStatuses(pv: PreparedVersion, facts: FactSlots): VersionStatuses {
  let run = evaluators.get(pv);
  if (!run) {
    run = versionEvaluator(pv);
    evaluators.set(pv, run);
  }
  return run(facts);
}

/** An element evaluated with its trees kept (why / why not). */
export interface TracedElement {
  prepared: PreparedElement;
  value: Tri;
  condition: TraceNode;
  notRequired?: TraceNode;
  result: ElementResult;
}

export interface TracedGroup {
  prepared: PreparedGroup;
  value: Tri;
  elements: TracedElement[];
  /** Normalised facts whose value could change an unknown result (verdict facts not yet expanded). */
  undecided: Set<string>;
}

/** Full evaluation: every node traced, every element explained, missing facts collected. */
export interface VersionTrace {
  child: TracedGroup;
  offences: TracedGroup[];
  trafficking: Tri;
  victim: TracedGroup;
  scope?: TracedGroup;
  /** The staged verdicts: [$child, $trafficking]. */
  verdicts: StageVerdicts;
}

/**
 * An element evaluated: its value, status and matched concepts at once (no tree); its why / why-not
 * trees (`condition`, `notRequired`) traced only when asked for, which the full answer does for the
 * elements a verdict rests on. Tracing every element of every offence up front cost more, in
 * allocation, than the rest of a full comparison.
 */
class LazyTracedElement implements TracedElement {
  private tree: TraceNode | undefined;
  private offTree: TraceNode | undefined;
  constructor(
    readonly prepared: PreparedElement,
    readonly value: Tri,
    readonly result: ElementResult,
    private readonly facts: FactSlots,
    private readonly verdicts: Readonly<StageVerdicts>,
  ) {}
  get condition(): TraceNode {
    this.tree ??= traceCondition(this.prepared.condition, this.facts, this.verdicts);
    return this.tree;
  }
  get notRequired(): TraceNode | undefined {
    const off = this.prepared.notRequiredWhen;
    if (!off) return undefined;
    this.offTree ??= traceCondition(off, this.facts, this.verdicts);
    return this.offTree;
  }
}

function traceElement(e: PreparedElement, facts: FactSlots, verdicts: Readonly<StageVerdicts>): TracedElement {
  const on = conditionValue(e.condition, facts, verdicts);
  const off = e.notRequiredWhen ? conditionValue(e.notRequiredWhen, facts, verdicts) : undefined;
  const value = e.notRequiredWhen ? (off === true ? true : or3([off, on])) : on;
  let status: ElementStatus;
  if (off === true) status = 'not-required';
  else if (on === true) status = 'satisfied';
  else if (value === false) status = 'not-satisfied';
  else status = 'unknown';
  const leaves: string[] = [];
  collectTrueLeaves(e.condition, facts, verdicts, leaves);
  const matched: string[] = [];
  for (const f of leaves) {
    if (f.startsWith('$')) continue;
    const concept = conceptOf(f);
    if (!matched.includes(concept)) matched.push(concept);
  }
  return new LazyTracedElement(e, value, elementResult(e, status, matched, undefined), facts, verdicts);
}

// Output citations are made once per prepared element and shared (frozen), not copied per case.
const citationMemo = new WeakMap<Citation, CitationOut>();
function outCitation(c: Citation): CitationOut {
  let out = citationMemo.get(c);
  if (!out) {
    out = citationOut(c);
    if (out.text) Object.freeze(out.text);
    Object.freeze(out);
    citationMemo.set(c, out);
  }
  return out;
}

function elementResult(e: PreparedElement, status: ElementStatus, matched: string[], children: ExplanationNode[] | undefined): ElementResult {
  const r: ElementResult = { element: e.element, status, matched, citation: outCitation(e.citation), label: e.label.en, facts: e.facts };
  if (e.note) r.note = e.note;
  if (status === 'not-required' && e.notRequiredCitation) r.notRequiredBy = outCitation(e.notRequiredCitation);
  if (e.amendedBy) r.amendedBy = outCitation(e.amendedBy);
  if (children) r.children = children;
  return r;
}

/**
 * The element with its why / why-not tree. Built for the elements a verdict rests on (not for every
 * element of every offence, which would cost more than the evaluation itself).
 */
export function withTree(e: TracedElement): ElementResult {
  const children = [explanationTree(e.condition, e.prepared.citation, e.result.status === 'not-required')];
  if (e.notRequired) {
    const off = explanationTree(e.notRequired, e.prepared.notRequiredCitation ?? e.prepared.citation);
    children.push({ ...off, label: `not required when: ${off.label}`, status: e.notRequired.value === true ? 'not-required' : off.status });
  }
  return elementResult(e.prepared, e.result.status, e.result.matched, children);
}

/** `means.deception` -> `deception`; other facts keep their name (made once per fact name). */
const CONCEPT_OF = new Map<string, string>();
function conceptOf(fact: string): string {
  let concept = CONCEPT_OF.get(fact);
  if (concept === undefined) {
    const m = /^(?:acts|means|purposes|exploitationOccurred|victim\.harm|consequences)\.(.+)$/.exec(fact);
    concept = m ? (m[1] as string) : fact;
    CONCEPT_OF.set(fact, concept);
  }
  return concept;
}

function traceGroup(g: PreparedGroup, facts: FactSlots, verdicts: Readonly<StageVerdicts>): TracedGroup {
  const elements = g.elements.map((e) => traceElement(e, facts, verdicts));
  const value = and3(elements.map((e) => e.value));
  const undecided = new Set<string>();
  if (value === undefined) {
    for (const e of elements) {
      if (e.value !== undefined) continue;
      collectUndecided(e.prepared.condition, facts, verdicts, undecided);
      if (e.prepared.notRequiredWhen) collectUndecided(e.prepared.notRequiredWhen, facts, verdicts, undecided);
    }
  }
  return { prepared: g, value, elements, undecided };
}

export function runTrace(pv: PreparedVersion, facts: FactSlots): VersionTrace {
  // Each stage gets its own verdicts (its elements' trees are traced later, on demand).
  const child = traceGroup(pv.child, facts, [undefined, undefined]);
  const afterChild: StageVerdicts = [child.value, undefined];
  const offences = pv.offences.map((o) => traceGroup(o, facts, afterChild));
  const trafficking = or3(offences.filter((o) => o.prepared.trafficking).map((o) => o.value));
  const verdicts: StageVerdicts = [child.value, trafficking];
  const victim = traceGroup(pv.victim, facts, verdicts);
  const scope = pv.scope ? traceGroup(pv.scope, facts, verdicts) : undefined;
  return { child, offences, trafficking, victim, ...(scope ? { scope } : {}), verdicts };
}

/**
 * The neighbouring offences of a version in force on `date` (every one when no date is known),
 * traced. They read the facts only (each carries its own child element), so they can neither
 * change nor be changed by the trafficking, victim or child verdicts; traced apart from runTrace,
 * and only those in force, because only the full answer needs them.
 */
export function traceOtherOffences(pv: PreparedVersion, facts: FactSlots, date?: string): TracedGroup[] {
  const out: TracedGroup[] = [];
  for (const o of pv.otherOffences) {
    if (date && (date < o.validFrom || (o.validTo !== undefined && date > o.validTo))) continue;
    out.push(traceGroup(o, facts, [undefined, undefined]));
  }
  return out;
}

/** Turn normalised fact names into the CaseFacts paths a user would fill in. */
export function askPaths(names: Iterable<string>, nf: NormalisedFacts, trace: VersionTrace): string[] {
  const out = new Set<string>();
  const expand = (name: string, seen: Set<string>) => {
    if (seen.has(name)) return;
    seen.add(name);
    if (name === '$child') {
      for (const n of trace.child.undecided) expand(n, seen);
    } else if (name === '$trafficking') {
      for (const o of trace.offences) {
        if (o.prepared.trafficking && o.value === undefined) for (const n of o.undecided) expand(n, seen);
      }
    } else {
      for (const p of nf.askFor[name] ?? [name]) out.add(p);
    }
  };
  const seen = new Set<string>();
  for (const n of names) expand(n, seen);
  return [...out];
}

export function verdictFromGroup(g: TracedGroup, nf: NormalisedFacts, trace: VersionTrace): Verdict {
  return {
    status: statusOf(g.value),
    elements: g.elements.map(withTree),
    missingFacts: g.value === undefined ? askPaths(g.undecided, nf, trace) : [],
  };
}

export function offenceResults(trace: VersionTrace, nf: NormalisedFacts): OffenceResult[] {
  return trace.offences.map((o) => ({
    id: o.prepared.id,
    ...(o.prepared.title ? { title: o.prepared.title.en } : {}),
    citation: outCitation(o.prepared.citation),
    status: statusOf(o.value),
    trafficking: o.prepared.trafficking,
    elements: o.elements.map((e) => e.result),
    ...(o.value === undefined ? { missingFacts: askPaths(o.undecided, nf, trace) } : {}),
    ...(o.value === true && o.prepared.form ? { form: offenceForm(o.prepared.form, trace, nf) } : {}),
  }));
}

/** Completed, attempt, or not yet known which (the offence qualifies in every case). */
function offenceForm(f: PreparedForm, trace: VersionTrace, nf: NormalisedFacts): OffenceForm {
  const cites = (list: Citation[]) => list.map(outCitation);
  // What the case says of the journey's end decides first; other evidence of completion (the
  // exploitation at the far end) speaks only when it says nothing.
  if (conditionValue(f.attemptWhen, nf.slots, trace.verdicts) === true) return { status: 'attempt', provision: f.attempt.provision, citations: cites(f.attempt.citations) };
  if (conditionValue(f.completedWhen, nf.slots, trace.verdicts) === true) return { status: 'completed', provision: f.completed.provision, citations: cites(f.completed.citations) };
  const undecided = new Set<string>();
  collectUndecided(f.attemptWhen, nf.slots, trace.verdicts, undecided);
  collectUndecided(f.completedWhen, nf.slots, trace.verdicts, undecided);
  const both = [...new Set([...f.completed.citations, ...f.attempt.citations])];
  return { status: 'undetermined', provision: `${f.completed.provision} or ${f.attempt.provision}`, citations: cites(both), missingFacts: askPaths(undecided, nf, trace) };
}

/**
 * The neighbouring offences in force on `date` (all of them when no date is known), evaluated.
 * Without a date, an offence that was not in force for the whole of the regime's time cannot be
 * said to qualify: it is undetermined, and the conduct date is what would decide it.
 */
export function otherOffenceResults(pv: PreparedVersion, trace: VersionTrace, nf: NormalisedFacts, date: string | undefined, regimeFrom: string): OtherOffenceResult[] {
  const out: OtherOffenceResult[] = [];
  for (const o of traceOtherOffences(pv, nf.slots, date)) {
    const p = o.prepared as PreparedOtherOffence;
    let status = statusOf(o.value);
    let missing = o.value === undefined ? askPaths(o.undecided, nf, trace) : undefined;
    if (!date && status === 'qualifies' && (p.validFrom > regimeFrom || p.validTo !== undefined)) {
      status = 'undetermined';
      missing = ['conductDate'];
    }
    out.push({
      id: p.id,
      kind: 'neighbouring',
      ...(p.title ? { title: p.title.en } : {}),
      instrument: p.instrument,
      citation: outCitation(p.citation),
      status,
      trafficking: false,
      elements: o.elements.map((e) => e.result),
      penalty: penaltyOut(p),
      inForceFrom: p.validFrom,
      ...(p.validTo ? { inForceUntil: p.validTo } : {}),
      ...(missing ? { missingFacts: missing } : {}),
    });
  }
  return out;
}

function penaltyOut(p: PreparedOtherOffence): OtherOffenceResult['penalty'] {
  const { citation: _ref, ...rest } = p.penalty;
  return { ...structuredClone(rest), citation: outCitation(p.penaltyCitation) };
}

/** The trafficking verdict: any trafficking offence qualifies; elements of the lead offence. */
export function traffickingVerdict(pv: PreparedVersion, trace: VersionTrace, nf: NormalisedFacts): Verdict {
  const candidates = trace.offences.filter((o) => o.prepared.trafficking);
  const lead =
    candidates.find((o) => o.value === true) ??
    candidates.find((o) => o.value === undefined && o.prepared.id === pv.primaryOffence) ??
    candidates.find((o) => o.value === undefined) ??
    candidates.find((o) => o.prepared.id === pv.primaryOffence) ??
    candidates[0];
  const missing = new Set<string>();
  if (trace.trafficking === undefined) for (const o of candidates) if (o.value === undefined) for (const n of o.undecided) missing.add(n);
  return {
    status: statusOf(trace.trafficking),
    elements: lead ? lead.elements.map(withTree) : [],
    missingFacts: trace.trafficking === undefined ? askPaths(missing, nf, trace) : [],
  };
}
