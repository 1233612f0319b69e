import type { z } from 'zod';
import { ageOnDate } from './age.js';
import { CONCEPT_GROUPS } from './concepts.js';
import { FactsError, type FactsIssue } from './errors.js';
import { CASE_ID_PATTERN, type CaseFacts, caseFactsSchema, MAX_ID_LENGTH, MAX_STRING_LENGTH } from './schema.js';

/** Deepest nesting accepted in an input value (the schema itself is 3 levels deep). */
export const MAX_DEPTH = 8;
/** Most values (objects, arrays, scalars) accepted in one input. */
export const MAX_NODES = 2_000;
/** Longest object key accepted (the longest field or concept id is 25 characters). */
export const MAX_KEY_LENGTH = 64;

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
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new FactsError([{ path: '', code: 'invalid_type', message: `expected a JSON object with case facts, got ${kind(input)}` }], caseId);
    }
    // zod validates a bounded plain copy, never the caller's object: getters and proxies are read
    // once, by the walk that enforces the limits, so what is validated is what was checked.
    const { value, issues: shapeIssues } = snapshotJson(input);
    if (shapeIssues.length > 0) throw new FactsError(shapeIssues, caseId);
    const parsed = caseFactsSchema.safeParse(value);
    if (!parsed.success) throw new FactsError(toIssues(parsed.error.issues, value), caseId);
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
      // Only an id the schema would accept: an error must not carry a hostile id onward (batch lines, logs).
      if (typeof id === 'string' && id.length <= MAX_ID_LENGTH && CASE_ID_PATTERN.test(id)) return id;
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

/**
 * A plain, bounded copy of untrusted JSON-like data, or the reasons there is none. Iterative (no
 * recursion, so no stack exhaustion), cycle-safe (the depth bound ends any cycle), and it never
 * enumerates more than it may keep: an array's length and an object's key count are checked
 * before anything is copied, so a million-element array costs no more than a small one.
 * Rejects: keys `__proto__`, `constructor` and `prototype` (prototype pollution), keys longer
 * than {@link MAX_KEY_LENGTH}, strings longer than {@link MAX_STRING_LENGTH}, nesting deeper than
 * {@link MAX_DEPTH}, more than {@link MAX_NODES} values, objects that are not plain (class
 * instances, Dates, Maps) and values JSON cannot carry (functions, symbols, bigints).
 * The copy holds only plain objects and arrays; `root` prefixes every issue path (e.g. `options`).
 */
