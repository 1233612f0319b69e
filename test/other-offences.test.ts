import { describe, expect, it } from 'vitest';
import { compare, renderComparison, summarise, type RegimeResult } from '../src/index.js';

// Neighbouring offences (issue 13): what catches a case when the trafficking definition does not.
// Every expected status below comes from reading the statute (quoted in rules/ and in
// ../shared/law/*.md), with the reason beside it; none is copied from the library's output.

const byRegime = async (facts: unknown, options?: Parameters<typeof compare>[1]) =>
  Object.fromEntries((await compare(facts, options)).regimes.map((r) => [r.regime, r])) as Record<string, RegimeResult>;
const other = (r: RegimeResult | undefined, id: string) => r?.otherOffences?.find((o) => o.id === id);

// A 15-year-old recruited in Indonesia and taken from Java to a bar in Sumatra for prostitution;
// no threat, force, deception, payment or other listed means.
const childNoMeans = {
  conductDate: '2023-03-01',
  victim: { birthDate: '2008-01-10', nationality: 'ID' },
  acts: ['recruitment', 'transportation'],
  means: [],
  purposes: ['prostitution'],
  exploitationOccurred: [],
  movement: { origin: 'ID', destination: 'ID', transit: [], completed: true, interRegional: true },
  offender: { organisedCriminalGroup: false },
};

describe('a child recruited in Indonesia without any means', () => {
  it('is not trafficking under UU 21/2007 Pasal 2, but UU 35/2014 Pasal 76F jo. 83 catches it', async () => {
    const r = await byRegime(childNoMeans);
    const id = r['uu-21-2007'];
    // UU 21/2007 Pasal 2(1) needs a listed means for every victim, children included (no child
    // exception; Pasal 17 only adds a third to the penalty). Pasal 6 needs actual exploitation.
    expect(id?.trafficking.status).toBe('does-not-qualify');
    // UU 35/2014 Pasal 76F forbids the "perdagangan Anak" (trafficking of a child); undefined in that
    // Law, read by default in its plain meaning: an act done to the child for its exploitation.
    const sale = other(id, 'uupa-76f-83');
    expect(sale?.status).toBe('qualifies');
    expect(sale?.kind).toBe('neighbouring');
    expect(sale?.trafficking).toBe(false);
    // Pasal 83: 3 to 15 years and Rp60m to Rp300m.
    expect(sale?.penalty.imprisonmentYears).toEqual({ min: 3, max: 15 });
    expect(sale?.penalty.fine).toMatchObject({ min: 60_000_000, max: 300_000_000, currency: 'IDR' });
    expect(sale?.citation.provision).toBe('Pasal 76F');
    // Pasal 76I jo. 88 needs exploitation that happened: none happened here.
    expect(other(id, 'uupa-76i-88')?.status).toBe('does-not-qualify');
    // UU 18/2017 is about placement in a job abroad: a child kept inside Indonesia is not placed abroad.
    expect(other(id, 'uuppmi-81')?.status).toBe('does-not-qualify');
  });

  it('under the other reading of "perdagangan Anak" (UU 21/2007 definition, means included) 76F fails too', async () => {
    const r = await byRegime(childNoMeans, { interpretations: { 'uupa-perdagangan-anak': 'uu-21-2007-definition' } });
    // No means, no abduction, no payment: neither trafficking (as defined) nor sale nor abduction.
    expect(other(r['uu-21-2007'], 'uupa-76f-83')?.status).toBe('does-not-qualify');
  });

  it('never changes the trafficking, victim or child verdicts', async () => {
    const base = await byRegime(childNoMeans);
    const alt = await byRegime(childNoMeans, { interpretations: { 'uupa-perdagangan-anak': 'uu-21-2007-definition' } });
    for (const id of ['uu-21-2007', 'act-670', 'actip', 'palermo']) {
      expect(alt[id]?.trafficking.status).toBe(base[id]?.trafficking.status);
      expect(alt[id]?.victim.status).toBe(base[id]?.victim.status);
      expect(alt[id]?.child.status).toBe(base[id]?.child.status);
    }
  });

  it('a child sold to adoptive parents (paid to the mother) is the sale of a child, whatever the reading', async () => {
    const facts = {
      conductDate: '2024-02-01',
      victim: { age: 0, nationality: 'ID' },
      acts: ['adoption', 'transfer'],
      means: ['payment-to-controller'],
      purposes: [],
      exploitationOccurred: [],
      movement: { origin: 'ID', destination: 'ID', transit: [], completed: true, interRegional: false },
    };
    for (const reading of ['plain-meaning', 'uu-21-2007-definition']) {
      const r = await byRegime(facts, { interpretations: { 'uupa-perdagangan-anak': reading } });
      // "penjualan ... Anak": the child handed over for a price; the reading only concerns "perdagangan".
      expect(other(r['uu-21-2007'], 'uupa-76f-83')?.status, reading).toBe('qualifies');
      // UU 21/2007 Pasal 5 needs an adoption "dengan maksud untuk dieksploitasi": no purpose here.
      expect(r['uu-21-2007']?.offences.find((o) => o.id === 'pasal-5')?.status).toBe('does-not-qualify');
    }
  });

  it('a child exploited inside one province: not Pasal 6 (no sending between regions), but Pasal 76I jo. 88', async () => {
    const r = await byRegime({
      conductDate: '2022-08-01',
      victim: { birthDate: '2009-05-05', nationality: 'ID' },
      acts: ['harbouring'],
      means: [],
      purposes: ['labour-exploitation'],
      exploitationOccurred: ['labour-exploitation'],
      movement: { origin: 'ID', destination: 'ID', transit: [], completed: true, interRegional: false },
    });
    const id = r['uu-21-2007'];
    expect(id?.trafficking.status).toBe('does-not-qualify');
    // Pasal 76I: economic exploitation of a child; Pasal 88: up to 10 years and/or Rp200m.
    const exp = other(id, 'uupa-76i-88');
    expect(exp?.status).toBe('qualifies');
    expect(exp?.penalty).toMatchObject({ imprisonmentYears: { max: 10 }, cumulative: false });
  });
});

