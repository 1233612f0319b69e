import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../src/index.js';

// Runs every fixture under fixtures/ through compare() and checks each expected status.
// The expectations come from reading the law, never from the library's output: the legal reason
// is in each fixture's "why" (one per regime) and the provisions in its "sources". A verdict the
// law gives but the code does not is kept, listed in "knownMismatch" with a reason, and run as an
// expected failure (it.fails): when the rule is fixed the test fails and asks for the entry to go.

const dir = join(import.meta.dirname, '../fixtures');
const REGIMES = ['uu-21-2007', 'act-670', 'actip', 'palermo'] as const;
const VERDICTS = ['trafficking', 'victim', 'child', 'scope'] as const;
const STATUSES = ['qualifies', 'does-not-qualify', 'undetermined', 'not-in-force'] as const;

interface KnownMismatch {
  regime: string;
  /** 'trafficking' | 'victim' | 'child' | 'scope', or 'offence:<id>' for an expectedOffences entry. */
  verdict: string;
  expected: string;
  reason: string;
}
interface Fixture {
  id: string;
  title: string;
  facts: unknown;
  options?: Parameters<typeof compare>[1];
  expected: Record<string, Record<string, string>>;
  expectedOffences?: Record<string, Record<string, string>>;
  /** Completed or attempt (UU 21/2007 Pasal 10) of a qualifying offence: regime -> offence id -> form status. */
  expectedForms?: Record<string, Record<string, string>>;
  why: Record<string, string>;
  sources: string[];
  knownMismatch?: KnownMismatch[];
}

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const fixtures = files.map((file) => ({ file, f: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Fixture }));

/** One expectation: a verdict (or an offence) of one regime in one fixture. */
interface Expectation {
  regime: string;
  verdict: string;
  expected: string;
  known?: KnownMismatch;
}
function expectationsOf(f: Fixture): Expectation[] {
  const out: Expectation[] = [];
  const known = (regime: string, verdict: string) => f.knownMismatch?.find((k) => k.regime === regime && k.verdict === verdict);
  for (const [regime, verdicts] of Object.entries(f.expected)) {
    for (const [verdict, expected] of Object.entries(verdicts)) out.push({ regime, verdict, expected, known: known(regime, verdict) });
  }
  for (const [regime, offences] of Object.entries(f.expectedOffences ?? {})) {
    for (const [id, expected] of Object.entries(offences)) out.push({ regime, verdict: `offence:${id}`, expected, known: known(regime, `offence:${id}`) });
  }
  for (const [regime, forms] of Object.entries(f.expectedForms ?? {})) {
    for (const [id, expected] of Object.entries(forms)) out.push({ regime, verdict: `form:${id}`, expected, known: known(regime, `form:${id}`) });
  }
  return out;
}

type Result = Awaited<ReturnType<typeof compare>>;
function statusOf(c: Result, regime: string, verdict: string): string | undefined {
  const r = c.regimes.find((x) => x.regime === regime);
  if (!r) return undefined;
  if (verdict.startsWith('offence:')) {
    // An offence id names a trafficking offence or, failing that, a neighbouring offence (otherOffences).
    const id = verdict.slice('offence:'.length);
    return (r.offences.find((o) => o.id === id) ?? r.otherOffences?.find((o) => o.id === id))?.status;
  }
  if (verdict.startsWith('form:')) return r.offences.find((o) => o.id === verdict.slice('form:'.length))?.form?.status;
  return (r as unknown as Record<string, { status: string } | undefined>)[verdict]?.status;
}

describe('fixture files', () => {
  it('there are at least 45 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
  });

  it.each(fixtures.map(({ file, f }) => [file, f] as const))('%s is in the fixture format, with a reason for every regime it expects', (file, f) => {
    const problems: string[] = [];
    if (f.id !== file.replace(/\.json$/, '')) problems.push(`id "${f.id}" is not the file name`);
    if (typeof f.title !== 'string' || f.title.length < 10) problems.push('no title');
    if (typeof f.facts !== 'object' || f.facts === null) problems.push('no facts');
    if (!Array.isArray(f.sources) || f.sources.length === 0) problems.push('no sources');
    const regimes = new Set([...Object.keys(f.expected ?? {}), ...Object.keys(f.expectedOffences ?? {}), ...Object.keys(f.expectedForms ?? {})]);
    if (Object.keys(f.expected ?? {}).length === 0) problems.push('expects nothing');
    for (const regime of regimes) {
      if (!(REGIMES as readonly string[]).includes(regime)) problems.push(`unknown regime "${regime}"`);
      if (!f.why?.[regime] || f.why[regime].length < 10) problems.push(`no "why" for ${regime}`);
    }
    for (const [regime, verdicts] of Object.entries(f.expected ?? {})) {
      for (const [verdict, status] of Object.entries(verdicts)) {
        if (!(VERDICTS as readonly string[]).includes(verdict)) problems.push(`${regime}: unknown verdict "${verdict}"`);
        if (!(STATUSES as readonly string[]).includes(status)) problems.push(`${regime} ${verdict}: unknown status "${status}"`);
      }
    }
    for (const [regime, offences] of Object.entries(f.expectedOffences ?? {})) {
      for (const [id, status] of Object.entries(offences)) if (!(STATUSES as readonly string[]).includes(status)) problems.push(`${regime} offence ${id}: unknown status "${status}"`);
    }
    for (const [regime, forms] of Object.entries(f.expectedForms ?? {})) {
      for (const [id, status] of Object.entries(forms)) if (!['completed', 'attempt', 'undetermined'].includes(status)) problems.push(`${regime} form of ${id}: unknown form "${status}"`);
    }
    const all = expectationsOf(f);
    for (const k of f.knownMismatch ?? []) {
      const e = all.find((x) => x.regime === k.regime && x.verdict === k.verdict);
      if (!e) problems.push(`knownMismatch ${k.regime} ${k.verdict} names no expectation`);
      else if (e.expected !== k.expected) problems.push(`knownMismatch ${k.regime} ${k.verdict} says expected ${k.expected}, the fixture expects ${e.expected}`);
      if (!k.reason || k.reason.length < 10) problems.push(`knownMismatch ${k.regime} ${k.verdict} has no reason`);
    }
    expect(problems, `${file}: ${problems.join('; ')}`).toEqual([]);
  });
});

describe.each(fixtures.map(({ f }) => [f.id, f] as const))('fixture %s', (_id, f) => {
  let c: Result;
  beforeAll(async () => {
    c = await compare(f.facts, f.options);
  });
  for (const e of expectationsOf(f)) {
    const name = `${e.regime} ${e.verdict} is ${e.expected}`;
    const check = () => {
      const got = statusOf(c, e.regime, e.verdict);
      expect(got, `fixture ${f.id}: ${e.regime} ${e.verdict}: expected ${e.expected}, got ${got ?? 'nothing'} (why: ${f.why[e.regime]})`).toBe(e.expected);
    };
    if (e.known) it.fails(`KNOWN MISMATCH (rule to fix): ${name}: ${e.known.reason}`, check);
    else it(name, check);
  }
});