export function snapshotJson(input: unknown, root: readonly string[] = []): { value: unknown; issues: FactsIssue[] } {
  const issues: FactsIssue[] = [];
  // The walk keeps an explicit stack in parallel arrays (no frame objects, no closures, no path
  // arrays per value: this runs on every record of a batch). A value's path is rebuilt from its
  // container's path and its key only when an issue is reported.
  const values: unknown[] = [input];
  const into: Array<Record<string, unknown> | unknown[] | undefined> = [undefined];
  const keys: Array<string | number> = [''];
  const parents: Array<PathNode | undefined> = [undefined];
  const depths: number[] = [0];
  let result: unknown;
  let nodes = 0;
  const at = (parent: PathNode | undefined, key: string | number | undefined) => [...root, ...pathOf(parent), ...(key === undefined ? [] : [String(key)])].join('.');
  // A member read once: a valid scalar (most values: concept ids, codes, flags) is copied at once,
  // anything else waits on the stack. True when the input has run over MAX_NODES.
  const take = (item: unknown, out: Record<string, unknown> | unknown[], key: string | number, parent: PathNode | undefined, depth: number): boolean => {
    if (plainScalar(item)) {
      (out as Record<string | number, unknown>)[key] = item;
      return ++nodes > MAX_NODES;
    }
    values.push(item);
    into.push(out);
    keys.push(key);
    parents.push(parent);
    depths.push(depth);
    return false;
  };
  while (values.length > 0) {
    const value = values.pop();
    const container = into.pop();
    const key = keys.pop() as string | number;
    const parent = parents.pop();
    const depth = depths.pop() as number;
    const here = container === undefined ? undefined : key;
    if (++nodes > MAX_NODES) break;
    let copy: unknown;
    switch (typeof value) {
      case 'string':
        if (value.length > MAX_STRING_LENGTH) {
          issues.push({ path: at(parent, here), code: 'too_big', message: `at most ${MAX_STRING_LENGTH} characters (got ${value.length})` });
          continue;
        }
        copy = value;
        break;
      case 'number':
      case 'boolean':
      case 'undefined':
        copy = value;
        break;
      case 'object': {
        if (value === null) {
          copy = null;
          break;
        }
        if (depth >= MAX_DEPTH) {
          issues.push({ path: at(parent, here), code: 'too_deep', message: `nested deeper than ${MAX_DEPTH} levels` });
          continue;
        }
        const self: PathNode | undefined = container === undefined ? undefined : { parent, key };
        if (Array.isArray(value)) {
          const length = value.length;
          if (length > MAX_NODES - nodes) {
            issues.push({ path: at(parent, here), code: 'too_big', message: `an array of ${length} items; an input holds at most ${MAX_NODES} values` });
            continue;
          }
          const out: unknown[] = new Array(length);
          for (let i = length - 1; i >= 0; i--) if (take(value[i], out, i, self, depth + 1)) break;
          copy = out;
          break;
        }
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          issues.push({ path: at(parent, here), code: 'invalid_type', message: `expected JSON data (plain objects, arrays, strings, numbers, booleans), got ${kind(value)}` });
          continue;
        }
        const own = Object.keys(value);
        if (own.length > MAX_NODES - nodes) {
          issues.push({ path: at(parent, here), code: 'too_big', message: `an object with ${own.length} keys; an input holds at most ${MAX_NODES} values` });
          continue;
        }
        // Forbidden and over-long keys never reach the copy, so plain assignment cannot touch a prototype.
        const out: Record<string, unknown> = {};
        let kept = own;
        for (const k of own) {
          if (FORBIDDEN_KEYS.has(k) || k.length > MAX_KEY_LENGTH) {
            kept = own.filter((x) => !FORBIDDEN_KEYS.has(x) && x.length <= MAX_KEY_LENGTH);
            for (const x of own) {
              if (FORBIDDEN_KEYS.has(x)) issues.push({ path: at(self, x), code: 'forbidden_key', message: `the key "${x}" is not allowed` });
              else if (x.length > MAX_KEY_LENGTH) issues.push({ path: at(self, `${x.slice(0, 32)}...`), code: 'too_big', message: `a key of ${x.length} characters; keys have at most ${MAX_KEY_LENGTH}` });
            }
            break;
          }
        }
        for (let i = kept.length - 1; i >= 0; i--) {
          const k = kept[i] as string;
          if (take((value as Record<string, unknown>)[k], out, k, self, depth + 1)) break;
        }
        copy = out;
        break;
      }
      default:
        issues.push({ path: at(parent, here), code: 'invalid_type', message: `expected JSON data (an object, array, string, number, boolean or null), got a ${typeof value}` });
        continue;
    }
    if (container === undefined) result = copy;
    else (container as Record<string | number, unknown>)[key] = copy;
  }
  if (nodes > MAX_NODES) issues.push({ path: at(undefined, undefined), code: 'too_big', message: `input has more than ${MAX_NODES} values` });
  return { value: result, issues: issues.reverse() };
}

/** A scalar the copy may take as it is (a string within the length limit, a number, a boolean, null, undefined). */
function plainScalar(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
      return v.length <= MAX_STRING_LENGTH;
    case 'number':
    case 'boolean':
    case 'undefined':
      return true;
    default:
      return v === null;
  }
}

/** Where a container sits: its own container's node and its key there. */
interface PathNode {
  parent: PathNode | undefined;
  key: string | number;
}

function pathOf(node: PathNode | undefined): string[] {
  const out: string[] = [];
  for (let n = node; n; n = n.parent) out.push(String(n.key));
  return out.reverse();
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
    const shown = shortJson(value);
    const options = (issue.values as unknown[]).map(String);
    return `unknown id ${shown}; expected one of: ${options.join(', ')}`;
  }
  if (issue.code === 'invalid_type' && value === undefined) return `${issue.message}`;
  return issue.message;
}

/** At most 60 characters of a value, for a message (the value passed the size limits already). */
function shortJson(value: unknown): string {
  try {
    return String(JSON.stringify(value) ?? typeof value).slice(0, 60);
  } catch {
    return typeof value;
  }
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
  const m = f.movement;
  if (m?.begun === false) {
    // A journey not yet begun cannot have ended or been stopped on the way, nor can the person have
    // been moved already (UU 21/2007 Pasal 1 angka 10: pengiriman is dispatching a person).
    if (m.completed !== undefined) {
      issues.push({ path: 'movement.begun', code: 'contradiction', message: `movement.completed ${m.completed} says the journey had begun (${m.completed ? 'arrived' : 'stopped on the way'})` });
    }
    const acts = f.acts;
    const moving = ['transportation', 'transfer', 'sending'].filter((a) => (Array.isArray(acts) ? (acts as string[]).includes(a) : (acts as Record<string, boolean | undefined> | undefined)?.[a] === true));
    if (moving.length) {
      issues.push({ path: 'movement.begun', code: 'contradiction', message: `acts ${moving.join(', ')} say the person had already been moved, so the journey had begun` });
    }
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
