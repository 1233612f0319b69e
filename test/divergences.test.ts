import { describe, expect, it } from 'vitest';
import { compare, divergences } from '../src/index.js';
import { bundledRuleBook } from '../src/law/bundled.js';
import { significanceOf } from '../src/compare/divergences.js';
import type { RuleBook } from '../src/law/load.js';

// Case divergences (issue 3 item 1) and the static catalogue (item 2). Expectations come from the
// law as the research notes read it (../shared/law), with the provision next to each.

describe('case divergences name the element that makes the difference', () => {
  it("issue 3's example: a 16-year-old recruited inside Indonesia, no means, not yet exploited -> 'means'", async () => {
    const c = await compare({
      conductDate: '2023-05-10',
      victim: { age: 16, nationality: 'ID' },
      acts: ['recruitment'],
      means: [],
      purposes: ['prostitution'],
      exploitationOccurred: [],
      movement: { origin: 'ID', destination: 'ID', transit: [], completed: true },
    });
    const d = c.divergences.find((x) => x.verdict === 'trafficking');
    // ACTIP Art 2(c) / Palermo Art 3(c): a child needs no means; UU 21/2007 Pasal 2(1) lists means for everyone.
    expect(d?.statuses).toMatchObject({ 'uu-21-2007': 'does-not-qualify', actip: 'qualifies', palermo: 'qualifies' });
    const means = d?.causes.find((x) => x.element === 'means');
    expect(means?.regimes).toEqual(['uu-21-2007']);
    expect(means?.explanation).toMatch(/not satisfied under uu-21-2007/);
    expect(means?.explanation).toMatch(/not required under .*actip/);
    // Citations on both sides: the Indonesian offence and the treaties' child rule.
    const provisions = means?.citations.map((x) => `${x.instrument} ${x.provision}`) ?? [];
    expect(provisions.some((p) => p.startsWith('UU 21/2007 Pasal 2'))).toBe(true);
    expect(provisions.some((p) => p.startsWith('ACTIP Art. 2(c)'))).toBe(true);
    expect(provisions.some((p) => p.startsWith('Palermo Protocol Art. 3(c)'))).toBe(true);
  });

  it('an element only one regime asks for (UU 21/2007 harm for a victim) is a cause, cited against the definitions without it', async () => {
    // Adult deceived into forced labour inside Indonesia, no harm suffered: Pasal 1 angka 3 defines
    // korban by the suffering caused; ACTIP Art. 2 ("any natural person") and Palermo have no harm requirement.
    const c = await compare({
      conductDate: '2023-05-01',
      victim: { age: 25, harm: [] },
      acts: ['recruitment'],
      means: ['deception'],
      purposes: ['forced-labour'],
      movement: { origin: 'ID', destination: 'ID', transit: [], exploitationCountry: 'ID' },
    });
    const d = c.divergences.find((x) => x.verdict === 'victim');
    expect(d?.statuses['uu-21-2007']).toBe('does-not-qualify');
    expect(d?.statuses.actip).toBe('qualifies');
    const harm = d?.causes.find((x) => x.element === 'harm');
    expect(harm?.regimes).toEqual(['uu-21-2007']);
    expect(harm?.explanation).toMatch(/not an element of the victim test under .*actip.*palermo/);
    const instruments = harm?.citations.map((x) => x.instrument) ?? [];
    expect(instruments).toContain('UU 21/2007');
    expect(instruments).toContain('ACTIP');
  });

  it('the territorial limb is a cause when only a national law fails on it', async () => {
    // Entirely Indonesian facts: Act 670 s. 3 needs a Malaysian link; the treaties have no territorial element.
    const c = await compare({
      conductDate: '2023-05-01',
      victim: { age: 25, harm: ['economic'] },
      acts: ['recruitment'],
      means: ['deception'],
      purposes: ['forced-labour'],
      movement: { origin: 'ID', destination: 'ID', transit: [], exploitationCountry: 'ID', completed: true },
    });
    const cause = c.divergences.find((x) => x.verdict === 'trafficking')?.causes.find((x) => x.element === 'territory');
    expect(cause?.regimes).toEqual(['act-670']);
    expect(cause?.explanation).toMatch(/not an element of the trafficking test under actip, palermo/);
  });

  it('no divergences when every regime agrees', async () => {
    // Adult, abduction, forced labour, Indonesia -> Malaysia: every definition is met (UU 21/2007 Pasal 4
    // or 2(1); Act 670 s. 3(a) Malaysia receiving; treaties' act + means + purpose).
    const c = await compare({
      conductDate: '2023-05-01',
      victim: { age: 30, nationality: 'ID', harm: ['physical'] },
      acts: ['recruitment', 'transportation'],
      means: ['abduction'],
      purposes: ['forced-labour'],
      movement: { origin: 'ID', destination: 'MY', transit: [], exploitationCountry: 'MY', completed: true },
      offender: { organisedCriminalGroup: true },
    });
    expect(c.divergences.filter((d) => d.verdict === 'trafficking')).toEqual([]);
  });
});

