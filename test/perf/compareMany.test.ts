import { describe, expect, it } from 'vitest';
import { compareMany } from '../../src/compare/compareMany.js';
import { FactsError, isFactsError } from '../../src/facts/errors.js';
import type { Comparison } from '../../src/types.js';

/**
 * Issue 5, item 3: compareMany streams. One record is pulled from the source at a time (so memory
 * does not grow with the input), results come out in input order, and a bad record yields a
 * FactsError in its place without stopping the stream. PERF_MANY overrides the record count.
 */
const N = Number(process.env.PERF_MANY ?? 200_000);
const BAD_EVERY = 997;

/** Tiny records; every BAD_EVERY-th is invalid (an age that is not a number). */
function record(i: number): unknown {
  if (i % BAD_EVERY === 0) return { id: `r${i}`, victim: { age: 'sixteen' } };
  // Ages 15..20 around the threshold of 18 (Palermo Art 3(d): a child is under eighteen).
  return { id: `r${i}`, conductDate: '2020-06-01', victim: { age: 15 + (i % 6) }, acts: ['recruitment'], purposes: ['forced-labour'] };
}

describe('compareMany (issue 5): bounded streaming, in order, errors in place', () => {
  it(`streams ${N.toLocaleString('en-US')} records from a generator, pulling one record at a time`, async () => {
    let produced = 0;
    function* source() {
      for (let i = 0; i < N; i++) {
        produced++;
        yield record(i);
      }
    }
    let seen = 0;
    let errors = 0;
    let maxAhead = 0;
    let lastChild: string | undefined;
    for await (const r of compareMany(source(), { detail: 'verdicts', regimes: ['palermo'] })) {
      // The source is never read further than the record being answered: bounded memory.
      maxAhead = Math.max(maxAhead, produced - seen);
      if (seen % BAD_EVERY === 0) {
        expect(isFactsError(r)).toBe(true);
        expect((r as FactsError).caseId).toBe(`r${seen}`);
        errors++;
      } else {
        const c = r as Comparison;
        expect(c.caseId).toBe(`r${seen}`);
        // Palermo Art 3(d): "Child" shall mean any person under eighteen years of age.
        lastChild = c.regimes[0]?.child.status;
        expect(lastChild).toBe(15 + (seen % 6) < 18 ? 'qualifies' : 'does-not-qualify');
      }
      seen++;
    }
    expect(seen).toBe(N);
    expect(errors).toBe(Math.floor((N - 1) / BAD_EVERY) + 1);
    expect(maxAhead).toBe(1);
  }, 300_000);

  it('streams an async iterable in order, with a bad record in the middle answered in place', async () => {
    async function* source() {
      for (let i = 1; i <= 5; i++) {
        await new Promise((r) => setTimeout(r, 1));
        yield i === 3 ? { id: 'bad', victim: { birthDate: '2020-13-45' } } : record(i);
      }
    }
    const out: Array<Comparison | FactsError> = [];
    for await (const r of compareMany(source(), { detail: 'verdicts' })) out.push(r);
    expect(out.map((r) => (isFactsError(r) ? `error:${r.caseId}` : r.caseId))).toEqual(['r1', 'r2', 'error:bad', 'r4', 'r5']);
    // Verdicts detail: statuses only, no element trees (issue 5, item 2).
    const first = out[0] as Comparison;
    expect(first.regimes.length).toBeGreaterThan(1);
    for (const reg of first.regimes) expect(reg.trafficking.elements).toEqual([]);
  });

  it('does not stop on records that are not objects at all', async () => {
    const out: Array<Comparison | FactsError> = [];
    for await (const r of compareMany([null, 42, 'x', record(1)], { detail: 'verdicts' })) out.push(r);
    expect(out.map((r) => isFactsError(r))).toEqual([true, true, true, false]);
  });
});
