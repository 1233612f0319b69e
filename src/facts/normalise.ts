import { CONCEPT_GROUPS, type ConceptField } from './concepts.js';
import { ageOnDate } from './age.js';
import type { CaseFacts } from './schema.js';

/** Every concept fact name, per field, with the question path to ask: built once. */
const CONCEPT_FACTS = (Object.keys(CONCEPT_GROUPS) as ConceptField[]).map((field) => ({
  field,
  ask: Object.freeze([field]) as string[],
  entries: (CONCEPT_GROUPS[field] as readonly string[]).map((id) => [id, `${field}.${id}`] as const),
}));

/** An age known only within bounds (whole years, inclusive). */
export interface AgeInterval {
  min: number;
  max: number;
}

/** A normalised fact: a boolean, a country code, a list of codes, an age interval; `undefined` = unknown. */
export type FactValue = boolean | string | string[] | AgeInterval | undefined;

/**
 * The seam between facts and law: flat, tri-state facts keyed by name (`means.deception`,
 * `victim.age`, `movement.destination`, ...). Rule conditions are written against these names only.
 */
export interface NormalisedFacts {
  /** Fact name -> value; a name that is absent or `undefined` is unknown. */
  values: Record<string, FactValue>;
  /** Fact name -> the CaseFacts paths a user would fill in to make it known. */
  askFor: Record<string, string[]>;
  /** The date the facts were read at (asOf or conductDate), when known. */
  date?: string;
}

/**
 * Turn validated CaseFacts into tri-state facts, read on `date` (the asOf date, else conductDate).
 * Absent = unknown throughout: a closed concept array makes unnamed concepts false, an open object
 * leaves them unknown; nothing else ever becomes false by default.
 */
export function normaliseFacts(facts: CaseFacts, date: string | undefined, window?: { from: string; to: string }): NormalisedFacts {
  const values: Record<string, FactValue> = {};
  const askFor: Record<string, string[]> = {};
  const put = (name: string, value: FactValue, ask: string[]) => {
    values[name] = value;
    if (value === undefined) askFor[name] = ask;
  };

  // Concept sets: closed arrays vs open objects. Names and questions are made once (CONCEPT_FACTS).
  for (const { field, ask, entries } of CONCEPT_FACTS) {
    const set = field === 'victim.harm' ? facts.victim?.harm : facts[field];
    for (const [id, name] of entries) {
      let v: boolean | undefined;
      if (Array.isArray(set)) v = (set as string[]).includes(id);
      else if (set) v = (set as Record<string, boolean | undefined>)[id];
      put(name, v, ask);
    }
  }

  const victim = facts.victim ?? {};
  // Unborn at the date: stated, or read from the birth date, or implied by a stated age.
  let unborn = victim.unborn;
  // A birth date settles whether the person was born; it is the question to ask.
  // Without a date, a birth date alone cannot settle it: the date is asked for too.
  let unbornAsk = date ? ['victim.birthDate'] : ['victim.birthDate', 'conductDate'];
  if (unborn === undefined && victim.birthDate) {
    if (date) unborn = victim.birthDate > date;
    else if (window && victim.birthDate <= window.from) unborn = false;
    else if (window && victim.birthDate > window.to) unborn = true;
    else unbornAsk = ['conductDate'];
  }
  if (unborn === undefined && victim.age !== undefined) unborn = false;
  put('victim.unborn', unborn, unbornAsk);

  // Age in whole years on the date. An explicit age is "at conductDate" (contract.md).
  let age: AgeInterval | undefined;
  let ageAsk = date ? ['victim.birthDate'] : ['victim.birthDate', 'conductDate'];
  if (victim.birthDate && date && victim.birthDate <= date) {
    const years = ageOnDate(victim.birthDate, date);
    age = { min: years, max: years };
  } else if (victim.age !== undefined) {
    age = typeof victim.age === 'number' ? { min: victim.age, max: victim.age } : { min: victim.age.min, max: victim.age.max };
  } else if (victim.birthDate && !date && window && victim.birthDate <= window.from) {
    // No date, but the conduct can only fall within the window (a version's time in force):
    // the age lies between the ages on its first and last days.
    age = { min: ageOnDate(victim.birthDate, window.from), max: ageOnDate(victim.birthDate, window.to) };
  } else if (victim.birthDate && !date && window && victim.birthDate <= window.to) {
    // Born during the window: once born, aged from 0 to the age on its last day.
    age = { min: 0, max: ageOnDate(victim.birthDate, window.to) };
  } else if (victim.birthDate && !date) {
    ageAsk = ['conductDate'];
  }
  put('victim.age', age, ageAsk);
  // An age range that straddles a threshold is settled by the exact birth date.
  if (age && age.min !== age.max) askFor['victim.age'] = date ? ['victim.birthDate'] : ['victim.birthDate', 'conductDate'];

  put('victim.selfProtectionImpaired', victim.selfProtectionImpaired, ['victim.selfProtectionImpaired']);
  put('victim.nationality', victim.nationality, ['victim.nationality']);
  put('victim.consented', victim.consented, ['victim.consented']);

  const m = facts.movement ?? {};
  put('movement.origin', m.origin, ['movement.origin']);
  put('movement.destination', m.destination, ['movement.destination']);
  put('movement.transit', m.transit, ['movement.transit']);
  put('movement.completed', m.completed, ['movement.completed']);
  put('movement.interRegional', m.interRegional, ['movement.interRegional']);
  put('movement.exploitationCountry', m.exploitationCountry, ['movement.exploitationCountry']);
  // Where the exploitation was intended or happened: as found, else where the person was taken.
  put('movement.exploitationPlace', m.exploitationCountry ?? m.destination, ['movement.exploitationCountry', 'movement.destination']);
  put('movement.crossesBorder', crossesBorder(m), missingMovement(m));

  const o = facts.offender ?? {};
  put('offender.organisedCriminalGroup', o.organisedCriminalGroup, ['offender.organisedCriminalGroup']);
  put('offender.publicOfficial', o.publicOfficial, ['offender.publicOfficial']);
  put('offender.crossBorderLinks', o.crossBorderLinks, ['offender.crossBorderLinks']);

  return date ? { values, askFor, date } : { values, askFor };
}

