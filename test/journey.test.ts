import { describe, expect, it } from 'vitest';
import { compareSync } from '../src/compare/compare.js';
import { isFactsError } from '../src/index.js';
import type { CaseFacts } from '../src/facts/schema.js';

/**
 * Issue 12: the journey across the border under UU 21/2007 Pasal 3 and 4. Expected outcomes are
 * read from the statute, the reason beside each:
 * - Pasal 4: "membawa warga negara Indonesia ke luar wilayah negara Republik Indonesia dengan
 *   maksud untuk dieksploitasi di luar wilayah negara Republik Indonesia" - no means element.
 * - Pasal 3: "memasukkan orang ke wilayah negara Republik Indonesia dengan maksud untuk
 *   dieksploitasi di wilayah negara Republik Indonesia atau dieksploitasi di negara lain" - no means.
 * - Pasal 10: "melakukan percobaan ... dipidana dengan pidana yang sama" - a journey begun and
 *   stopped is an attempt punished as the completed offence, so the verdict qualifies either way.
 * - Pasal 1 angka 1 / 10: pengangkutan, pemindahan, pengiriman ("memberangkatkan") move the person.
 */
const uu = (facts: CaseFacts) => {
  const r = compareSync(facts, { regimes: ['uu-21-2007'] }).regimes[0];
  if (!r) throw new Error('no uu-21-2007 result');
  return r;
};
const offence = (facts: CaseFacts, id: string) => uu(facts).offences.find((o) => o.id === id);

const adultId = { age: 30, nationality: 'ID' } as const;

