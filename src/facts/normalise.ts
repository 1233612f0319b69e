import { CONCEPT_GROUPS, type ConceptField } from './concepts.js';
import { ageOnDate } from './age.js';
import type { CaseFacts } from './schema.js';

/** An age known only within bounds (whole years, inclusive). */
export interface AgeInterval {
  min: number;
  max: number;
}

/** A normalised fact: a boolean, a country code, a list of codes, an age interval; `undefined` = unknown. */
export type FactValue = boolean | string | string[] | AgeInterval | undefined;

const PLAIN_FACT_NAMES = [
  'victim.age',
  'victim.unborn',
  'victim.selfProtectionImpaired',
  'victim.nationality',
  'victim.consented',
  'movement.origin',
  'movement.destination',
  'movement.transit',
  'movement.begun',
  'movement.completed',
  'movement.interRegional',
  'movement.exploitationCountry',
  'movement.exploitationPlace',
  'movement.crossesBorder',
  'movement.viaTransit',
  'offender.organisedCriminalGroup',
  'offender.publicOfficial',
  'offender.crossBorderLinks',
  'movement.unlawfulCrossing',
  'offender.forGain',
  'offender.placedMigrantWorker',
  'offender.placementRequirementsMet',
  'offender.individualPlacer',
] as const;

/** Every concept field with its facts (`means.deception`, ...): where its slots start, and each id's offset. */
const CONCEPT_LAYOUT = (() => {
  let next = 0;
  return (Object.keys(CONCEPT_GROUPS) as ConceptField[]).map((field) => {
    const ids = CONCEPT_GROUPS[field] as readonly string[];
    const first = next;
    next += ids.length;
    return { field, first, ids, offset: new Map(ids.map((id, i) => [id, i])), ask: Object.freeze([field]) as string[] };
  });
})();

/**
 * The fact layout: every normalised fact name in a fixed order. Slot `i` of a {@link FactSlots}
 * array holds the value of `FACT_NAMES[i]`; compiled rule conditions read facts by slot, so the
 * screening path never builds a keyed object (see src/evaluate/compile.ts).
 */
export const FACT_NAMES: readonly string[] = Object.freeze([
  ...CONCEPT_LAYOUT.flatMap(({ field, ids }) => ids.map((id) => `${field}.${id}`)),
  ...PLAIN_FACT_NAMES,
]);

const SLOT_OF = new Map(FACT_NAMES.map((name, i) => [name, i]));

/** The slot of a normalised fact name, or undefined when no such fact exists. */
export function factSlot(name: string): number | undefined {
  return SLOT_OF.get(name);
}

/** Normalised facts as an array indexed by slot (FACT_NAMES order); `undefined` = unknown. */
export type FactSlots = readonly FactValue[];

const slot = (name: (typeof PLAIN_FACT_NAMES)[number]) => SLOT_OF.get(name) as number;
const AGE = slot('victim.age');
const UNBORN = slot('victim.unborn');
const CROSSES_BORDER = slot('movement.crossesBorder');
const EXPLOITATION_PLACE = slot('movement.exploitationPlace');

/** The question (CaseFacts paths) to ask for each fact when unknown and nothing about the case changes it. */
const STATIC_ASK: readonly (readonly string[])[] = FACT_NAMES.map((name) => {
  const concept = CONCEPT_LAYOUT.find((c) => name.startsWith(`${c.field}.`) && c.offset.has(name.slice(c.field.length + 1)));
  if (concept) return concept.ask;
  if (name === 'movement.exploitationPlace') return ['movement.exploitationCountry', 'movement.destination'];
  if (name === 'movement.viaTransit') return ['movement.transit'];
  return [name];
});

/**
 * The seam between facts and law: flat, tri-state facts keyed by name (`means.deception`,
 * `victim.age`, `movement.destination`, ...). Rule conditions are written against these names only.
 */
export interface NormalisedFacts {
  /** Fact name -> value; a name that is absent or `undefined` is unknown. */
  readonly values: Record<string, FactValue>;
  /** The same values by slot (FACT_NAMES order), as the compiled conditions read them. */
  readonly slots: FactSlots;
  /** Fact name -> the CaseFacts paths a user would fill in to make it known. */
  readonly askFor: Record<string, string[]>;
  /** The date the facts were read at (asOf or conductDate), when known. */
  readonly date?: string;
}

type Window = { from: string; to: string };

/**
 * Turn validated CaseFacts into tri-state facts, read on `date` (the asOf date, else conductDate),
 * with the question behind each unknown one. {@link normaliseSlots} gives the values alone.
 */
export function normaliseFacts(facts: CaseFacts, date: string | undefined, window?: Window): NormalisedFacts {
  return new Normalised(facts, date, window, normaliseSlots(facts, date, window));
}

