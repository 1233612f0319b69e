import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSync } from '../src/compare/compare.js';
import { ageOnDate } from '../src/facts/age.js';
import { MEANS } from '../src/facts/concepts.js';
import { isFactsError } from '../src/index.js';
import type { Comparison, CompareOptions } from '../src/types.js';
import { asOfArb, birthBefore, CONCEPT_FIELDS, caseFactsArb, completeFactsArb, conceptSetArb, dateArb, everyVersion, type Facts, partialOf, versionDates } from './support/arbitraries.js';

/**
 * Issue 6, part 2: legal invariants as properties, across every regime and every version (the
 * generated dates and asOf options fall inside each version of each regime: support/arbitraries).
 * PROP_RUNS overrides the number of cases per property (default small enough for the suite).
 */
const RUNS = Number(process.env.PROP_RUNS ?? 200);
const SEED = process.env.PROP_SEED ? Number(process.env.PROP_SEED) : undefined;
const params = (numRuns = RUNS) => ({ numRuns, ...(SEED !== undefined ? { seed: SEED } : {}) });

type Statuses = Record<string, Record<string, string | undefined>>;
/** Every verdict of every regime, offences included, as one flat record per regime. */
function statuses(c: Comparison): Statuses {
  const out: Statuses = {};
  for (const r of c.regimes) {
    const s: Record<string, string | undefined> = { version: r.version.id, trafficking: r.trafficking.status, victim: r.victim.status, child: r.child.status, scope: r.scope?.status };
    for (const o of r.offences) s[`offence ${o.id}`] = o.status;
    out[r.regime] = s;
  }
  return out;
}
const opts = (asOf: string | undefined, more: CompareOptions = {}): CompareOptions => ({ detail: 'verdicts', ...more, ...(asOf ? { asOf } : {}) });
const run = (f: unknown, asOf?: string, more?: CompareOptions) => compareSync(f, opts(asOf, more));

describe('the generators reach every version of every regime', () => {
  it('each version is the one in force for some generated date', () => {
    const seen = new Set<string>();
    for (const d of versionDates()) for (const r of run({}, d).regimes) seen.add(r.version.id);
    for (const v of everyVersion()) expect(seen.has(v.version), v.version).toBe(true);
  });
});

describe('consent (UU 21/2007 Pasal 26, Act 670 s.16, ACTIP Art 2(b), Palermo Art 3(b))', () => {
  it('once a means is present, the victim\'s consent (given, refused or unknown) changes no verdict', () => {
    // At least one means known to have been used: a closed array naming it, or an open set saying true.
    const withMeans = fc.tuple(caseFactsArb, fc.constantFrom(...MEANS), fc.boolean()).map(([f, m, closed]) => {
      const means = f.means;
      if (closed) f.means = Array.isArray(means) ? [...new Set([...means, m])] : [m];
      else f.means = { ...(Array.isArray(means) || !means ? {} : means), [m]: true };
      return f;
    });
    fc.assert(
      fc.property(withMeans, asOfArb, (f: Facts, asOf) => {
        const victim = { ...(f.victim ?? {}) };
        delete victim.consented;
        const base = statuses(run({ ...f, victim }, asOf));
        for (const consented of [true, false]) expect(statuses(run({ ...f, victim: { ...victim, consented } }, asOf)), `consented: ${consented}`).toEqual(base);
      }),
      params(),
    );
  });
});

