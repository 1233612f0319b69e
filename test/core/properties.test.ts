import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSync } from '../../src/compare/compare.js';
import { ACTS, CONSEQUENCES, EXPLOITATION, HARM, MEANS } from '../../src/facts/concepts.js';
import type { Comparison } from '../../src/types.js';
import { caseFactsArb } from '../support/arbitraryFacts.js';
import { addDays, versionDates } from '../support/arbitraries.js';

// Legal invariants across every regime and version (dates span every version: see arbitraryFacts).
const RUNS = Number(process.env.PROP_RUNS ?? 300);
type Facts = Record<string, any>;
const statuses = (c: Comparison) => Object.fromEntries(c.regimes.map((r) => [r.regime, { t: r.trafficking.status, v: r.victim.status, c: r.child.status, s: r.scope?.status }]));
const run = (f: unknown) => compareSync(f, { detail: 'verdicts' });

const VOCAB: Record<string, readonly string[]> = { acts: ACTS, means: MEANS, purposes: EXPLOITATION, exploitationOccurred: EXPLOITATION, consequences: CONSEQUENCES };

describe('legal invariants', () => {
  it('consent never changes any verdict (UU 21/2007 Ps 26, Act 670 s.16, Palermo 3(b), ACTIP 2(b))', () => {
    fc.assert(
      fc.property(caseFactsArb, fc.boolean(), (f: Facts, consented) => {
        const without = structuredClone(f);
        if (without.victim) delete without.victim.consented;
        const withIt = { ...structuredClone(without), victim: { ...(without.victim ?? {}), consented } };
        if (withIt.victim.unborn) return; // an unborn child cannot consent; skip the odd combination
        expect(statuses(run(withIt))).toEqual(statuses(run(without)));
      }),
      { numRuns: RUNS },
    );
  });

  it('for a child, the means never change the ACTIP, Palermo or Act 670 (2022) trafficking verdict', () => {
    const child = caseFactsArb.map((f: Facts) => ({ ...f, conductDate: '2023-06-01', victim: { ...(f.victim ?? {}), age: 15, unborn: undefined, birthDate: undefined } }));
    fc.assert(
      fc.property(child, fc.subarray([...MEANS]), (f: Facts, means) => {
        const v = { ...f.victim };
        delete v.unborn;
        delete v.birthDate;
        const a = run({ ...f, victim: v, means: [] });
        const b = run({ ...f, victim: v, means });
        for (const id of ['actip', 'palermo', 'act-670']) {
          expect(b.regimes.find((r) => r.regime === id)?.trafficking.status, id).toBe(a.regimes.find((r) => r.regime === id)?.trafficking.status);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('Kleene monotonicity: learning a fact only resolves undetermined verdicts, never flips a decided one', () => {
    // A complete-ish case and a partial view of it (fields dropped, closed sets opened partially).
    const partialOf = (f: Facts) =>
      fc.record({ drop: fc.subarray(Object.keys(f)), open: fc.subarray(Object.keys(VOCAB).filter((k) => Array.isArray(f[k]))), victimDrop: fc.subarray(Object.keys(f.victim ?? {})) }).map(({ drop, open, victimDrop }) => {
        const p: Facts = structuredClone(f);
        for (const k of drop) delete p[k];
        for (const k of open) {
          if (!(k in p)) continue;
          const given = p[k] as string[];
          // An open object that keeps some of what the closed array said, and says nothing of the rest.
          p[k] = Object.fromEntries((VOCAB[k] as string[]).filter((_, i) => i % 2 === 0).map((id) => [id, given.includes(id)]));
        }
        if (p.victim) for (const k of victimDrop) delete p.victim[k];
        return p;
      });
    fc.assert(
      fc.property(caseFactsArb.chain((f: Facts) => fc.tuple(fc.constant(f), partialOf(f))), ([full, partial]) => {
        const known = statuses(run(full));
        const part = statuses(run(partial));
        for (const [regime, s] of Object.entries(part)) {
          for (const k of ['t', 'v', 'c', 's'] as const) {
            const p = s[k];
            const q = known[regime]?.[k];
            // 'not-in-force' is about the date, not the facts: without a date the library judges by
            // the versions only (contract.md, CompareOptions.asOf), so learning a date before the
            // instrument existed is not a change of verdict on the facts.
            if (q === 'not-in-force') continue;
            if (p === 'qualifies' || p === 'does-not-qualify') expect(q, `${regime}.${k}`).toBe(p);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a closed array and the open object naming every concept give the same verdicts', () => {
    fc.assert(
      fc.property(caseFactsArb, (f: Facts) => {
        const open = structuredClone(f);
        for (const [k, ids] of Object.entries(VOCAB)) if (Array.isArray(open[k])) open[k] = Object.fromEntries(ids.map((id) => [id, (f[k] as string[]).includes(id)]));
        if (Array.isArray(open.victim?.harm)) open.victim.harm = Object.fromEntries(HARM.map((id) => [id, (f.victim.harm as string[]).includes(id)]));
        expect(statuses(run(open))).toEqual(statuses(run(f)));
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic and never mutates its (frozen) input', () => {
    const freeze = (o: unknown): unknown => {
      if (o && typeof o === 'object') {
        for (const v of Object.values(o)) freeze(v);
        Object.freeze(o);
      }
      return o;
    };
    fc.assert(
      fc.property(caseFactsArb, (f: Facts) => {
        const copy = structuredClone(f);
        const frozen = freeze(structuredClone(f));
        const a = compareSync(frozen);
        const b = compareSync(frozen);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        expect(frozen).toEqual(copy);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('an undetermined verdict can still go either way: some completion of its missing facts qualifies and some does not', () => {
    // Cases with a single missing fact path; every candidate value of that path is tried.
    const candidates = (path: string, f: Facts): unknown[] => {
      if (VOCAB[path]) return [[], ...(VOCAB[path] as string[]).map((id) => [id])];
      if (path === 'victim.harm') return [[], ['physical']];
      if (path === 'victim.birthDate') {
        // Born 10 and 30 years before the conduct (or before mid-2024 when no date is known).
        const y = Number(String(f.conductDate ?? '2024-06-01').slice(0, 4));
        return [10, 12, 17, 19, 30].map((a) => `${y - a}-01-01`);
      }
      if (path === 'victim.age') return [10, 30];
      if (path === 'conductDate') {
        // Mid-year dates, each version's first and last days (support/arbitraries), and, when a
        // birth date is known, the days around it: a version in force for a few months of a
        // child's first year decides on dates no mid-year date reaches.
        const today = new Date().toISOString().slice(0, 10);
        const b = f.victim?.birthDate as string | undefined;
        const around = b ? [b, addDays(b, 1), addDays(b, 120)] : [];
        return [...new Set([...Array.from({ length: 24 }, (_, i) => `${2004 + i}-06-01`), ...versionDates(), ...around])].filter((d) => d <= today);
      }
      if (/^movement\.(origin|destination|exploitationCountry)$/.test(path) || path === 'victim.nationality') return ['ID', 'MY', 'TH'];
      if (path === 'movement.transit') return [[], ['MY'], ['ID']];
      return [true, false];
    };
    const setPath = (f: Facts, path: string, value: unknown) => {
      const keys = path.split('.');
      const out = structuredClone(f);
      let cur = out;
      for (const k of keys.slice(0, -1)) cur = cur[k] ??= {};
      cur[keys[keys.length - 1] as string] = value;
      // A birth date replaces an estimated age (the two would otherwise have to agree).
      if (path === 'victim.birthDate') delete out.victim.age;
      return out;
    };
    let checked = 0;
    fc.assert(
      fc.property(caseFactsArb, (f: Facts) => {
        const c = compareSync(f);
        for (const r of c.regimes) {
          for (const k of ['trafficking', 'victim', 'child'] as const) {
            const v = r[k];
            if (v.status !== 'undetermined' || v.missingFacts.length !== 1) continue;
            const path = v.missingFacts[0] as string;
            // (Issue 6 skipped movement.completed here: it stood for "the journey may not have begun",
            // which none of its values said. Issue 12 asks movement.begun instead, whose false says it.)
            const seen = new Set<string>();
            // Offences that qualified in every qualifying completion (see the limitation below).
            let always: Set<string> | undefined;
            for (const value of candidates(path, f)) {
              let s: string | undefined;
              let offences: Array<{ id: string; status: string }> = [];
              try {
                const result = compareSync(setPath(f, path, value), { detail: 'verdicts', regimes: [r.regime] }).regimes[0];
                s = result?.[k].status;
                offences = result?.offences ?? [];
              } catch {
                continue; // a value that contradicts other facts is no completion
              }
              if (s) seen.add(s);
              if (s === 'qualifies') {
                const now = offences.filter((o) => o.status === 'qualifies').map((o) => o.id);
                always = new Set(always ? now.filter((id) => always?.has(id)) : now);
              }
            }
            // Known limitation of three-valued logic: it does not reason by cases. When every value
            // of the missing fact makes some offence hold but no one offence holds for all (UU
            // 21/2007, taken through Indonesia: from Indonesia Pasal 4, from elsewhere Pasal 3),
            // the "or" stays undetermined and names the fact that picks the offence.
            if (k !== 'child' && !seen.has('does-not-qualify') && always?.size === 0) continue;
            checked += 1;
            expect(seen.has('qualifies') && seen.has('does-not-qualify'), `${r.regime}.${k} missing ${path}: ${[...seen].join(', ')}`).toBe(true);
          }
        }
      }),
      // A fixed seed unless PROP_SEED is set: the completions tried are a finite sample, so a random
      // seed can find a case whose deciding value is not among them (a flake, not a bug in the law).
      { numRuns: RUNS, seed: process.env.PROP_SEED ? Number(process.env.PROP_SEED) : 20261128 },
    );
    expect(checked).toBeGreaterThan(0);
  });
});
