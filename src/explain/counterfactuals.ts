import { CONCEPT_GROUPS, type ConceptField } from '../facts/concepts.js';
import { parseFacts } from '../facts/parseFacts.js';
import type { CaseFacts } from '../facts/schema.js';
import { compareSync } from '../compare/compare.js';
import type { CompareOptions, RegimeId, Status, VerdictName } from '../types.js';
import { addYears } from 'date-fns/addYears';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';

/**
 * A hypothetical single-fact change and what it would do to one verdict.
 *
 * @example
 * ```ts
 * const [first] = await counterfactuals(facts, { regime: 'actip', verdict: 'trafficking' });
 * first?.change; // { means: ['deception'] }
 * ```
 */
export interface Counterfactual {
  /** The single change, as a partial CaseFacts patch (e.g. `{ means: { deception: true } }`). */
  change: object;
  from: Status;
  to: Status;
  /** Plain English, labelled as a hypothesis. */
  explanation: string;
}

type Candidate = { change: object; facts: CaseFacts; describe: string };

function setPath(facts: CaseFacts, path: string, value: unknown): CaseFacts {
  const copy = structuredClone(facts) as Record<string, unknown>;
  const keys = path.split('.');
  let cur = copy;
  for (const k of keys.slice(0, -1)) {
    cur[k] = { ...((cur[k] as Record<string, unknown>) ?? {}) };
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1] as string] = value;
  return copy as CaseFacts;
}

function getPath(facts: CaseFacts, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), facts);
}

const patch = (path: string, value: unknown): object => path.split('.').reduceRight<unknown>((v, k) => ({ [k]: v }), value) as object;

/** Every single-fact change worth trying: one concept flipped, a flag flipped, the age across 18, a country moved. */
function candidates(facts: CaseFacts, date: string | undefined): Candidate[] {
  const out: Candidate[] = [];
  for (const field of Object.keys(CONCEPT_GROUPS) as ConceptField[]) {
    const set = getPath(facts, field) as string[] | Record<string, boolean> | undefined;
    for (const id of CONCEPT_GROUPS[field]) {
      const now = Array.isArray(set) ? set.includes(id) : set ? set[id] : undefined;
      for (const next of [true, false]) {
        if (now === next) continue;
        let value: unknown;
        if (Array.isArray(set)) value = next ? [...set, id] : set.filter((x) => x !== id);
        else value = { ...(set ?? {}), [id]: next };
        out.push({ change: patch(field, Array.isArray(set) ? value : { [id]: next }), facts: setPath(facts, field, value), describe: `${id} ${next ? 'had' : 'had not'} been ${field === 'acts' ? 'done' : field === 'means' ? 'used' : field === 'purposes' ? 'intended' : field === 'exploitationOccurred' ? 'the exploitation that happened' : 'the case'} (${field})` });
      }
    }
  }
  for (const path of ['victim.selfProtectionImpaired', 'victim.unborn', 'movement.completed', 'movement.interRegional', 'offender.organisedCriminalGroup', 'offender.crossBorderLinks', 'offender.publicOfficial']) {
    const now = getPath(facts, path);
    for (const next of [true, false]) if (now !== next) out.push({ change: patch(path, next), facts: setPath(facts, path, next), describe: `${path} were ${next}` });
  }
  for (const path of ['victim.nationality', 'movement.origin', 'movement.destination', 'movement.exploitationCountry']) {
    const now = getPath(facts, path);
    for (const next of ['ID', 'MY', 'TH']) if (now !== next) out.push({ change: patch(path, next), facts: setPath(facts, path, next), describe: `${path} were ${next}` });
  }
  const transit = facts.movement?.transit;
  if (transit === undefined || transit.length) out.push({ change: patch('movement.transit', []), facts: setPath(facts, 'movement.transit', []), describe: 'the journey had passed through no other country' });
  // Age: a child of 16 or an adult of 30 on the date (by birth date when a date is known, else by age).
  if (!facts.victim?.unborn) {
    for (const years of [16, 30]) {
      if (date) {
        const birthDate = format(addYears(parseISO(date), -years), 'yyyy-MM-dd');
        if (facts.victim?.birthDate === birthDate) continue;
        const v = { ...(facts.victim ?? {}), birthDate };
        delete (v as { age?: unknown }).age;
        out.push({ change: { victim: { birthDate } }, facts: { ...facts, victim: v }, describe: `the person had been ${years} (born ${birthDate})` });
      } else {
        const v = { ...(facts.victim ?? {}), age: years };
        delete (v as { birthDate?: unknown }).birthDate;
        out.push({ change: { victim: { age: years } }, facts: { ...facts, victim: v }, describe: `the person had been ${years}` });
      }
    }
  }
  return out;
}

/**
 * The single-fact changes that would flip one verdict of one regime, each checked by re-running
 * compare() with the change (only changes that really flip it are returned). Hypotheses, not
 * findings: they say what the law would make of other facts, not that those facts are true.
 *
 * @example
 * ```ts
 * const flips = await counterfactuals(facts, { regime: 'act-670', verdict: 'trafficking' });
 * flips[0]?.explanation; // "Hypothesis: if deception had been used (means), ..."
 * ```
 */
export async function counterfactuals(
  facts: unknown,
  options: CompareOptions & { regime: RegimeId; verdict: VerdictName },
): Promise<Counterfactual[]> {
  const parsed = parseFacts(facts);
  const { regime, verdict, ...rest } = options;
  const opts: CompareOptions = { ...rest, regimes: [regime], detail: 'verdicts' };
  const statusOf = (f: CaseFacts) => compareSync(f, opts).regimes[0]?.[verdict]?.status;
  const from = statusOf(parsed);
  if (from === undefined) return [];
  const date = options.asOf ?? parsed.conductDate;
  const out: Counterfactual[] = [];
  for (const c of candidates(parsed, date)) {
    let to: Status | undefined;
    try {
      to = statusOf(c.facts);
    } catch {
      continue; // a change that makes the facts contradictory is no hypothesis
    }
    if (to === undefined || to === from) continue;
    out.push({ change: c.change, from, to, explanation: `Hypothesis: if ${c.describe}, the ${verdict} verdict under ${regime} would be ${to} instead of ${from}.` });
  }
  // Changes that decide the question come before those that only reopen it.
  const rank = (s: Status) => (s === 'undetermined' ? 1 : 0);
  return out.sort((a, b) => rank(a.to) - rank(b.to));
}
