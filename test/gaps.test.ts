import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { fallThrough as fallThroughOf } from '../src/compare/fallThrough.js';
import { compare, FactsError, GapAccumulator, gaps, renderGapReport } from '../src/index.js';
import { caseFactsArb } from './support/arbitraryFacts.js';
import { wellFormed } from './render-wellformed.js';

// Hand-built cases; each expected outcome is read from the law, the reason beside it.

/** A 15-year-old Thai girl recruited in Indonesia and taken to Malaysia for prostitution, no improper means, not yet exploited (2023). */
const thChildToMy = {
  id: 'th-child-id-to-my-no-means-2023',
  conductDate: '2023-05-10',
  victim: { age: 15, nationality: 'TH', selfProtectionImpaired: false, harm: ['psychological'] },
  acts: ['recruitment', 'transportation'],
  means: [],
  purposes: ['prostitution'],
  exploitationOccurred: [],
  movement: { origin: 'ID', destination: 'MY', transit: [], completed: true },
  offender: { organisedCriminalGroup: false },
};
// UU 21/2007 (2023 text): Pasal 2(1) needs a listed means, for a child too (Pasal 17 only
// aggravates); Pasal 3 is entry into Indonesia; Pasal 4 covers only Indonesian citizens; Pasal 6
// needs the child actually exploited. So: does not qualify, and the means element decides it.
// Act 670 s. 14: for a child the means are irrelevant; s. 3: Malaysia is the destination: qualifies.
// ACTIP Art 2(c) and Palermo Art 3(c): a child needs no means: qualify.

/** A 16-year-old recruited and moved between Indonesian provinces for prostitution, no means (fixture child-recruited-within-id-no-means-2023). */
const childWithinId = {
  id: 'child-within-id-no-means-2023',
  conductDate: '2023-05-10',
  victim: { birthDate: '2007-02-01', nationality: 'ID', selfProtectionImpaired: false, harm: ['psychological'] },
  acts: ['recruitment', 'transportation'],
  means: [],
  purposes: ['prostitution'],
  exploitationOccurred: [],
  movement: { origin: 'ID', destination: 'ID', transit: [], interRegional: true, completed: true },
  offender: { organisedCriminalGroup: false },
};
// UU 21/2007: as above (no means; Pasal 6 needs actual exploitation). Act 670 s. 3: nothing in
// or to Malaysia, so no offence: the territorial element decides it. ACTIP / Palermo: qualify.

/** An Indonesian adult deceived into forced labour in Malaysia (2023): every regime qualifies (Pasal 2(1)/4; Act 670 s. 12 with s. 3; ACTIP Art 2(a); Palermo Art 3(a)). */
const adultDeceived = {
  id: 'adult-deceived-id-to-my-2023',
  conductDate: '2023-08-01',
  victim: { birthDate: '1995-03-10', nationality: 'ID', selfProtectionImpaired: false, harm: ['economic'] },
  acts: ['recruitment', 'transportation'],
  means: ['deception'],
  purposes: ['forced-labour'],
  exploitationOccurred: ['forced-labour'],
  movement: { origin: 'ID', destination: 'MY', transit: [], completed: true },
  offender: { organisedCriminalGroup: true },
};

/** A Malaysian adult recruited in Malaysia for forced labour with no means (2023): no regime qualifies (Act 670 after A1644 needs a means for an adult; ACTIP Art 2(a), Palermo Art 3(a) likewise; nothing links it to Indonesia). */
const myAdultNoMeans = {
  id: 'my-adult-no-means-2023',
  conductDate: '2023-06-01',
  victim: { birthDate: '1980-03-10', nationality: 'MY', selfProtectionImpaired: false, harm: ['economic'] },
  acts: ['recruitment'],
  means: [],
  purposes: ['forced-labour'],
  exploitationOccurred: [],
  movement: { origin: 'MY', destination: 'MY', transit: [] },
  offender: { organisedCriminalGroup: false },
};

