import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, isFactsError } from '../src/index.js';
import { MAX_DEPTH, MAX_KEY_LENGTH, MAX_NODES } from '../src/facts/parseFacts.js';
import { MAX_STRING_LENGTH, MAX_TRANSIT } from '../src/facts/schema.js';
import { ACTS, CONSEQUENCES, EXPLOITATION, HARM, MEANS } from '../src/facts/concepts.js';

/**
 * Issue 6, part 1: compare() accepts any value and either answers or throws FactsError (with a
 * path, a code and a message saying the expected form for every issue): never another exception,
 * never a hang, never a polluted prototype.
 */

type Outcome = { kind: 'answer' } | { kind: 'error'; issues: Array<{ path: string; message: string; code: string }>; message: string };

/** Run compare; anything but an answer or a well-formed FactsError fails the test. */
async function outcome(input: unknown, options?: unknown, budgetMs = 2000): Promise<Outcome> {
  const started = performance.now();
  try {
    await compare(input, options as never);
    return { kind: 'answer' };
  } catch (e) {
    if (!isFactsError(e)) throw new Error(`not a FactsError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    expect(e.issues.length).toBeGreaterThan(0);
    for (const i of e.issues) {
      expect(typeof i.path).toBe('string');
      expect(typeof i.code).toBe('string');
      expect(i.message.length).toBeGreaterThan(0);
      // A hostile value is never echoed back whole: messages stay short.
      expect(i.message.length + i.path.length).toBeLessThan(1_000);
    }
    return { kind: 'error', issues: e.issues, message: e.message };
  } finally {
    // "Never a hang": every input, however large, is answered quickly (generous for slow CI).
    expect(performance.now() - started).toBeLessThan(budgetMs);
  }
}

const error = async (input: unknown, options?: unknown) => {
  const o = await outcome(input, options);
  if (o.kind !== 'error') throw new Error(`expected a FactsError for ${String(input)}`);
  return o;
};

const nest = (n: number, key = 'victim') => {
  const root: Record<string, unknown> = {};
  let o = root;
  for (let i = 0; i < n; i++) {
    const next: Record<string, unknown> = {};
    o[key] = next;
    o = next;
  }
  return root;
};

describe('any value: an answer or a FactsError, quickly', () => {
  const cyclic: Record<string, unknown> = { victim: {} };
  (cyclic.victim as Record<string, unknown>).self = cyclic;
  const cyclicArray: unknown[] = [];
  cyclicArray.push(cyclicArray);
  const throwingGetter = Object.defineProperty({}, 'victim', { enumerable: true, get: () => { throw new Error('getter'); } });
  const throwingIdGetter = Object.defineProperty({}, 'id', { enumerable: true, get: () => { throw new TypeError('id getter'); } });
  const trap = (name: keyof ProxyHandler<object>) => new Proxy({ conductDate: '2024-01-01' }, { [name]: () => { throw new Error(`trap ${name}`); } });
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  class Case {
    conductDate = '2024-01-01';
  }
  const huge = 'x'.repeat(10_000_000);
  const deepArrays = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
  const deepJson = JSON.parse(`${'{"victim":'.repeat(10_000)}{}${'}'.repeat(10_000)}`);
  const manyKeys = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]));
  const sparse: unknown[] = [];
  sparse.length = 2 ** 32 - 1;

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['true', true],
    ['a number', 42],
    ['NaN', Number.NaN],
    ['a string', '{"conductDate":"2024-01-01"}'],
    ['a bigint', 10n],
    ['a symbol', Symbol('facts')],
    ['a function', () => ({})],
    ['an empty array', []],
    ['an array of facts', [{ conductDate: '2024-01-01' }]],
    ['a cyclic object', cyclic],
    ['a cyclic array inside', { acts: cyclicArray }],
    ['a throwing getter', throwingGetter],
    ['a throwing id getter', throwingIdGetter],
    ['a proxy whose ownKeys throws', trap('ownKeys')],
    ['a proxy whose get throws', trap('get')],
    ['a proxy whose getPrototypeOf throws', trap('getPrototypeOf')],
    ['a proxy whose getOwnPropertyDescriptor throws', trap('getOwnPropertyDescriptor')],
    ['a revoked proxy', revoked.proxy],
    ['a class instance', new Case()],
    ['a Date', new Date()],
    ['a Map', new Map([['conductDate', '2024-01-01']])],
    ['a boxed String', new String('x')],
    ['a RegExp', /x/],
    ['a typed array', new Uint8Array(8)],
    ['a Date as conductDate', { conductDate: new Date('2024-01-01') }],
    ['a class instance as victim', { victim: new Case() }],
    ['a bigint age', { victim: { age: 15n } }],
    ['a symbol in acts', { acts: [Symbol('recruitment')] }],
    ['a function as means', { means: () => ['deception'] }],
    ['a 10 MB id', { id: huge }],
    ['a 10 MB date', { conductDate: huge }],
    ['a 10 MB concept id', { acts: [huge] }],
    ['a 10 MB key', { [huge]: 1 }],
    ['a 10 MB key in an open set', { means: { [huge]: true } }],
    ['10,000 levels of objects', nest(10_000)],
    ['10,000 levels of objects from JSON.parse', deepJson],
    ['10,000 levels of arrays', { acts: deepArrays }],
    ['a million-element array of acts', { acts: new Array(1_000_000).fill('recruitment') }],
    ['a million transit countries', { movement: { transit: new Array(1_000_000).fill('MY') } }],
    ['a 2^32-1 sparse array', { acts: sparse }],
    ['200,000 keys', manyKeys],
    ['200,000 keys in victim', { victim: manyKeys }],
  ])('%s', async (_name, input) => {
    expect((await outcome(input)).kind).toBe('error');
  });

  it('an object with no prototype is read like any other object', async () => {
    const o = Object.assign(Object.create(null), { conductDate: '2024-01-01', victim: Object.assign(Object.create(null), { age: 15 }) });
    expect((await outcome(o)).kind).toBe('answer');
  });

  it('the limits are where SECURITY.md says (one past each limit is refused, the limit itself is not)', async () => {
    // Strings: the id may have MAX_STRING_LENGTH characters, not one more.
    expect((await outcome({ id: 'x'.repeat(MAX_STRING_LENGTH) })).kind).toBe('answer');
    expect((await error({ id: 'x'.repeat(MAX_STRING_LENGTH + 1) })).issues[0]?.message).toMatch(`at most ${MAX_STRING_LENGTH} characters`);
    // Transit: MAX_TRANSIT countries, not one more.
    expect((await outcome({ movement: { transit: new Array(MAX_TRANSIT).fill('MY') } })).kind).toBe('answer');
    expect((await error({ movement: { transit: new Array(MAX_TRANSIT + 1).fill('MY') } })).issues[0]?.path).toBe('movement.transit');
    // Keys: an unknown key of MAX_KEY_LENGTH is reported as unknown; one longer is refused unread.
    expect((await error({ ['k'.repeat(MAX_KEY_LENGTH)]: 1 })).issues[0]?.code).toBe('unrecognized_keys');
    expect((await error({ ['k'.repeat(MAX_KEY_LENGTH + 1)]: 1 })).issues[0]?.code).toBe('too_big');
    // Depth: MAX_DEPTH levels of objects (the root and MAX_DEPTH - 1 inside it) are read, and then
    // refused by the schema as unknown fields; one level more is refused by the walk.
    expect((await error(nest(MAX_DEPTH - 1))).issues.some((i) => i.code === 'too_deep')).toBe(false);
    expect((await error(nest(MAX_DEPTH))).issues.some((i) => i.code === 'too_deep')).toBe(true);
    // Values: MAX_NODES in all.
    const values = (n: number) => ({ x: new Array(n - 2).fill(0) }); // the root, the array, its items
    expect((await error(values(MAX_NODES))).issues.some((i) => i.code === 'too_big')).toBe(false);
    expect((await error(values(MAX_NODES + 1))).issues.some((i) => i.code === 'too_big')).toBe(true);
  });

  it('SECURITY.md states each limit with the value the code enforces', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', 'SECURITY.md'), 'utf8');
    const row = (name: string) => doc.split('\n').find((l) => l.includes(`\`${name}\``)) ?? '';
    expect(row('MAX_NODES')).toContain(MAX_NODES.toLocaleString('en'));
    expect(row('MAX_DEPTH')).toContain(`${MAX_DEPTH} levels`);
    expect(row('MAX_STRING_LENGTH')).toContain(`${MAX_STRING_LENGTH} characters`);
    expect(row('MAX_KEY_LENGTH')).toContain(`${MAX_KEY_LENGTH} characters`);
    expect(row('MAX_TRANSIT')).toContain(`| ${MAX_TRANSIT} |`);
  });

  it('a getter is read once: what is validated is what is evaluated', async () => {
    let reads = 0;
    const flip = Object.defineProperty({ conductDate: '2024-01-01', victim: { age: 30 }, means: [], purposes: ['forced-labour'], movement: { origin: 'ID', destination: 'MY', transit: [] } }, 'acts', {
      enumerable: true,
      get: () => (++reads === 1 ? ['recruitment'] : { recruitment: 'not a boolean' }),
    });
    expect((await outcome(flip)).kind).toBe('answer');
    expect(reads).toBe(1);
  });
});