type Movement = NonNullable<CaseFacts['movement']>;

/** Did the movement (or the intended exploitation) involve more than one country? */
function crossesBorder(m: Movement): boolean | undefined {
  const known = [m.origin, m.destination, m.exploitationCountry, ...(m.transit ?? [])].filter((c): c is string => !!c);
  if (new Set(known).size >= 2) return true;
  // One country only, and every place is known: purely domestic.
  if (m.origin && m.destination && m.transit !== undefined && known.length > 0) return false;
  return undefined;
}

function missingMovement(m: Movement): string[] {
  const ask: string[] = [];
  if (!m.origin) ask.push('movement.origin');
  if (!m.destination) ask.push('movement.destination');
  if (m.transit === undefined) ask.push('movement.transit');
  return ask;
}

const PLAIN_FACTS = new Set([
  'victim.age',
  'victim.unborn',
  'victim.selfProtectionImpaired',
  'victim.nationality',
  'victim.consented',
  'movement.origin',
  'movement.destination',
  'movement.transit',
  'movement.completed',
  'movement.interRegional',
  'movement.exploitationCountry',
  'movement.exploitationPlace',
  'movement.crossesBorder',
  'offender.organisedCriminalGroup',
  'offender.publicOfficial',
  'offender.crossBorderLinks',
]);

/**
 * Verdicts a later stage of a version may read: `$child` (in offences, victim, scope),
 * `$trafficking` (in victim and scope).
 */
export const VERDICT_FACTS = ['$child', '$trafficking'] as const;

/** Whether a rule condition may name this fact (a check on rule data, so typos fail the build). */
export function knownFactName(name: string): boolean {
  if (PLAIN_FACTS.has(name) || (VERDICT_FACTS as readonly string[]).includes(name)) return true;
  for (const field of Object.keys(CONCEPT_GROUPS) as ConceptField[]) {
    if (name.startsWith(`${field}.`) && (CONCEPT_GROUPS[field] as readonly string[]).includes(name.slice(field.length + 1))) return true;
  }
  return false;
}