/**
 * An Indonesian adult taken to Malaysia for forced labour; deception is ruled out, every other
 * means unknown (open set). UU 21/2007 Pasal 4 (taking a citizen abroad to be exploited) needs no
 * means: qualifies. Act 670 (2022 text), ACTIP and Palermo need a means for an adult: undetermined,
 * and the missing fact is the means. Undetermined is a shortage of facts, not a gap: not a fall-through.
 */
const adultMeansUnknown = {
  id: 'adult-means-unknown-2023',
  conductDate: '2023-08-01',
  victim: { birthDate: '1995-03-10', nationality: 'ID', selfProtectionImpaired: false, harm: ['economic'] },
  acts: ['recruitment', 'transportation'],
  means: { deception: false },
  purposes: ['forced-labour'],
  exploitationOccurred: ['forced-labour'],
  movement: { origin: 'ID', destination: 'MY', transit: [], completed: true },
  offender: { organisedCriminalGroup: true },
};

const badAge = { id: 'bad-age', conductDate: '2023-01-01', victim: { age: 'sixteen' } };

const SET = [thChildToMy, childWithinId, adultDeceived, myAdultNoMeans, adultMeansUnknown, badAge];

describe('gaps() on a hand-built case set', () => {
  it('counts each combination of trafficking statuses, with its case ids', async () => {
    const r = await gaps(SET);
    expect(r.cases).toBe(6);
    expect(r.evaluated).toBe(5);
    const find = (statuses: Record<string, string>) => r.combinations.find((c) => JSON.stringify(c.statuses) === JSON.stringify(statuses));
    expect(find({ 'uu-21-2007': 'does-not-qualify', 'act-670': 'qualifies', actip: 'qualifies', palermo: 'qualifies' })?.caseIds).toEqual(['th-child-id-to-my-no-means-2023']);
    expect(find({ 'uu-21-2007': 'does-not-qualify', 'act-670': 'does-not-qualify', actip: 'qualifies', palermo: 'qualifies' })?.caseIds).toEqual(['child-within-id-no-means-2023']);
    expect(find({ 'uu-21-2007': 'qualifies', 'act-670': 'qualifies', actip: 'qualifies', palermo: 'qualifies' })?.caseIds).toEqual(['adult-deceived-id-to-my-2023']);
    expect(find({ 'uu-21-2007': 'does-not-qualify', 'act-670': 'does-not-qualify', actip: 'does-not-qualify', palermo: 'does-not-qualify' })?.caseIds).toEqual(['my-adult-no-means-2023']);
    expect(find({ 'uu-21-2007': 'qualifies', 'act-670': 'undetermined', actip: 'undetermined', palermo: 'undetermined' })?.caseIds).toEqual(['adult-means-unknown-2023']);
    expect(r.combinations.reduce((n, c) => n + c.count, 0)).toBe(5);
  });

  it('child combinations: the two children are children everywhere (under 18: Pasal 1 angka 5, s. 2, Art 2(d), Art 3(d)), the adults nowhere', async () => {
    const r = await gaps(SET);
    const all = (s: string) => ({ 'uu-21-2007': s, 'act-670': s, actip: s, palermo: s });
    expect(r.childCombinations.find((c) => JSON.stringify(c.statuses) === JSON.stringify(all('qualifies')))?.count).toBe(2);
    expect(r.childCombinations.find((c) => JSON.stringify(c.statuses) === JSON.stringify(all('does-not-qualify')))?.count).toBe(3);
    expect(r.victimCombinations.reduce((n, c) => n + c.count, 0)).toBe(5);
  });

  it('lists the fall-through cases with the regimes and the deciding element', async () => {
    const r = await gaps(SET);
    expect(r.fallThroughCount).toBe(2);
    const [a, b] = r.fallThrough;
    expect(a).toMatchObject({ caseId: 'th-child-id-to-my-no-means-2023', qualifiesUnder: ['act-670', 'actip', 'palermo'], failsUnder: ['uu-21-2007'] });
    expect(a?.causes).toContain('means');
    expect(b).toMatchObject({ caseId: 'child-within-id-no-means-2023', qualifiesUnder: ['actip', 'palermo'], failsUnder: ['uu-21-2007', 'act-670'] });
    expect(b?.causes).toEqual(expect.arrayContaining(['means', 'territory']));
    // Not a gap: the adult with unknown means (undetermined) and the case no regime catches.
    expect(r.fallThrough.map((f) => f.caseId)).not.toContain('adult-means-unknown-2023');
    expect(r.fallThrough.map((f) => f.caseId)).not.toContain('my-adult-no-means-2023');
  });

  it('ranks causes by the cases they decide, naming the regime that fails on each', async () => {
    const r = await gaps(SET);
    // means decides both children under UU 21/2007; territory only the Indonesian one under Act 670.
    expect(r.causes[0]).toMatchObject({ cause: 'means', cases: 2, failsUnder: { 'uu-21-2007': 2 } });
    expect(r.causes.find((c) => c.cause === 'territory')).toMatchObject({ cases: 1, failsUnder: { 'act-670': 1 }, caseIds: ['child-within-id-no-means-2023'] });
    // The whole-verdict summary is in each case's causes but not ranked (every failing regime has it).
    expect(r.causes.map((c) => c.cause)).not.toContain('offences');
  });

  it('ranks undetermined cases by the missing fact that would decide them', async () => {
    const r = await gaps(SET);
    expect(r.undetermined.count).toBe(1);
    expect(r.undetermined.facts[0]).toMatchObject({ fact: 'means', cases: 1, caseIds: ['adult-means-unknown-2023'] });
  });

  it('counts and lists bad records, never drops them', async () => {
    const r = await gaps([...SET, 'not an object', null]);
    expect(r.badRecords.count).toBe(3);
    expect(r.badRecords.records[0]).toMatchObject({ index: 6, caseId: 'bad-age', issues: [expect.objectContaining({ path: 'victim.age' })] });
    expect(r.badRecords.records.map((b) => b.index)).toEqual([6, 7, 8]);
    expect(r.cases).toBe(8);
  });

  it('bounds the lists, never the counts', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...thChildToMy, id: `c${i}` }));
    const r = await gaps([...many, badAge, badAge], { maxCaseIds: 5, maxFallThrough: 3, maxBadRecords: 1 });
    expect(r.combinations[0]).toMatchObject({ count: 30, caseIdsOmitted: 25 });
    expect(r.combinations[0]?.caseIds).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(r.fallThroughCount).toBe(30);
    expect(r.fallThrough).toHaveLength(3);
    expect(r.fallThroughOmitted).toBe(27);
    expect(r.badRecords).toMatchObject({ count: 2, omitted: 1 });
  });

  it('--as-of: a child case judged in 2009 finds ACTIP not in force, so only the in-force law counts', async () => {
    // ACTIP entered into force in March 2017: before it, the Thai child falls through between Act 670 / Palermo and UU 21/2007.
    const r = await gaps([thChildToMy], { asOf: '2009-06-01' });
    expect(r.asOf).toBe('2009-06-01');
    expect(r.combinations[0]?.statuses.actip).toBe('not-in-force');
    expect(r.fallThrough[0]?.qualifiesUnder).not.toContain('actip');
  });

  it('refuses bad options with a FactsError naming the option', async () => {
    await expect(gaps(SET, { regimes: ['xx' as never] })).rejects.toBeInstanceOf(FactsError);
    await expect(gaps(SET, { maxCaseIds: -1 })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'options.maxCaseIds' })] });
  });

  it('a source that is not iterable is a FactsError, not a TypeError', async () => {
    await expect(gaps(null as never)).rejects.toMatchObject({ name: 'FactsError', issues: [expect.objectContaining({ path: 'cases' })] });
    await expect(gaps(42 as never)).rejects.toBeInstanceOf(FactsError);
  });

  it('a case without an id is named by its position', async () => {
    const { id: _id, ...noId } = thChildToMy;
    const r = await gaps([adultDeceived, noId]);
    expect(r.fallThrough[0]?.caseId).toBe('#2');
  });
});