/**
 * NormalisedFacts whose keyed views are made on first use: evaluation reads the slots, and only
 * the missing-fact questions of an undetermined answer (askFor) or a caller wanting names (values)
 * need the rest. Pure: each view is a function of the facts and the date, made at most once.
 */
class Normalised implements NormalisedFacts {
  readonly date?: string;
  private keyed: Record<string, FactValue> | undefined;
  private questions: Record<string, string[]> | undefined;
  constructor(
    private readonly facts: CaseFacts,
    date: string | undefined,
    private readonly window: Window | undefined,
    readonly slots: FactSlots,
  ) {
    if (date) this.date = date;
  }
  get values(): Record<string, FactValue> {
    if (!this.keyed) {
      const values: Record<string, FactValue> = {};
      for (let i = 0; i < this.slots.length; i++) values[FACT_NAMES[i] as string] = this.slots[i];
      this.keyed = values;
    }
    return this.keyed;
  }
  get askFor(): Record<string, string[]> {
    this.questions ??= questionsFor(this.facts, this.date, this.window, this.slots);
    return this.questions;
  }
}

/**
 * The normalised values alone, by slot: what the screening path reads.
 * Absent = unknown throughout: a closed concept array makes unnamed concepts false, an open object
 * leaves them unknown; nothing else ever becomes false by default.
 */
export function normaliseSlots(facts: CaseFacts, date: string | undefined, window?: Window): FactValue[] {
  const s: FactValue[] = new Array(FACT_NAMES.length).fill(undefined);

  // Concept sets: a closed array names what is true and makes the rest false; an open object
  // states some of them (true or false) and leaves the rest unknown.
  for (const { field, first, ids, offset } of CONCEPT_LAYOUT) {
    const set = field === 'victim.harm' ? facts.victim?.harm : facts[field];
    if (Array.isArray(set)) {
      for (let i = 0; i < ids.length; i++) s[first + i] = false;
      for (const id of set as string[]) {
        const at = offset.get(id);
        if (at !== undefined) s[first + at] = true;
      }
    } else if (set) {
      for (const [id, v] of Object.entries(set as Record<string, boolean | undefined>)) {
        const at = offset.get(id);
        if (at !== undefined) s[first + at] = v;
      }
    }
  }

  const victim = facts.victim ?? {};
  s[UNBORN] = unbornOn(victim, date, window, facts.conductDate);
  s[AGE] = ageOn(victim, date, window, facts.conductDate);
  s[slot('victim.selfProtectionImpaired')] = victim.selfProtectionImpaired;
  s[slot('victim.nationality')] = victim.nationality;
  s[slot('victim.consented')] = victim.consented;

  const m = facts.movement ?? {};
  s[slot('movement.origin')] = m.origin;
  s[slot('movement.destination')] = m.destination;
  s[slot('movement.transit')] = m.transit;
  s[slot('movement.completed')] = m.completed;
  // Whether the journey had begun (UU 21/2007 Pasal 3 and 4 with Pasal 10: a journey begun and
  // stopped is an attempt, punished as the completed offence). As stated, else implied by
  // movement.completed: true (arrived) and false (stopped on the way) both mean it had begun.
  // The acts that show it (transportation, transfer, sending) are read by the rule data itself.
  s[slot('movement.begun')] = m.begun ?? (m.completed !== undefined ? true : undefined);
  s[slot('movement.interRegional')] = m.interRegional;
  s[slot('movement.exploitationCountry')] = m.exploitationCountry;
  // Where the exploitation was intended or happened: as found, else where the person was taken.
  s[EXPLOITATION_PLACE] = m.exploitationCountry ?? m.destination;
  s[CROSSES_BORDER] = crossesBorder(m);
  // Whether the route went through another country. A journey to a neighbour with no transit that
  // was stopped before arriving was stopped before the border, so taking a person out of
  // Indonesia (UU 21/2007 Pasal 4) was only attempted (Pasal 10); with a transit country on the
  // route the person may already have left Indonesia when stopped.
  s[slot('movement.viaTransit')] = m.transit === undefined ? undefined : m.transit.length > 0;

  const o = facts.offender ?? {};
  s[slot('offender.organisedCriminalGroup')] = o.organisedCriminalGroup;
  s[slot('offender.publicOfficial')] = o.publicOfficial;
  s[slot('offender.crossBorderLinks')] = o.crossBorderLinks;
  s[slot('movement.unlawfulCrossing')] = m.unlawfulCrossing;
  s[slot('offender.forGain')] = o.forGain;
  s[slot('offender.placedMigrantWorker')] = o.placedMigrantWorker;
  s[slot('offender.placementRequirementsMet')] = o.placementRequirementsMet;
  s[slot('offender.individualPlacer')] = o.individualPlacer;
  return s;
}

