import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareSync } from '../../src/compare/compare.js';
import { isFactsError } from '../../src/index.js';
import type { CompareOptions, RegimeResult, VerdictName } from '../../src/types.js';

/**
 * The question audit (issue 12): every fact whose absence alone turns a common pattern
 * undetermined. The common patterns are the fixtures (fixtures/*.json, each a case the project
 * wrote down with its legal reason). Each stated fact (a top-level field, or one field of victim,
 * movement, offender) is taken away in turn; where a verdict the fixture decides becomes
 * undetermined, the facts the library then asks for are recorded with the provisions that ask.
 */
export interface AuditRow {
  /** The CaseFacts path the library asks for. */
  fact: string;
  /** "regime: provision" entries that turned undetermined for want of it. */
  provisions: string[];
  /** Fixtures in which its absence alone undid a decided verdict. */
  fixtures: string[];
}

type Facts = Record<string, unknown> & { victim?: Record<string, unknown>; movement?: Record<string, unknown>; offender?: Record<string, unknown> };
interface Fixture {
  id: string;
  facts: Facts;
  options?: CompareOptions;
}

const root = resolve(import.meta.dirname, '..', '..');
const VERDICTS: VerdictName[] = ['trafficking', 'victim', 'child', 'scope'];

export function loadFixtures(): Fixture[] {
  const dir = join(root, 'fixtures');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);
}

/** Every fact path a fixture states, one at a time. */
function statedPaths(f: Facts): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (k === 'id') continue;
    if ((k === 'victim' || k === 'movement' || k === 'offender') && v && typeof v === 'object') for (const sub of Object.keys(v)) out.push(`${k}.${sub}`);
    else out.push(k);
  }
  return out;
}

function without(f: Facts, path: string): Facts {
  const out = structuredClone(f);
  const [a, b] = path.split('.') as [string, string | undefined];
  if (b === undefined) delete out[a];
  else delete (out[a] as Record<string, unknown>)[b];
  return out;
}

/** The provisions of a regime's result that are undetermined for want of `fact`. */
function provisionsAsking(r: RegimeResult, verdict: VerdictName, fact: string): string[] {
  if (verdict === 'trafficking') {
    return r.offences.filter((o) => o.trafficking && o.status === 'undetermined' && o.missingFacts?.includes(fact)).map((o) => `${r.regime}: ${o.citation.provision}`);
  }
  const v = r[verdict];
  if (!v) return [];
  const open = v.elements.filter((e) => e.status === 'unknown');
  return (open.length ? open : v.elements).map((e) => `${r.regime}: ${e.citation.provision} (${verdict})`);
}

export function questionAudit(fixtures: Fixture[] = loadFixtures()): AuditRow[] {
  const rows = new Map<string, { provisions: Set<string>; fixtures: Set<string> }>();
  for (const fx of fixtures) {
    let base;
    try {
      base = compareSync(fx.facts as never, fx.options);
    } catch (e) {
      if (isFactsError(e)) continue;
      throw e;
    }
    for (const path of statedPaths(fx.facts)) {
      let c;
      try {
        c = compareSync(without(fx.facts, path) as never, fx.options);
      } catch (e) {
        if (isFactsError(e)) continue;
        throw e;
      }
      for (const r of c.regimes) {
        const before = base.regimes.find((x) => x.regime === r.regime && x.version.id === r.version.id);
        if (!before) continue;
        for (const verdict of VERDICTS) {
          const was = before[verdict]?.status;
          const now = r[verdict];
          if (!now || (was !== 'qualifies' && was !== 'does-not-qualify') || now.status !== 'undetermined') continue;
          // Victim status rests on the trafficking verdict: when that opened too, the offences are the reason.
          if (verdict === 'victim' && r.trafficking.status === 'undetermined' && before.trafficking.status !== 'undetermined') continue;
          // Only the questions the removal raised: one the case already left open is not its doing.
          const askedBefore = new Set(VERDICTS.flatMap((k) => before[k]?.missingFacts ?? []));
          for (const fact of now.missingFacts.filter((x) => !askedBefore.has(x))) {
            const row = rows.get(fact) ?? { provisions: new Set(), fixtures: new Set() };
            for (const p of provisionsAsking(r, verdict, fact)) row.provisions.add(p);
            row.fixtures.add(fx.id);
            rows.set(fact, row);
          }
        }
      }
    }
  }
  return [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([fact, r]) => ({ fact, provisions: [...r.provisions].sort(), fixtures: [...r.fixtures].sort() }));
}

/**
 * Why each question is asked: every fact the audit finds must be here (a new rule that asks a new
 * question fails the test until it is classified), and none may be an inference the law itself
 * makes (such a fact must be inferred, not asked: issue 12 item 3).
 * - required: the law makes the fact an element (or the date that picks the law), and nothing else
 *   in the case can stand in for it, so asking is honest.
 * - inference: the law lets another fact stand for it; listed only to make the test fail if it
 *   is ever asked again.
 */
