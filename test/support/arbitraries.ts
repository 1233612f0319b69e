import fc from 'fast-check';
import { ACTS, CONSEQUENCES, EXPLOITATION, HARM, MEANS } from '../../src/facts/concepts.js';
import { bundledRuleBook } from '../../src/law/bundled.js';

/**
 * Shared fast-check generators for CaseFacts (issue 6). Dates come from the rule book itself, so a
 * version added under rules/ is exercised without editing this file.
 */

export type Facts = Record<string, any>;

/** The concept fields and the vocabulary each draws from. */
export const CONCEPT_FIELDS: Record<string, readonly string[]> = {
  acts: ACTS,
  means: MEANS,
  purposes: EXPLOITATION,
  exploitationOccurred: EXPLOITATION,
  consequences: CONSEQUENCES,
  'victim.harm': HARM,
};

export const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** One date inside each version of each regime (first day, last day, a middle day), and the day before each regime began. */
export function versionDates(): string[] {
  const today = new Date().toISOString().slice(0, 10);
  const out = new Set<string>();
  for (const r of bundledRuleBook().regimes) {
    const first = r.versions[0];
    if (first) out.add(addDays(first.data.validFrom, -1));
    for (const v of r.versions) {
      const from = v.data.validFrom;
      const to = v.data.validTo ?? (today > from ? today : addDays(from, 365));
      out.add(from);
      out.add(to);
      const mid = new Date((Date.parse(from) + Date.parse(to)) / 2).toISOString().slice(0, 10);
      out.add(mid);
    }
  }
  return [...out].sort();
}

/** Every (regime, version) pair with a date inside it, for tests that must visit each version. */
export function everyVersion(): Array<{ regime: string; version: string; asOf: string }> {
  const today = new Date().toISOString().slice(0, 10);
  return bundledRuleBook().regimes.flatMap((r) =>
    r.versions.map((v) => ({ regime: r.id, version: v.data.id, asOf: v.data.validTo ?? (today > v.data.validFrom ? today : v.data.validFrom) })),
  );
}

export const dateArb = fc.constantFrom(...versionDates());
export const countryArb = fc.constantFrom('ID', 'MY', 'SG', 'TH', 'KH', 'PH');

/** Absent (unknown), closed array, or open object naming some concepts true or false. */
export function conceptSetArb(ids: readonly string[]) {
  return fc.oneof(
    fc.constant(undefined),
    fc.subarray([...ids], { maxLength: 5 }),
    fc.dictionary(fc.constantFrom(...ids), fc.boolean(), { maxKeys: 5 }),
  );
}

/** A closed array (every concept known). */
export const closedSetArb = (ids: readonly string[]) => fc.subarray([...ids], { maxLength: 5 });

/** A birth date some whole years and days before `date` (so that ages around 18 are common). */
export const birthBefore = (date: string, years: number, days: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const base = `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`;
  return addDays(base, -days);
};

/** Drop undefined values, recursively one level (victim, movement, offender). */
export function clean(f: Facts): Facts {
  const out: Facts = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined) continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && ['victim', 'movement', 'offender'].includes(k)) {
      const inner = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined));
      out[k] = inner;
    } else out[k] = v;
  }
  return out;
}

/**
 * Valid CaseFacts, any field possibly absent, with a date (conductDate) somewhere in some version
 * of some regime. Victims are consistent (the schema rejects contradictions): either a birth date,
 * or an age, or unborn.
 */