describe('adult migrant workers placed without the required papers, no exploitation purpose', () => {
  const placement = {
    conductDate: '2023-09-01',
    victim: { birthDate: '1995-01-01', nationality: 'ID', selfProtectionImpaired: false },
    acts: ['recruitment', 'sending'],
    means: [],
    purposes: [],
    exploitationOccurred: [],
    movement: { origin: 'ID', destination: 'MY', transit: [], completed: true, unlawfulCrossing: true },
    offender: { placedMigrantWorker: true, individualPlacer: true, placementRequirementsMet: false, forGain: true },
  };

  it('is placement under UU 18/2017, not trafficking', async () => {
    const r = await byRegime(placement);
    const id = r['uu-21-2007'];
    // No means and no exploitation purpose: UU 21/2007 Pasal 2 and 4 both fail.
    expect(id?.trafficking.status).toBe('does-not-qualify');
    // Pasal 69 bars individuals from placing Indonesian migrant workers; Pasal 81: up to 10 years and Rp15bn.
    expect(other(id, 'uuppmi-81')?.status).toBe('qualifies');
    expect(other(id, 'uuppmi-81')?.penalty.fine).toMatchObject({ max: 15_000_000_000 });
    // Pasal 83: placing a worker who does not meet the placement requirements (wording unverified).
    expect(other(id, 'uuppmi-83')?.status).toBe('qualifies');
    expect(other(id, 'uuppmi-83')?.citation.confidence).toBe('unverified');
  });

  it('the placement offences did not exist before UU 18/2017 (22 November 2017)', async () => {
    const r = await byRegime({ ...placement, conductDate: '2017-11-21' });
    expect(other(r['uu-21-2007'], 'uuppmi-81')).toBeUndefined();
    const r2 = await byRegime({ ...placement, conductDate: '2017-11-22' });
    expect(other(r2['uu-21-2007'], 'uuppmi-81')?.status).toBe('qualifies');
  });

  it('a worker placed by a licensed company that met every requirement is caught by neither', async () => {
    const r = await byRegime({ ...placement, movement: { ...placement.movement, unlawfulCrossing: false }, offender: { placedMigrantWorker: true, individualPlacer: false, placementRequirementsMet: true, forGain: true } });
    expect(other(r['uu-21-2007'], 'uuppmi-81')?.status).toBe('does-not-qualify');
    expect(other(r['uu-21-2007'], 'uuppmi-83')?.status).toBe('does-not-qualify');
  });
});

