import { describe, expect, it } from 'vitest';
import { ACTS, EXPLOITATION, MEANS, VOCABULARIES } from '../../src/facts/concepts.js';
import { normaliseFacts, VERDICT_FACTS } from '../../src/facts/normalise.js';
import { parseFacts } from '../../src/facts/parseFacts.js';
import { loadRuleBook, RuleDataError, type RuleBundle } from '../../src/law/load.js';
import rawBundle from '../../src/law/rules.generated.json';

/**
 * Issue 6, part 4: static checks of the rule data, on the bundle that ships (src/law/rules.generated.json,
 * built by `npm run build` from rules/). Each check is a function over the raw bundle returning its
 * problems, so it can also be run on a deliberately broken copy, which proves it can fail.
 */

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const bundle = rawBundle as unknown as RuleBundle;
const copy = (): Json => structuredClone(rawBundle);
const LANGS = ['en', 'id', 'ms'] as const;

interface Element { element: string; citation: string; notRequiredCitation?: string; condition: Json; notRequiredWhen?: Json; label: Json }
function elementsOf(v: Json): Array<[string, Element]> {
  const out: Array<[string, Element]> = [];
  for (const [name, d] of Object.entries<Json>(v.definitions ?? {})) if (d) (d.elements as Element[]).forEach((e, i) => out.push([`definitions.${name}.elements[${i}]`, e]));
  for (const o of v.offences ?? []) (o.elements as Element[]).forEach((e, i) => out.push([`offences.${o.id}.elements[${i}]`, e]));
  for (const o of v.otherOffences ?? []) (o.elements as Element[]).forEach((e, i) => out.push([`otherOffences.${o.id}.elements[${i}]`, e]));
  return out;
}
function versionsOf(b: Json): Array<[string, Json, Json]> {
  return (b.regimes as Json[]).flatMap((r) => (r.versions as Json[]).map((v) => [v.file as string, v.content, r.content] as [string, Json, Json]));
}
/** Every node of a condition tree (leaves and groups), with its path. */
function nodes(c: Json, where: string, out: Array<[string, Json]> = []): Array<[string, Json]> {
  if (!c || typeof c !== 'object') return out;
  out.push([where, c]);
  if (Array.isArray(c.all)) c.all.forEach((x: Json, i: number) => nodes(x, `${where}.all[${i}]`, out));
  if (Array.isArray(c.any)) c.any.forEach((x: Json, i: number) => nodes(x, `${where}.any[${i}]`, out));
  if (c.not) nodes(c.not, `${where}.not`, out);
  if (c.readings) for (const [r, x] of Object.entries(c.readings)) nodes(x, `${where}.readings.${r}`, out);
  return out;
}
function conditionsOf(v: Json): Array<[string, Json]> {
  return elementsOf(v).flatMap(([w, e]) => [...nodes(e.condition, `${w}.condition`), ...(e.notRequiredWhen ? nodes(e.notRequiredWhen, `${w}.notRequiredWhen`) : [])]);
}

// --- the checks -----------------------------------------------------------------------------------

/** Every element (and definition, offence) cites a citation that exists, with instrument, provision and confidence. */
export function checkCitations(b: Json): string[] {
  const problems: string[] = [];
  for (const [file, v] of versionsOf(b)) {
    const cites = v.citations ?? {};
    const resolve = (ref: unknown, where: string) => {
      if (typeof ref !== 'string' || !cites[ref]) problems.push(`${file} ${where}: citation ${JSON.stringify(ref)} does not resolve`);
    };
    for (const [w, e] of elementsOf(v)) {
      resolve(e.citation, w);
      if (e.notRequiredWhen) resolve(e.notRequiredCitation ?? e.citation, `${w}.notRequiredCitation`);
    }
    for (const o of v.offences ?? []) resolve(o.citation, `offences.${o.id}`);
    for (const [name, d] of Object.entries<Json>(v.definitions ?? {})) if (d) resolve(d.citation, `definitions.${name}`);
    for (const [id, c] of Object.entries<Json>(cites)) {
      for (const k of ['instrument', 'provision', 'confidence']) if (typeof c?.[k] !== 'string' || !c[k].trim()) problems.push(`${file} citations.${id}: no ${k}`);
      if (c && !['verified', 'single-source', 'unverified'].includes(c.confidence)) problems.push(`${file} citations.${id}: confidence ${JSON.stringify(c.confidence)}`);
    }
  }
  return problems;
}