export const caseFactsArb = fc
  .record({
    conductDate: fc.option(dateArb, { nil: undefined }),
    person: fc.oneof(
      fc.constant(undefined),
      fc.record({ kind: fc.constant('age' as const), age: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 10, max: 25 }).chain((min) => fc.record({ min: fc.constant(min), max: fc.integer({ min, max: 30 }) }))) }),
      fc.record({ kind: fc.constant('birth' as const), years: fc.integer({ min: 0, max: 40 }), days: fc.integer({ min: -3, max: 3 }) }),
      fc.record({ kind: fc.constant('unborn' as const) }),
    ),
    selfProtectionImpaired: fc.option(fc.boolean(), { nil: undefined }),
    nationality: fc.option(countryArb, { nil: undefined }),
    consented: fc.option(fc.boolean(), { nil: undefined }),
    harm: conceptSetArb(HARM),
    acts: conceptSetArb(ACTS),
    means: conceptSetArb(MEANS),
    purposes: conceptSetArb(EXPLOITATION),
    exploitationOccurred: conceptSetArb(EXPLOITATION),
    movement: fc.option(
      fc.record(
        { origin: countryArb, destination: countryArb, transit: fc.array(countryArb, { maxLength: 2 }), exploitationCountry: countryArb, completed: fc.boolean(), interRegional: fc.boolean() },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    offender: fc.option(fc.record({ organisedCriminalGroup: fc.boolean(), publicOfficial: fc.boolean(), crossBorderLinks: fc.boolean() }, { requiredKeys: [] }), { nil: undefined }),
    consequences: conceptSetArb(CONSEQUENCES),
  })
  .map((g) => {
    const victim: Facts = { selfProtectionImpaired: g.selfProtectionImpaired, nationality: g.nationality, consented: g.consented, harm: g.harm };
    const p = g.person;
    if (p?.kind === 'age') victim.age = p.age;
    if (p?.kind === 'birth') victim.birthDate = birthBefore(g.conductDate ?? '2020-06-15', p.years, p.days);
    if (p?.kind === 'unborn') victim.unborn = true;
    return clean({
      conductDate: g.conductDate,
      victim,
      acts: g.acts,
      means: g.means,
      purposes: g.purposes,
      exploitationOccurred: g.exploitationOccurred,
      movement: g.movement,
      offender: g.offender,
      consequences: g.consequences,
    });
  });

/** Options that pick the version: no asOf (the conduct date decides) or an asOf in some version. */
export const asOfArb = fc.option(dateArb, { nil: undefined });

/**
 * Fully known CaseFacts at a date: every concept set closed, every field given. The date is both
 * conductDate and the asOf used to judge it.
 */
export const completeFactsArb = completeFactsAt(dateArb);

/** completeFactsArb with the conduct date drawn from `dates` (e.g. one asOf date per version era). */
export function completeFactsAt(dates: fc.Arbitrary<string>): fc.Arbitrary<Facts> {
  return fc
  .record({
    date: dates,
    person: fc.oneof(fc.record({ years: fc.integer({ min: 0, max: 40 }), days: fc.integer({ min: -3, max: 3 }) }), fc.constant('unborn' as const)),
    selfProtectionImpaired: fc.boolean(),
    nationality: countryArb,
    consented: fc.boolean(),
    harm: closedSetArb(HARM),
    acts: closedSetArb(ACTS),
    means: closedSetArb(MEANS),
    purposes: closedSetArb(EXPLOITATION),
    exploitationOccurred: closedSetArb(EXPLOITATION),
    movement: fc.record({ origin: countryArb, destination: countryArb, transit: fc.array(countryArb, { maxLength: 2 }), exploitationCountry: countryArb, completed: fc.boolean(), interRegional: fc.boolean() }),
    offender: fc.record({ organisedCriminalGroup: fc.boolean(), publicOfficial: fc.boolean(), crossBorderLinks: fc.boolean() }),
    consequences: closedSetArb(CONSEQUENCES),
  })
  .map((g) => ({
    conductDate: g.date,
    victim: {
      // Born on the date or before it; a birth date after it is an unborn child at the time.
      ...(g.person === 'unborn'
        ? { unborn: true }
        : { birthDate: birthBefore(g.date, g.person.years, g.person.days), unborn: birthBefore(g.date, g.person.years, g.person.days) > g.date }),
      selfProtectionImpaired: g.selfProtectionImpaired,
      nationality: g.nationality,
      consented: g.consented,
      harm: g.harm,
    },
    acts: g.acts,
    means: g.means,
    purposes: g.purposes,
    exploitationOccurred: g.exploitationOccurred,
    movement: g.movement,
    offender: g.offender,
    consequences: g.consequences,
  })) as fc.Arbitrary<Facts>;
}

/**
 * A partial view of complete facts: some fields forgotten, closed sets opened with only some
 * concepts stated (truthfully), an exact birth date weakened to an age range that contains the
 * true age. Every partial view is consistent with the complete facts it came from.
 */