describe('smuggling', () => {
  // Adult Indonesians brought by boat into Malaysia without papers for a fee, intercepted on
  // landing: no means, no exploitation purpose shown.
  const stopped = {
    conductDate: '2023-06-01',
    victim: { birthDate: '1990-01-01', nationality: 'ID', selfProtectionImpaired: false },
    acts: ['transportation'],
    means: [],
    purposes: [],
    exploitationOccurred: [],
    movement: { origin: 'ID', destination: 'MY', transit: [], completed: false, unlawfulCrossing: true },
    offender: { forGain: true, publicOfficial: false },
  };

  it('a Malaysian case stopped before any exploitation is s.26A smuggling, not trafficking', async () => {
    const r = await byRegime(stopped);
    const my = r['act-670'];
    // s.12 needs means and the purpose of exploitation (2022 text): neither.
    expect(my?.trafficking.status).toBe('does-not-qualify');
    // s.2 "smuggling of migrants": arranging a non-citizen's unlawful entry into Malaysia; s.26A.
    expect(other(my, 's26a')?.status).toBe('qualifies');
    // A1644 (from 22 Feb 2022): up to 20 years (15 before).
    expect(other(my, 's26a')?.penalty.imprisonmentYears).toEqual({ max: 20 });
    // s.26B(a) needs an intent to exploit after entry; (d) a public officer: neither.
    expect(other(my, 's26b')?.status).toBe('does-not-qualify');
  });

  it('the same case in 2015 falls under the 2010 text of s.26A (up to 15 years)', async () => {
    const r = await byRegime({ ...stopped, conductDate: '2015-06-01' });
    expect(other(r['act-670'], 's26a')?.status).toBe('qualifies');
    expect(other(r['act-670'], 's26a')?.penalty.imprisonmentYears).toEqual({ max: 15 });
  });

  it('Part IIIA did not exist before A1385 (15 November 2010)', async () => {
    const r = await byRegime({ ...stopped, conductDate: '2009-06-01' });
    expect(r['act-670']?.otherOffences ?? []).toEqual([]);
  });

  it('returning migrants landed in Indonesia for a fee: KUHP Pasal 457 from 2 January 2026, not before', async () => {
    const returning = {
      victim: { birthDate: '1988-01-01', nationality: 'ID', selfProtectionImpaired: false },
      acts: ['transportation'],
      means: [],
      purposes: [],
      exploitationOccurred: [],
      movement: { origin: 'MY', destination: 'ID', transit: [], completed: true, unlawfulCrossing: true },
      offender: { forGain: true },
    };
    // Pasal 457: for a benefit, bringing a person without the lawful right to leave or enter
    // Indonesian territory (here: leaving Malaysia unlawfully and landed off the official ports).
    const after = await byRegime({ ...returning, conductDate: '2026-01-02' });
    expect(other(after['uu-21-2007'], 'kuhp-457')?.status).toBe('qualifies');
    expect(other(after['uu-21-2007'], 'kuhp-457')?.penalty).toMatchObject({ imprisonmentYears: { min: 5, max: 15 }, cumulative: false });
    // The day before, the KUHP was not in force (Pasal 624): no Pasal 457.
    const before = await byRegime({ ...returning, conductDate: '2026-01-01' });
    expect(other(before['uu-21-2007'], 'kuhp-457')).toBeUndefined();
    // ... but its predecessor was: UU 6/2011 Pasal 120(1), 5-15 years AND Rp500m-1.5bn.
    expect(other(before['uu-21-2007'], 'uuk-120')?.status).toBe('qualifies');
    expect(other(before['uu-21-2007'], 'uuk-120')?.penalty).toMatchObject({ cumulative: true, fine: { min: 500_000_000, max: 1_500_000_000 } });
    expect(other(after['uu-21-2007'], 'uuk-120')).toBeUndefined();
    // Before UU 6/2011 (5 May 2011) neither.
    const early = await byRegime({ ...returning, conductDate: '2011-05-04' });
    expect(other(early['uu-21-2007'], 'uuk-120')).toBeUndefined();
    // Act 670: the Indonesians' unlawful exit from Malaysia, of which they are not citizens, is smuggling too.
    expect(other(after['act-670'], 's26a')?.status).toBe('qualifies');
    // No benefit sought: not Pasal 457 (the benefit is its first element).
    const free = await byRegime({ ...returning, conductDate: '2026-03-01', offender: { forGain: false } });
    expect(other(free['uu-21-2007'], 'kuhp-457')?.status).toBe('does-not-qualify');
  });
});