describe('prototype pollution: dangerous keys are refused wherever they are, and nothing reaches Object.prototype', () => {
  const payloads = [
    ['{"__proto__": {"polluted": true}}', '__proto__'],
    ['{"constructor": {"prototype": {"polluted": true}}}', 'constructor'],
    ['{"prototype": {"polluted": true}}', 'prototype'],
    ['{"victim": {"__proto__": {"polluted": true, "age": 10}}}', 'victim.__proto__'],
    ['{"means": {"__proto__": {"polluted": true}}}', 'means.__proto__'],
    ['{"means": {"constructor": true}}', 'means.constructor'],
    ['{"movement": {"transit": [{"__proto__": {"polluted": true}}]}}', 'movement.transit.0.__proto__'],
    ['{"victim": {"age": {"min": 1, "max": 2, "__proto__": {"polluted": true}}}}', 'victim.age.__proto__'],
    ['{"offender": {"constructor": {"prototype": {"polluted": true}}}}', 'offender.constructor'],
  ] as const;
  it.each(payloads)('facts %s', async (json, path) => {
    const o = await error(JSON.parse(json));
    expect(o.issues.map((i) => i.path)).toContain(path);
    expect(o.issues.find((i) => i.path === path)?.code).toBe('forbidden_key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('age');
  });

  it.each([
    ['{"__proto__": {"polluted": true}}', 'options.__proto__'],
    ['{"interpretations": {"__proto__": "x"}}', 'options.interpretations.__proto__'],
    ['{"interpretations": {"constructor": "x"}}', 'options.interpretations.constructor'],
    ['{"regimes": ["actip"], "prototype": {}}', 'options.prototype'],
  ])('options %s', async (json, path) => {
    const o = await error({ conductDate: '2024-01-01' }, JSON.parse(json));
    expect(o.issues.map((i) => i.path)).toContain(path);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keys that merely look like Object.prototype members are ordinary unknown keys', async () => {
    const o = await error(JSON.parse('{"toString": 1, "hasOwnProperty": 2, "valueOf": 3}'));
    expect(o.issues.map((i) => i.path).sort()).toEqual(['hasOwnProperty', 'toString', 'valueOf']);
  });
});

describe('hostile options: a FactsError on options.*, never another exception', () => {
  const deep = nest(10_000, 'interpretations');
  it.each<[string, unknown, string]>([
    ['a proxy whose get throws', new Proxy({}, { get: () => { throw new Error('get'); }, ownKeys: () => { throw new Error('keys'); } }), 'options'],
    ['a throwing getter', Object.defineProperty({}, 'asOf', { enumerable: true, get: () => { throw new Error('boom'); } }), 'options'],
    ['an array', ['actip'], 'options'],
    ['a string', 'verdicts', 'options'],
    ['a number', 7, 'options'],
    ['a Date as asOf', { asOf: new Date() }, 'options.asOf'],
    ['a million regimes', { regimes: new Array(1_000_000).fill('actip') }, 'options.regimes'],
    ['10,000 levels', deep, 'options.interpretations'],
    ['a reading that is not a string', { interpretations: { x: 1 } }, 'options.interpretations.x'],
    ['an unknown regime', { regimes: ['thailand'] }, 'options.regimes.0'],
    ['no regime at all', { regimes: [] }, 'options.regimes'],
    ['a repeated regime', { regimes: ['actip', 'actip'] }, 'options.regimes'],
    ['an impossible asOf', { asOf: '2023-02-29' }, 'options.asOf'],
    ['an asOf with a time', { asOf: '2024-01-01T00:00' }, 'options.asOf'],
    ['an unknown interpretation', { interpretations: { nope: 'x' } }, 'options.interpretations.nope'],
    ['a bad detail', { detail: 'some' }, 'options.detail'],
    ['a bad language', { language: 'fr' }, 'options.language'],
    ['an unknown option', { colour: 'red' }, 'options'],
  ])('%s', async (_name, options, path) => {
    const o = await error({ conductDate: '2024-01-01' }, options);
    expect(o.issues.some((i) => i.path === path || i.path.startsWith(`${path}.`)), JSON.stringify(o.issues)).toBe(true);
    // Each says what was expected (a form, a list, or a limit).
    for (const i of o.issues) expect(i.message).toMatch(/expected|at most|must not|at least|not allowed|nested deeper|could not be read|no interpretation|no regime|Unrecognized key/i);
  });
});

describe('messages name the field and say the expected form', () => {
  const DATE_FORM = /YYYY-MM-DD/;
  const dateFields = ['conductDate', 'conductEndDate', 'victim.birthDate'] as const;
  const put = (path: string, value: unknown) => {
    const [a, b] = path.split('.') as [string, string | undefined];
    return b ? { [a]: { [b]: value } } : { [a]: value };
  };
  const badDates: Array<[string, unknown, RegExp]> = [
    ['30 February', '2024-02-30', DATE_FORM],
    ['29 February in a common year', '2023-02-29', DATE_FORM],
    ['31 April', '2024-04-31', DATE_FORM],
    ['month 13', '2024-13-01', DATE_FORM],
    ['day 0', '2024-01-00', DATE_FORM],
    ['a time', '2024-01-01T00:00', /no time, no time zone/],
    ['a time with seconds and Z', '2024-01-01T00:00:00Z', /no time, no time zone/],
    ['a zone', '2024-01-01Z', DATE_FORM],
    ['an offset', '2024-01-01+07:00', DATE_FORM],
    ['a two-digit year', '24-1-1', DATE_FORM],
    ['no padding', '2024-1-1', DATE_FORM],
    ['slashes', '01/02/2024', DATE_FORM],
    ['day first', '01-02-2024', DATE_FORM],
    ['an expanded year', '+002024-01-01', DATE_FORM],
    ['full-width digits', '２０２４-０１-０１', DATE_FORM],
    ['spaces', ' 2024-01-01 ', DATE_FORM],
    ['an empty string', '', DATE_FORM],
    ['a number', 20240101, DATE_FORM],
    ['a timestamp', 1704067200000, DATE_FORM],
    ['null', null, DATE_FORM],
    ['before 1850', '1849-12-31', /1850-01-01/],
    ['after 2200', '2201-01-01', /2200-12-31/],
  ];
  for (const field of dateFields) {
    it.each(badDates)(`${field}: %s`, async (_name, value, form) => {
      const o = await error(put(field, value));
      const issue = o.issues.find((i) => i.path === field);
      expect(issue, JSON.stringify(o.issues)).toBeDefined();
      expect(issue?.message).toMatch(form);
    });
  }
  it('a real 29 February and the edges of the range are accepted', async () => {
    for (const d of ['2024-02-29', '2000-02-29', '1850-01-01', '2200-12-31']) expect((await outcome({ conductDate: d, victim: { birthDate: '1850-01-01' } })).kind, d).toBe('answer');
  });

  it.each<[string, unknown, string, RegExp]>([
    ['a negative age', -1, 'victim.age', /negative/],
    ['an age of 131', 131, 'victim.age', /130/],
    ['a fractional age', 1.5, 'victim.age', /whole number of years/],
    ['NaN', Number.NaN, 'victim.age', /whole number of years/],
    ['Infinity', Number.POSITIVE_INFINITY, 'victim.age', /whole number of years|130/],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'victim.age', /whole number of years|negative/],
    ['a string', '15', 'victim.age', /whole number of years or \{"min": n, "max": n\}/],
    ['a boolean', true, 'victim.age', /whole number of years or \{"min": n, "max": n\}/],
    ['min above max', { min: 10, max: 5 }, 'victim.age.min', /min must not be above max/],
    ['no max', { min: 10 }, 'victim.age.max', /whole number of years/],
    ['a fractional bound', { min: 10, max: 12.5 }, 'victim.age.max', /whole number of years/],
    ['a negative bound', { min: -1, max: 5 }, 'victim.age.min', /negative/],
    ['an extra bound', { min: 1, max: 5, mean: 3 }, 'victim.age.mean', /unknown field/],
  ])('age: %s', async (_name, age, path, form) => {
    const o = await error({ victim: { age } });
    const issue = o.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(o.issues)).toBeDefined();
    expect(issue?.message).toMatch(form);
  });

  const sets: Array<[string, readonly string[]]> = [['acts', ACTS], ['means', MEANS], ['purposes', EXPLOITATION], ['exploitationOccurred', EXPLOITATION], ['consequences', CONSEQUENCES], ['victim.harm', HARM]];
  it.each(sets)('%s: unknown ids are named and the known ones listed (closed and open)', async (field, ids) => {
    const closed = await error(put(field, [ids[0], 'telepathy']));
    const c = closed.issues.find((i) => i.path === `${field}.1`);
    expect(c?.message, JSON.stringify(closed.issues)).toMatch(/expected one of/);
    for (const id of ids) expect(c?.message).toContain(id);
    const open = await error(put(field, { [ids[0] as string]: true, telepathy: true }));
    const o = open.issues.find((i) => i.path === `${field}.telepathy`);
    expect(o?.message, JSON.stringify(open.issues)).toMatch(/unknown id "telepathy"/);
    expect(o?.code).toBe('unknown_concept');
    const repeated = await error(put(field, [ids[0], ids[0]]));
    expect(repeated.issues.find((i) => i.path === field)?.message).toMatch(/must not repeat/);
    const wrong = await error(put(field, 'recruitment'));
    expect(wrong.issues.find((i) => i.path === field)?.message).toMatch(/array of concept ids \(closed set\) or an object/);
    const notBool = await error(put(field, { [ids[0] as string]: 'yes' }));
    expect(notBool.issues.find((i) => i.path === `${field}.${ids[0]}`)?.message).toMatch(/expected true or false/);
  });

  // Every field given a value of the wrong JSON type: the issue is on that field and says what was expected.
  const wrongTypes: Array<[string, unknown]> = [
    ['id', 12], ['conductDate', true], ['conductEndDate', {}], ['victim', 'child'], ['victim', []], ['victim', null], ['victim.birthDate', []],
    ['victim.unborn', 'no'], ['victim.selfProtectionImpaired', 1], ['victim.nationality', 62], ['victim.consented', null], ['movement', true],
    ['movement.origin', ['ID']], ['movement.destination', 'Malaysia'], ['movement.transit', 'MY'], ['movement.transit', [1]], ['movement.exploitationCountry', 'my'],
    ['movement.completed', 'yes'], ['movement.interRegional', 0], ['offender', 1], ['offender.organisedCriminalGroup', 'true'], ['offender.publicOfficial', []],
    ['offender.crossBorderLinks', {}], ['acts', 5], ['means', null], ['purposes', true], ['consequences', 'death'], ['victim.harm', 0],
  ];
  it.each(wrongTypes)('%s given %j', async (path, value) => {
    const o = await error(put(path, value));
    const issue = o.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
    expect(issue, JSON.stringify(o.issues)).toBeDefined();
    expect(issue?.message).toMatch(/expected/);
    // Not zod's generic wording alone: the expected form is spelled out.
    expect(issue?.message).not.toMatch(/^Invalid input/);
  });

  it('unknown fields are named, at every level', async () => {
    const o = await error({ victm: {}, victim: { agee: 3 }, movement: { transits: [] }, offender: { gang: true } });
    expect(o.issues.map((i) => i.path).sort()).toEqual(['movement.transits', 'offender.gang', 'victim.agee', 'victm']);
    for (const i of o.issues) expect(i.message).toMatch(/unknown field/);
  });

  it('countries: upper-case ISO 3166-1 alpha-2 codes that are assigned', async () => {
    expect((await error({ movement: { origin: 'id' } })).issues[0]?.message).toMatch(/upper case/);
    expect((await error({ movement: { origin: 'IDN' } })).issues[0]?.message).toMatch(/alpha-2/);
    expect((await error({ movement: { origin: 'XX' } })).issues[0]?.message).toMatch(/not an assigned/);
  });

  it('contradictions between fields are named on the field to fix', async () => {
    expect((await error({ conductDate: '2024-02-01', conductEndDate: '2024-01-31' })).issues[0]?.path).toBe('conductEndDate');
    expect((await error({ victim: { unborn: true, age: 1 } })).issues[0]?.path).toBe('victim.age');
    expect((await error({ conductDate: '2024-01-01', victim: { birthDate: '2010-01-01', age: 20 } })).issues[0]?.message).toMatch(/gives age 14/);
    expect((await error({ conductDate: '2024-01-01', victim: { birthDate: '2024-06-01', unborn: false } })).issues[0]?.path).toBe('victim.unborn');
  });

  it('the FactsError carries the case id when it could be read, for batch use', async () => {
    const o = await compare({ id: 'case-7', victim: { age: -1 } }).catch((e: unknown) => e);
    expect(isFactsError(o) && o.caseId).toBe('case-7');
    const bad = await compare({ id: 'x'.repeat(10_000), victim: { age: -1 } }).catch((e: unknown) => e);
    expect(isFactsError(bad) && bad.caseId).toBeUndefined();
  });
});