describe('the child rule: for a child the means are not an element', () => {
  // ACTIP Art 2(c) and Palermo Art 3(c): recruitment etc. of a child for exploitation is trafficking
  // "even if this does not involve any of the means"; Act 670 s.2 as amended in 2022 (Act A1644),
  // the definition of "trafficking in persons" no longer needs the means for a child (s.12 read with s.2).
  const childArb = fc.tuple(caseFactsArb, dateArb, fc.oneof(fc.record({ age: fc.integer({ min: 0, max: 17 }) }), fc.record({ years: fc.integer({ min: 0, max: 17 }), days: fc.integer({ min: 1, max: 300 }) })), fc.boolean()).map(
    ([f, date, p, dated]) => {
      const victim: Facts = { ...(f.victim ?? {}) };
      delete victim.unborn;
      delete victim.age;
      delete victim.birthDate;
      // years + a few days short of the next birthday: always under 18 on the date.
      if ('age' in p) victim.age = p.age;
      else victim.birthDate = birthBefore(date, p.years, p.days);
      return { facts: { ...f, conductDate: date, victim }, asOf: dated ? date : undefined };
    },
  );
  it('means given, absent, unknown or partly known never change the ACTIP, Palermo or Act 670 (2022) trafficking verdict', () => {
    let act670Checked = 0;
    fc.assert(
      fc.property(childArb, conceptSetArb(MEANS), conceptSetArb(MEANS), ({ facts, asOf }, m1, m2) => {
        const a = run({ ...facts, means: m1 }, asOf);
        const b = run({ ...facts, means: m2 }, asOf);
        for (const r of a.regimes) {
          const other = b.regimes.find((x) => x.regime === r.regime);
          if (r.regime === 'actip' || r.regime === 'palermo' || r.version.id === 'act-670@2022-02-22') {
            if (r.regime === 'act-670') act670Checked += 1;
            expect(r.child.status, `${r.version.id}: the person is a child`).toBe(r.version.inForceFrom <= (asOf ?? facts.conductDate) ? 'qualifies' : 'not-in-force');
            expect(other?.trafficking.status, `${r.version.id}: means ${JSON.stringify(m1)} vs ${JSON.stringify(m2)}`).toBe(r.trafficking.status);
          }
        }
      }),
      params(),
    );
    expect(act670Checked).toBeGreaterThan(0);
  });
});

/**
 * Where the exploitation was intended, when the case does not state it, is a presumption of fact
 * named by the interpretations uu-21-2007-exploitation-place and act-670-exploitation-place. Under
 * their default reading (destination-presumed) the unstated place is taken to be the destination,
 * so learning the real exploitation country can flip a decided verdict (UU 21/2007 Pasal 2(1):
 * destination SG, so "no link to Indonesia", does-not-qualify; then the exploitation turns out to
 * have been in Indonesia, qualifies). That is the presumption at work, not an unknown made known by
 * accident: pairs whose partial view differs from the complete facts in just that way are left out
 * of the monotonicity properties below under the default reading only. Under stated-only an
 * unstated place stays unknown and every pair is checked.
 */
const exploitationPlaceGuessed = (partial: Facts, full: Facts) =>
  partial.movement?.exploitationCountry === undefined && partial.movement?.destination !== undefined && full.movement?.exploitationCountry !== full.movement?.destination;
/** The stated-only reading of both place presumptions. */
const STATED_ONLY: CompareOptions = { interpretations: { 'uu-21-2007-exploitation-place': 'stated-only', 'act-670-exploitation-place': 'stated-only' } };

/** The person's age on the date, when born by then (an unborn child has no age to weaken into a range). */
const ageOf = (full: Facts) => (full.victim.birthDate && !full.victim.unborn ? ageOnDate(full.victim.birthDate, full.conductDate) : undefined);