/** Every version maps every shared concept (act, means, exploitation): a relation, possibly 'none'. */
export function checkConceptMappings(b: Json): string[] {
  const problems: string[] = [];
  for (const [file, v] of versionsOf(b)) {
    for (const [vocab, ids] of [['act', ACTS], ['means', MEANS], ['exploitation', EXPLOITATION]] as const) {
      for (const id of ids) {
        const m = v.concepts?.[vocab]?.[id];
        if (!m || typeof m.relation !== 'string') problems.push(`${file} concepts.${vocab}.${id}: neither mapped nor marked none`);
      }
    }
  }
  return problems;
}

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** The versions of each regime tile its timeline: no gap, no overlap, only the last open-ended. */
export function checkTiling(b: Json): string[] {
  const problems: string[] = [];
  for (const r of b.regimes as Json[]) {
    const vs = (r.versions as Json[]).map((v) => v.content).sort((x: Json, y: Json) => (x.validFrom < y.validFrom ? -1 : 1));
    if (!vs.length) problems.push(`${r.file}: no versions`);
    vs.forEach((v: Json, i: number) => {
      const next = vs[i + 1];
      if (v.validTo !== undefined && v.validTo < v.validFrom) problems.push(`${v.id}: ends before it starts`);
      if (next && v.validTo !== dayBefore(next.validFrom)) problems.push(`${v.id}: validTo ${v.validTo} is not the day before ${next.id} starts (${next.validFrom})`);
      if (!next && v.validTo !== undefined) problems.push(`${v.id}: the last version should be open-ended (validTo ${v.validTo})`);
    });
    const declared = [...(r.content.versions as string[])].sort();
    if (JSON.stringify(declared) !== JSON.stringify(vs.map((v: Json) => v.validFrom))) problems.push(`${r.file}: declared versions ${declared} differ from the files`);
  }
  return problems;
}

/** Every label (regime, version, element, offence, concept) exists in en, id and ms. */
export function checkLabels(b: Json): string[] {
  const problems: string[] = [];
  const label = (l: Json, where: string) => {
    for (const lang of LANGS) if (typeof l?.[lang] !== 'string' || !l[lang].trim()) problems.push(`${where}: no ${lang} label`);
  };
  for (const r of b.regimes as Json[]) label(r.content.name, `${r.file} name`);
  for (const [file, v] of versionsOf(b)) {
    label(v.label, `${file} label`);
    for (const [w, e] of elementsOf(v)) label(e.label, `${file} ${w}`);
    for (const o of v.offences ?? []) label(o.title, `${file} offences.${o.id}.title`);
  }
  for (const [vocab, ids] of Object.entries(VOCABULARIES)) for (const id of ids) label(b.concepts.content?.[vocab]?.[id], `concepts.${vocab}.${id}`);
  return problems;
}

/** The fact names normalisation produces (from a case with every field given), plus the verdict facts. */
function producedFacts(): Set<string> {
  const full = parseFacts({
    conductDate: '2024-01-01', conductEndDate: '2024-02-01',
    victim: { birthDate: '2000-01-01', selfProtectionImpaired: false, nationality: 'ID', consented: false, harm: [] },
    acts: [], means: [], purposes: [], exploitationOccurred: [], consequences: [],
    movement: { origin: 'ID', destination: 'MY', transit: [], exploitationCountry: 'MY', completed: true, interRegional: false },
    offender: { organisedCriminalGroup: false, publicOfficial: false, crossBorderLinks: false },
  });
  return new Set([...Object.keys(normaliseFacts(full, '2024-01-01').values), ...VERDICT_FACTS]);
}
const PRODUCED = producedFacts();

/** No condition reads a fact that normalisation never produces (a typo would be silently unknown). */
export function checkFactNames(b: Json): string[] {
  const problems: string[] = [];
  for (const [file, v] of versionsOf(b)) for (const [w, n] of conditionsOf(v)) if ('fact' in n && !PRODUCED.has(n.fact)) problems.push(`${file} ${w}: fact "${n.fact}" is never produced`);
  return problems;
}

/** No `path` key anywhere in a rule condition: json-rules-engine evaluates `path` with jsonpath-plus (RCE CVEs). */
export function checkNoPath(b: Json): string[] {
  const problems: string[] = [];
  const walk = (x: Json, where: string) => {
    if (!x || typeof x !== 'object') return;
    if (!Array.isArray(x) && Object.prototype.hasOwnProperty.call(x, 'path')) problems.push(`${where}: has a "path" key`);
    if (!Array.isArray(x) && Object.prototype.hasOwnProperty.call(x, 'params')) problems.push(`${where}: has a "params" key`);
    for (const [k, y] of Object.entries(x)) walk(y, `${where}.${k}`);
  };
  for (const [file, v] of versionsOf(b)) for (const [w, e] of elementsOf(v)) {
    walk(e.condition, `${file} ${w}.condition`);
    if (e.notRequiredWhen) walk(e.notRequiredWhen, `${file} ${w}.notRequiredWhen`);
  }
  return problems;
}

