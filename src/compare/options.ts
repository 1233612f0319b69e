import { z } from 'zod';
import { FactsError, type FactsIssue } from '../facts/errors.js';
import { snapshotJson } from '../facts/parseFacts.js';
import { isoDateSchema } from '../facts/schema.js';
import type { RuleBook } from '../law/load.js';
import { type CompareOptions, REGIME_IDS, type RegimeId } from '../types.js';

const optionsSchema = z.strictObject(
  {
  // Any regime of the rule book (the four built-in ids, or one added under rules/); checked below.
  regimes: z
    .array(z.string({ error: `expected regime ids such as ${REGIME_IDS.join(', ')}` }))
    .min(1, { message: 'name at least one regime' })
    .refine((a) => new Set(a).size === a.length, { message: 'regimes must not repeat' })
    .optional(),
  asOf: isoDateSchema.optional(),
  interpretations: z.record(z.string(), z.string({ error: 'expected a reading id, e.g. "default" (see regimes() for each interpretation)' })).optional(),
  detail: z.enum(['full', 'verdicts']).optional(),
  language: z.enum(['en', 'id', 'ms']).optional(),
  // Proposals are validated where they are applied (src/law/proposal.ts); compareSync takes them off first.
  proposals: z.array(z.unknown()).optional(),
  },
  { error: 'expected an options object, e.g. {"asOf": "YYYY-MM-DD", "regimes": ["actip"], "detail": "verdicts"}' },
);

/** Validated options with defaults applied. */
export interface ResolvedOptions {
  regimes: RegimeId[];
  asOf?: string;
  interpretations: Record<string, string>;
  detail: 'full' | 'verdicts';
}

/** Validate compare() options; problems are reported as a FactsError on `options.*` paths. */
export function resolveOptions(options: unknown, book: RuleBook): ResolvedOptions {
  // Options come from callers too (CLI flags, HTTP bodies): the same bounded, pollution-safe copy
  // as the facts, and any surprise while reading them is bad input, never another exception.
  let copy: unknown;
  try {
    const snap = snapshotJson(options ?? {}, ['options']);
    if (snap.issues.length) throw new FactsError(snap.issues);
    copy = snap.value;
  } catch (e) {
    if (e instanceof FactsError) throw e;
    throw new FactsError([{ path: 'options', code: 'unreadable', message: 'the options could not be read as JSON data' }]);
  }
  const key = cacheKey(copy);
  let byKey = resolvedCache.get(book);
  const known = byKey?.get(key);
  if (known) return known;
  const resolved = validate(copy, book);
  if (!byKey) {
    byKey = new Map();
    resolvedCache.set(book, byKey);
  }
  // Bounded: a caller sending ever-different options cannot grow it without limit.
  if (byKey.size >= MAX_CACHED) byKey.clear();
  byKey.set(key, resolved);
  return resolved;
}

/**
 * Resolved options per rule book and options text: screening sends the same options with every
 * record, so each distinct value is validated once. Pure memoisation (the book is immutable and the
 * resolved options are frozen).
 */
const resolvedCache = new WeakMap<RuleBook, Map<string, ResolvedOptions>>();
const MAX_CACHED = 64;

/**
 * A text that tells any two option values apart (strings quoted; `undefined`, `NaN` and the
 * infinities written as bare words, which no JSON string can be), used as a cache key. The copy
 * it reads is small, plain and already checked by snapshotJson.
 */
function cacheKey(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += `${i ? ',' : ''}${cacheKey(v[i])}`;
    return `${out}]`;
  }
  if (v !== null && typeof v === 'object') {
    let out = '{';
    for (const k of Object.keys(v)) out += `${JSON.stringify(k)}:${cacheKey((v as Record<string, unknown>)[k])},`;
    return `${out}}`;
  }
  return String(v);
}

function validate(copy: unknown, book: RuleBook): ResolvedOptions {
  const parsed = optionsSchema.safeParse(copy);
  if (!parsed.success) {
    throw new FactsError(
      parsed.error.issues.map((i) => ({ path: ['options', ...i.path.map(String)].join('.'), code: i.code, message: i.message })),
    );
  }
  const o = parsed.data;
  const issues: FactsIssue[] = [];
  const known = book.regimes.map((r) => r.id);
  (o.regimes ?? []).forEach((id, i) => {
    if (!known.includes(id)) issues.push({ path: `options.regimes.${i}`, code: 'unknown_regime', message: `no regime "${id}"; expected one of: ${known.join(', ')}` });
  });
  for (const [id, reading] of Object.entries(o.interpretations ?? {})) {
    const decls = book.regimes.map((r) => r.interpretations.get(id)).filter((d) => d !== undefined);
    if (decls.length === 0) {
      issues.push({ path: `options.interpretations.${id}`, code: 'unknown_interpretation', message: `no interpretation "${id}" (see regimes() for the list)` });
    } else if (!decls.some((d) => d.readings.some((r) => r.id === reading))) {
      const readings = [...new Set(decls.flatMap((d) => d.readings.map((r) => r.id)))];
      issues.push({ path: `options.interpretations.${id}`, code: 'unknown_reading', message: `no reading "${reading}"; expected one of: ${readings.join(', ')}` });
    }
  }
  if (issues.length) throw new FactsError(issues);
  const resolved: ResolvedOptions = {
    // Default: every regime of the rule book, in its order (the four of the contract, plus any added).
    regimes: Object.freeze([...(o.regimes ?? known)]) as RegimeId[],
    interpretations: Object.freeze({ ...o.interpretations }),
    detail: o.detail ?? 'full',
  };
  if (o.asOf) resolved.asOf = o.asOf;
  return Object.freeze(resolved);
}
