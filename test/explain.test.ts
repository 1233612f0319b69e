/**
 * Explanations a prosecutor can read (issue 4): why / why-not paths and summaries written from
 * the law for a dozen cases, missing facts ranked and checked by re-running compare(),
 * counterfactuals checked the same way, receipts stable and sensitive to the rule files, and the
 * contested readings that decided an outcome.
 *
 * Every expected string below is written from the provisions named next to it (and the concept
 * labels of the shared vocabulary), not copied from the program's output.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compare, counterfactuals, explainMissing, summarise, summariseComparison } from '../src/index.js';
import { compareSync } from '../src/compare/compare.js';
import { loadRuleBook, type RuleBundle } from '../src/law/load.js';
import type { CaseFacts } from '../src/facts/schema.js';
import type { Comparison, ExplanationNode, Language, RegimeId, RegimeResult, Status, VerdictName } from '../src/types.js';

const root = resolve(import.meta.dirname, '..');
const fixture = (id: string) => JSON.parse(readFileSync(join(root, 'fixtures', `${id}.json`), 'utf8')) as { facts: CaseFacts; options?: Record<string, unknown> };
const regimeOf = (c: Comparison, regime: RegimeId) => c.regimes.find((r) => r.regime === regime) as RegimeResult;

/** The concept facts a satisfied tree rests on: satisfied leaves reached through satisfied nodes, none under a "not". */
function rests(n: ExplanationNode, into: string[] = []): string[] {
  if (n.status !== 'satisfied') return into;
  if (n.kind === 'fact') {
    if (n.fact && /^(acts|means|purposes|exploitationOccurred)\./.test(n.fact) && n.expected === true && !into.includes(n.fact)) into.push(n.fact);
  } else if (n.kind !== 'not') for (const c of n.children ?? []) rests(c, into);
  return into;
}

/** The explanation path of a trafficking verdict: element:status, and for a satisfied element the concept facts it rests on. */
function pathOf(r: RegimeResult): string[] {
  return r.trafficking.elements.map((e) => {
    const facts = e.status === 'satisfied' ? (e.children ?? []).flatMap((c) => rests(c)) : [];
    return `${e.element}:${e.status}${facts.length ? `[${[...new Set(facts)].join(' ')}]` : ''}`;
  });
}

interface Case {
  fixture: string;
  regime: RegimeId;
  /** Why, from the law. */
  law: string;
  path: string[];
  summary: Partial<Record<Language, string>>;
}

