import { describe, expect, it } from 'vitest';
import { compare, isFactsError } from '../../src/index.js';
import type { FactsIssue } from '../../src/index.js';

/**
 * Issue 6, part 1: compare() given any value either answers or rejects with a FactsError, never
 * another exception and never a hang. Every expectation below comes from contract.md ("Nothing else
 * may be thrown for bad input") and SECURITY.md (the limits), not from the program's output.
 */

type Outcome = { kind: 'answer'; ms: number } | { kind: 'facts-error'; issues: FactsIssue[]; ms: number };

/** Run compare(); any rejection that is not a FactsError fails the test with the real error. */
async function settle(facts: unknown, options?: unknown): Promise<Outcome> {
  const t0 = performance.now();
  try {
    await compare(facts, options as never);
    return { kind: 'answer', ms: performance.now() - t0 };
  } catch (e) {
    const ms = performance.now() - t0;
    if (!isFactsError(e)) throw new Error(`compare threw something other than a FactsError: ${String(e)}`, { cause: e });
    // The FactsError shape is part of the contract: every issue has a path, a message and a code.
    for (const i of e.issues) {
      expect(typeof i.path).toBe('string');
      expect(typeof i.code).toBe('string');
      expect(i.message.length).toBeGreaterThan(0);
    }
    expect(e.issues.length).toBeGreaterThan(0);
    return { kind: 'facts-error', issues: e.issues, ms };
  }
}

async function rejected(facts: unknown, options?: unknown): Promise<FactsIssue[]> {
  const o = await settle(facts, options);
  if (o.kind !== 'facts-error') throw new Error(`expected a FactsError for ${safeShow(facts)} ${safeShow(options)}`);
  return o.issues;
}

function safeShow(v: unknown): string {
  try {
    return JSON.stringify(v)?.slice(0, 80) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** Some issue sits at `path` and its message matches `form` (the expected form is named). */
function expectIssue(issues: FactsIssue[], path: string, form: RegExp) {
  const at = issues.filter((i) => i.path === path);
  expect(at.length, `no issue at ${path}; got ${JSON.stringify(issues)}`).toBeGreaterThan(0);
  expect(at.some((i) => form.test(i.message)), `no message at ${path} matching ${form}: ${JSON.stringify(at)}`).toBe(true);
}

const HANG_MS = 5_000; // generous: a refusal of a bounded value should take milliseconds

describe('hostile values: an answer or a FactsError, never anything else, never a hang', () => {
  const cyclic: Record<string, unknown> = { victim: {} };
  (cyclic.victim as Record<string, unknown>).self = cyclic;
  const cyclicArray: unknown[] = [];
  cyclicArray.push(cyclicArray);

  const throwingGetter = Object.defineProperty({}, 'acts', { enumerable: true, get: () => { throw new Error('boom'); } });
  const throwingNested = { victim: Object.defineProperty({}, 'age', { enumerable: true, get: () => { throw new TypeError('nested boom'); } }) };
  const trappingProxy = new Proxy({}, { ownKeys: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } });
  const lyingProxy = new Proxy({ acts: ['recruitment'] }, { get: (t, k) => (k === 'acts' ? 'not-an-array' : Reflect.get(t, k)) });
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  const nullProto = Object.assign(Object.create(null) as object, { acts: ['recruitment'], conductDate: '2020-01-01' });
  class Facts { acts = ['recruitment']; }

  let deep: unknown = {};
  for (let i = 0; i < 10_000; i++) deep = { victim: deep };
  let deepArray: unknown = [];
  for (let i = 0; i < 10_000; i++) deepArray = [deepArray];

  const values: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['array', []],
    ['array of facts', [{ acts: ['recruitment'] }]],
    ['string', 'acts'],
    ['empty string', ''],
    ['number', 42],
    ['NaN', Number.NaN],
    ['boolean', true],
    ['bigint', 10n],
    ['symbol', Symbol('x')],
    ['function', () => ({})],
    ['cyclic object', cyclic],
    ['cyclic array', cyclicArray],
    ['throwing getter', throwingGetter],
    ['throwing nested getter', throwingNested],
    ['proxy whose traps throw', trappingProxy],
    ['proxy that lies', lyingProxy],
    ['revoked proxy', revoked],
    ['Object.create(null) object', nullProto],
    ['class instance', new Facts()],
    ['Date', new Date('2024-01-01')],
    ['Map', new Map([['acts', ['recruitment']]])],
    ['typed array', new Uint8Array(10)],
    ['1 MB string as id', { id: 'x'.repeat(1_000_000) }],
    ['1 MB string as date', { conductDate: '2'.repeat(1_000_000) }],
    ['1 MB key', { ['k'.repeat(1_000_000)]: true }],
    ['1 MB string as the input', 'x'.repeat(1_000_000)],
    ['10,000-level nested object', deep],
    ['10,000-level nested array', { acts: deepArray }],
    ['1e6-element array', { acts: new Array(1_000_000).fill('recruitment') }],
    ['1e6-element transit', { movement: { transit: new Array(1_000_000).fill('ID') } }],
    ['object with 100,000 keys', Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]))],
    ['sparse array', { acts: Object.assign(new Array(5), { 2: 'recruitment' }) }],
    ['symbol key', { [Symbol('s')]: 1, acts: ['recruitment'] }],
    ['lone surrogate', { id: '\uD800' }],
  ];

  for (const [name, value] of values) {
    it(`${name}`, async () => {
      const o = await settle(value);
      expect(o.ms).toBeLessThan(HANG_MS);
    });
  }

  it('refuses every non-object input, naming the whole input (path "") and the expected form', async () => {
    for (const v of [null, [], 'x', 42, true, undefined]) {
      const issues = await rejected(v);
      expectIssue(issues, '', /expected .*object/i);
    }
  });

  it('refuses non-plain objects (Date, class instance) rather than reading their fields', async () => {
    // A Date or class instance is not JSON data; accepting it would read inherited or computed fields.
    await rejected(new Date());
    await rejected(new Facts());
  });

  it('reads an Object.create(null) object like a plain object (it is valid JSON data)', async () => {
    // JSON has no prototypes; an object without one carries the same data.
    expect((await settle(nullProto)).kind).toBe('answer');
  });

  it('refuses over-limit sizes (documented in SECURITY.md) quickly', async () => {
    for (const v of [{ id: 'x'.repeat(1_000_000) }, deep, { acts: new Array(1_000_000).fill('recruitment') }]) {
      const o = await settle(v);
      expect(o.kind).toBe('facts-error');
      expect(o.ms).toBeLessThan(1_000);
    }
  });
});