describe('dates of the KUHP neighbouring offences', () => {
  it('KUHP Pasal 422 (handing a child over for prostitution) applies from 2 January 2026, not before', async () => {
    const facts = { ...childNoMeans, victim: { age: 15, nationality: 'ID', unborn: false } };
    const before = await byRegime({ ...facts, conductDate: '2026-01-01' });
    expect(other(before['uu-21-2007'], 'kuhp-422')).toBeUndefined();
    const after = await byRegime({ ...facts, conductDate: '2026-01-02' });
    // Pasal 422(1): bringing a child to another for prostitution; up to 9 years.
    expect(other(after['uu-21-2007'], 'kuhp-422')?.status).toBe('qualifies');
    expect(other(after['uu-21-2007'], 'kuhp-422')?.penalty.imprisonmentYears).toEqual({ max: 9 });
  });

  it('UU 35/2014 offences are not shown before 17 October 2014; UU 23/2002 is, until 16 October 2014', async () => {
    const r = await byRegime({ ...childNoMeans, conductDate: '2014-10-16', victim: { age: 15, nationality: 'ID' } });
    expect(other(r['uu-21-2007'], 'uupa-76f-83')).toBeUndefined();
    // The day before, UU 23/2002 Pasal 83 ('memperdagangkan ... anak', same reading) applied instead.
    expect(other(r['uu-21-2007'], 'uupa2002-83')?.status).toBe('qualifies');
    const r2 = await byRegime({ ...childNoMeans, conductDate: '2014-10-17', victim: { age: 15, nationality: 'ID' } });
    expect(other(r2['uu-21-2007'], 'uupa-76f-83')?.status).toBe('qualifies');
    expect(other(r2['uu-21-2007'], 'uupa2002-83')).toBeUndefined();
  });

  it('without a conduct date, an offence younger than the regime cannot be said to qualify', async () => {
    const { conductDate: _d, ...undated } = childNoMeans;
    const r = await byRegime({ ...undated, victim: { age: 15, nationality: 'ID' } });
    const sale = other(r['uu-21-2007'], 'uupa-76f-83');
    expect(sale?.status).toBe('undetermined');
    expect(sale?.missingFacts).toEqual(['conductDate']);
  });

  it("the child of UU 35/2014 includes the unborn (Pasal 1 angka 1); KUHP Pasal 422's child (Pasal 150) does not", async () => {
    const r = await byRegime({ ...childNoMeans, conductDate: '2026-02-01', victim: { unborn: true, nationality: 'ID' } });
    const id = r['uu-21-2007'];
    expect(other(id, 'uupa-76f-83')?.elements.find((e) => e.element === 'child')?.status).toBe('satisfied');
    expect(other(id, 'kuhp-422')?.elements.find((e) => e.element === 'child')?.status).toBe('not-satisfied');
  });
});

