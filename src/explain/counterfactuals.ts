import { CONCEPT_GROUPS, type ConceptField, VOCABULARY_OF_FIELD } from '../facts/concepts.js';
import { bundledRuleBook } from '../law/bundled.js';
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
  /** Always true: a counterfactual says what the law would make of other facts, not that they are true. */
  hypothesis: true;
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

/** "deception had been used", "recruitment had not been done to the person": one concept set or unset. */
function describeConcept(field: ConceptField, id: string, next: boolean): string {
  const vocab = VOCABULARY_OF_FIELD[field] as keyof ReturnType<typeof bundledRuleBook>['concepts'];
  const label = bundledRuleBook().concepts[vocab]?.[id]?.en ?? id;
  const not = next ? '' : 'not ';
  switch (field) {
    case 'acts':
      return `${label} had ${not}been done to the person (acts)`;
    case 'means':
      return `${label} had ${not}been used (means)`;
    case 'purposes':
      return `${label} had ${not}been intended (purposes)`;
    case 'exploitationOccurred':
      return `${label} had ${not}actually taken place (exploitationOccurred)`;
    case 'victim.harm':
      return `the person had ${not}suffered ${label} (victim.harm)`;
    default:
      return `the conduct had ${not}resulted in ${label} (consequences)`;
  }
}

const FLAG_PHRASES: Record<string, { true: string; false: string }> = {
  'victim.selfProtectionImpaired': { true: 'the person had been unable to fully protect themself because of a disability or condition (victim.selfProtectionImpaired)', false: 'the person had been able to protect themself (victim.selfProtectionImpaired false)' },
  'victim.unborn': { true: 'the child had still been in the womb (victim.unborn)', false: 'the person had already been born (victim.unborn false)' },
  'movement.begun': { true: 'the journey had begun (movement.begun)', false: 'the person had only been recruited, the journey not yet begun (movement.begun false)' },
  'movement.completed': { true: 'the journey had been completed (movement.completed)', false: 'the person had been stopped before arriving (movement.completed false)' },
  'movement.interRegional': { true: 'the person had been moved between regions of the country (movement.interRegional)', false: 'the person had not been moved between regions (movement.interRegional false)' },
  'offender.organisedCriminalGroup': { true: 'the offender had acted within an organised criminal group (offender.organisedCriminalGroup)', false: 'no organised criminal group had been involved (offender.organisedCriminalGroup false)' },
  'offender.crossBorderLinks': { true: 'the offence had been directed from or had substantial effects in another country (offender.crossBorderLinks)', false: 'the offence had had no links to another country (offender.crossBorderLinks false)' },
  'movement.unlawfulCrossing': { true: 'the person had crossed a border without the right to do so (movement.unlawfulCrossing)', false: 'the person had crossed every border lawfully (movement.unlawfulCrossing false)' },
  'offender.forGain': { true: 'the offender had acted for a benefit (offender.forGain)', false: 'the offender had sought no benefit (offender.forGain false)' },
  'offender.placedMigrantWorker': { true: 'the offender had placed the person as a migrant worker abroad (offender.placedMigrantWorker)', false: 'the offender had not placed the person as a migrant worker (offender.placedMigrantWorker false)' },
  'offender.placementRequirementsMet': { true: 'the placement had met the legal requirements (offender.placementRequirementsMet)', false: 'the placement had not met the legal requirements (offender.placementRequirementsMet false)' },
  'offender.individualPlacer': { true: 'the worker had been placed by an individual (offender.individualPlacer)', false: 'the worker had been placed by a company or the state (offender.individualPlacer false)' },
  'offender.publicOfficial': { true: 'the offender had been a public official abusing their office (offender.publicOfficial)', false: 'the offender had not been a public official (offender.publicOfficial false)' },
};

const COUNTRY_PHRASES: Record<string, string> = {
  'victim.nationality': "the person's nationality (victim.nationality)",
  'movement.origin': 'the country the person was taken from (movement.origin)',
  'movement.destination': 'the country the person was taken to (movement.destination)',
  'movement.exploitationCountry': 'the country of exploitation (movement.exploitationCountry)',
};

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
        out.push({ change: patch(field, Array.isArray(set) ? value : { [id]: next }), facts: setPath(facts, field, value), describe: describeConcept(field, id, next) });
      }
    }
  }
  for (const path of ['victim.selfProtectionImpaired', 'victim.unborn', 'movement.begun', 'movement.completed', 'movement.interRegional', 'offender.organisedCriminalGroup', 'offender.crossBorderLinks', 'offender.publicOfficial', 'movement.unlawfulCrossing', 'offender.forGain', 'offender.placedMigrantWorker', 'offender.placementRequirementsMet', 'offender.individualPlacer']) {
    const now = getPath(facts, path);
    for (const next of [true, false]) if (now !== next) out.push({ change: patch(path, next), facts: setPath(facts, path, next), describe: FLAG_PHRASES[path]?.[String(next) as 'true' | 'false'] ?? `${path} were ${next}` });
  }
  for (const path of ['victim.nationality', 'movement.origin', 'movement.destination', 'movement.exploitationCountry']) {
    const now = getPath(facts, path);
    for (const next of ['ID', 'MY', 'TH']) if (now !== next) out.push({ change: patch(path, next), facts: setPath(facts, path, next), describe: `${COUNTRY_PHRASES[path] ?? path} had been ${next}` });
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
    out.push({ change: c.change, from, to, hypothesis: true, explanation: `Hypothesis: if ${c.describe}, the ${verdict} verdict under ${regime} would be ${to} instead of ${from}.` });
  }
  // Changes that decide the question come before those that only reopen it.
  const rank = (s: Status) => (s === 'undetermined' ? 1 : 0);
  return out.sort((a, b) => rank(a.to) - rank(b.to));
}
