import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/index.js';
import { fallThrough } from '../../src/compare/fallThrough.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8')).facts;

describe('fallThrough', () => {
  it('a child recruited in Indonesia without means falls through UU 21/2007 and is caught by the treaties', async () => {
    // ACTIP Art 2(c) / Palermo Art 3(c): no means for a child; UU 21/2007 Pasal 2(1) needs one.
    // Act 670 does not qualify either (no link to Malaysia, s.3): a national law, so it fails too.
    const f = fallThrough(await compare({ id: 'c1', ...fixture('child-recruited-within-id-no-means-2023') }));
    expect(f?.caseId).toBe('c1');
    expect(f?.qualifiesUnder.sort()).toEqual(['actip', 'palermo']);
    expect(f?.failsUnder.sort()).toEqual(['act-670', 'uu-21-2007']);
    expect(f?.causes).toContain('means');
  });

  it('nothing falls through when no regime qualifies', async () => {
    // No act, no means, no purpose: trafficking under none of the four.
    const c = await compare({ conductDate: '2023-01-01', acts: [], means: [], purposes: [] });
    expect(fallThrough(c)).toBeUndefined();
  });
});