describe('UU 21/2007 Pasal 3 and 4: the acts show the journey', () => {
  it("the issue's example: an adult Indonesian recruited and transported to Malaysia for forced labour, no means, is Pasal 4", () => {
    // Transported (pengangkutan) from Indonesia towards Malaysia: the taking abroad has at least
    // begun; Pasal 4 needs no means; the intended exploitation is in Malaysia.
    const f: CaseFacts = { conductDate: '2023-03-01', victim: adultId, acts: ['recruitment', 'transportation'], means: [], purposes: ['forced-labour'], movement: { origin: 'ID', destination: 'MY', exploitationCountry: 'MY' } };
    expect(offence(f, 'pasal-4')?.status).toBe('qualifies');
    expect(uu(f).trafficking.status).toBe('qualifies');
    // Pasal 2(1) needs a means: none.
    expect(offence(f, 'pasal-2-1')?.status).toBe('does-not-qualify');
  });

  it('the same after 2 January 2026 (KUHP 455 replaced Pasal 2; Pasal 4 stays in force)', () => {
    // KUHP Pasal 622(1)(q) revokes Pasal 2 only; Pasal 4 is untouched.
    const f: CaseFacts = { conductDate: '2026-03-01', victim: adultId, acts: ['recruitment', 'transportation'], means: [], purposes: ['forced-labour'], movement: { origin: 'ID', destination: 'MY' } };
    expect(offence(f, 'pasal-4')?.status).toBe('qualifies');
    expect(offence(f, 'kuhp-455-1')?.status).toBe('does-not-qualify');
  });

  it('Pasal 3 mirror: a Malaysian brought into Indonesia and received there for forced labour, no means', () => {
    // Transported from Malaysia into Indonesia and received (penerimaan) there: "memasukkan orang
    // ke wilayah negara Republik Indonesia"; exploitation intended in Indonesia; no means needed.
    const f: CaseFacts = { conductDate: '2023-03-01', victim: { age: 28, nationality: 'MY' }, acts: ['transportation', 'receipt'], means: [], purposes: ['forced-labour'], movement: { origin: 'MY', destination: 'ID' } };
    expect(offence(f, 'pasal-3')?.status).toBe('qualifies');
    expect(uu(f).trafficking.status).toBe('qualifies');
  });

  it('a child sent abroad (pengiriman) to be exploited: Pasal 4 qualifies before any exploitation', () => {
    // Pengiriman is "memberangkatkan" (dispatching, Pasal 1 angka 10): the journey began. Pasal 4
    // needs the intent, not the result; Pasal 6 (sending a child) needs the result, unknown here.
    const f: CaseFacts = { conductDate: '2019-05-01', victim: { age: 15, nationality: 'ID' }, acts: ['recruitment', 'sending'], means: [], purposes: ['sexual-exploitation'], movement: { origin: 'ID', destination: 'MY' } };
    expect(offence(f, 'pasal-4')?.status).toBe('qualifies');
    expect(offence(f, 'pasal-6')?.status).toBe('undetermined');
    expect(uu(f).trafficking.status).toBe('qualifies');
  });

  it('transit ID -> MY -> KH: transferred through Malaysia to Cambodia is Pasal 4', () => {
    // Pemindahan (transfer) moves the person; taken out of Indonesia to be exploited in Cambodia.
    const f: CaseFacts = { conductDate: '2024-02-01', victim: { age: 24, nationality: 'ID' }, acts: ['recruitment', 'transfer'], means: [], purposes: ['forced-criminality'], movement: { origin: 'ID', transit: ['MY'], destination: 'KH' } };
    expect(offence(f, 'pasal-4')?.status).toBe('qualifies');
  });

  it('recruitment alone stays undetermined and asks only whether the journey had begun', () => {
    // Perekrutan alone (Pasal 1 angka 9: inviting, gathering) need not have begun the taking
    // abroad; Pasal 2(1) fails for want of a means; Pasal 4 turns on the journey only.
    const f: CaseFacts = { conductDate: '2023-03-01', victim: adultId, acts: ['recruitment'], means: [], purposes: ['forced-labour'], exploitationOccurred: [], movement: { origin: 'ID', destination: 'MY', transit: [] } };
    const r = uu(f);
    expect(r.trafficking.status).toBe('undetermined');
    expect(r.trafficking.missingFacts).toEqual(['movement.begun']);
    // Said: recruited only, not yet on the way - not yet Pasal 4 (no attempt has begun).
    const notBegun = uu({ ...f, movement: { ...f.movement, begun: false } });
    expect(notBegun.trafficking.status).toBe('does-not-qualify');
    // Said: set off (and stopped on the way, completed false) - an attempt, punished as Pasal 4 (Pasal 10).
    expect(uu({ ...f, movement: { ...f.movement, begun: true } }).trafficking.status).toBe('qualifies');
    expect(uu({ ...f, movement: { ...f.movement, completed: false } }).trafficking.status).toBe('qualifies');
  });

  it('exploitation at the far end shows the journey was made, with recruitment the only act', () => {
    // Exploited in Malaysia: the person must have been taken there.
    const f: CaseFacts = { conductDate: '2023-03-01', victim: adultId, acts: ['recruitment'], means: [], purposes: ['forced-labour'], exploitationOccurred: ['forced-labour'], movement: { origin: 'ID', destination: 'MY' } };
    expect(offence(f, 'pasal-4')?.status).toBe('qualifies');
  });

  it('harbouring in a shelter before departure does not by itself show the journey began', () => {
    // Penampungan is commonly the pre-departure shelter in Indonesia: it says nothing of the border.
    const f: CaseFacts = { conductDate: '2023-03-01', victim: adultId, acts: ['recruitment', 'harbouring'], means: [], purposes: ['forced-labour'], exploitationOccurred: [], movement: { origin: 'ID', destination: 'MY' } };
    expect(offence(f, 'pasal-4')?.status).toBe('undetermined');
    expect(offence(f, 'pasal-4')?.missingFacts).toEqual(['movement.begun']);
  });
});