const CASES: Case[] = [
  {
    fixture: 'child-id-to-my-stopped-at-border-no-means-2023',
    regime: 'act-670',
    law: 'A1644: s.2 act + purpose, means switched off for a child by s.14(2); s.3 links the case to Malaysia (receiving country). s.14(1) is the child offence. Contested: s.17A (must exploitation be proved? it has not happened) and whether a child is a "trafficked person" without means (s.2 definition read alone).',
    path: ['act:satisfied[acts.recruitment]', 'means:not-required', 'purpose:satisfied[purposes.sexual-exploitation]', 'territory:satisfied'],
    summary: {
      en: 'Under Act 670 as amended by Act A1644 (from 22 February 2022), this is trafficking of a child (s. 14(1) (as substituted by A1644 s.6)): the child was subjected to recruitment for other sexual exploitation; the means used do not matter (s. 14(2) (inserted by A1644 s.6)). A contested reading decided this: A person covered by s.14(2) (a child, or unable to protect themself) trafficked without means as a "trafficked person" (2022). Read as "the definition with its means only", victim status would be not met instead of met. A contested reading decided this: Whether s.17A requires actual exploitation. Read as "exploitation must be proved", trafficking would be not met instead of met; victim status would be not met instead of met. The person is a victim under this regime.',
      ms: 'Di bawah Akta 670 sebagaimana dipinda oleh Akta A1644 (mulai 22 Februari 2022), ini ialah pemerdagangan kanak-kanak (s. 14(1) (as substituted by A1644 s.6)): kanak-kanak itu telah mengalami merekrut bagi maksud eksploitasi seksual; cara yang digunakan tidak relevan (s. 14(2) (inserted by A1644 s.6)). Tafsiran yang dipertikaikan menentukan keputusan ini: Orang yang diliputi s.14(2) (kanak-kanak, atau tidak berupaya melindungi diri) yang diperdagangkan tanpa cara sebagai "orang yang diperdagangkan" (2022). Jika dibaca sebagai "hanya takrif bersama caranya", status mangsa akan tidak dipenuhi, bukan dipenuhi. Tafsiran yang dipertikaikan menentukan keputusan ini: Sama ada s.17A memerlukan eksploitasi yang benar-benar berlaku. Jika dibaca sebagai "eksploitasi mesti dibuktikan", pemerdagangan orang akan tidak dipenuhi, bukan dipenuhi; status mangsa akan tidak dipenuhi, bukan dipenuhi. Orang itu ialah mangsa di bawah rejim ini.',
    },
  },
  {
    fixture: 'child-id-to-my-stopped-at-border-no-means-2023',
    regime: 'palermo',
    law: 'Art 3(a) act + purpose; Art 3(c): for a child (under 18, Art 3(d)) no means is needed.',
    path: ['act:satisfied[acts.recruitment]', 'means:not-required', 'purpose:satisfied[purposes.sexual-exploitation]'],
    summary: {
      en: 'Under Palermo Protocol (in force 25 December 2003), this is trafficking of a child (Art. 3(a)): the child was subjected to recruitment for other sexual exploitation; the means used do not matter (Art. 3(c)). The person is a victim under this regime.',
    },
  },
  {
    fixture: 'child-recruited-within-id-no-means-2023',
    regime: 'uu-21-2007',
    law: 'Pasal 2(1) needs a listed means even for a child; Pasal 2(2) also needs actual exploitation; Pasal 3 entry into and Pasal 4 exit from Indonesia; Pasal 5 adoption by promise or gift; Pasal 6 sending (the child was transported between provinces) needs the result: exploitation, which has not happened. UU 35/2014 Pasal 76F (trafficking of a child, plain meaning: no means) catches it, Pasal 83: 3-15 years and Rp60m-300m.',
    path: ['act:satisfied[acts.recruitment acts.transportation]', 'means:not-satisfied', 'purpose:satisfied[purposes.prostitution]', 'territory:satisfied'],
    summary: {
      en: 'Under UU 21/2007 as enacted (Pasal 2 in force), this is not trafficking: Pasal 2 ayat (1) fails on means; Pasal 2 ayat (2) fails on means, result (actual exploitation); Pasal 3 fails on entry into Indonesia; Pasal 4 fails on exit from Indonesia, exploitation abroad; Pasal 5 fails on act, means; Pasal 6 fails on result (actual exploitation). Other law catches the case: Abduction, sale or trafficking of a child (UU 35/2014 Pasal 76F jo. 83): 3 to 15 years and a fine of IDR 60,000,000 to 300,000,000.',
      id: 'Menurut UU 21/2007 sebagaimana diundangkan (Pasal 2 berlaku), perbuatan ini bukan tindak pidana perdagangan orang: Pasal 2 ayat (1) tidak terpenuhi pada unsur cara; Pasal 2 ayat (2) tidak terpenuhi pada unsur cara, akibat (tereksploitasi); Pasal 3 tidak terpenuhi pada unsur memasukkan ke wilayah Indonesia; Pasal 4 tidak terpenuhi pada unsur membawa ke luar wilayah Indonesia, eksploitasi di luar negeri; Pasal 5 tidak terpenuhi pada unsur perbuatan, cara; Pasal 6 tidak terpenuhi pada unsur akibat (tereksploitasi). Perkara ini dijerat dengan undang-undang lain: Penculikan, penjualan, dan/atau perdagangan Anak (UU 35/2014 Pasal 76F jo. Pasal 83): 3 sampai 15 tahun dan denda IDR 60.000.000 sampai 300.000.000.',
    },
  },
  {
    fixture: 'my-adult-no-means-2023',
    regime: 'act-670',
    law: 'A1644 added the means to s.2: an adult recruited without any listed means is not trafficked; s.14(1) covers only a child or a person unable to protect themself, and s.14(2) (means irrelevant) only them.',
    path: ['act:satisfied[acts.recruitment]', 'means:not-satisfied', 'purpose:satisfied[purposes.forced-labour]', 'territory:satisfied'],
    summary: {
      en: 'Under Act 670 as amended by Act A1644 (from 22 February 2022), this is not trafficking: s. 2 "trafficking in persons" (as substituted by A1644 s.2(d)) fails on means; s. 12 (as amended by A1644 s.4) fails on means; s. 13 (as substituted by A1644 s.5) fails on means; s. 14(1) (as substituted by A1644 s.6) fails on victim category, means.',
    },
  },
  {
    fixture: 'my-adult-no-means-2009',
    regime: 'act-670',
    law: 'Act 670 as enacted: s.2 "trafficking in persons" is act + purpose only, no means element; s.12 punishes it for an adult.',
    path: ['act:satisfied[acts.recruitment]', 'purpose:satisfied[purposes.forced-labour]', 'territory:satisfied'],
    summary: {
      en: 'Under Act 670 as enacted (offences in force 28 February 2008), this is trafficking (s. 12): the person was subjected to recruitment for forced labour or services. The person is a victim under this regime.',
    },
  },
  {
    fixture: 'adult-deceived-id-to-my-forced-labour-2023',
    regime: 'actip',
    law: 'ACTIP Art 2(a): recruitment and transportation, by deception, for the purpose of forced labour (the purpose element asks what was intended); Art 2 "victim" (any natural person subject to trafficking).',
    path: ['act:satisfied[acts.recruitment acts.transportation]', 'means:satisfied[means.deception]', 'purpose:satisfied[purposes.forced-labour]'],
    summary: {
      en: 'Under ACTIP (in force 8 March 2017), this is trafficking (Art. 2(a)): the person was subjected to recruitment and transportation for forced labour or services; by deception. The person is a victim under this regime.',
      id: 'Menurut ACTIP (berlaku 8 Maret 2017), perbuatan ini merupakan tindak pidana perdagangan orang (Art. 2(a)): terhadap orang tersebut dilakukan perekrutan dan pengangkutan untuk tujuan kerja atau pelayanan paksa; dengan penipuan. Orang tersebut adalah korban menurut rezim ini.',
    },
  },
  {
    fixture: 'pasal-3-adult-brought-into-id-no-means-2022',
    regime: 'uu-21-2007',
    law: 'Pasal 3: "memasukkan orang ke wilayah negara Republik Indonesia dengan maksud untuk dieksploitasi" - no act list, no means; sexual harm suffered makes her a korban (Pasal 1 angka 3).',
    // Entry: taken from outside (MM) to Indonesia, and the journey begun: she was transported (an act that moves
    // the person, Pasal 1 angka 1) and exploited in Indonesia; a satisfied 'any' shows every concept branch that
    // holds. Purpose: the intended exploitation.
    path: ['entry-into-indonesia:satisfied[acts.transportation exploitationOccurred.prostitution]', 'purpose:satisfied[purposes.prostitution]'],
    summary: {
      // The transport now counts towards the entry element (it shows the journey), so the summary names it.
      en: 'Under UU 21/2007 as enacted (Pasal 2 in force), this is trafficking (Pasal 3): bringing a person into Indonesia for exploitation; the person was subjected to transportation for exploitation of the prostitution of others. The person is a victim under this regime.',
    },
  },
  {
    fixture: 'pasal-6-child-sent-between-provinces-exploited-2018',
    regime: 'uu-21-2007',
    law: 'Pasal 6: "pengiriman anak ke dalam atau ke luar negeri dengan cara apa pun yang mengakibatkan anak tersebut tereksploitasi" - a child, sent between regions (Penjelasan), and exploited; no means element.',
    path: ['child:satisfied', 'act:satisfied[acts.sending]', 'route:satisfied', 'result:satisfied[exploitationOccurred.forced-labour]'],
    summary: {
      en: 'Under UU 21/2007 as enacted (Pasal 2 in force), this is trafficking of a child (Pasal 6): the child was subjected to sending for forced labour or services. The person is a victim under this regime.',
    },
  },
  {
    fixture: 'child-paid-for-sex-id-default-2019',
    regime: 'uu-21-2007',
    law: 'Pasal 2(1) means "memberi bayaran atau manfaat": by default it covers payment to the victim; on the controller-only reading (payment to the person in control) there is no means, and no trafficking, so no korban.',
    path: ['act:satisfied[acts.recruitment]', 'means:satisfied[means.payment-to-victim]', 'purpose:satisfied[purposes.prostitution]', 'territory:satisfied'],
    summary: {
      en: 'Under UU 21/2007 as enacted (Pasal 2 in force), this is trafficking of a child (Pasal 2 ayat (1)): the child was subjected to recruitment for exploitation of the prostitution of others; by payment or benefit to the victim. A contested reading decided this: Payment to the victim as a means. Read as "only payment to a person in control", trafficking would be not met instead of met; victim status would be not met instead of met. The person is a victim under this regime.',
      id: 'Menurut UU 21/2007 sebagaimana diundangkan (Pasal 2 berlaku), perbuatan ini merupakan perdagangan anak (Pasal 2 ayat (1)): terhadap anak tersebut dilakukan perekrutan untuk tujuan pelacuran; dengan memberi bayaran atau manfaat kepada korban. Penafsiran yang diperdebatkan menentukan hasil ini: Bayaran kepada korban sebagai cara. Dengan penafsiran "hanya bayaran kepada orang yang memegang kendali", perdagangan orang akan tidak terpenuhi, bukan terpenuhi; status korban akan tidak terpenuhi, bukan terpenuhi. Orang tersebut adalah korban menurut rezim ini.',
    },
  },
  {
    fixture: 'act670-2010-labour-kept-by-debt-default-2015',
    regime: 'act-670',
    law: 'A1385 s.2 first limb: acquiring or maintaining labour or services through coercion; a debt used to hold the worker is coercion by default (s.2 "coercion"); on the not-means reading of control practices it is not, and there is no trafficking.',
    path: ['act:satisfied[acts.acquiring acts.maintaining means.debt-bondage]', 'purpose:satisfied[purposes.forced-labour]', 'territory:satisfied'],
    summary: {
      en: 'Under Act 670 as amended by Act A1385 (from 15 November 2010), this is trafficking (s. 12): the person was subjected to acquiring and maintaining for forced labour or services; by debt bondage. A contested reading decided this: Control practices (documents, wages, isolation, debt) as means. Read as "evidence, not means", trafficking would be not met instead of met; victim status would be not met instead of met. The person is a victim under this regime.',
    },
  },
  {
    fixture: 'kuhp-455-child-no-means-domestic-2026',
    regime: 'uu-21-2007',
    law: 'KUHP Pasal 455(1) (from 2 January 2026) has no child exception: a listed means is needed; Pasal 6 needs sending between regions or abroad and actual exploitation; Pasal 3 and 4 a border. Caught instead by UU 35/2014 Pasal 76F jo. 83 (3-15 years, Rp60m-300m) and KUHP Pasal 422(1) (recruiting and placing a child with others for sexual exploitation: up to 9 years).',
    path: ['act:satisfied[acts.recruitment acts.harbouring]', 'means:not-satisfied', 'purpose:satisfied[purposes.sexual-exploitation]', 'territory:satisfied'],
    summary: {
      en: 'Under UU 21/2007 with KUHP Pasal 455 replacing Pasal 2 (from 2 January 2026), this is not trafficking: Pasal 455 ayat (1) fails on means; Pasal 455 ayat (2) fails on means, result (actual exploitation); Pasal 3 fails on entry into Indonesia; Pasal 4 fails on exit from Indonesia, exploitation abroad; Pasal 5 fails on act, means; Pasal 6 fails on act, route (between regions or abroad), result (actual exploitation). Other law catches the case: Abduction, sale or trafficking of a child (UU 35/2014 Pasal 76F jo. 83): 3 to 15 years and a fine of IDR 60,000,000 to 300,000,000; Handing a child over for prostitution or obscene acts (KUHP Pasal 422): up to 9 years.',
    },
  },
  {
    fixture: 'act670-s14-disabled-adult-no-means-2023',
    regime: 'act-670',
    law: 'A1644 s.14(1) covers a person unable to fully take care of or protect himself because of a disability; s.14(2): the means do not matter for them. Three contested readings decide it: whether such a person is a "trafficked person" when the s.2 definition (which needs a means) is read alone; s.17A (must exploitation be proved? whether it happened is not known, so undetermined); whether forced begging, not named in s.2 "exploitation", is covered (the default reads it as a forced service).',
    path: ['act:satisfied[acts.recruitment]', 'means:not-required', 'purpose:satisfied[purposes.forced-begging]', 'territory:satisfied'],
    summary: {
      en: 'Under Act 670 as amended by Act A1644 (from 22 February 2022), this is trafficking (s. 14(1) (as substituted by A1644 s.6)): the person was subjected to recruitment for forced begging; the means used do not matter (s. 14(2) (inserted by A1644 s.6)). A contested reading decided this: A person covered by s.14(2) (a child, or unable to protect themself) trafficked without means as a "trafficked person" (2022). Read as "the definition with its means only", victim status would be not met instead of met. A contested reading decided this: Whether s.17A requires actual exploitation. Read as "exploitation must be proved", trafficking would be undetermined instead of met; victim status would be undetermined instead of met. A contested reading decided this: Forced marriage and forced begging as exploitation. Read as "not covered", trafficking would be not met instead of met; victim status would be not met instead of met. The person is a victim under this regime.',
    },
  },
  {
    fixture: 'leap-day-birthday-2026-03-01',
    regime: 'actip',
    law: 'Born 29 Feb 2008, 18 on 1 March 2026: an adult, so Art 2(a) needs act, means and purpose, and none is known.',
    path: ['act:unknown', 'means:unknown', 'purpose:unknown'],
    summary: {
      en: 'Under ACTIP (in force 8 March 2017), it cannot yet be said whether this is trafficking: it turns on what was done to the person, the means used and the purpose.',
      ms: 'Di bawah ACTIP (berkuat kuasa 8 Mac 2017), belum dapat ditentukan sama ada ini pemerdagangan orang: ia bergantung pada perbuatan yang dilakukan, cara yang digunakan dan maksud eksploitasi.',
    },
  },
  {
    fixture: 'actip-day-before-in-force-2017-03-07',
    regime: 'actip',
    law: 'ACTIP entered into force on 8 March 2017.',
    path: [],
    summary: { en: 'ACTIP (in force 8 March 2017) was not in force on 2017-03-07.', id: 'ACTIP (berlaku 8 Maret 2017) belum atau tidak berlaku pada 2017-03-07.' },
  },
];

