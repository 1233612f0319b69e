import { describe, expect, it } from 'vitest';
import { compare, FactsError, factsJsonSchema, regimes } from '../../src/index.js';

// A child recruited in Indonesia for sexual exploitation in Malaysia, no improper means.
const childCase = {
  victim: { age: 16, nationality: 'ID' },
  acts: ['recruitment'],
  means: [],
  purposes: ['sexual-exploitation'],
  movement: { origin: 'ID', destination: 'MY', transit: [] },
};
const byRegime = async (facts: unknown, options?: Parameters<typeof compare>[1]) =>
  Object.fromEntries((await compare(facts, options)).regimes.map((r) => [r.regime, r]));

describe('the law in force on the conduct date', () => {
  it('an instrument not yet in force gives not-in-force for every verdict', async () => {
    const r = await byRegime({ ...childCase, conductDate: '2005-06-01' });
    // UU 21/2007 from 19 Apr 2007, Act 670 offences from 28 Feb 2008, ACTIP from March 2017.
    for (const id of ['uu-21-2007', 'act-670', 'actip']) {
      expect(r[id]?.trafficking.status).toBe('not-in-force');
      expect(r[id]?.child.status).toBe('not-in-force');
    }
    // Palermo Protocol in force since 25 Dec 2003: a child (Art 3(d)), no means needed (Art 3(c)).
    expect(r.palermo?.trafficking.status).toBe('qualifies');
  });

  it('asOf overrides the conduct date', async () => {
    const r = await byRegime({ ...childCase, conductDate: '2005-06-01' }, { asOf: '2023-01-01' });
    expect(r['act-670']?.version.id).toBe('act-670@2022-02-22');
  });

  it('without any date, a verdict holds only where every version agrees', async () => {
    // An adult, no means, recruited in Malaysia for forced labour there: Act 670 as enacted (2008)
    // had no means element (s.2), the 2022 text requires one: the versions disagree.
    const adult = { victim: { age: 30 }, acts: ['recruitment'], means: [], purposes: ['forced-labour'], movement: { origin: 'MY', destination: 'MY', transit: [] } };
    const r = await byRegime(adult);
    expect(r['act-670']?.trafficking.status).toBe('undetermined');
    expect(r['act-670']?.trafficking.missingFacts).toContain('conductDate');
    // The Palermo Protocol has one version: the verdict stands without a date (no means, adult).
    expect(r.palermo?.trafficking.status).toBe('does-not-qualify');
  });

  it('continuing conduct reports later versions with their own verdicts', async () => {
    const adult = {
      conductDate: '2009-01-01',
      conductEndDate: '2023-01-01',
      victim: { birthDate: '1990-01-01', selfProtectionImpaired: false },
      acts: ['harbouring'],
      means: [],
      purposes: ['forced-labour'],
      movement: { origin: 'MY', destination: 'MY', transit: [] },
    };
    const r = await byRegime(adult);
    // 2008 text: act + purpose suffices (s.2, s.12).
    expect(r['act-670']?.trafficking.status).toBe('qualifies');
    const later = r['act-670']?.laterVersions ?? [];
    expect(later.map((l) => l.version.id)).toEqual(['act-670@2010-11-15', 'act-670@2022-02-22']);
    // From 2022 a means is required for an adult (s.2 as substituted by A1644): no means, no offence.
    expect(later[1]?.trafficking).toBe('does-not-qualify');
  });

  it('an unknown disability keeps the 2022 verdict open: s.14 needs no means for a person unable to protect themself', async () => {
    const r = await byRegime({ conductDate: '2023-01-01', victim: { age: 30 }, acts: ['harbouring'], means: [], purposes: ['forced-labour'], movement: { origin: 'MY', destination: 'MY', transit: [] } });
    expect(r['act-670']?.trafficking.status).toBe('undetermined');
    expect(r['act-670']?.trafficking.missingFacts).toEqual(['victim.selfProtectionImpaired']);
  });
});

