import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/index.js';

// Every fixture's expected verdicts come from reading the law; the reason is in its "why".
const dir = join(import.meta.dirname, '../../fixtures');
interface Fixture {
  id: string;
  title: string;
  facts: unknown;
  options?: Parameters<typeof compare>[1];
  expected: Record<string, Record<string, string>>;
  expectedOffences?: Record<string, Record<string, string>>;
  why: Record<string, string>;
  sources: string[];
}
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

describe('fixtures', () => {
  it('there are at least 40, each with a reason for every regime it expects', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    for (const f of fixtures) {
      for (const regime of Object.keys(f.expected)) expect(f.why[regime], `${f.id}: no "why" for ${regime}`).toBeTruthy();
      expect(f.sources.length, `${f.id}: no sources`).toBeGreaterThan(0);
    }
  });

  it.each(fixtures.map((f) => [f.id, f] as const))('%s', async (_id, f) => {
    const c = await compare(f.facts, f.options);
    const mismatches: string[] = [];
    for (const [regime, verdicts] of Object.entries(f.expected)) {
      const r = c.regimes.find((x) => x.regime === regime);
      for (const [verdict, expected] of Object.entries(verdicts)) {
        const got = (r as unknown as Record<string, { status: string } | undefined> | undefined)?.[verdict]?.status;
        if (got !== expected) mismatches.push(`${regime} ${verdict}: expected ${expected}, got ${got} (${f.why[regime]})`);
      }
    }
    for (const [regime, offences] of Object.entries(f.expectedOffences ?? {})) {
      const r = c.regimes.find((x) => x.regime === regime);
      for (const [offence, expected] of Object.entries(offences)) {
        const got = r?.offences.find((o) => o.id === offence)?.status;
        if (got !== expected) mismatches.push(`${regime} offence ${offence}: expected ${expected}, got ${got}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