/** Every interpretation referenced is declared; every declared one is used and each of its readings is reachable. */
export function checkInterpretations(b: Json): string[] {
  const problems: string[] = [];
  for (const r of b.regimes as Json[]) {
    const declared = new Map<string, string[]>();
    for (const i of r.content.interpretations ?? []) declared.set(i.id, i.readings.map((x: Json) => x.id));
    for (const v of r.versions as Json[]) for (const i of v.content.interpretations ?? []) declared.set(i.id, i.readings.map((x: Json) => x.id));
    const inConditions = new Map<string, Set<string>>();
    const inMappings = new Map<string, Array<Set<string>>>();
    for (const v of r.versions as Json[]) {
      for (const [w, n] of conditionsOf(v.content)) {
        if (!('interpretation' in n)) continue;
        if (!declared.has(n.interpretation)) problems.push(`${v.file} ${w}: interpretation "${n.interpretation}" is not declared`);
        const set = inConditions.get(n.interpretation) ?? new Set<string>();
        for (const reading of Object.keys(n.readings ?? {})) set.add(reading);
        inConditions.set(n.interpretation, set);
      }
      for (const [vocab, ms] of Object.entries<Json>(v.content.concepts ?? {})) {
        for (const [id, m] of Object.entries<Json>(ms)) {
          if (!m?.interpretation) continue;
          if (!declared.has(m.interpretation)) problems.push(`${v.file} concepts.${vocab}.${id}: interpretation "${m.interpretation}" is not declared`);
          const list = inMappings.get(m.interpretation) ?? [];
          list.push(new Set<string>(m.countsUnder ?? []));
          inMappings.set(m.interpretation, list);
        }
      }
    }
    for (const [id, readings] of declared) {
      const cond = inConditions.get(id);
      const maps = inMappings.get(id);
      if (!cond && !maps) {
        problems.push(`${r.file}: interpretation "${id}" is declared but no condition or mapping consults it`);
        continue;
      }
      for (const reading of readings) {
        // Reachable: a condition has a branch for it, or a mapping counts the concept under it,
        // or a mapping leaves the concept out under it (the other branch of the same question).
        const viaCondition = cond?.has(reading) ?? false;
        const viaMapping = maps?.some((s) => s.has(reading)) || maps?.some((s) => !s.has(reading) && s.size > 0);
        if (!viaCondition && !viaMapping) problems.push(`${r.file}: reading "${reading}" of "${id}" is reachable from no condition or mapping`);
      }
    }
  }
  return problems;
}

const CHECKS = { checkCitations, checkConceptMappings, checkTiling, checkLabels, checkFactNames, checkNoPath, checkInterpretations };

// --- the shipped data passes -------------------------------------------------------------------------

describe('the shipped rule data', () => {
  it('loads (schema and cross-references, src/law/load.ts)', () => {
    const book = loadRuleBook(bundle);
    expect(book.regimes.map((r) => r.id).sort()).toEqual(['act-670', 'actip', 'palermo', 'uu-21-2007']);
  });
  for (const [name, check] of Object.entries(CHECKS)) {
    it(`${name}: no problems`, () => {
      expect(check(copy())).toEqual([]);
    });
  }
  it('the checks look at something (not vacuous)', () => {
    const b = copy();
    expect(versionsOf(b).length).toBeGreaterThanOrEqual(7) // UU 21/2007 x2, Act 670 x3, ACTIP, Palermo;
    expect(versionsOf(b).flatMap(([, v]) => conditionsOf(v)).filter(([, n]) => 'fact' in n).length).toBeGreaterThan(50);
    expect(PRODUCED.has('victim.age') && PRODUCED.has('means.deception')).toBe(true);
  });
});

// --- and each check fails on a broken copy --------------------------------------------------------------

/** The first version of a regime, in the copy. */
const versionIn = (b: Json, regime: string, index = 0): Json => (b.regimes as Json[]).find((r) => r.content.id === regime).versions[index].content;
const firstElement = (v: Json): Json => v.offences[0].elements[0];
/** The first condition leaf with a fact, in the copy. */
const firstFactLeaf = (v: Json): Json => conditionsOf(v).find(([, n]) => 'fact' in n)?.[1];