describe('prototype pollution', () => {
  const payloads: Array<[string, unknown]> = [
    ['__proto__ at the top', JSON.parse('{"__proto__":{"x":1}}')],
    ['__proto__ in victim', JSON.parse('{"victim":{"__proto__":{"x":1}}}')],
    ['__proto__ in means (open set)', JSON.parse('{"means":{"__proto__":{"x":1}}}')],
    ['__proto__ in movement', JSON.parse('{"movement":{"__proto__":{"polluted":true}}}')],
    ['constructor.prototype at the top', JSON.parse('{"constructor":{"prototype":{"x":1}}}')],
    ['constructor in victim', JSON.parse('{"victim":{"constructor":{"prototype":{"x":1}}}}')],
    ['prototype key', JSON.parse('{"prototype":{"x":1}}')],
    ['__proto__ in options', undefined],
  ];

  for (const [name, payload] of payloads) {
    it(`${name} is refused and Object.prototype stays clean`, async () => {
      const issues =
        payload === undefined ? await rejected({}, JSON.parse('{"__proto__":{"x":1}}')) : await rejected(payload);
      // The dangerous key is named in a path (so a user knows which key to remove).
      expect(issues.some((i) => /(^|\.)(__proto__|constructor|prototype)(\.|$)/.test(i.path))).toBe(true);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'x')).toBe(false);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
    });
  }

  it('interpretations: {"__proto__": ...} in options is refused, not silently dropped', async () => {
    const issues = await rejected({}, { interpretations: JSON.parse('{"__proto__":"x"}') });
    expect(issues.some((i) => i.path.startsWith('options.interpretations'))).toBe(true);
  });
});
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('dates: impossible dates, times, zones and non-ISO forms name the path and the form YYYY-MM-DD', () => {
  const bad = [
    '2024-02-30', // February has at most 29 days
    '2023-02-29', // 2023 is not a leap year
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-01-01T00:00',
    '2024-01-01T00:00:00Z',
    '2024-01-01Z',
    '2024-01-01+07:00',
    '24-1-1',
    '2024-1-1',
    '01/02/2024',
    '20240101',
    ' 2024-01-01',
    '２０２４-０１-０１',
  ];
  for (const d of bad) {
    for (const path of ['conductDate', 'conductEndDate', 'victim.birthDate']) {
      it(`${path} = ${JSON.stringify(d)}`, async () => {
        const [a, b] = path.split('.') as [string, string?];
        const facts = b ? { [a]: { [b]: d } } : { [a]: d };
        expectIssue(await rejected(facts), path, /YYYY-MM-DD/);
      });
    }
  }
  it('accepts 29 February in a leap year (the check is a calendar, not a pattern)', async () => {
    expect((await settle({ conductDate: '2024-02-29' })).kind).toBe('answer');
  });
  it('asOf gets the same check, under options.asOf', async () => {
    for (const d of ['2024-02-30', '2024-01-01T00:00', '24-1-1']) expectIssue(await rejected({}, { asOf: d }), 'options.asOf', /YYYY-MM-DD/);
    expectIssue(await rejected({}, { asOf: 20240101 }), 'options.asOf', /YYYY-MM-DD|date/i);
  });
});

