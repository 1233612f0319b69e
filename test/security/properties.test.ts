import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, isFactsError } from '../../src/index.js';
import type { Comparison } from '../../src/index.js';
import { bundledRuleBook } from '../../src/law/bundled.js';
import { versionOn } from '../../src/law/load.js';
import { ACTS, CONSEQUENCES, EXPLOITATION, HARM, MEANS } from '../../src/facts/concepts.js';
import {
  AS_OF_DATES,
  asOfDateArb,
  birthBefore,
  caseFactsArb,
  completeAndPartialAt,
  completeFactsArb,
  deepFreeze,
  type Facts,
  leaves,
  openAll,
  propRuns,
  readingsArb,
  statusesOf,
} from '../support/arbitraries.js';

/**
 * Issue 6, part 2: legal invariants as properties, across every regime and every version (one
 * asOf date in each version era: AS_OF_DATES) and every combination of contested readings.
 * PROP_RUNS overrides the number of runs (default 300 each).
 */

const RUNS = propRuns(300);
/** Long counts (PROP_RUNS=2000) need more than the default 60 s on a loaded machine. */
const LONG = Math.max(60_000, RUNS * 250);
const params = (seedOffset: number) => ({ numRuns: RUNS, ...(process.env.PROP_SEED ? { seed: Number(process.env.PROP_SEED) + seedOffset } : {}) });

type Opts = { asOf?: string; interpretations?: Record<string, string>; detail?: 'full' | 'verdicts'; regimes?: string[] };

async function statuses(f: unknown, o: Opts): Promise<Record<string, string>> {
  return statusesOf(await compare(f, { detail: 'verdicts', ...o } as never));
}

const optsArb = fc.record({ asOf: asOfDateArb, interpretations: readingsArb });

describe('consent never changes any verdict (UU 21/2007 Pasal 26, Act 670 s.16, ACTIP Art. 2(b), Palermo Art. 3(b))', () => {
  // Pasal 26: "Persetujuan korban perdagangan orang tidak menghilangkan penuntutan tindak pidana
  // perdagangan orang." Act 670 s.16: consent is not a defence / irrelevant. ACTIP Art. 2(b),
  // Palermo Art. 3(b): consent is irrelevant where any of the means has been used; without a means
  // an adult is not trafficked whatever they agreed to, so consent decides nothing in any case.
  it('consented true, false or unknown gives the same statuses everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(caseFactsArb, optsArb, fc.boolean(), async (f, o, dated) => {
        const base = structuredClone(f);
        const opts = dated ? o : { interpretations: o.interpretations };
        const with_ = (c: boolean | undefined) => {
          const g = structuredClone(base);
          g.victim = { ...(g.victim ?? {}) };
          if (c === undefined) delete g.victim.consented;
          else g.victim.consented = c;
          return g;
        };
        const unknown = await statuses(with_(undefined), opts);
        expect(await statuses(with_(true), opts)).toEqual(unknown);
        expect(await statuses(with_(false), opts)).toEqual(unknown);
      }),
      params(1),
    );
  }, LONG);
});