/** Either loading rejects the copy with RuleDataError, or the check reports it; the check itself must always report it. */
function expectBroken(b: Json, check: (b: Json) => string[], pattern: RegExp, mustFailLoad: boolean) {
  const problems = check(b);
  expect(problems.length, 'the check should find the break').toBeGreaterThan(0);
  expect(problems.some((p) => pattern.test(p)), problems.join('\n')).toBe(true);
  if (mustFailLoad) expect(() => loadRuleBook(b)).toThrow(RuleDataError);
}

describe('a deliberately broken copy of the bundle fails each check', () => {
  it('an element citing a citation that does not exist', () => {
    const b = copy();
    firstElement(versionIn(b, 'palermo')).citation = 'no-such-citation';
    expectBroken(b, checkCitations, /no-such-citation/, true);
  });
  it('a citation without confidence', () => {
    const b = copy();
    const v = versionIn(b, 'actip');
    delete (Object.values<Json>(v.citations)[0] as Json).confidence;
    expectBroken(b, checkCitations, /no confidence/, true);
  });
  it('a concept neither mapped nor none', () => {
    const b = copy();
    delete versionIn(b, 'act-670', 1).concepts.means.deception;
    expectBroken(b, checkConceptMappings, /means\.deception/, true);
  });
  it('a gap between versions', () => {
    const b = copy();
    const v = versionIn(b, 'act-670', 0);
    v.validTo = dayBefore(v.validTo);
    expectBroken(b, checkTiling, /not the day before/, true);
  });
  it('an overlap between versions', () => {
    const b = copy();
    const v = versionIn(b, 'uu-21-2007', 0);
    v.validTo = '2026-06-01';
    expectBroken(b, checkTiling, /not the day before/, true);
  });
  it('an element label missing in Malay', () => {
    const b = copy();
    delete firstElement(versionIn(b, 'uu-21-2007', 1)).label.ms;
    expectBroken(b, checkLabels, /no ms label/, true);
  });
  it('a concept label missing in Indonesian', () => {
    const b = copy();
    delete b.concepts.content.means.deception.id;
    expectBroken(b, checkLabels, /concepts\.means\.deception: no id label/, true);
  });
  it('a condition reading a fact normalisation never produces', () => {
    const b = copy();
    firstFactLeaf(versionIn(b, 'palermo')).fact = 'victim.agee';
    expectBroken(b, checkFactNames, /victim\.agee/, true);
  });
  it('a condition with a JSONPath `path`', () => {
    const b = copy();
    firstFactLeaf(versionIn(b, 'actip')).path = '$..[?(@.constructor.constructor("return process")())]';
    expectBroken(b, checkNoPath, /"path"/, true);
  });
  it('a condition consulting an undeclared interpretation', () => {
    const b = copy();
    const e = firstElement(versionIn(b, 'palermo'));
    e.condition = { interpretation: 'no-such-question', readings: { a: e.condition, b: e.condition } };
    expectBroken(b, checkInterpretations, /no-such-question.*not declared/, true);
  });
  it('a declared interpretation nothing consults (an unreachable reading)', () => {
    const b = copy();
    const r = (b.regimes as Json[]).find((x) => x.content.id === 'actip');
    r.content.interpretations = [...(r.content.interpretations ?? []), { id: 'orphan-question', question: 'Never asked?', default: 'yes', readings: [{ id: 'yes', label: 'Yes', sources: ['S1'] }, { id: 'no', label: 'No', sources: ['S1'] }] }];
    // The loader accepts this (it is well formed): only the static check catches it.
    expectBroken(b, checkInterpretations, /orphan-question/, false);
  });
  it('a reading no condition has a branch for', () => {
    const b = copy();
    // Find a condition-level interpretation and drop one reading's branch everywhere in its regime.
    for (const r of b.regimes as Json[]) {
      for (const v of r.versions as Json[]) {
        const hit = conditionsOf(v.content).find(([, n]) => 'interpretation' in n);
        if (!hit) continue;
        const id = hit[1].interpretation as string;
        const reading = Object.keys(hit[1].readings)[1] as string;
        for (const w of r.versions as Json[]) for (const [, n] of conditionsOf(w.content)) if (n.interpretation === id) delete n.readings[reading];
        for (const w of r.versions as Json[]) for (const ms of Object.values<Json>(w.content.concepts)) for (const m of Object.values<Json>(ms)) if (m.interpretation === id) delete m.interpretation;
        expectBroken(b, checkInterpretations, new RegExp(`"${reading}" of "${id}"`), true);
        return;
      }
    }
    throw new Error('no condition consults an interpretation: the check would be vacuous');
  });
});