describe('divergences(): the catalogue, from rule data alone', () => {
  const d = divergences({ asOf: '2024-01-01' });
  const entry = (id: string) => d.find((x) => x.id === id);

  it('holds the known divergences D-1 .. D-15 of international.md §5.2 that the rules support', () => {
    // D-1: UU 21/2007 Pasal 1 angka 5 counts the unborn; the others do not.
    expect(entry('child.unborn')?.diverges).toBe(true);
    expect(entry('child.unborn')?.positions['uu-21-2007']?.code).toBe('unborn:yes');
    expect(entry('child.unborn')?.positions.palermo?.code).toBe('unborn:no');
    // D-2: extra means in Pasal 2(1): penyekapan, pemalsuan, penjeratan utang, in Indonesian.
    expect(entry('means.confinement')?.positions['uu-21-2007']?.term).toBe('penyekapan');
    expect(entry('means.falsification')?.positions['uu-21-2007']?.term).toBe('pemalsuan');
    expect(entry('means.debt-bondage')?.positions['uu-21-2007']?.term).toBe('penjeratan utang');
    // D-3: domestic trafficking covered, and a result-based offence (Pasal 6) beside the formal one.
    expect(entry('scope')?.positions['uu-21-2007']?.code).toBe('scope:not-required');
    expect(entry('actual-exploitation')?.positions['uu-21-2007']?.code).toBe('actual-exploitation:some-offences');
    // D-5: Act 670 s. 2 "any illegal activity".
    expect(entry('exploitation.forced-criminality')?.positions['act-670']?.term).toBe('any illegal activity');
    // D-6: the 2010 text built on coercion (in force 2015).
    expect(divergences({ asOf: '2015-01-01' }).find((x) => x.id === 'definition')?.positions['act-670']?.value).toMatch(/coercion/);
    // D-9: Act 670 s. 16 consent irrelevant; no regime lets consent excuse (same effect, not a divergence).
    expect(entry('consent')?.positions['act-670']?.citation?.provision).toBe('s. 16');
    expect(entry('consent')?.diverges).toBe(false);
    // D-13: victim definitions: harm in UU 21/2007 Pasal 1 angka 3, none in ACTIP.
    expect(entry('victim')?.diverges).toBe(true);
    expect(entry('victim')?.positions['uu-21-2007']?.code).toBe('victim:harm');
    expect(entry('victim')?.positions.actip?.code).toBe('victim:no-harm');
    // D-14: no regime makes transnationality an element: not a divergence.
    expect(entry('scope')?.diverges).toBe(false);
    // D-15: eighteen everywhere.
    expect(entry('child.age')?.diverges).toBe(false);
    for (const r of ['uu-21-2007', 'act-670', 'actip', 'palermo'] as const) expect(entry('child.age')?.positions[r]?.params).toEqual({ age: 18 });
    // Child means rule: Act 670 s. 14(2) also covers a person unable to protect themself.
    expect(entry('child.means-rule')?.positions['act-670']?.code).toBe('child-means-rule:means-not-required-disability');
    expect(entry('child.means-rule')?.positions['uu-21-2007']?.code).toBe('child-means-rule:means-required');
  });

  it('every concept entry names each regime\'s own term in its original language and its relation', () => {
    for (const x of d.filter((e) => e.concept)) {
      for (const p of Object.values(x.positions)) {
        expect(p?.relation, x.id).toBeTruthy();
        if (p?.relation !== 'none') expect(p?.citation, x.id).toBeTruthy();
      }
    }
  });

  it('penalties as numbers with currency, for every offence that carries one', () => {
    const p = entry('penalty')?.positions;
    // UU 21/2007 Pasal 2(1): 3-15 years and Rp120m-600m (2024: before KUHP 455 replaces it).
    expect(p?.['uu-21-2007']?.penalty).toMatchObject({ imprisonmentYears: { min: 3, max: 15 }, fine: { min: 120000000, max: 600000000, currency: 'IDR' } });
    expect(p?.['uu-21-2007']?.penalties?.length).toBeGreaterThan(1);
    expect(p?.['act-670']?.penalties?.every((f) => f.fine === undefined || f.fine.currency === 'MYR')).toBe(true);
    // The treaties oblige States to criminalise; they fix no penalty.
    expect(p?.palermo?.penalties).toBeUndefined();
    expect(entry('penalty')?.diverges).toBe(true);
  });

  it('follows the law in force: ACTIP absent before 2017, KUHP 455 from 2026', () => {
    expect(divergences({ asOf: '2010-01-01' }).find((x) => x.id === 'victim')?.positions.actip).toBeUndefined();
    expect(divergences({ asOf: '2026-06-01' }).find((x) => x.id === 'penalty')?.positions['uu-21-2007']?.penalty?.citation?.instrument).toBe('KUHP (UU 1/2023)');
    expect(Object.keys(divergences({ asOf: '2024-01-01', regimes: ['palermo', 'uu-21-2007'] })[0]?.positions ?? {})).toEqual(['palermo', 'uu-21-2007']);
  });

  it('is generated from the rule files: change a profile and the catalogue follows', () => {
    const book = bundledRuleBook();
    const altered: RuleBook = {
      ...book,
      regimes: book.regimes.map((r) =>
        r.id !== 'act-670' ? r : { ...r, versions: r.versions.map((v) => ({ ...v, data: { ...v.data, profile: { ...v.data.profile, childIncludesUnborn: true } } })) },
      ),
    };
    const unborn = divergences({ asOf: '2024-01-01' }, altered).find((x) => x.id === 'child.unborn');
    expect(unborn?.positions['act-670']?.code).toBe('unborn:yes');
    expect(unborn?.significance).toMatch(/Only uu-21-2007, act-670 counts/);
  });

  it('significance in id and ms is worded in that language, with every placeholder filled', () => {
    for (const x of d) {
      const en = significanceOf(x, 'en');
      expect(en).toBe(x.significance);
      for (const lang of ['id', 'ms'] as const) {
        const s = significanceOf(x, lang);
        expect(s, `${x.id} ${lang}`).not.toMatch(/\{\w+\}/);
        expect(s, `${x.id} ${lang}`).not.toBe(en);
      }
    }
  });
});