describe('for a child, means never change the trafficking verdict of ACTIP, Palermo and Act 670 from 22 Feb 2022', () => {
  // Palermo Art. 3(c) and ACTIP Art. 2(c): the recruitment ... of a child for exploitation is
  // trafficking "even if this does not involve any of the means". Act 670 as amended by A1644
  // (in force 22 February 2022), s.14(2): means are immaterial where the trafficked person is a child.
  const meansArb = fc.oneof(
    fc.constant(undefined),
    fc.constant([] as string[]),
    fc.subarray([...MEANS], { minLength: 1, maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...MEANS), fc.boolean(), { maxKeys: 6 }),
    fc.constant([...MEANS]),
  );
  it('varying means (absent, none, some, open, all) leaves the verdict as it is', async () => {
    await fc.assert(
      fc.asyncProperty(caseFactsArb, optsArb, fc.integer({ min: 0, max: 17 }), fc.array(meansArb, { minLength: 2, maxLength: 4 }), async (f, o, age, variants) => {
        const base = structuredClone(f);
        base.conductDate = o.asOf;
        base.victim = { ...(base.victim ?? {}), age };
        delete base.victim.birthDate;
        delete base.victim.unborn;
        const regimes = ['actip', 'palermo', ...(o.asOf >= '2022-02-22' ? ['act-670'] : [])];
        const verdictsFor = async (means: unknown) => {
          const g = structuredClone(base);
          if (means === undefined) delete g.means;
          else g.means = means;
          const c = await compare(g, { ...o, regimes, detail: 'verdicts' } as never);
          return Object.fromEntries(c.regimes.map((r) => [r.regime, r.trafficking.status]));
        };
        const first = await verdictsFor(variants[0]);
        for (const m of variants.slice(1)) expect(await verdictsFor(m), `means ${JSON.stringify(m)} vs ${JSON.stringify(variants[0])}`).toEqual(first);
      }),
      params(2),
    );
  }, LONG);
});

/** The leaves of `complete` that `partial` lacks, for failure messages. */
function forgotten(complete: Facts, partial: Facts): string {
  return leaves(complete)
    .filter((p) => get(partial, p.join('.')) === undefined)
    .map((p) => p.join('.'))
    .join(', ');
}

/**
 * Declared exclusion, under the default reading only: where the case does not state the place of
 * exploitation, the interpretations uu-21-2007-exploitation-place and act-670-exploitation-place
 * presume it to be movement.destination (reading destination-presumed), so forgetting
 * exploitationCountry while keeping a different destination is not a truthful partial view under
 * that presumption. Such runs are skipped unless both regimes read the place as stated-only, where
 * an unstated place stays unknown and monotonicity must hold.
 */
function guessedPlace(complete: Facts, partial: Facts): boolean {
  const ec = complete.movement?.exploitationCountry;
  return partial.movement?.exploitationCountry === undefined && partial.movement?.destination !== undefined && ec !== undefined && ec !== partial.movement.destination;
}
const PLACE_INTERPRETATIONS = ['uu-21-2007-exploitation-place', 'act-670-exploitation-place'];
const presumesPlace = (interpretations: Record<string, string>) => PLACE_INTERPRETATIONS.some((id) => interpretations[id] !== 'stated-only');
/**
 * The treaties' scope reads movement.crossesBorder, which makes the same presumption with no reading
 * to switch it off (docs/limitations.md): one country throughout and no exploitation country
 * stated is domestic. Forgetting a different exploitation country is then not a truthful partial view.
 */
const treatyScopePresumes = (key: string, complete: Facts, partial: Facts) => /^(actip|palermo)\/scope$/.test(key) && guessedPlace(complete, partial);
const STATED_ONLY = Object.fromEntries(PLACE_INTERPRETATIONS.map((id) => [id, 'stated-only']));