describe('movement.begun contradicts what shows the journey began', () => {
  const base: CaseFacts = { conductDate: '2023-03-01', victim: adultId, purposes: ['forced-labour'], movement: { origin: 'ID', destination: 'MY', begun: false } };
  const error = (f: CaseFacts) => {
    try {
      compareSync(f);
    } catch (e) {
      if (isFactsError(e)) return e.issues.map((i) => i.path);
      throw e;
    }
    return [];
  };
  it('begun false with an act of moving the person, or with completed either way, is a FactsError naming movement.begun', () => {
    expect(error({ ...base, acts: ['recruitment', 'transportation'] })).toEqual(['movement.begun']);
    expect(error({ ...base, acts: { sending: true } })).toEqual(['movement.begun']);
    expect(error({ ...base, movement: { ...base.movement, completed: false } })).toEqual(['movement.begun']);
    expect(error({ ...base, movement: { ...base.movement, completed: true } })).toEqual(['movement.begun']);
  });
  it('begun false with recruitment only is accepted', () => {
    expect(error({ ...base, acts: ['recruitment'] })).toEqual([]);
  });
});

describe('offence results name the provision: completed, or jo. Pasal 10 as an attempt', () => {
  // Straight to the neighbour (no transit country): stopped before arriving is stopped before the border.
  const taken: CaseFacts = { conductDate: '2023-03-01', victim: adultId, acts: ['recruitment', 'transportation'], means: [], purposes: ['forced-labour'], exploitationOccurred: [], movement: { origin: 'ID', destination: 'MY', transit: [] } };
  const provisions = (f: CaseFacts, id: string) => offence(f, id)?.form?.citations.map((c) => `${c.instrument} ${c.provision}`);

  it('arrived in Malaysia: Pasal 4 as a completed offence, cited to Pasal 4 alone', () => {
    // "membawa ... ke luar wilayah": the person was taken out, the offence is complete.
    const f = { ...taken, movement: { ...taken.movement, completed: true } };
    expect(offence(f, 'pasal-4')?.form).toMatchObject({ status: 'completed', provision: 'Pasal 4' });
    expect(provisions(f, 'pasal-4')).toEqual(['UU 21/2007 Pasal 4']);
  });

  it('stopped at the port: Pasal 4 jo. Pasal 10, with Pasal 10 and the old KUHP on attempt cited (before 2026)', () => {
    // Stopped before arriving: a "percobaan" (KUHP Pasal 53(1): permulaan pelaksanaan, not
    // completed against the offender's will), punished as Pasal 4 by Pasal 10.
    const f = { ...taken, movement: { ...taken.movement, completed: false } };
    const p4 = offence(f, 'pasal-4');
    expect(p4?.status).toBe('qualifies');
    expect(p4?.form).toMatchObject({ status: 'attempt', provision: 'Pasal 4 jo. Pasal 10' });
    expect(provisions(f, 'pasal-4')).toEqual(['UU 21/2007 Pasal 4', 'UU 21/2007 Pasal 10', 'KUHP (Wetboek van Strafrecht, UU 1/1946) Pasal 53 ayat (1)']);
    const ps10 = p4?.form?.citations[1];
    expect(ps10?.text?.original).toContain('melakukan percobaan untuk melakukan tindak pidana perdagangan orang, dipidana dengan pidana yang sama');
  });

  it('stopped at the port after 2 January 2026: still Pasal 4 jo. Pasal 10, attempt as KUHP 2023 Pasal 17 defines it (confidence marked)', () => {
    // KUHP 622(1)(q) revoked only Pasal 2, so Pasal 4 and Pasal 10 stand; what an attempt is now
    // comes from KUHP 2023 Pasal 17, read in one source.
    const f = { ...taken, conductDate: '2026-02-01', movement: { ...taken.movement, completed: false } };
    const form = offence(f, 'pasal-4')?.form;
    expect(form?.provision).toBe('Pasal 4 jo. Pasal 10');
    const kuhp = form?.citations.find((c) => c.instrument === 'UU 1/2023 (KUHP)');
    expect(kuhp?.provision).toBe('Pasal 17 ayat (1) to (3)');
    expect(kuhp?.confidence).toBe('single-source');
    expect(kuhp?.text?.original).toContain('permulaan pelaksanaan');
  });

  it('journey shown by the acts but its end unknown: qualifies, and the form is undetermined, asking movement.completed', () => {
    const form = offence(taken, 'pasal-4')?.form;
    expect(offence(taken, 'pasal-4')?.status).toBe('qualifies');
    expect(form?.status).toBe('undetermined');
    expect(form?.provision).toBe('Pasal 4 or Pasal 4 jo. Pasal 10');
    expect(form?.missingFacts).toEqual(['movement.completed']);
  });

  it('stopped somewhere on a route through Malaysia to Cambodia: which side of the border is not known, so neither form is named', () => {
    // Out of Indonesia (in the transit country) the taking abroad of Pasal 4 is complete; still in
    // Indonesia it is an attempt. movement.completed false does not say which.
    const f: CaseFacts = { ...taken, movement: { origin: 'ID', transit: ['MY'], destination: 'KH', completed: false } };
    expect(offence(f, 'pasal-4')?.status).toBe('qualifies');
    expect(offence(f, 'pasal-4')?.form?.status).toBe('undetermined');
  });

  it('exploited in Malaysia: the journey was made, so Pasal 4 completed without movement.completed', () => {
    const f = { ...taken, exploitationOccurred: ['forced-labour'] } as CaseFacts;
    expect(offence(f, 'pasal-4')?.form?.status).toBe('completed');
  });

  it('Pasal 3: a Malaysian stopped at the Entikong crossing into Indonesia is Pasal 3 jo. Pasal 10', () => {
    const f: CaseFacts = { conductDate: '2023-03-01', victim: { age: 19, nationality: 'MY' }, acts: ['transportation'], means: [], purposes: ['prostitution'], movement: { origin: 'MY', destination: 'ID', completed: false } };
    expect(offence(f, 'pasal-3')?.form).toMatchObject({ status: 'attempt', provision: 'Pasal 3 jo. Pasal 10' });
  });

  it('an offence without the Pasal 10 form (Pasal 2(1), formal) carries no form, nor does one that does not qualify', () => {
    const f: CaseFacts = { ...taken, means: ['deception'], movement: { ...taken.movement, completed: false } };
    expect(offence(f, 'pasal-2-1')?.status).toBe('qualifies');
    expect(offence(f, 'pasal-2-1')?.form).toBeUndefined();
    expect(offence({ ...f, victim: { age: 30, nationality: 'MY' } }, 'pasal-4')?.form).toBeUndefined();
  });
});