describe('Kleene monotonicity: learning a fact only resolves undetermined verdicts', () => {
  it('a verdict reached on partial facts is the verdict on any completion of them (dated by asOf)', () => {
    let decided = 0;
    fc.assert(
      fc.property(
        completeFactsArb.chain((full) => fc.tuple(fc.constant(full), partialOf(full, ageOf(full)))),
        fc.boolean(),
        ([full, partial], statedOnly) => {
          if (!statedOnly && exploitationPlaceGuessed(partial, full)) return;
          const more = statedOnly ? STATED_ONLY : {};
          const known = statuses(run(full, full.conductDate, more));
          const part = statuses(run(partial, full.conductDate, more));
          for (const [regime, s] of Object.entries(part)) {
            for (const [verdict, p] of Object.entries(s)) {
              if (p === 'qualifies' || p === 'does-not-qualify') {
                // The treaties' scope (transnationality) reads movement.crossesBorder, which takes an
                // unstated place of exploitation to be the destination under every reading: that
                // presumption has no named reading of its own yet (docs/limitations.md), so such
                // pairs are not a monotonicity failure.
                if (verdict === 'scope' && exploitationPlaceGuessed(partial, full)) continue;
                decided += 1;
                expect(known[regime]?.[verdict], `${regime} ${verdict} on ${JSON.stringify(partial)}`).toBe(p);
              }
            }
          }
          // The complete facts decide everything (no unknown left) wherever the law was in force.
          for (const s of Object.values(known)) for (const [verdict, v] of Object.entries(s)) if (verdict !== 'version' && v !== undefined) expect(v).not.toBe('undetermined');
        },
      ),
      params(),
    );
    expect(decided).toBeGreaterThan(0);
  });

  it('the same without a date: a verdict every version agrees on is the verdict at the real date (unless the law was not yet in force)', () => {
    fc.assert(
      fc.property(
        completeFactsArb.chain((full) => fc.tuple(fc.constant(full), partialOf(full, ageOf(full)))),
        fc.boolean(),
        ([full, partial], statedOnly) => {
          if (!statedOnly && exploitationPlaceGuessed(partial, full)) return;
          const more = statedOnly ? STATED_ONLY : {};
          const known = statuses(run(full, undefined, more));
          const part = statuses(run(partial, undefined, more));
          for (const [regime, s] of Object.entries(part)) {
            for (const [verdict, p] of Object.entries(s)) {
              // Without a date the offences shown are the latest version's (contract.md: the version
              // reported is the latest); only the four verdicts are what every version agrees on.
              if (!['trafficking', 'victim', 'child', 'scope'].includes(verdict)) continue;
              const q = known[regime]?.[verdict];
              // Learning that the conduct came before the instrument existed is not a change of mind on the facts.
              if (q === 'not-in-force' || q === undefined) continue;
              // The treaties' scope presumes an unstated place of exploitation under every reading (see above).
              if (verdict === 'scope' && exploitationPlaceGuessed(partial, full)) continue;
              if (p === 'qualifies' || p === 'does-not-qualify') expect(q, `${regime} ${verdict} on ${JSON.stringify(partial)}`).toBe(p);
            }
          }
        },
      ),
      params(),
    );
  });

  // Destination SG, exploited (as the complete facts say) in Indonesia. Pasal 2(1) ('untuk tujuan
  // mengeksploitasi orang tersebut di wilayah negara Republik Indonesia'): with no recruitment,
  // transit or destination in Indonesia, only the place of exploitation can link the case to
  // Indonesia, under either reading of uu-21-2007-pasal-2-territory.
  const partial = { conductDate: '2017-03-08', victim: { age: 30, nationality: 'SG' }, acts: ['transfer', 'harbouring'], means: ['deception'], purposes: ['physical-exploitation'], exploitationOccurred: [], movement: { origin: 'KH', destination: 'SG', transit: ['KH'], completed: true } };
  const full = { ...partial, movement: { ...partial.movement, exploitationCountry: 'ID' } };
  const uu = (f: unknown, more: CompareOptions = {}) => run(f, undefined, { regimes: ['uu-21-2007'], ...more }).regimes[0];
  const pasal21 = (f: unknown, more?: CompareOptions) => uu(f, more)?.offences.find((o) => o.id === 'pasal-2-1')?.status;
  it('(the case below: exploited in Indonesia, UU 21/2007 Pasal 2(1) applies under either reading of the place)', () => {
    expect(pasal21(full)).toBe('qualifies');
    expect(pasal21(full, STATED_ONLY)).toBe('qualifies');
  });
  it('stated-only: an unstated exploitation country is unknown, so Pasal 2(1) is undetermined, then decided when it is learnt', () => {
    const p = pasal21(partial, STATED_ONLY);
    expect(p).toBe('undetermined'); // where the exploitation happened is not known
    expect(p === 'undetermined' || p === pasal21(full, STATED_ONLY)).toBe(true);
    // Full detail: the verdict asks for the missing fact.
    const r = compareSync(partial, { regimes: ['uu-21-2007'], ...STATED_ONLY }).regimes[0];
    expect(r?.trafficking.status).toBe('undetermined');
    expect(r?.trafficking.missingFacts).toContain('movement.exploitationCountry');
  });
  it('default (destination-presumed): the unstated place is presumed to be the destination, and the answer names the presumption', () => {
    // Presumed to be Singapore: no link to Indonesia, so Pasal 2(1) fails; stating the real place
    // (Indonesia) reverses it. The answer says which reading decided, and what the alternative is.
    expect(pasal21(partial)).toBe('does-not-qualify');
    expect(pasal21(full)).toBe('qualifies');
    const used = compareSync(partial, { regimes: ['uu-21-2007'] }).regimes[0]?.interpretations.find((i) => i.id === 'uu-21-2007-exploitation-place');
    expect(used?.chosen).toBe('destination-presumed');
    expect(used?.alternatives).toEqual(['stated-only']);
  });
});