describe('detail: verdicts', () => {
  it('leaves the neighbouring offences out (documented in the type)', async () => {
    const c = await compare(childNoMeans, { detail: 'verdicts' });
    expect(c.regimes.find((r) => r.regime === 'uu-21-2007')?.otherOffences).toBeUndefined();
  });
});

describe('the gap and what catches it, in the comparison and the reports', () => {
  it('the trafficking divergence names the neighbouring offence that qualifies, with its penalty', async () => {
    const c = await compare(childNoMeans);
    const d = c.divergences.find((x) => x.verdict === 'trafficking');
    // Palermo Art 3(c) and ACTIP Art 2(c) need no means for a child: they qualify, UU 21/2007 does not.
    expect(d?.statuses['uu-21-2007']).toBe('does-not-qualify');
    expect(d?.statuses.palermo).toBe('qualifies');
    const caught = d?.causes.find((x) => x.element === 'caught-by');
    expect(caught?.regimes).toEqual(['uu-21-2007']);
    expect(caught?.explanation).toContain('Pasal 2 ayat (1) fails on means');
    expect(caught?.explanation).toContain('UU 35/2014 Pasal 76F jo. 83');
    expect(caught?.explanation).toContain('3 to 15 years');
    expect(caught?.citations.map((x) => x.provision)).toEqual(expect.arrayContaining(['Pasal 76F', 'Pasal 83']));
  });

  it('no caught-by cause where the national law itself qualifies', async () => {
    // With deception, UU 21/2007 Pasal 2(1) is made out (act + means + purpose in Indonesia).
    const c = await compare({ ...childNoMeans, means: ['deception'] });
    expect(c.regimes.find((r) => r.regime === 'uu-21-2007')?.trafficking.status).toBe('qualifies');
    expect(c.divergences.flatMap((d) => d.causes).some((x) => x.element === 'caught-by')).toBe(false);
  });

  it('the summary says it in one sentence in en, id and ms', async () => {
    const r = (await compare(childNoMeans)).regimes.find((x) => x.regime === 'uu-21-2007') as RegimeResult;
    expect(summarise(r, { language: 'en' })).toContain('Other law catches the case: Abduction, sale or trafficking of a child (UU 35/2014 Pasal 76F jo. 83): 3 to 15 years');
    expect(summarise(r, { language: 'id' })).toContain('Perkara ini dijerat dengan undang-undang lain: Penculikan, penjualan, dan/atau perdagangan Anak');
    expect(summarise(r, { language: 'ms' })).toContain('Kes ini dijerat oleh undang-undang lain: Penculikan, penjualan atau pemerdagangan kanak-kanak');
  });

  it('both reports and the table list the other offences per regime', async () => {
    const c = await compare(childNoMeans);
    const md = renderComparison(c, 'markdown', { language: 'id' });
    expect(md).toContain('**Tindak pidana lain (bukan perdagangan orang):**');
    expect(md).toContain('Penculikan, penjualan, dan/atau perdagangan Anak (UU 35/2014 Pasal 76F jo. Pasal 83) (UU 35/2014 Pasal 76F): memenuhi');
    const html = renderComparison(c, 'html', { language: 'ms' });
    expect(html).toContain('<h3>Kesalahan lain (bukan pemerdagangan orang)</h3>');
    expect(html).toContain('class="other-offences"');
    const table = renderComparison(c, 'text', { language: 'en' });
    expect(table).toContain('UU 21/2007: Other offences (not trafficking): Abduction, sale or trafficking of a child'); // the regime by its short name, like every other line of the table
  });
});