describe('reports and summaries show the Pasal 10 reading', () => {
  const stopped: CaseFacts = { conductDate: '2023-03-01', victim: adultId, acts: ['recruitment', 'transportation'], means: [], purposes: ['forced-labour'], exploitationOccurred: [], movement: { origin: 'ID', destination: 'MY', transit: [], completed: false } };
  it('the summary names "Pasal 4 jo. Pasal 10" for a journey stopped at the border', async () => {
    const { summarise } = await import('../src/explain/summary.js');
    expect(summarise(uu(stopped))).toContain('(Pasal 4 jo. Pasal 10)');
    // Arrived: plain Pasal 4.
    expect(summarise(uu({ ...stopped, movement: { ...stopped.movement, completed: true } }))).toContain('(Pasal 4)');
  });
  it('the markdown and HTML reports name the form in each language', async () => {
    const { renderComparison } = await import('../src/render/renderComparison.js');
    const c = compareSync(stopped, { regimes: ['uu-21-2007'] });
    expect(renderComparison(c, 'markdown')).toContain('attempt, punished as the completed offence: Pasal 4 jo. Pasal 10');
    expect(renderComparison(c, 'html', { language: 'id' })).toContain('percobaan, dipidana sama dengan tindak pidana selesai: Pasal 4 jo. Pasal 10');
    expect(renderComparison(c, 'markdown', { language: 'ms' })).toContain('percubaan, dihukum sama seperti kesalahan yang selesai: Pasal 4 jo. Pasal 10');
  });
});