export function partialOf(full: Facts, age: number | undefined): fc.Arbitrary<Facts> {
  const topKeys = Object.keys(full);
  return fc
    .record({
      drop: fc.subarray(topKeys),
      victimDrop: fc.subarray(Object.keys(full.victim ?? {})),
      movementDrop: fc.subarray(Object.keys(full.movement ?? {})),
      offenderDrop: fc.subarray(Object.keys(full.offender ?? {})),
      open: fc.subarray(Object.keys(CONCEPT_FIELDS)),
      keepMask: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
      ageRange: fc.option(fc.record({ below: fc.integer({ min: 0, max: 5 }), above: fc.integer({ min: 0, max: 5 }) }), { nil: undefined }),
    })
    .map((c) => {
      const p: Facts = structuredClone(full);
      for (const field of c.open) {
        const ids = CONCEPT_FIELDS[field] as readonly string[];
        const holder = field === 'victim.harm' ? p.victim : p;
        const key = field === 'victim.harm' ? 'harm' : field;
        if (!holder || !Array.isArray(holder[key])) continue;
        const given = holder[key] as string[];
        holder[key] = Object.fromEntries(ids.filter((_, i) => c.keepMask[i % 16]).map((id) => [id, given.includes(id)]));
      }
      if (c.ageRange && age !== undefined && p.victim?.birthDate) {
        delete p.victim.birthDate;
        delete p.victim.unborn;
        p.victim.age = { min: Math.max(0, age - c.ageRange.below), max: Math.min(130, age + c.ageRange.above) };
      }
      for (const k of c.victimDrop) if (p.victim) delete p.victim[k];
      for (const k of c.movementDrop) if (p.movement) delete p.movement[k];
      for (const k of c.offenderDrop) if (p.offender) delete p.offender[k];
      for (const k of c.drop) delete p[k];
      return p;
    });
}

/** Odd values for near-valid fuzzing: wrong types, boundary dates, huge numbers, unicode, injection keys. */
export const oddValueArb = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '', ' ', '2024-02-30', '2023-02-29', '2024-02-29', '2024-1-1', '24-1-1', '2024-01-01T00:00', '2024-01-01Z', '2024-01-01+07:00', '0000-00-00', '1849-12-31', '1850-01-01',
    '2200-12-31', '2201-01-01', '9999-12-31', '+002024-01-01', '２０２４-０１-０１', 'ID', 'id', 'XX', 'IDN', 'recruitment', 'Recruitment', '__proto__', 'constructor', '\u0000', '\u2028', '😀', '\uD800',
    'x'.repeat(201), 'x'.repeat(5000),
  ),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, -1, 131, 130, 0, 17, 18, 2 ** 53, 0.5, 17.999, Number.MIN_VALUE),
  fc.constantFrom(null, true, false, [], {}, [null], ['recruitment', 'recruitment'], { min: 5, max: 1 }, { min: 0, max: 130 }, { min: -1, max: 3 }, { deception: 'yes' }, { telepathy: true }),
);

/** Every place a value can go in CaseFacts, plus unknown and dangerous keys. */
export const FACT_PATHS = [
  'id', 'conductDate', 'conductEndDate', 'victim', 'victim.birthDate', 'victim.age', 'victim.age.min', 'victim.age.max', 'victim.unborn', 'victim.selfProtectionImpaired', 'victim.nationality',
  'victim.consented', 'victim.harm', 'victim.harm.physical', 'acts', 'acts.0', 'acts.recruitment', 'means', 'means.deception', 'means.0', 'purposes', 'purposes.forced-labour', 'exploitationOccurred',
  'movement', 'movement.origin', 'movement.destination', 'movement.transit', 'movement.transit.0', 'movement.exploitationCountry', 'movement.completed', 'movement.interRegional', 'offender',
  'offender.organisedCriminalGroup', 'offender.publicOfficial', 'offender.crossBorderLinks', 'consequences', 'extra', 'victim.extra', 'movement.extra', '__proto__', 'constructor', 'prototype',
  'victim.__proto__', 'means.__proto__', 'acts.__proto__', 'movement.constructor',
];