describe('gaps() properties', () => {
  it('streaming (async source, accumulator) = array; counts add up; fall-through agrees with compare + fallThrough', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 9, arbitrary: caseFactsArb }, { weight: 1, arbitrary: fc.constant(badAge as unknown) }), { maxLength: 12 }), async (cases) => {
        const r = await gaps(cases);
        async function* stream() {
          for (const c of cases) yield c;
        }
        expect(await gaps(stream())).toEqual(r);
        const acc = new GapAccumulator();
        for (const c of cases) acc.add(c);
        expect(acc.report()).toEqual(r);
        expect(r.cases).toBe(cases.length);
        expect(r.evaluated + r.badRecords.count).toBe(cases.length);
        for (const list of [r.combinations, r.victimCombinations, r.childCombinations]) expect(list.reduce((n, c) => n + c.count, 0)).toBe(r.evaluated);
        // The same cases fall through as when each is compared in full and judged by fallThrough().
        let expected = 0;
        for (const c of cases) {
          try {
            if (fallThroughOf(await compare(c))) expected += 1;
          } catch (e) {
            expect(e).toBeInstanceOf(FactsError);
          }
        }
        expect(r.fallThroughCount).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });
});

describe('renderGapReport', () => {
  const hostile = { ...thChildToMy, id: '<script>alert("x")</script>&' };
  it('HTML: well-formed, self-contained, charts as inline SVG with their numbers, case ids escaped', async () => {
    const r = await gaps([hostile, childWithinId, adultDeceived, badAge]);
    for (const language of ['en', 'id', 'ms'] as const) {
      const html = renderGapReport(r, 'html', { language });
      expect(wellFormed(html)).toEqual([]);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import|https?:\/\//i);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
      const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
      expect(svgs.length).toBeGreaterThanOrEqual(3);
      // Every bar has its number written beside it: the fall-through cause 'means' decides 2 cases.
      expect(html).toMatch(/<rect[^>]*><\/rect><text[^>]*>2<\/text>/);
    }
  });
  it('Markdown in Indonesian and Malay uses the locale words, with the counts', async () => {
    const r = await gaps([thChildToMy, childWithinId, adultDeceived, badAge]);
    const id = renderGapReport(r, 'markdown', { language: 'id' });
    expect(id).toContain('# Analisis celah atas sekumpulan perkara');
    expect(id).toContain('2 perkara jatuh ke dalam celah.');
    expect(id).toContain('victim.age');
    const ms = renderGapReport(r, 'markdown', { language: 'ms' });
    expect(ms).toContain('2 kes terlepas melalui jurang.');
    expect(ms).toContain('th-child-id-to-my-no-means-2023');
  });
  it('Markdown: a hostile case id renders as text, never as markup or a link (CommonMark via markdown-it, HTML allowed)', async () => {
    const r = await gaps([{ ...thChildToMy, id: '<img src=x onerror=alert(1)>[click](javascript:alert(1))' }, { id: '<b>bad</b>', victim: { age: 'x' } }]);
    const html = new MarkdownIt({ html: true }).render(renderGapReport(r, 'markdown'));
    expect(html).not.toMatch(/<img|<b>|<a /);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;[click](javascript:alert(1))');
  });
  it('a case id with a pipe cannot break a Markdown table row, and one with a newline is refused', async () => {
    const r = await gaps([{ ...thChildToMy, id: 'a|b c' }]);
    const md = renderGapReport(r, 'markdown');
    expect(md).toContain('a\\|b c');
    // The schema refuses control characters in a case id (issue 17): the record is listed as bad.
    const bad = await gaps([{ ...thChildToMy, id: 'a|b\nc' }]);
    expect(bad.badRecords.count).toBe(1);
    expect(renderGapReport(bad, 'markdown')).not.toMatch(/a\|b\nc/);
  });
});