// ---------------------------------------------------------------------------------------------
// An undetermined verdict can go either way.

/** Ways to complete one missing CaseFacts path, consistent with what is already known. */
function candidates(path: string, f: Facts, date: string | undefined): Array<(g: Facts) => void> {
  const field = CONCEPT_FIELDS[path];
  if (field) {
    const holder = (g: Facts) => (path === 'victim.harm' ? (g.victim ??= {}) : g);
    const key = path === 'victim.harm' ? 'harm' : path;
    const current = holder(structuredClone(f))[key];
    const knownTrue = Array.isArray(current) ? current : Object.entries(current ?? {}).filter(([, v]) => v === true).map(([k]) => k);
    const unknown = Array.isArray(current) ? [] : field.filter((id) => !(current && id in current));
    // Close the set: the known trues, plus none, each one, or all of the unknown ones.
    const choices = [[], ...unknown.map((id) => [id]), unknown];
    return choices.map((extra) => (g: Facts) => {
      holder(g)[key] = [...new Set([...knownTrue, ...extra])];
    });
  }
  const bool = (k: string, sub: string) => [true, false].map((v) => (g: Facts) => {
    (g[sub] ??= {})[k] = v;
  });
  // Three countries, and every country the case already names (so that "the same country" - a
  // domestic journey - is among the completions).
  const named = [f.movement?.origin, f.movement?.destination, f.movement?.exploitationCountry, ...(f.movement?.transit ?? []), f.victim?.nationality].filter((c): c is string => typeof c === 'string');
  const country = (k: string, sub: string) => [...new Set(['ID', 'MY', 'TH', ...named])].map((v) => (g: Facts) => {
    (g[sub] ??= {})[k] = v;
  });
  switch (path) {
    case 'conductDate':
      return versionDates().map((d) => (g: Facts) => {
        g.conductDate = d;
      });
    case 'victim.birthDate':
    case 'victim.age': {
      const age = f.victim?.age;
      const [min, max] = typeof age === 'number' ? [age, age] : age ? [age.min, age.max] : [0, 40];
      // A stated age is "at conductDate" (contract.md), so birth dates that keep it are chosen from
      // the conduct date, spread over each year of the range (read on another asOf date, where the
      // birthday falls decides); with no age stated, ages on the date the law is read at.
      const stated = age !== undefined && f.conductDate !== undefined;
      // Oldest first and youngest last (then unborn): the corners of the search are an adult and a child.
      const ages = stated
        ? Array.from({ length: Math.min(max - min + 1, 12) }, (_, i) => max - i).concat(max - min + 1 > 12 ? [min] : [])
        : [...new Set([max, 30, 19, 18, 17, 15, 12, min].filter((a) => a >= min && a <= max))];
      const days = stated ? [1, 120, 240, 364] : [100];
      const out = ages.flatMap((a) =>
        days.map((d) => (g: Facts) => {
          g.victim ??= {};
          delete g.victim.age;
          delete g.victim.unborn;
          // Born `d` days before a birthday: away from it (100) so that the age holds on any date
          // the completion picks, or across the year when the age was stated at the conduct.
          const at = stated ? g.conductDate : (date ?? g.conductDate);
          if (at) g.victim.birthDate = birthBefore(at, a, d);
          else g.victim.age = a;
        }),
      );
      if (age === undefined && f.victim?.unborn === undefined)
        out.push((g: Facts) => {
          g.victim ??= {};
          delete g.victim.birthDate;
          g.victim.unborn = true;
        });
      return out;
    }
    case 'victim.unborn':
      return [true, false].map((v) => (g: Facts) => {
        (g.victim ??= {}).unborn = v;
      });
    case 'victim.selfProtectionImpaired':
    case 'victim.consented':
      return bool(path.split('.')[1] as string, 'victim');
    case 'victim.nationality':
      return country('nationality', 'victim');
    case 'movement.origin':
    case 'movement.destination':
    case 'movement.exploitationCountry':
      return country(path.split('.')[1] as string, 'movement');
    case 'movement.transit':
      return [[], ['MY'], ['TH'], ['ID']].map((t) => (g: Facts) => {
        (g.movement ??= {}).transit = t;
      });
    case 'movement.begun':
    case 'movement.completed':
    case 'movement.interRegional':
      return bool(path.split('.')[1] as string, 'movement');
    case 'offender.organisedCriminalGroup':
    case 'offender.publicOfficial':
    case 'offender.crossBorderLinks':
      return bool(path.split('.')[1] as string, 'offender');
    default:
      throw new Error(`missingFacts names "${path}", which is not a CaseFacts path`);
  }
}

