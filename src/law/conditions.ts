import { VOCABULARIES, VOCABULARY_OF_FIELD, type ConceptField } from '../facts/concepts.js';
import type { ConceptMapping, Mapping, Operator, RawCondition } from './schema.js';

/**
 * A plain json-rules-engine condition (no macros left): what the reference engine runs and what the
 * fast path compiles. Every fact name is a normalised fact (src/facts/normalise.ts) or a `$verdict`.
 */
export type Condition =
  | { all: Condition[]; name?: string }
  | { any: Condition[]; name?: string }
  | { not: Condition; name?: string }
  | Leaf;

export interface Leaf {
  fact: string;
  operator: Operator;
  value: unknown;
  name?: string;
  /** Plain label for explanations, filled in once when a version is prepared. */
  label?: string;
  /** Where the fact sits in the normalised fact slots (FACT_NAMES), filled in when prepared. */
  slot?: number;
}

export const isLeaf = (c: Condition): c is Leaf => 'fact' in c;

/** What an expansion needs: the version's concept mapping and the reading chosen for each interpretation. */
export interface ExpansionContext {
  mapping: ConceptMapping;
  /** interpretation id -> chosen reading id (defaults already applied). */
  readings: Readonly<Record<string, string>>;
  /** Filled in: the interpretations this expansion actually consulted. */
  used: Set<string>;
}

/** Whether a shared concept counts as the statute's term under the chosen readings. */
export function conceptCounts(m: Mapping, ctx: Pick<ExpansionContext, 'readings' | 'used'>): boolean {
  switch (m.relation) {
    case 'exact':
    case 'close':
    case 'broader':
    case 'narrower':
      return true;
    case 'none':
      return false;
    case 'contested': {
      const id = m.interpretation as string;
      ctx.used.add(id);
      const chosen = ctx.readings[id];
      return chosen !== undefined && (m.countsUnder ?? []).includes(chosen);
    }
  }
}

/** The ids of a concept field that count for this version (under the chosen readings). */
export function countingConcepts(field: ConceptField, ctx: ExpansionContext): string[] {
  const vocab = VOCABULARY_OF_FIELD[field];
  const ids = VOCABULARIES[vocab] as readonly string[];
  if (vocab === 'harm' || vocab === 'consequence') return [...ids];
  const table = ctx.mapping[vocab] as Record<string, Mapping>;
  return ids.filter((id) => {
    const m = table[id];
    return m !== undefined && m.generalList !== false && conceptCounts(m, ctx);
  });
}

/** Expand a rule-file condition into a plain json-rules-engine condition. */
export function expandCondition(raw: RawCondition, ctx: ExpansionContext): Condition {
  if ('all' in raw) return withName({ all: raw.all.map((c) => expandCondition(c, ctx)) }, raw.name);
  if ('any' in raw) return withName({ any: raw.any.map((c) => expandCondition(c, ctx)) }, raw.name);
  if ('not' in raw) return withName({ not: expandCondition(raw.not, ctx) }, raw.name);
  if ('concepts' in raw) {
    const leaves: Condition[] = countingConcepts(raw.concepts, ctx).map((id) => ({
      fact: `${raw.concepts}.${id}`,
      operator: 'equal' as const,
      value: true,
      name: `${raw.concepts}.${id}`,
    }));
    return withName({ any: leaves }, raw.name ?? `concepts:${raw.concepts}`);
  }
  if ('interpretation' in raw) {
    ctx.used.add(raw.interpretation);
    const chosen = ctx.readings[raw.interpretation];
    const branch = chosen !== undefined ? raw.readings[chosen] : undefined;
    if (!branch) throw new Error(`interpretation ${raw.interpretation}: no condition for reading "${chosen}"`);
    return expandCondition(branch, ctx);
  }
  return withName({ fact: raw.fact, operator: raw.operator, value: raw.value }, raw.name);
}

function withName<T extends Condition>(c: T, name: string | undefined): T {
  return name ? { ...c, name } : c;
}

/** Every fact name a condition reads. */
export function factsOf(c: Condition, into: Set<string> = new Set()): Set<string> {
  if (isLeaf(c)) into.add(c.fact);
  else if ('all' in c) for (const x of c.all) factsOf(x, into);
  else if ('any' in c) for (const x of c.any) factsOf(x, into);
  else factsOf(c.not, into);
  return into;
}