describe('Kleene monotonicity: knowing more never flips a decided verdict', () => {
  // Absent = unknown (contract.md). If a verdict is decided on partial facts, it is decided by the
  // facts given; adding facts the partial view lacked (never changing one it gave) cannot change it.
  it('dated: the conduct date is an asOf date in each version era, and asOf is that date', async () => {
    await fc.assert(
      fc.asyncProperty(completeAndPartialAt(asOfDateArb), readingsArb, async ({ complete, partial }, interpretations) => {
        fc.pre(!(presumesPlace(interpretations) && guessedPlace(complete, partial)));
        const opts = { asOf: complete.conductDate as string, interpretations };
        const p = await statuses(partial, opts);
        const c = await statuses(complete, opts);
        for (const [key, status] of Object.entries(p)) {
          if (treatyScopePresumes(key, complete, partial)) continue;
          if (status === 'qualifies' || status === 'does-not-qualify') expect(c[key], `${key}: partial ${status}; forgotten: ${forgotten(complete, partial)}`).toBe(status);
        }
      }),
      params(3),
    );
  }, LONG);

  it('undated: the conduct date is one of the facts that may be forgotten', async () => {
    await fc.assert(
      fc.asyncProperty(completeAndPartialAt(asOfDateArb), readingsArb, async ({ complete, partial }, interpretations) => {
        fc.pre(!(presumesPlace(interpretations) && guessedPlace(complete, partial)));
        const opts = { interpretations };
        const p = await statuses(partial, opts);
        const c = await statuses(complete, opts);
        for (const [key, status] of Object.entries(p)) {
          if (treatyScopePresumes(key, complete, partial)) continue;
          if (status !== 'qualifies' && status !== 'does-not-qualify') continue;
          // Declared exception (reported to the lead, not hidden): an undated verdict is taken over
          // the regime's versions only, so a conduct date before the regime began turns it into
          // 'not-in-force'. Every other completion must keep the verdict.
          if (c[key] === 'not-in-force' && partial.conductDate === undefined) continue;
          // Offences: an undated answer lists the LATEST version's offences judged undated (they are
          // not reconciled across versions, src/compare/evaluateRegime.ts; reported), so only the
          // verdicts (trafficking, victim, child, scope) are compared here. The dated property above
          // covers every offence.
          if (key.includes('/offence:')) continue;
          expect(c[key], `${key}: partial ${status}; forgotten: ${forgotten(complete, partial)}`).toBe(status);
        }
      }),
      params(4),
    );
  }, LONG);

  // Counterexample once found by both properties: recruited and taken within Malaysia, the
  // exploitation place unknown. UU 21/2007 Pasal 2(1) turns on where the exploitation is ('untuk
  // tujuan mengeksploitasi orang tersebut di wilayah negara Republik Indonesia'): nothing else links
  // the case to Indonesia. Under stated-only the unknown place stays unknown; under the default the
  // place is presumed to be the destination (MY), which the answer names.
  const placeCase = {
    conductDate: '2024-01-01',
    victim: { age: 30, nationality: 'MY', selfProtectionImpaired: false, consented: false, harm: [] },
    acts: ['recruitment'],
    means: ['deception'],
    purposes: ['forced-labour'],
    exploitationOccurred: [],
    consequences: [],
    offender: { organisedCriminalGroup: false, publicOfficial: false, crossBorderLinks: false },
    movement: { origin: 'MY', destination: 'MY', transit: [], completed: true, interRegional: false },
  };
  const placeComplete = { ...placeCase, movement: { ...placeCase.movement, exploitationCountry: 'ID' } };
  it('stated-only: an unknown exploitationCountry is not taken to be the destination (monotone)', async () => {
    const opts = { regimes: ['uu-21-2007'], interpretations: STATED_ONLY };
    const p = (await statuses(placeCase, opts))['uu-21-2007/trafficking'];
    const c = (await statuses(placeComplete, opts))['uu-21-2007/trafficking'];
    expect(c).toBe('qualifies'); // exploitation intended in Indonesia, by deception: Pasal 2(1)
    expect(p).toBe('undetermined');
    expect(p === 'undetermined' || p === c, `partial ${p}, complete ${c}`).toBe(true);
  });
  it('default (destination-presumed): the unknown exploitationCountry is presumed to be the destination, and the answer says so', async () => {
    const c = await compare(placeCase, { regimes: ['uu-21-2007'] });
    const r = c.regimes[0];
    expect(r?.trafficking.status).toBe('does-not-qualify'); // presumed exploited in Malaysia: no link to Indonesia
    expect((await statuses(placeComplete, { regimes: ['uu-21-2007'] }))['uu-21-2007/trafficking']).toBe('qualifies');
    const used = r?.interpretations.find((i) => i.id === 'uu-21-2007-exploitation-place');
    expect(used?.chosen).toBe('destination-presumed');
    expect(used?.alternatives).toEqual(['stated-only']);
    // The alternative reading would not have decided the verdict: the answer records the effect.
    expect(used?.effects).toContainEqual({ reading: 'stated-only', verdict: 'trafficking', status: 'does-not-qualify', instead: 'undetermined' });
  });

  // Counterexample once found by the completion search: an age range is stated at the conduct date
  // (contract.md) and was read unchanged at an earlier asOf date. 15 to 23 on 2022-02-21 is at most
  // 16 on 2015-01-01, a child under Palermo Art. 3(d) whatever the birth date; the answer was
  // 'undetermined'. normaliseFacts now moves a stated age to the date it is read on.
  it('an age stated at conductDate is moved to an earlier asOf (once a known bug)', async () => {
    const facts = { conductDate: '2022-02-21', victim: { age: { min: 15, max: 23 } } };
    expect((await statuses(facts, { asOf: '2015-01-01', regimes: ['palermo'] }))['palermo/child']).toBe('qualifies');
  });

  // Counterexample once found by the dated property when asOf differs from conductDate:
  // `victim.unborn` means "not yet born at conductDate" (contract.md), but it was read at the asOf
  // date (now a birth date decides, and a stated `unborn` only says what follows on another date). With asOf before the birth date, the partial facts (no `unborn`) make the person unborn
  // on asOf, so not a child under Palermo Art. 3(d); stating the true `unborn: false` (born by the
  // conduct date) leaves the age on asOf unknown and the verdict turns 'undetermined'.
  it('stating unborn:false (true at conductDate) does not un-decide the child verdict when asOf is before the birth (once a known bug)', async () => {
    const partial = { conductDate: '2017-03-08', victim: { birthDate: '2015-03-07' } };
    const complete = { conductDate: '2017-03-08', victim: { birthDate: '2015-03-07', unborn: false } };
    const opts = { asOf: '2005-01-01', regimes: ['palermo'] };
    const p = await statuses(partial, opts);
    expect(p['palermo/child']).toBe('does-not-qualify');
    expect((await statuses(complete, opts))['palermo/child']).toBe(p['palermo/child']);
  });
});