export const QUESTION_KINDS: Record<string, { kind: 'required' | 'inference'; law: string }> = {
  acts: { kind: 'required', law: 'The act element of every definition: UU 21/2007 Pasal 2(1) / KUHP 455(1), Act 670 s.2, Palermo Art 3(a), ACTIP Art 2(a); adoption (Pasal 5) and sending (Pasal 6) are acts of their own offences.' },
  conductDate: { kind: 'required', law: 'Which version of each law was in force (UU 21/2007 Pasal 67, KUHP Pasal 624 and 622, the Act 670 amendments of 2010 and 2022, the treaties\' entry into force), and the age on that day.' },
  consequences: { kind: 'required', law: 'Act 670 s.13 as substituted in 2022: the aggravated offence is defined by its results (grievous hurt, death, suicide, HIV/AIDS or life-threatening disease).' },
  exploitationOccurred: { kind: 'required', law: 'A result element: UU 21/2007 Pasal 2(2) / KUHP 455(2) and Pasal 6 ("mengakibatkan ... tereksploitasi"); Act 670 s.17A under its contested reading. For Pasal 3 it is one of the ways the journey is shown, with movement.begun.' },
  means: { kind: 'required', law: 'The means element: UU 21/2007 Pasal 2(1) / KUHP 455(1) (no child exception), Act 670 s.2 from 2010 and s.12 from 2022, the treaties for adults; Pasal 5 "menjanjikan atau memberikan sesuatu".' },
  'movement.begun': { kind: 'required', law: 'UU 21/2007 Pasal 3 and 4 with Pasal 10: a journey begun and stopped is an attempt, punished as the offence, but recruitment for a journey not begun is at most preparation (persiapan), punishable only where a law says so (KUHP 2023 Pasal 15(2)). Asked only when no act that moves the person (transportation, transfer, sending), no stated end of the journey and no exploitation at the far end shows it.' },
  'movement.destination': { kind: 'required', law: 'Territorial elements: UU 21/2007 Pasal 3 ("memasukkan ... ke wilayah") and 4 ("membawa ... ke luar wilayah"), Pasal 2(1) territory, Pasal 6 route; Act 670 s.3 (Malaysia as receiving or transit country); the treaties\' scope (a transnational offence, Palermo Art 4 / UNTOC Art 3(2), ACTIP Art 3).' },
  'movement.exploitationCountry': { kind: 'required', law: 'The place of the intended exploitation is an element of Pasal 2(1) ("di wilayah negara Republik Indonesia") and Pasal 4 ("dieksploitasi di luar wilayah"), and of Act 670 s.3. Asked only when no destination is stated: otherwise the destination is presumed (interpretations uu-21-2007-exploitation-place, act-670-exploitation-place).' },
  'movement.interRegional': { kind: 'required', law: 'UU 21/2007 Pasal 6 and its Penjelasan: "pengiriman anak ke dalam negeri" is sending between regions of Indonesia.' },
  'movement.origin': { kind: 'required', law: 'As movement.destination: Pasal 4 needs the person taken from Indonesia, Pasal 3 from outside it; the treaties\' scope needs a border crossed.' },
  'movement.transit': { kind: 'required', law: 'Act 670 s.2 "transit country" and s.3 (from 2010); UU 21/2007 Pasal 3 and its Penjelasan (Indonesia as "negara tujuan atau transit"); the treaties\' scope (whether the movement crossed a border) when origin and destination are the same country.' },
  'offender.crossBorderLinks': { kind: 'required', law: 'UNTOC Art 3(2)(b)-(d) (Palermo Art 4) and ACTIP Art 3(2): an offence in one State is transnational if prepared, directed or controlled in another, or with substantial effects there.' },
  'offender.organisedCriminalGroup': { kind: 'required', law: 'The treaties\' scope (Palermo Art 4 / UNTOC Art 2(a), ACTIP Art 2 and 3: an organised criminal group involved); Act 670 s.13 (2022) aggravation.' },
  'offender.publicOfficial': { kind: 'required', law: 'Act 670 s.13 as substituted in 2022: committed by a public officer is an aggravated offence.' },
  purposes: { kind: 'required', law: 'The purpose element of every definition ("untuk tujuan eksploitasi", "for the purpose of exploitation"); Pasal 3 and 4 "dengan maksud untuk dieksploitasi".' },
  'victim.birthDate': { kind: 'required', law: 'Whether the person is a child (under 18: UU 21/2007 Pasal 1 angka 5, KUHP Pasal 150, Act 670 s.2, Palermo Art 3(d), ACTIP Art 2(d)), which switches the means element off under the treaties and Act 670 and picks Pasal 5 / 6.' },
  'victim.harm': { kind: 'required', law: 'UU 21/2007 Pasal 1 angka 3: a korban is a person who suffered harm (psikis, mental, fisik, seksual, ekonomi, sosial) caused by the offence; victim status is harm-based.' },
  'victim.nationality': { kind: 'required', law: 'UU 21/2007 Pasal 4: "membawa warga negara Indonesia ke luar wilayah"; only an Indonesian citizen.' },
  'victim.selfProtectionImpaired': { kind: 'required', law: 'Act 670 s.12 and s.14 since 2022: s.14 covers "a person who is unable to fully take care of or protect himself because of a physical or mental disability or condition" without means (s.14(2)), s.12 excludes that person and needs means. Without means, only this fact decides.' },
  'movement.completed': { kind: 'inference', law: 'UU 21/2007 Pasal 3 and 4 with Pasal 10: whether the journey ended only names the provision ("Pasal 4" or "Pasal 4 jo. Pasal 10"); the verdict stands either way, and the acts that move the person show the journey began (issue 12). Never asked for a verdict; OffenceResult.form asks it.' },
};

/** The generated table for docs/limitations.md. */
export function questionTable(rows: AuditRow[] = questionAudit()): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  const lines = rows.map((r) => {
    const k = QUESTION_KINDS[r.fact];
    return `| \`${r.fact}\` | ${k ? (k.kind === 'required' ? 'legally required' : 'inference the law makes') : '(unclassified)'} | ${cell(k?.law ?? '')} | ${cell(r.provisions.join('; '))} | ${r.fixtures.length} |`;
  });
  return ['| fact asked | kind | why the law needs it | provisions left undetermined without it | fixtures |', '|---|---|---|---|---|', ...lines].join('\n');
}