describe('why / why-not paths and summaries, from the law', () => {
  it.each(CASES.map((c) => [`${c.fixture} under ${c.regime}`, c] as const))('%s', async (_, c) => {
    const f = fixture(c.fixture);
    const comparison = await compare(f.facts, f.options);
    const r = regimeOf(comparison, c.regime);
    // The consent element (consent is no defence) is not part of the offence: left out of the path.
    expect(pathOf({ ...r, trafficking: { ...r.trafficking, elements: r.trafficking.elements.filter((e) => e.element !== 'consent') } }), c.law).toEqual(c.path);
    for (const [language, text] of Object.entries(c.summary)) {
      expect(summarise(r, { language: language as Language, ...(comparison.asOf ? { asOf: comparison.asOf } : {}) }), `${language}: ${c.law}`).toBe(text);
    }
    expect(summariseComparison(comparison)[c.regime]).toBe(c.summary.en ?? summarise(r, { asOf: comparison.asOf as string }));
  });

  it('every node of every tree is plain JSON, has a known status and a citation; facts appear on fact nodes', async () => {
    const statuses = new Set(['satisfied', 'not-satisfied', 'unknown', 'not-required', 'not-evaluated']);
    for (const c of CASES) {
      const f = fixture(c.fixture);
      const comparison = await compare(f.facts, f.options);
      // Round trip: nothing lost (no functions, no cycles, no class instances).
      expect(JSON.parse(JSON.stringify(comparison.regimes))).toEqual(comparison.regimes);
      const walk = (n: ExplanationNode): void => {
        expect(statuses.has(n.status)).toBe(true);
        expect(n.citation?.provision).toBeTruthy();
        if (n.kind === 'fact') expect(typeof n.fact).toBe('string');
        else expect(n.children?.length).toBeGreaterThan(0);
        for (const child of n.children ?? []) walk(child);
      };
      for (const r of comparison.regimes) for (const v of ['trafficking', 'victim', 'child'] as const) for (const e of r[v].elements) for (const n of e.children ?? []) walk(n);
    }
  });

  it('a tree says why not: the failing element of Act 670 (2022) has no satisfied means leaf, and each leaf shows the value found', async () => {
    const r = regimeOf(await compare(fixture('my-adult-no-means-2023').facts), 'act-670');
    const means = r.trafficking.elements.find((e) => e.element === 'means');
    const leaves = (n: ExplanationNode): ExplanationNode[] => (n.kind === 'fact' ? [n] : (n.children ?? []).flatMap(leaves));
    const all = leaves(means?.children?.[0] as ExplanationNode);
    // means: [] is a closed set (contract.md): every listed means is false, so every means leaf fails on a known value.
    expect(all.filter((l) => l.fact?.startsWith('means.')).every((l) => l.status === 'not-satisfied' && l.actual === false)).toBe(true);
    expect(all.some((l) => l.fact === 'means.deception')).toBe(true);
  });

  it("a 'verdicts' result has no trees and its summary says only the verdict", async () => {
    const f = fixture('child-id-to-my-stopped-at-border-no-means-2023');
    const r = regimeOf(await compare(f.facts, { detail: 'verdicts' }), 'palermo');
    expect(r.trafficking.elements).toEqual([]);
    expect(summarise(r)).toBe('Under Palermo Protocol (in force 25 December 2003), this is trafficking of a child (Art. 3(a)). The person is a victim under this regime.');
  });
});