describe('a closed array and the equivalent open object naming every concept give the same verdicts', () => {
  it('closed vs open', async () => {
    await fc.assert(
      fc.asyncProperty(completeFactsArb, optsArb, fc.boolean(), async (f, o, dated) => {
        const opts = dated ? o : { interpretations: o.interpretations };
        expect(await statuses(openAll(f), opts)).toEqual(await statuses(f, opts));
      }),
      params(5),
    );
  }, LONG);
});

describe('compare is deterministic and does not mutate its input', () => {
  it('deep-frozen input: the same full answer twice, equal to the answer for an unfrozen copy', async () => {
    await fc.assert(
      fc.asyncProperty(caseFactsArb, fc.option(optsArb, { nil: undefined }), async (f, o) => {
        const copy = structuredClone(f);
        const before = JSON.stringify(f);
        const frozen = deepFreeze(f);
        const frozenOpts = o ? deepFreeze(structuredClone(o)) : undefined;
        // A write to frozen input would throw in strict mode (and surface here as a FactsError).
        const a = await compare(frozen, frozenOpts as never);
        const b = await compare(frozen, frozenOpts as never);
        // The unfrozen copy (screening detail, to keep the suite fast) gives the same statuses.
        const c = await compare(copy, { ...(o ?? {}), detail: 'verdicts' } as never);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(statusesOf(c)).toEqual(statusesOf(a));
        expect(JSON.stringify(frozen)).toBe(before);
      }),
      params(6),
    );
  }, LONG);
});

// -------------------------------------------------------------------------------------------------
// An undetermined verdict has a completion of its missing facts that qualifies and one that does not.