/** A small deterministic generator (mulberry32), so that sampled completions are reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type Found = { qualifies?: Facts; 'does-not-qualify'?: Facts; tried: number; /** Trafficking offences that qualified in every qualifying completion. */ alwaysQualifying?: Set<string> };
/** Search completions of `missing` (exhaustive when small, else sampled) for both outcomes of one verdict. */
function searchCompletions(f: Facts, asOf: string | undefined, regime: string, pick: (c: Comparison) => string | undefined, missing: string[], budget: number): Found {
  // The date is completed first: birth dates are placed relative to it.
  const order = [...missing].sort((a, b) => (a === 'conductDate' ? -1 : b === 'conductDate' ? 1 : 0));
  const found: Found = { tried: 0 };
  const rnd = prng(JSON.stringify(f).length * 7919 + missing.length);
  const sizes = order.map((p) => candidates(p, f, asOf).length);
  const total = sizes.reduce((a, b) => a * b, 1);
  const exhaustive = total <= budget;
  // Sampled search: first every corner (each path at its first or its last candidate: sets closed
  // on what is known or with every unknown concept true, the oldest age or unborn, ...), where the
  // answers usually are, then random completions.
  const corners = exhaustive ? 0 : Math.min(2 ** order.length, budget / 2);
  const attempts = Math.min(total, budget);
  for (let n = 0; n < attempts && !(found.qualifies && found['does-not-qualify']); n++) {
    const g = structuredClone(f);
    let k = n;
    for (const [i, p] of order.entries()) {
      const list = candidates(p, g, asOf);
      const size = sizes[i] as number;
      const choice = exhaustive ? k % size : n < corners ? ((n >> i) & 1 ? list.length - 1 : 0) : rnd(list.length);
      k = Math.floor(k / size);
      list[Math.min(choice, list.length - 1)]?.(g);
    }
    let status: string | undefined;
    let c: Comparison;
    try {
      c = compareSync(g, opts(asOf, { regimes: [regime as never] }));
      status = pick(c);
    } catch (e) {
      if (isFactsError(e)) continue; // contradicts what is known: not a completion
      throw e;
    }
    found.tried += 1;
    if (status === 'qualifies') {
      const now = new Set(c.regimes[0]?.offences.filter((o) => o.status === 'qualifies').map((o) => o.id));
      found.alwaysQualifying = found.alwaysQualifying ? new Set([...found.alwaysQualifying].filter((id) => now.has(id))) : now;
    }
    if (status === 'qualifies' || status === 'does-not-qualify') found[status] ??= g;
  }
  return found;
}

/**
 * Known limitations: a missing fact that no value of the CaseFacts field can express. None left:
 * the one there was (UU 21/2007 Pasal 3 and 4 asked movement.completed, whose values both mean the
 * journey had begun, to say that it may not have) is now asked as movement.begun, whose false is
 * "recruited only" (issue 12).
 */
const KNOWN_LIMITATIONS: Array<(regime: string, missing: string[]) => boolean> = [];