/** Apply a counterfactual's change as a deep merge (arrays replace; a birth date replaces an age). */
function applyChange(facts: CaseFacts, change: object): CaseFacts {
  const out = structuredClone(facts) as Record<string, unknown>;
  const merge = (target: Record<string, unknown>, patch: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(patch)) {
      const cur = target[k];
      if (v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)) merge(cur as Record<string, unknown>, v as Record<string, unknown>);
      else target[k] = structuredClone(v);
    }
  };
  merge(out, change as Record<string, unknown>);
  const victim = out.victim as Record<string, unknown> | undefined;
  if ((change as { victim?: { birthDate?: string } }).victim?.birthDate && victim) delete victim.age;
  if ((change as { victim?: { age?: number } }).victim?.age !== undefined && victim) delete victim.birthDate;
  return out as CaseFacts;
}

/** The leaf paths a change sets (an array is one value). */
function changedPaths(change: object, prefix = ''): string[] {
  return Object.entries(change).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? changedPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('counterfactuals: single changes that really flip the verdict', () => {
  const CF: Array<{ fixture: string; regime: RegimeId; verdict: VerdictName; law: string; must: Array<{ change: object; to: Status }>; mustNot?: object[] }> = [
    {
      fixture: 'my-adult-no-means-2023',
      regime: 'act-670',
      verdict: 'trafficking',
      law: 'A1644 s.2: deception is a listed means; s.14: a child, or a person unable to protect themself, needs no means.',
      must: [
        { change: { means: ['deception'] }, to: 'qualifies' },
        { change: { victim: { selfProtectionImpaired: true } }, to: 'qualifies' },
        { change: { victim: { birthDate: '2007-06-01' } }, to: 'qualifies' },
      ],
      // Consent is never a defence (s.16), and is not a change the tool tries; harm is not an element of s.2.
      mustNot: [{ victim: { consented: true } }],
    },
    {
      fixture: 'child-recruited-within-id-no-means-2023',
      regime: 'uu-21-2007',
      verdict: 'trafficking',
      law: 'Pasal 2(1): a listed means (penipuan) would complete it; Pasal 6: the child was moved between regions, so actual exploitation would complete it.',
      must: [
        { change: { means: ['deception'] }, to: 'qualifies' },
        { change: { exploitationOccurred: ['prostitution'] }, to: 'qualifies' },
      ],
    },
    {
      fixture: 'child-id-to-my-stopped-at-border-no-means-2023',
      regime: 'actip',
      verdict: 'scope',
      law: 'ACTIP Art 3: transnational and involving an organised criminal group; this case is transnational (ID to MY) but no group.',
      must: [{ change: { offender: { organisedCriminalGroup: true } }, to: 'qualifies' }],
    },
    {
      fixture: 'adult-deceived-id-to-my-forced-labour-2023',
      regime: 'palermo',
      verdict: 'trafficking',
      law: 'Art 3(a): an adult needs a means; without the deception (the only means) it fails.',
      must: [{ change: { means: [] }, to: 'does-not-qualify' }],
    },
    {
      fixture: 'child-paid-for-sex-id-default-2019',
      regime: 'palermo',
      verdict: 'child',
      law: 'Art 3(d): a child is a person under eighteen; an age of 30 ends it.',
      must: [{ change: { victim: { birthDate: '1989-10-01' } }, to: 'does-not-qualify' }],
    },
  ];

  it.each(CF.map((c) => [`${c.fixture} ${c.regime}.${c.verdict}`, c] as const))('%s', async (_, c) => {
    const f = fixture(c.fixture);
    const before = regimeOf(await compare(f.facts, { regimes: [c.regime] }), c.regime)[c.verdict]?.status;
    const flips = await counterfactuals(f.facts, { regime: c.regime, verdict: c.verdict });
    expect(flips.length).toBeGreaterThan(0);
    for (const flip of flips) {
      // One fact at a time: a single path changed.
      expect(changedPaths(flip.change), JSON.stringify(flip.change)).toHaveLength(1);
      expect(flip.hypothesis).toBe(true);
      expect(flip.explanation).toMatch(/^Hypothesis: if /);
      expect(flip.from).toBe(before);
      // Re-run compare with the change: the flip must really happen.
      const after = regimeOf(await compare(applyChange(f.facts, flip.change), { regimes: [c.regime] }), c.regime)[c.verdict]?.status;
      expect(after, JSON.stringify(flip.change)).toBe(flip.to);
      expect(after).not.toBe(before);
    }
    const seen = flips.map((x) => `${JSON.stringify(x.change)}->${x.to}`);
    for (const m of c.must) expect(seen, c.law).toContain(`${JSON.stringify(m.change)}->${m.to}`);
    for (const m of c.mustNot ?? []) expect(flips.map((x) => JSON.stringify(x.change))).not.toContain(JSON.stringify(m));
  });

  it('decisive changes come before those that only reopen the question', async () => {
    const f = fixture('my-adult-no-means-2023');
    const flips = await counterfactuals(f.facts, { regime: 'palermo', verdict: 'trafficking' });
    const firstReopen = flips.findIndex((x) => x.to === 'undetermined');
    if (firstReopen >= 0) expect(flips.slice(firstReopen).every((x) => x.to === 'undetermined')).toBe(true);
    expect(flips[0]?.to).toBe('qualifies');
  });
});

describe('missing facts, ranked and checked by re-running compare', () => {
  const VERDICTS = ['trafficking', 'victim', 'child', 'scope'] as const;
  const undetermined = (c: Comparison) => new Set(c.regimes.flatMap((r) => VERDICTS.filter((v) => r[v]?.status === 'undetermined').map((v) => `${r.regime}.${v}`)));

  it('ranks by regimes, then verdicts; every verdict list follows the same order; questions name the date', async () => {
    const facts = { conductDate: '2024-05-01', acts: ['recruitment'], purposes: ['forced-labour'] };
    const c = await compare(facts);
    const q = explainMissing(c);
    const key = (d: string[]) => [new Set(d.map((x) => x.split('.')[0])).size, d.length];
    for (let i = 1; i < q.length; i++) {
      const [ra, va] = key(q[i - 1]!.decides) as [number, number];
      const [rb, vb] = key(q[i]!.decides) as [number, number];
      expect(ra > rb || (ra === rb && va >= vb), `${q[i - 1]!.fact} before ${q[i]!.fact}`).toBe(true);
    }
    const rank = new Map(q.map((x, i) => [x.fact, i]));
    for (const r of c.regimes) {
      for (const v of VERDICTS) {
        const list = r[v]?.missingFacts ?? [];
        expect(list.map((f) => rank.get(f) as number)).toEqual([...list.map((f) => rank.get(f) as number)].sort((a, b) => a - b));
      }
    }
    // Each 'decides' entry is a verdict that is undetermined and lists the fact.
    for (const x of q) for (const d of x.decides) expect(undetermined(c).has(d)).toBe(true);
    // Age decides the child verdict in all four regimes (under 18 everywhere: Pasal 1 angka 5, Act 670 s.2, ACTIP Art 2(d), Palermo Art 3(d)).
    expect(q[0]?.fact).toBe('victim.birthDate');
    expect(q[0]?.question).toBe('Was the person under 18 on 2024-05-01? (What is their date of birth?)');
    expect(explainMissing(c, { language: 'ms' })[0]?.question).toBe('Adakah orang itu di bawah umur 18 tahun pada 2024-05-01? (Apakah tarikh lahirnya?)');
    // Every fact asked for has a question in plain words, not the bare path.
    for (const x of q) expect(x.question, x.fact).toMatch(/\?( \(.*\?\))?$/);
  });

  it('the top-ranked fact decides more verdicts when supplied than any later fact (both ways it can go)', async () => {
    const facts: CaseFacts = { conductDate: '2024-05-01', acts: ['recruitment'], purposes: ['forced-labour'] };
    const c = await compare(facts);
    const q = explainMissing(c);
    const before = undetermined(c);
    // Values worth trying for each fact: each side of the line the law draws.
    const VALUES: Record<string, unknown[]> = {
      'victim.birthDate': ['2010-01-01', '1990-01-01'],
      means: [['deception'], []],
      'movement.origin': ['ID', 'MY', 'TH'],
      'movement.destination': ['ID', 'MY', 'TH'],
      'movement.exploitationCountry': ['ID', 'MY', 'TH'],
      'victim.nationality': ['ID', 'MY'],
      'victim.selfProtectionImpaired': [true, false],
      'offender.organisedCriminalGroup': [true, false],
      'offender.crossBorderLinks': [true, false],
      'victim.harm': [['physical'], []],
      exploitationOccurred: [['forced-labour'], []],
      'movement.interRegional': [true, false],
      'movement.begun': [true, false],
      'movement.completed': [true, false],
      'movement.transit': [['MY'], []],
      'victim.unborn': [true, false],
      consequences: [['death'], []],
    };
    const decided = async (fact: string) => {
      let best = 0;
      for (const value of VALUES[fact] ?? []) {
        const patch = fact.split('.').reduceRight<unknown>((v, k) => ({ [k]: v }), value) as object;
        const after = undetermined(await compare(applyChange(facts, patch)));
        best = Math.max(best, [...before].filter((x) => !after.has(x)).length);
      }
      return best;
    };
    const top = await decided(q[0]!.fact);
    expect(top).toBeGreaterThan(0);
    for (const x of q.slice(1)) {
      if (!VALUES[x.fact]) continue;
      expect(top, `${q[0]!.fact} vs ${x.fact}`).toBeGreaterThanOrEqual(await decided(x.fact));
    }
  });
});

describe('receipts', () => {
  const f = fixture('adult-deceived-id-to-my-forced-labour-2023');

  it('the same input gives the same receipt, byte for byte, whatever the key order or the order of a closed set', async () => {
    const a = JSON.stringify((await compare(f.facts)).receipt);
    const reordered = Object.fromEntries(Object.entries(structuredClone(f.facts)).reverse()) as CaseFacts;
    reordered.acts = [...(reordered.acts as string[])].reverse() as CaseFacts['acts'];
    const b = JSON.stringify((await compare(reordered)).receipt);
    expect(b).toBe(a);
    // The receipt names the library, every rule-set version with its file hash, the date and the facts hash.
    const r = JSON.parse(a);
    expect(Object.keys(r).sort()).toEqual(['asOf', 'factsHash', 'library', 'ruleSets']);
    expect(r.asOf).toBe('2023-08-01');
    expect(Object.keys(r.ruleSets)).toEqual(['uu-21-2007', 'act-670', 'actip', 'palermo']);
  });

  it('the transit order is a route and changes the receipt', async () => {
    const base = { conductDate: '2022-09-01', movement: { origin: 'MM', destination: 'ID', transit: ['TH', 'MY'] } };
    const a = (await compare(base)).receipt.factsHash;
    const b = (await compare({ ...base, movement: { ...base.movement, transit: ['MY', 'TH'] } })).receipt.factsHash;
    expect(a).not.toBe(b);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'tip-receipt-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('changes when a rule file changes, for that regime only (bundled by the project script, loaded with loadRuleBook)', () => {
    const bundleOf = (rules: string) => {
      const out = join(scratch, `${Math.random().toString(36).slice(2)}.json`);
      execFileSync('node', [join(root, 'scripts/bundle-rules.mjs'), rules, out], { stdio: 'pipe' });
      return loadRuleBook(JSON.parse(readFileSync(out, 'utf8')) as RuleBundle);
    };
    const rules = join(scratch, 'rules');
    cpSync(join(root, 'rules'), rules, { recursive: true });
    const before = compareSync(f.facts, {}, bundleOf(rules));
    const again = compareSync(f.facts, {}, bundleOf(rules));
    expect(JSON.stringify(again.receipt)).toBe(JSON.stringify(before.receipt));
    // Same rules as the library's own bundle: same receipt as compare() with the bundled book.
    expect(JSON.stringify(compareSync(f.facts).receipt)).toBe(JSON.stringify(before.receipt));

    // Edit the 2022 Act 670 file: a one-word change to one element's English label.
    const file = join(rules, 'act-670', '2022-02-22.json');
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('"For the purpose of exploitation"', '"For the purposes of exploitation"');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const after = compareSync(f.facts, {}, bundleOf(rules));
    expect(after.receipt.ruleSets['act-670']).toMatch(/^act-670@2022-02-22#sha256:[0-9a-f]{64}$/);
    expect(after.receipt.ruleSets['act-670']).not.toBe(before.receipt.ruleSets['act-670']);
    for (const other of ['uu-21-2007', 'actip', 'palermo']) expect(after.receipt.ruleSets[other]).toBe(before.receipt.ruleSets[other]);
    expect(after.receipt.factsHash).toBe(before.receipt.factsHash);
    expect(after.receipt.library).toBe(before.receipt.library);
  });
});

describe('contested readings that decided the outcome', () => {
  it('say what the other reading gives, and re-running with it gives exactly that', async () => {
    for (const id of ['child-paid-for-sex-id-default-2019', 'act670-2010-labour-kept-by-debt-default-2015', 'child-id-to-my-stopped-at-border-no-means-2023', 'pasal-2-territory-foreigner-recruited-in-id-default-2019']) {
      const f = fixture(id);
      const c = await compare(f.facts, f.options);
      let checked = 0;
      for (const r of c.regimes) {
        for (const i of r.interpretations) {
          for (const e of i.effects ?? []) {
            expect(e.status).toBe(r[e.verdict]?.status);
            const alt = regimeOf(await compare(f.facts, { ...(f.options ?? {}), interpretations: { ...((f.options?.interpretations as Record<string, string>) ?? {}), [i.id]: e.reading } }), r.regime);
            expect(alt[e.verdict]?.status, `${id} ${r.regime} ${i.id}=${e.reading}`).toBe(e.instead);
            checked++;
          }
        }
      }
      expect(checked, id).toBeGreaterThan(0);
    }
  });

  it('a reading that changes nothing for this case has no effects', async () => {
    const f = fixture('child-paid-for-sex-id-default-2019');
    const c = await compare(f.facts);
    for (const r of c.regimes) {
      for (const i of r.interpretations) {
        if (i.effects) continue;
        for (const reading of i.alternatives) {
          const alt = regimeOf(await compare(f.facts, { interpretations: { [i.id]: reading } }), r.regime);
          for (const v of ['trafficking', 'victim', 'child'] as const) expect(alt[v].status, `${r.regime} ${i.id}=${reading} ${v}`).toBe(r[v].status);
        }
      }
    }
  });

  it('Pasal 2 territory: the narrow reading (exploitation in Indonesia) would undo a foreigner recruited in Indonesia for abroad', async () => {
    // UU 21/2007 Pasal 2 applies to acts in Indonesia (KUHP territoriality, the default); the
    // narrow reading asks for exploitation in Indonesia, which this case (exploitation abroad) lacks.
    const f = fixture('pasal-2-territory-foreigner-recruited-in-id-default-2019');
    const r = regimeOf(await compare(f.facts), 'uu-21-2007');
    expect(r.interpretations.find((i) => i.id === 'uu-21-2007-pasal-2-territory')?.effects).toContainEqual({ reading: 'exploitation-in-indonesia', verdict: 'trafficking', status: 'qualifies', instead: 'does-not-qualify' });
    expect(summarise(r)).toContain('A contested reading decided this: Where Pasal 2(1) locates the exploitation. Read as "the exploitation in Indonesia only", trafficking would be not met instead of met');
  });
});