const VOCAB: Record<string, readonly string[]> = { acts: ACTS, means: MEANS, purposes: EXPLOITATION, exploitationOccurred: EXPLOITATION, consequences: CONSEQUENCES, 'victim.harm': HARM };
const MAPPING_OF: Record<string, 'act' | 'means' | 'exploitation'> = { acts: 'act', means: 'means', purposes: 'exploitation', exploitationOccurred: 'exploitation' };
const BOOLEANS = new Set(['victim.unborn', 'victim.selfProtectionImpaired', 'victim.consented', 'movement.begun', 'movement.completed', 'movement.interRegional', 'offender.organisedCriminalGroup', 'offender.publicOfficial', 'offender.crossBorderLinks']);
const COUNTRIES = new Set(['victim.nationality', 'movement.origin', 'movement.destination', 'movement.exploitationCountry']);

function get(f: Facts, path: string): unknown {
  return path.split('.').reduce<unknown>((acc, k) => (acc && typeof acc === 'object' ? (acc as Facts)[k] : undefined), f);
}
function put(f: Facts, path: string, value: unknown): Facts {
  const out = structuredClone(f);
  const keys = path.split('.');
  let cur = out;
  for (const k of keys.slice(0, -1)) cur = cur[k] ??= {};
  cur[keys[keys.length - 1] as string] = value;
  return out;
}

/** Candidate values for one missing fact path, consistent with what the facts already say. */
function candidates(f: Facts, path: string, regime: string, date: string | undefined): unknown[] | undefined {
  if (VOCAB[path]) {
    const ids = VOCAB[path] as readonly string[];
    const reg = bundledRuleBook().regimes.find((r) => r.id === regime);
    const version = reg && date ? versionOn(reg, date) : undefined;
    const vocab = MAPPING_OF[path];
    const mapped = version && vocab ? ids.filter((id) => (version.data.concepts[vocab] as Record<string, { relation: string }>)[id]?.relation !== 'none') : ids;
    const current = get(f, path);
    if (current && typeof current === 'object' && !Array.isArray(current)) {
      // An open object: keep what it says, decide the rest (all false, or one more true).
      const given = current as Record<string, boolean>;
      const unknown = ids.filter((id) => given[id] === undefined);
      const allFalse = { ...given, ...Object.fromEntries(unknown.map((id) => [id, false])) };
      return [allFalse, ...unknown.filter((id) => mapped.includes(id)).map((id) => ({ ...allFalse, [id]: true }))];
    }
    return [[], ...mapped.map((id) => [id])];
  }
  if (BOOLEANS.has(path)) return [true, false];
  if (COUNTRIES.has(path)) return ['ID', 'MY', 'TH'];
  if (path === 'movement.transit') return [[], ['TH'], ['MY'], ['ID']];
  if (path === 'conductDate') {
    // Each version era, and (when a birth date is given) the day before the birth and the days the
    // person turns 10 and 30, so that every age band can be reached.
    const b = f.victim?.birthDate as string | undefined;
    const extra = b ? [addYears(b, 0, -1), addYears(b, 10), addYears(b, 30)].filter((d) => d >= '1850-01-01' && d <= '2200-12-31') : [];
    return [...AS_OF_DATES, ...extra];
  }
  if (path === 'victim.age') return [10, 30];
  if (path === 'victim.birthDate') {
    // Ages are stated at the conduct date (contract.md), so birth dates are counted back from it.
    const at = (f.conductDate as string | undefined) ?? date ?? '2024-01-01';
    const age = f.victim?.age;
    const ages = new Set([10, 30, 17, 18]);
    if (age && typeof age === 'object') for (const a of [age.min, age.max]) ages.add(a);
    if (typeof age === 'number') ages.add(age);
    return [...ages].filter((a) => a >= 0).map((a) => birthBefore(at, a, 0));
  }
  return undefined;
}