/**
 * Known limitation of three-valued (Kleene) logic: it does not reason by cases. When every value of
 * an unknown fact makes some trafficking offence hold, but no one offence holds for all of them
 * (UU 21/2007: a person taken through Indonesia, origin unknown: from Indonesia it is Pasal 4,
 * from anywhere else Pasal 3), the "or" of the offences stays undetermined although every
 * completion qualifies. The verdict then names the fact that picks the offence. Recognised here
 * by the search: only qualifying completions, and no offence common to all of them.
 */
const byCases = (name: string, found: Found) =>
  (name === 'trafficking' || name === 'victim') && found.qualifies !== undefined && found['does-not-qualify'] === undefined && found.alwaysQualifying?.size === 0;

describe('an undetermined verdict can still go either way', () => {
  it('some completion of its missing facts qualifies and some does not (dated cases)', () => {
    const counterexamples: string[] = [];
    let checked = 0;
    fc.assert(
      fc.property(caseFactsArb, dateArb, (f: Facts, asOf) => {
        let c: Comparison;
        try {
          c = compareSync(f, { asOf });
        } catch (e) {
          if (isFactsError(e)) return; // a birth date after asOf with unborn: false etc.
          throw e;
        }
        for (const r of c.regimes) {
          const verdicts: Array<[string, (x: Comparison) => string | undefined, string[]]> = [];
          for (const v of ['trafficking', 'victim', 'child', 'scope'] as const) {
            const verdict = r[v];
            if (verdict?.status === 'undetermined') verdicts.push([v, (x) => x.regimes[0]?.[v]?.status, verdict.missingFacts]);
          }
          for (const o of r.offences) if (o.status === 'undetermined') verdicts.push([`offence ${o.id}`, (x) => x.regimes[0]?.offences.find((y) => y.id === o.id)?.status, o.missingFacts ?? []]);
          for (const [name, pick, missing] of verdicts) {
            expect(missing.length, `${r.version.id} ${name} is undetermined but names no missing fact`).toBeGreaterThan(0);
            if (KNOWN_LIMITATIONS.some((k) => k(r.regime, missing))) continue;
            const found = searchCompletions(f, asOf, r.regime, pick, missing, 400);
            checked += 1;
            if (!(found.qualifies && found['does-not-qualify']) && !byCases(name, found)) {
              counterexamples.push(`${r.version.id} ${name}: missing ${missing.join(', ')}; ${found.tried} completions gave only ${found.qualifies ? 'qualifies' : found['does-not-qualify'] ? 'does-not-qualify' : 'nothing decided'}; facts ${JSON.stringify(f)}`);
            }
          }
        }
      }),
      // A fixed seed unless PROP_SEED is given: the completion search samples when the space is large,
      // and a sample can miss the one completion that decides (a child adopted for exploitation
      // needs the act, the purpose and the birth year all at once). Run with other PROP_SEEDs to
      // look for new counterexamples; the suite itself must not flake.
      { numRuns: Math.ceil(RUNS / 2), seed: SEED ?? 20261128 },
    );
    expect(checked).toBeGreaterThan(0);
    expect(counterexamples.slice(0, 5)).toEqual([]);
  });
});

describe('closed and open sets', () => {
  it('a closed array and the open object naming every concept give the same verdicts and the same missing facts', () => {
    fc.assert(
      fc.property(caseFactsArb, asOfArb, (f: Facts, asOf) => {
        const open = structuredClone(f);
        for (const [path, ids] of Object.entries(CONCEPT_FIELDS)) {
          const holder = path === 'victim.harm' ? open.victim : open;
          const key = path === 'victim.harm' ? 'harm' : path;
          if (holder && Array.isArray(holder[key])) holder[key] = Object.fromEntries(ids.map((id) => [id, (holder[key] as string[]).includes(id)]));
        }
        const a = compareSync(f, asOf ? { asOf } : {});
        const b = compareSync(open, asOf ? { asOf } : {});
        expect(statuses(b)).toEqual(statuses(a));
        const missing = (c: Comparison) => c.regimes.map((r) => [r.trafficking.missingFacts, r.victim.missingFacts, r.child.missingFacts, r.scope?.missingFacts]);
        expect(missing(b)).toEqual(missing(a));
      }),
      params(Math.ceil(RUNS / 2)),
    );
  });
});