describe('ages', () => {
  // Contract: ages are whole years; 0..130 in the schema; {min,max} with min <= max.
  const cases: Array<[unknown, string, RegExp]> = [
    [-1, 'victim.age', /negative|whole number|years/],
    [131, 'victim.age', /130|plausible|years/],
    [1.5, 'victim.age', /whole number/],
    [Number.NaN, 'victim.age', /whole number/],
    [Number.POSITIVE_INFINITY, 'victim.age', /whole number/],
    [Number.NEGATIVE_INFINITY, 'victim.age', /whole number/],
    ['17', 'victim.age', /whole number/],
    [null, 'victim.age', /whole number|leave the field out/],
    [{ min: 10, max: 5 }, 'victim.age', /min .*max|above max/],
    [{ min: -1, max: 5 }, 'victim.age', /negative|whole number/],
    [{ min: 1 }, 'victim.age', /max|min|whole number/],
  ];
  for (const [age, path, form] of cases) {
    it(`victim.age = ${safeShow(age) ?? String(age)}`, async () => {
      const issues = await rejected({ victim: { age } });
      // Path: the age itself or one of its bounds.
      const at = issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
      expect(at.length, JSON.stringify(issues)).toBeGreaterThan(0);
      expect(at.some((i) => form.test(i.message)), JSON.stringify(at)).toBe(true);
    });
  }
  it('accepts the edges 0 and 130', async () => {
    expect((await settle({ victim: { age: 0 } })).kind).toBe('answer');
    expect((await settle({ victim: { age: 130 } })).kind).toBe('answer');
    expect((await settle({ victim: { age: { min: 5, max: 5 } } })).kind).toBe('answer');
  });
});

describe('concepts, countries and types', () => {
  it('unknown concept ids name the path and list the known ids', async () => {
    expectIssue(await rejected({ means: ['telepathy'] }), 'means.0', /deception/);
    expectIssue(await rejected({ means: { telepathy: true } }), 'means.telepathy', /deception/);
    expectIssue(await rejected({ acts: ['recruitment', 'teleport'] }), 'acts.1', /recruitment/);
    expectIssue(await rejected({ purposes: ['Forced-Labour'] }), 'purposes.0', /forced-labour/);
    expectIssue(await rejected({ victim: { harm: ['tired'] } }), 'victim.harm.0', /expected one of|unknown/);
  });
  it('wrong types name the path and the expected form', async () => {
    expectIssue(await rejected({ acts: 'recruitment' }), 'acts', /array/);
    expectIssue(await rejected({ means: { deception: 'yes' } }), 'means.deception', /true or false/);
    expectIssue(await rejected({ victim: 'child' }), 'victim', /object/);
    expectIssue(await rejected({ victim: { consented: 'yes' } }), 'victim.consented', /true or false/);
    expectIssue(await rejected({ movement: { transit: 'MY' } }), 'movement.transit', /array|list/i);
    expectIssue(await rejected({ id: 7 }), 'id', /string|text/i);
  });
  it('countries are ISO 3166-1 alpha-2, upper case', async () => {
    for (const c of ['id', 'IDN', 'XX', 'I', '']) expectIssue(await rejected({ movement: { origin: c } }), 'movement.origin', /ISO 3166-1|country/);
  });
  it('unknown keys are refused, at their path', async () => {
    const issues = await rejected({ victim: { nmae: 'x' } });
    expect(issues.some((i) => i.path.startsWith('victim'))).toBe(true);
  });
  it('a repeated concept in a closed set is refused', async () => {
    const issues = await rejected({ acts: ['recruitment', 'recruitment'] });
    expect(issues.some((i) => i.path.startsWith('acts'))).toBe(true);
  });
});

describe('bad options', () => {
  it('unknown regime', async () => {
    expectIssue(await rejected({}, { regimes: ['mars'] }), 'options.regimes.0', /uu-21-2007/);
  });
  it('regimes not an array', async () => {
    const issues = await rejected({}, { regimes: 'actip' });
    expect(issues.some((i) => i.path.startsWith('options.regimes'))).toBe(true);
  });
  it('unknown interpretation and unknown reading', async () => {
    expectIssue(await rejected({}, { interpretations: { 'no-such-question': 'x' } }), 'options.interpretations.no-such-question', /interpretation/);
    const issues = await rejected({}, { interpretations: { 'act-670-2010-includes-limb': 'no-such-reading' } });
    expect(issues.some((i) => i.path === 'options.interpretations.act-670-2010-includes-limb'), JSON.stringify(issues)).toBe(true);
  });
  it('unknown option, wrong option types, hostile option values', async () => {
    for (const o of [{ nonsense: 1 }, { detail: 'everything' }, 'asOf', 5, [], new Date(), { asOf: null }, { regimes: [] }]) {
      const issues = await rejected({}, o);
      expect(issues.every((i) => i.path === '' || i.path.startsWith('options')), JSON.stringify(issues)).toBe(true);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await rejected({}, cyclic);
    await rejected({}, Object.defineProperty({}, 'asOf', { enumerable: true, get: () => { throw new Error('x'); } }));
  });
});