function addYears(date: string, years: number, days = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y + years, m - 1, m === 2 && d === 29 ? 28 : d) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A small deterministic generator for sampling combinations. */
function lcg(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const VERDICTS = ['trafficking', 'victim', 'child', 'scope'] as const;
const UNDETERMINED_CASES = Number(process.env.UNDETERMINED_CASES) || 25;
const BUDGET = Number(process.env.COMPLETION_BUDGET) || 300;

describe('an undetermined verdict has a completion of its missing facts that qualifies and one that does not', () => {
  it(`on ${UNDETERMINED_CASES} generated cases, trying up to ${BUDGET} completions per verdict`, async () => {
    const sample = fc.sample(fc.tuple(caseFactsArb, optsArb, fc.boolean()), { numRuns: UNDETERMINED_CASES, seed: Number(process.env.PROP_SEED) || 616 });
    const counterexamples: string[] = [];
    let undetermined = 0;
    let tried = 0;
    for (const [index, [f, o, dated]] of sample.entries()) {
      const opts: Opts = dated ? o : { interpretations: o.interpretations };
      // Dated cases are judged on their own conduct date: facts stated "at conductDate" read at a
      // different asOf date is a known, separately pinned problem (below), not what is sampled here.
      if (dated) f.conductDate = o.asOf;
      const full: Comparison = await compare(f, opts as never);
      for (const r of full.regimes) {
        for (const verdict of VERDICTS) {
          const v = r[verdict];
          if (!v || v.status !== 'undetermined') continue;
          undetermined++;
          const paths = v.missingFacts;
          const date = opts.asOf ?? (f.conductDate as string | undefined);
          const lists = paths.map((p) => candidates(f, p, r.regime, date));
          const noCandidates = paths.filter((_, i) => lists[i] === undefined);
          if (noCandidates.length || paths.length === 0) {
            counterexamples.push(`case ${index} ${r.regime}.${verdict}: ${paths.length ? `no candidate values for ${noCandidates.join(', ')}` : 'undetermined with no missing facts'} facts=${JSON.stringify(f)} opts=${JSON.stringify(opts)}`);
            continue;
          }
          const found = new Set<string>();
          const rand = lcg(index * 31 + VERDICTS.indexOf(verdict));
          const product = lists.reduce((n, l) => n * (l as unknown[]).length, 1);
          const pick = (k: number) => {
            // Exhaustive when small, else random picks (the first two are all-first and all-last).
            if (product <= BUDGET) {
              let rest = k;
              return lists.map((l) => {
                const list = l as unknown[];
                const i = rest % list.length;
                rest = Math.floor(rest / list.length);
                return list[i];
              });
            }
            return lists.map((l) => {
              const list = l as unknown[];
              return k === 0 ? list[0] : k === 1 ? list[list.length - 1] : list[Math.floor(rand() * list.length)];
            });
          };
          for (let k = 0; k < Math.min(product, BUDGET) && found.size < 2; k++) {
            const values = pick(k);
            const g = paths.reduce<Facts>((acc, p, i) => put(acc, p, values[i]), f);
            tried++;
            try {
              const c = await compare(g, { ...opts, regimes: [r.regime], detail: 'verdicts' } as never);
              const s = (c.regimes[0] as Comparison['regimes'][number])[verdict]?.status;
              if (s === 'qualifies' || s === 'does-not-qualify') found.add(s);
            } catch (e) {
              if (!isFactsError(e)) throw e; // an inconsistent completion (e.g. age vs birth date) is skipped
            }
          }
          if (found.size < 2) {
            counterexamples.push(
              `case ${index} ${r.regime}.${verdict}: only ${[...found].join('/') || 'nothing decided'} among ${Math.min(product, BUDGET)} completions of ${paths.join(', ')}; facts=${JSON.stringify(f)} opts=${JSON.stringify(opts)}`,
            );
          }
        }
      }
    }
    if (counterexamples.length) console.log(`undetermined completions: ${counterexamples.length} of ${undetermined}\n${counterexamples.join('\n')}`);
    expect(undetermined).toBeGreaterThan(UNDETERMINED_CASES); // not vacuous
    expect(tried).toBeGreaterThan(0);
    expect(counterexamples).toEqual([]);
  });
});