type Victim = NonNullable<CaseFacts['victim']>;

/**
 * Unborn on the date. A birth date settles it. Otherwise what the case states is "at conductDate"
 * (contract.md: `unborn`, `age`), and on another date it says only what follows from it: someone
 * unborn at the conduct was unborn before it; someone born by then stays born after it; an age
 * stated at the conduct places the birth within a year, which settles the date when it lies far
 * enough from it.
 */
function unbornOn(victim: Victim, date: string | undefined, window: Window | undefined, conductDate: string | undefined): boolean | undefined {
  const b = victim.birthDate;
  if (b && date) return b > date;
  if (victim.unborn !== undefined) {
    if (!date || !conductDate || date === conductDate) return victim.unborn;
    if (date < conductDate) return victim.unborn ? true : undefined;
    return victim.unborn ? undefined : false;
  }
  if (b && window && b <= window.from) return false;
  if (b && window && b > window.to) return true;
  if (victim.age === undefined) return undefined;
  if (!date || !conductDate || date >= conductDate) return false;
  // Earlier than the conduct by k whole years: born k or more years before it is born for sure
  // (the stated minimum exceeds k), unborn when k reaches a year past the stated maximum.
  const { min, max } = statedAge(victim.age);
  const k = ageOnDate(date, conductDate);
  if (k < min) return false;
  if (k >= max + 1) return true;
  return undefined;
}

const statedAge = (age: NonNullable<Victim['age']>): AgeInterval => (typeof age === 'number' ? { min: age, max: age } : { min: age.min, max: age.max });

/** Age in whole years on the date: from the birth date, else from the age stated at conductDate. */
function ageOn(victim: Victim, date: string | undefined, window: Window | undefined, conductDate: string | undefined): AgeInterval | undefined {
  const b = victim.birthDate;
  if (b && date && b <= date) {
    const years = ageOnDate(b, date);
    return { min: years, max: years };
  }
  if (victim.age !== undefined) {
    const { min, max } = statedAge(victim.age);
    if (!date || !conductDate || date === conductDate) return { min, max };
    // Read on another date (asOf): k whole years later adds k or k + 1 years; k whole years
    // earlier takes off k or k + 1 (and before the birth there is no age).
    if (date > conductDate) {
      const k = ageOnDate(conductDate, date);
      return { min: min + k, max: max + k + 1 };
    }
    const k = ageOnDate(date, conductDate);
    if (max - k < 0) return undefined;
    return { min: Math.max(0, min - k - 1), max: max - k };
  }
  // No date, but the conduct can only fall within the window (a version's time in force): the
  // age lies between the ages on its first and last days; born during it, from 0.
  if (b && !date && window && b <= window.from) return { min: ageOnDate(b, window.from), max: ageOnDate(b, window.to) };
  if (b && !date && window && b <= window.to) return { min: 0, max: ageOnDate(b, window.to) };
  return undefined;
}

/** For each unknown fact, the CaseFacts paths a user would fill in to make it known. */
function questionsFor(facts: CaseFacts, date: string | undefined, window: Window | undefined, s: FactSlots): Record<string, string[]> {
  const askFor: Record<string, string[]> = {};
  for (let i = 0; i < s.length; i++) if (s[i] === undefined) askFor[FACT_NAMES[i] as string] = STATIC_ASK[i] as string[];
  const victim = facts.victim ?? {};
  const byDate = date ? ['victim.birthDate'] : ['victim.birthDate', 'conductDate'];
  // A birth date settles whether the person was born and their age; without a date, a birth
  // date alone cannot, and the date is what is asked for.
  if (s[UNBORN] === undefined) askFor['victim.unborn'] = victim.birthDate ? ['conductDate'] : byDate;
  if (s[AGE] === undefined) askFor['victim.age'] = victim.birthDate && !date ? ['conductDate'] : byDate;
  // An age range that straddles a threshold is settled by the exact birth date.
  const age = s[AGE] as AgeInterval | undefined;
  if (age && age.min !== age.max) askFor['victim.age'] = byDate;
  if (s[CROSSES_BORDER] === undefined) askFor['movement.crossesBorder'] = missingMovement(facts.movement ?? {});
  return askFor;
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

const PLAIN_FACTS: ReadonlySet<string> = new Set(PLAIN_FACT_NAMES);

/**
 * Verdicts a later stage of a version may read: `$child` (in offences, victim, scope),
 * `$trafficking` (in victim and scope).
 */
export const VERDICT_FACTS = ['$child', '$trafficking'] as const;

/** Whether a rule condition may name this fact (a check on rule data, so typos fail the build). */
export function knownFactName(name: string): boolean {
  return SLOT_OF.has(name) || (VERDICT_FACTS as readonly string[]).includes(name);
}