describe('the static catalogue: what catches the case when the trafficking definition does not', () => {
  it('is generated from the rule files alone: every neighbouring offence in force, with its penalty beside the trafficking lead offence', async () => {
    const { divergences, renderDivergenceReport } = await import('../src/index.js');
    const d = divergences({ asOf: '2026-06-01' });
    const entry = d.find((x) => x.id === 'neighbouring-offences');
    // On 1 June 2026: UU 35/2014 (2014), UU 18/2017 (2017) and the KUHP (2 January 2026) for Indonesia;
    // Act 670 Part IIIA (2010, as amended 2022) for Malaysia; the treaties have none.
    expect(entry?.positions['uu-21-2007']?.neighbouring?.map((o) => o.offence)).toEqual(['uupa-76f-83', 'uupa-76i-88', 'uuppmi-81', 'uuppmi-83', 'kuhp-457', 'kuhp-422']);
    expect(entry?.positions['act-670']?.neighbouring?.map((o) => o.offence)).toEqual(['s26a', 's26b']);
    expect(entry?.positions.actip?.neighbouring).toEqual([]);
    // Side by side: KUHP Pasal 455 (3-15 years, Rp200m-5bn) against UU 35/2014 Pasal 83 (3-15 years, Rp60m-300m).
    expect(entry?.positions['uu-21-2007']?.penalty?.fine).toMatchObject({ min: 200_000_000, max: 5_000_000_000 });
    expect(entry?.positions['uu-21-2007']?.neighbouring?.[0]?.fine).toMatchObject({ min: 60_000_000, max: 300_000_000 });
    // In 2020 the KUHP offences were not yet in force, nor was the 2022 text of s.26A.
    const d2020 = divergences({ asOf: '2020-06-01' }).find((x) => x.id === 'neighbouring-offences');
    expect(d2020?.positions['uu-21-2007']?.neighbouring?.map((o) => o.offence)).not.toContain('kuhp-457');
    expect(d2020?.positions['act-670']?.neighbouring?.find((o) => o.offence === 's26a')?.imprisonmentYears).toEqual({ max: 15 });
    const md = renderDivergenceReport(d, 'markdown', { language: 'id' });
    expect(md).toContain('## Yang menjerat perkara ketika definisi perdagangan orang tidak terpenuhi');
    expect(md).toContain('5 sampai 15 tahun atau denda IDR 500.000.000 sampai 5.000.000.000');
  });
});

describe('regimes() lists the neighbouring offences of each version', () => {
  it('with their instrument and dates', async () => {
    const { regimes } = await import('../src/index.js');
    const id = regimes().find((r) => r.id === 'uu-21-2007');
    const v2026 = id?.versions.find((v) => v.id === 'uu-21-2007@2026-01-02');
    expect(v2026?.otherOffences?.find((o) => o.id === 'kuhp-457')).toMatchObject({ instrument: 'UU 1/2023 (KUHP)', inForceFrom: '2026-01-02' });
    // The 2007 version (to 1 January 2026) has no KUHP offence: the KUHP took effect on 2 January 2026.
    expect(id?.versions.find((v) => v.id === 'uu-21-2007@2007-04-19')?.otherOffences?.some((o) => o.id.startsWith('kuhp-'))).toBe(false);
    expect(regimes().find((r) => r.id === 'palermo')?.versions[0]?.otherOffences).toBeUndefined();
  });
});

describe('the caught-by cause in the reader\'s language', () => {
  it('is worded from the results in id and ms (render/caseCauses.ts)', async () => {
    const { causeText } = await import('../src/render/caseCauses.js');
    const c = await compare(childNoMeans);
    const d = c.divergences.find((x) => x.verdict === 'trafficking')!;
    const cause = d.causes.find((x) => x.element === 'caught-by')!;
    const id = causeText(c, d, cause, 'id');
    expect(id).toContain('Bukan perdagangan orang menurut UU 21/2007 sebagaimana diundangkan');
    expect(id).toContain('Pasal 2 ayat (1)');
    expect(id).toContain('Penculikan, penjualan, dan/atau perdagangan Anak (UU 35/2014 Pasal 76F jo. Pasal 83): 3 sampai 15 tahun');
    expect(causeText(c, d, cause, 'ms')).toContain('kes ini boleh didakwa di bawah Penculikan, penjualan atau pemerdagangan kanak-kanak');
  });
});