/** Put `value` at a dotted path of a copy of `f` (creating objects on the way), as an own property. */
export function setAt(f: unknown, path: string, value: unknown): Facts {
  const out = (f && typeof f === 'object' ? structuredClone(f) : {}) as Facts;
  const keys = path.split('.');
  let cur: Facts = out;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== 'object' || cur[k] === null) Object.defineProperty(cur, k, { value: {}, enumerable: true, writable: true, configurable: true });
    cur = cur[k];
  }
  Object.defineProperty(cur, keys[keys.length - 1] as string, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A valid case with one value replaced by an odd one (or several). */
export const nearValidArb = fc
  .tuple(caseFactsArb, fc.array(fc.tuple(fc.constantFrom(...FACT_PATHS), oddValueArb), { minLength: 1, maxLength: 3 }))
  .map(([f, edits]) => edits.reduce<Facts>((acc, [path, value]) => setAt(acc, path, value), f));

// ---------------------------------------------------------------------------------------------
// Additions for test/security (issue 6): fixed asOf dates, readings, open/closed conversion,
// forgetting leaves, and the statuses of a comparison.

/** One date in each version era named by the issue: Palermo only (2005), Act 670 2008 text (2009),
 * 2010 text (2015), ACTIP in force (2020), Act 670 2022 text (2024), KUHP 455 in force (2026). */
export const AS_OF_DATES = ['2005-01-01', '2009-01-01', '2015-01-01', '2020-01-01', '2024-01-01', '2026-06-01'] as const;
export const asOfDateArb = fc.constantFrom(...AS_OF_DATES);

/** A reading for every contested interpretation of every regime (chosen at random). */
export const readingsArb: fc.Arbitrary<Record<string, string>> = fc.constant(null).chain(() => {
  const all = new Map<string, string[]>();
  for (const r of bundledRuleBook().regimes) for (const i of r.interpretations.values()) all.set(i.id, i.readings.map((x) => x.id));
  return fc.record(Object.fromEntries([...all].map(([id, readings]) => [id, fc.constantFrom(...readings)])));
});

/** Where a concept set lives in CaseFacts. */
export function conceptHolder(f: Facts, field: string): [Facts | undefined, string] {
  return field === 'victim.harm' ? [f.victim, 'harm'] : [f, field];
}

/** Every closed concept array turned into the equivalent open object naming every concept. */
export function openAll(f: Facts): Facts {
  const out: Facts = structuredClone(f);
  for (const [field, ids] of Object.entries(CONCEPT_FIELDS)) {
    const [holder, key] = conceptHolder(out, field);
    if (!holder || !Array.isArray(holder[key])) continue;
    const given = holder[key] as string[];
    holder[key] = Object.fromEntries(ids.map((id) => [id, given.includes(id)]));
  }
  return out;
}

/** Every leaf of facts whose concept sets are open objects: [path segments]. Arrays (transit) are leaves. */
export function leaves(f: Facts, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, v] of Object.entries(f)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...leaves(v as Facts, [...prefix, k]));
    else out.push([...prefix, k]);
  }
  return out;
}

/** A copy of `f` without the given leaves (empty objects left behind are dropped too). */
export function without(f: Facts, drop: string[][]): Facts {
  const out: Facts = structuredClone(f);
  for (const path of drop) {
    let cur: Facts | undefined = out;
    for (const k of path.slice(0, -1)) cur = cur?.[k];
    if (cur) delete cur[path[path.length - 1] as string];
  }
  for (const [k, v] of Object.entries(out)) if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) delete out[k];
  return out;
}

/** Complete facts (every concept named in an open object) and a partial view: some leaves forgotten. */
export const completeAndPartialArb = completeAndPartialAt(dateArb);

/** completeAndPartialArb with the conduct date drawn from `dates`. */
export function completeAndPartialAt(dates: fc.Arbitrary<string>) {
  return completeFactsAt(dates).chain((full) => {
  const open = openAll(full);
  const all = leaves(open);
  return fc.subarray(all).map((drop) => ({ complete: open, partial: without(open, drop) }));
  });
}

type StatusCarrier = { status: string };
interface ComparisonLike {
  regimes: Array<{ regime: string; trafficking: StatusCarrier; victim: StatusCarrier; child: StatusCarrier; scope?: StatusCarrier; offences: Array<{ id: string; status: string }> }>;
}

/** Every status in a comparison, keyed `regime/verdict` and `regime/offence:id`. */
export function statusesOf(c: ComparisonLike): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of c.regimes) {
    out[`${r.regime}/trafficking`] = r.trafficking.status;
    out[`${r.regime}/victim`] = r.victim.status;
    out[`${r.regime}/child`] = r.child.status;
    if (r.scope) out[`${r.regime}/scope`] = r.scope.status;
    for (const o of r.offences) out[`${r.regime}/offence:${o.id}`] = o.status;
  }
  return out;
}

/** Freeze a value and everything in it. */
export function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

/** Runs for a property: PROP_RUNS overrides the default. */
export const propRuns = (fallback = 300) => {
  const n = Number(process.env.PROP_RUNS);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