describe('contested readings are named, switchable and reported', () => {
  // An Indonesian citizen recruited in Indonesia by deception for forced labour in Malaysia.
  const migrant = {
    conductDate: '2020-01-01',
    victim: { age: 25, nationality: 'ID' },
    acts: ['recruitment'],
    means: ['deception'],
    purposes: ['forced-labour'],
    movement: { origin: 'ID', destination: 'MY', transit: [], completed: true },
  };
  it('lists the interpretation used with its alternatives', async () => {
    const r = await byRegime(migrant, { regimes: ['uu-21-2007'] });
    const used = r['uu-21-2007']?.interpretations.find((i) => i.id === 'uu-21-2007-pasal-2-territory');
    expect(used?.chosen).toBe('conduct-or-exploitation-in-indonesia');
    expect(used?.alternatives).toEqual(['exploitation-in-indonesia']);
  });
  it('switching the reading changes the offence that applies, not the facts', async () => {
    const wide = await byRegime(migrant, { regimes: ['uu-21-2007'] });
    const narrow = await byRegime(migrant, { regimes: ['uu-21-2007'], interpretations: { 'uu-21-2007-pasal-2-territory': 'exploitation-in-indonesia' } });
    const status = (r: typeof wide, id: string) => r['uu-21-2007']?.offences.find((o) => o.id === id)?.status;
    expect(status(wide, 'pasal-2-1')).toBe('qualifies');
    expect(status(narrow, 'pasal-2-1')).toBe('does-not-qualify');
    // Pasal 4 (an Indonesian taken abroad for exploitation) applies either way.
    expect(status(narrow, 'pasal-4')).toBe('qualifies');
  });
  it('Pasal 4 needs the journey made or begun: recruitment alone leaves it open', async () => {
    const recruitedOnly = { ...migrant, movement: { origin: 'ID', destination: 'MY', transit: [] } };
    const r = await byRegime(recruitedOnly, { regimes: ['uu-21-2007'] });
    const p4 = r['uu-21-2007']?.offences.find((o) => o.id === 'pasal-4');
    expect(p4?.status).toBe('undetermined');
    // Issue 12: the question is whether the journey had begun (movement.begun), not how it ended:
    // Pasal 10 punishes the attempt as the offence, so movement.completed decides no verdict.
    expect(p4?.missingFacts).toContain('movement.begun');
    expect(p4?.missingFacts).not.toContain('movement.completed');
  });
  it('rejects an unknown interpretation or reading with a FactsError', async () => {
    await expect(compare(migrant, { interpretations: { nope: 'x' } })).rejects.toBeInstanceOf(FactsError);
    await expect(compare(migrant, { interpretations: { 'uu-21-2007-pasal-2-territory': 'x' } })).rejects.toThrow(/expected one of/);
  });
});

describe('schema and regimes', () => {
  it('exports a JSON Schema that rejects unknown keys', () => {
    const s = factsJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(s.properties)).toContain('victim');
    expect(s.additionalProperties).toBe(false);
  });
  it('lists the four regimes with dated versions', () => {
    expect(regimes().map((r) => [r.id, r.versions.map((v) => v.inForceFrom)])).toEqual([
      ['uu-21-2007', ['2007-04-19', '2026-01-02']],
      ['act-670', ['2008-02-28', '2010-11-15', '2022-02-22']],
      ['actip', ['2017-03-08']],
      ['palermo', ['2003-12-25']],
    ]);
  });
});

describe('consent', () => {
  it("is shown as irrelevant with each regime's own consent rule, and changes no verdict", async () => {
    const base = { conductDate: '2023-06-01', victim: { age: 24, nationality: 'ID', selfProtectionImpaired: false }, acts: ['recruitment'], means: ['deception'], purposes: ['forced-labour'], movement: { origin: 'ID', destination: 'MY', transit: [] } };
    const without = await byRegime(base);
    const withConsent = await byRegime({ ...base, victim: { ...base.victim, consented: true } });
    for (const id of ['uu-21-2007', 'act-670', 'actip', 'palermo']) {
      expect(withConsent[id]?.trafficking.status).toBe(without[id]?.trafficking.status);
      const consent = withConsent[id]?.trafficking.elements.find((e) => e.element === 'consent');
      expect(consent?.status).toBe('not-required');
    }
    // UU 21/2007 Pasal 26; Act 670 s.16; Palermo Art 3(b).
    expect(withConsent['uu-21-2007']?.trafficking.elements.find((e) => e.element === 'consent')?.citation.provision).toBe('Pasal 26');
    expect(withConsent['act-670']?.trafficking.elements.find((e) => e.element === 'consent')?.citation.provision).toBe('s. 16');
    expect(withConsent.palermo?.trafficking.elements.find((e) => e.element === 'consent')?.citation.provision).toBe('Art. 3(b)');
  });
});
