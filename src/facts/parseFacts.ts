import type { z } from 'zod';
import { ageOnDate } from './age.js';
import { CONCEPT_GROUPS } from './concepts.js';
import { FactsError, type FactsIssue } from './errors.js';
import { type CaseFacts, caseFactsSchema } from './schema.js';

/** Deepest nesting accepted in an input value (the schema itself is 3 levels deep). */
export const MAX_DEPTH = 8;
/** Most values (objects, arrays, scalars) accepted in one input. */
export const MAX_NODES = 2_000;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Validate an untrusted value as `CaseFacts`. Returns the facts (a fresh object: the input is never
 * mutated) or throws `FactsError`, and nothing else, whatever the value is (cyclic, hostile getters,
 * proxies, huge, deeply nested).
 *
 * @example
 * ```ts
 * const facts = parseFacts(JSON.parse(body)); // throws FactsError naming each bad field
 * ```
 */
export function parseFacts(input: unknown): CaseFacts {
  let caseId: string | undefined;
  try {
    caseId = readId(input);
    const shapeIssues = scanShape(input);
    if (shapeIssues.length > 0) throw new FactsError(shapeIssues, caseId);
    const parsed = caseFactsSchema.safeParse(input);
    if (!parsed.success) throw new FactsError(toIssues(parsed.error.issues, input), caseId);
    const crossIssues = crossFieldIssues(parsed.data);
    if (crossIssues.length > 0) throw new FactsError(crossIssues, caseId);
    return parsed.data;
  } catch (error) {
    if (error instanceof FactsError) throw error;
    // Anything else (a throwing getter, a revoked proxy, stack exhaustion) is still bad input.
    throw new FactsError([{ path: '', code: 'unreadable', message: `the input could not be read as JSON data (${describe(error)})` }], caseId);
  }
}

/**
 * Like parseFacts, but returns the error instead of throwing it.
 *
 * @example
 * ```ts
 * const r = safeParseFacts({ victim: { age: -1 } });
 * if (!r.success) console.log(r.error.issues[0]?.path); // 'victim.age'
 * ```
 */
export function safeParseFacts(input: unknown): { success: true; data: CaseFacts } | { success: false; error: FactsError } {
  try {
    return { success: true, data: parseFacts(input) };
  } catch (error) {
    return { success: false, error: error as FactsError };
  }
}

function readId(input: unknown): string | undefined {
  try {
    if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
      const id = (input as { id?: unknown }).id;
      if (typeof id === 'string' && id.length <= 200) return id;
    }
  } catch {
    /* hostile getter: no id */
  }
  return undefined;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.name === 'RangeError' ? 'too deeply nested or too large' : error.name;
  return 'unreadable value';
}

/** Bounded, cycle-safe walk: rejects forbidden keys, excessive depth, size and non-JSON values. */
function scanShape(input: unknown): FactsIssue[] {
  const issues: FactsIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ path: '', code: 'invalid_type', message: `expected a JSON object with case facts, got ${kind(input)}` }];
  }
  let nodes = 0;
  const stack: Array<{ value: unknown; path: string[]; depth: number }> = [{ value: input, path: [], depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string[]; depth: number };
    nodes += 1;
    if (nodes > MAX_NODES) {
      issues.push({ path: '', code: 'too_big', message: `input has more than ${MAX_NODES} values` });
      break;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) {
      issues.push({ path: path.join('.'), code: 'too_deep', message: `nested deeper than ${MAX_DEPTH} levels` });
      continue;
    }
    if (!Array.isArray(value)) {
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        issues.push({ path: path.join('.'), code: 'invalid_type', message: `expected a plain JSON object, got ${kind(value)}` });
        continue;
      }
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: [...path, key].join('.'), code: 'forbidden_key', message: `the key "${key}" is not allowed` });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
    }
  }
  return issues;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a Date object (send dates as "YYYY-MM-DD" strings)';
  return typeof value === 'object' ? 'a non-plain object' : `a ${typeof value}`;
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key as string];
  }
  return cur;
}