describe('determinism and purity', () => {
  const deepFreeze = <T>(o: T): T => {
    if (o && typeof o === 'object' && !Object.isFrozen(o)) {
      Object.freeze(o);
      for (const v of Object.values(o)) deepFreeze(v);
    }
    return o;
  };
  it('the same input gives the same full answer, and a deep-frozen input is neither changed nor a problem', () => {
    fc.assert(
      fc.property(caseFactsArb, asOfArb, (f: Facts, asOf) => {
        const copy = structuredClone(f);
        const frozen = deepFreeze(structuredClone(f));
        const options = deepFreeze(asOf ? { asOf } : {});
        const a = JSON.stringify(compareSync(frozen, options));
        const b = JSON.stringify(compareSync(frozen, options));
        const c = JSON.stringify(compareSync(copy, { ...options }));
        expect(b).toBe(a);
        expect(c).toBe(a);
        expect(frozen).toEqual(copy);
      }),
      params(Math.ceil(RUNS / 4)),
    );
  });

  it('overwriting the texts of an answer does not change the next answer', () => {
    const scribble = (o: unknown, seen = new Set<unknown>()): void => {
      if (!o || typeof o !== 'object' || seen.has(o)) return;
      seen.add(o);
      for (const k of Object.keys(o)) {
        const v = (o as Record<string, unknown>)[k];
        try {
          if (typeof v === 'string') (o as Record<string, unknown>)[k] = 'SCRIBBLED';
        } catch {
          /* frozen: cannot be scribbled on, which is also fine */
        }
        scribble(v, seen);
      }
    };
    fc.assert(
      fc.property(caseFactsArb, asOfArb, (f: Facts, asOf) => {
        const first = JSON.stringify(compareSync(f, asOf ? { asOf } : {}));
        scribble(compareSync(f, asOf ? { asOf } : {}));
        expect(JSON.stringify(compareSync(f, asOf ? { asOf } : {}))).toBe(first);
      }),
      params(Math.ceil(RUNS / 10)),
    );
  });

  // KNOWN BUG (reported in the issue 6 hand-back): a leaf of an explanation tree hands out the rule
  // condition's own value array as `expected` (src/evaluate/trace.ts), so a caller who edits an
  // answer edits the law for every later case in the process. Here emptying the arrays of one
  // answer turns UU 21/2007 Pasal 3 ("journey made or begun": movement.completed in [true, false])
  // from qualifies into does-not-qualify for an unrelated case. Remove `.fails` once fixed (freeze
  // the rule book when it is loaded, or copy `expected`).
  const later = { conductDate: '2023-06-01', victim: { age: 30, nationality: 'MY' }, acts: ['recruitment', 'transportation'], means: ['deception'], purposes: ['forced-labour'], exploitationOccurred: [], movement: { origin: 'MY', destination: 'ID', transit: [], completed: false } };
  const pasal3 = () => compareSync(later, { regimes: ['uu-21-2007'] }).regimes[0]?.offences.find((o) => o.id === 'pasal-3')?.status;
  it('(the case the known bug below uses: brought towards Indonesia to be exploited, journey begun, is UU 21/2007 Pasal 3)', () => {
    expect(pasal3()).toBe('qualifies');
  });
  it('editing one answer never changes the verdicts of later cases (fixed: answers carry copies)', () => {
    const before = pasal3();
    const empty = (o: unknown): void => {
      if (!o || typeof o !== 'object') return;
      const x = o as Record<string, unknown>;
      try {
        if (Array.isArray(x.expected)) x.expected.length = 0;
      } catch {
        /* frozen: fine */
      }
      for (const v of Object.values(x)) empty(v);
    };
    empty(compareSync({ conductDate: '2023-06-01', victim: { birthDate: '2020-06-15' }, purposes: ['prostitution'], movement: { origin: 'SG', destination: 'ID', completed: false } }));
    expect(before).toBe('qualifies');
    expect(pasal3()).toBe(before);
  });
});