function toIssues(zodIssues: z.core.$ZodIssue[], input: unknown): FactsIssue[] {
  const out: FactsIssue[] = [];
  for (const issue of zodIssues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const field = base.join('.');
      const vocabulary = (CONCEPT_GROUPS as Record<string, readonly string[]>)[field];
      for (const key of issue.keys) {
        out.push(
          vocabulary
            ? { path: [...base, key].join('.'), code: 'unknown_concept', message: `unknown id "${key}"; expected one of: ${vocabulary.join(', ')}` }
            : { path: [...base, key].join('.'), code: 'unrecognized_keys', message: `unknown field "${key}"` },
        );
      }
    } else if (issue.code === 'invalid_union') {
      out.push(...unionIssues(issue, base, input));
    } else {
      out.push({ path: base.join('.'), code: issue.code, message: readableMessage(issue, valueAt(input, issue.path)) });
    }
  }
  return dedupe(out);
}

/** A union failed (concept sets, age): report the branch that matches the value's JSON type. */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion, base: string[], input: unknown): FactsIssue[] {
  const value = valueAt(input, issue.path);
  const wanted = Array.isArray(value) ? 'array' : typeof value === 'object' && value !== null ? 'object' : typeof value;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (!first) continue;
    const branchExpects =
      first.code === 'invalid_type' && first.path.length === 0 ? (first as { expected?: string }).expected : undefined;
    if (branchExpects === wanted || (wanted === 'number' && branchExpects === 'number')) continue;
    const branchIsForType = branch.every((i) => !(i.code === 'invalid_type' && i.path.length === 0));
    if (branchIsForType) {
      return branch.map((i) => {
        const path = [...base, ...i.path.map(String)];
        if (i.code === 'unrecognized_keys') {
          return { path: [...path, ...i.keys].join('.'), code: 'unknown_concept', message: `unknown id(s) ${i.keys.map((k) => `"${k}"`).join(', ')}` };
        }
        return { path: path.join('.'), code: i.code, message: readableMessage(i, valueAt(value, i.path)) };
      });
    }
  }
  return [{ path: base.join('.'), code: 'invalid_type', message: issue.message && issue.message !== 'Invalid input' ? issue.message : describeUnion(base) }];
}

function describeUnion(path: string[]): string {
  const last = path[path.length - 1];
  if (last === 'age') return 'expected a whole number of years or {"min": n, "max": n}';
  return 'expected an array of concept ids (closed set) or an object of concept id -> true/false (open set)';
}

function readableMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    const shown = JSON.stringify(value)?.slice(0, 60);
    const options = (issue.values as unknown[]).map(String);
    return `unknown id ${shown}; expected one of: ${options.join(', ')}`;
  }
  if (issue.code === 'invalid_type' && value === undefined) return `${issue.message}`;
  return issue.message;
}

function dedupe(issues: FactsIssue[]): FactsIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Facts that are each valid but contradict one another. */
function crossFieldIssues(f: CaseFacts): FactsIssue[] {
  const issues: FactsIssue[] = [];
  if (f.conductDate && f.conductEndDate && f.conductEndDate < f.conductDate) {
    issues.push({ path: 'conductEndDate', code: 'invalid_range', message: `ends (${f.conductEndDate}) before conductDate (${f.conductDate})` });
  }
  const v = f.victim;
  if (v) {
    if (v.unborn === true && v.age !== undefined) {
      issues.push({ path: 'victim.age', code: 'contradiction', message: 'an age is given for a person marked unborn at conductDate' });
    }
    if (v.birthDate && f.conductDate) {
      const bornAfter = v.birthDate > f.conductDate;
      if (v.unborn === false && bornAfter) {
        issues.push({ path: 'victim.unborn', code: 'contradiction', message: `birthDate ${v.birthDate} is after conductDate ${f.conductDate}, so the person was unborn` });
      }
      if (v.unborn === true && !bornAfter) {
        issues.push({ path: 'victim.unborn', code: 'contradiction', message: `birthDate ${v.birthDate} is not after conductDate ${f.conductDate}, so the person was born` });
      }
      if (v.age !== undefined && !bornAfter) {
        const actual = ageOnDate(v.birthDate, f.conductDate);
        const [min, max] = typeof v.age === 'number' ? [v.age, v.age] : [v.age.min, v.age.max];
        if (actual < min || actual > max) {
          issues.push({ path: 'victim.age', code: 'contradiction', message: `birthDate ${v.birthDate} gives age ${actual} at conductDate ${f.conductDate}, outside the age given` });
        }
      }
    }
  }
  return issues;
}
