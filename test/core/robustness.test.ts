import { describe, expect, it } from 'vitest';
import { compare, isFactsError } from '../../src/index.js';

/** compare() either answers or rejects with a FactsError: never anything else. */
async function outcome(input: unknown, options?: unknown): Promise<'answer' | { paths: string[]; messages: string[] }> {
  try {
    await compare(input, options as never);
    return 'answer';
  } catch (e) {
    if (!isFactsError(e)) throw new Error(`not a FactsError: ${String(e)}`);
    return { paths: e.issues.map((i) => i.path), messages: e.issues.map((i) => i.message) };
  }
}

const deep = (n: number) => {
  let o: Record<string, unknown> = {};
  const root = o;
  for (let i = 0; i < n; i++) {
    const next = {};
    o.victim = next;
    o = next;
  }
  return root;
};

describe('hostile input gets a FactsError and nothing else', () => {
  const cyclic: Record<string, unknown> = { victim: {} };
  (cyclic.victim as Record<string, unknown>).self = cyclic;
  const throwing = Object.defineProperty({}, 'victim', { enumerable: true, get: () => { throw new Error('boom'); } });
  const proxy = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
  class Case { conductDate = '2024-01-01'; }
  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'facts'],
    ['a number', 42],
    ['undefined', undefined],
    ['a cyclic object', cyclic],
    ['a throwing getter', throwing],
    ['a hostile proxy', proxy],
    ['a class instance', new Case()],
    ['a Date', new Date()],
    ['a 1 MB id', { id: 'x'.repeat(1_000_000) }],
    ['10,000 levels of nesting', deep(10_000)],
    ['a million transit countries', { movement: { transit: new Array(1_000_000).fill('ID') } }],
  ])('%s', async (_name, input) => {
    expect(await outcome(input)).not.toBe('answer');
  });

  it('an object with no prototype is read like any object', async () => {
    const o = Object.assign(Object.create(null), { conductDate: '2024-01-01' });
    expect(await outcome(o)).toBe('answer');
  });
});

describe('prototype pollution', () => {
  it.each(['{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {"polluted": true}}}', '{"victim": {"__proto__": {"polluted": true}}}'])('%s is rejected and pollutes nothing', async (json) => {
    const r = await outcome(JSON.parse(json));
    expect(r).not.toBe('answer');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('messages name the field and the expected form', () => {
  it.each<[string, unknown, string, RegExp]>([
    ['impossible date', { conductDate: '2024-02-30' }, 'conductDate', /YYYY-MM-DD/],
    ['29 Feb in a common year', { victim: { birthDate: '2023-02-29' } }, 'victim.birthDate', /calendar date/],
    ['a time', { conductDate: '2024-01-01T00:00' }, 'conductDate', /no time, no time zone/],
    ['a zone', { conductDate: '2024-01-01Z' }, 'conductDate', /YYYY-MM-DD/],
    ['a short form', { conductDate: '24-1-1' }, 'conductDate', /YYYY-MM-DD/],
    ['a negative age', { victim: { age: -1 } }, 'victim.age', /whole number of years|negative/],
    ['an age of 131', { victim: { age: 131 } }, 'victim.age', /130|whole number/],
    ['a fractional age', { victim: { age: 1.5 } }, 'victim.age', /whole number/],
    ['NaN', { victim: { age: Number.NaN } }, 'victim.age', /whole number/],
    ['Infinity', { victim: { age: Number.POSITIVE_INFINITY } }, 'victim.age', /whole number|130/],
    ['min above max', { victim: { age: { min: 10, max: 5 } } }, 'victim.age.min', /min must not be above max/],
    ['an unknown concept (closed)', { means: ['telepathy'] }, 'means.0', /expected one of/],
    ['an unknown concept (open)', { means: { telepathy: true } }, 'means.telepathy', /unknown id/],
    ['a wrong type', { acts: 'recruitment' }, 'acts', /array of act ids|concept ids/],
    ['an unknown field', { victm: {} }, 'victm', /unknown field/],
    ['a lower-case country', { movement: { origin: 'id' } }, 'movement.origin', /upper case/],
    ['an unassigned country', { movement: { origin: 'XX' } }, 'movement.origin', /not an assigned/],
    ['an end before the start', { conductDate: '2024-02-01', conductEndDate: '2024-01-01' }, 'conductEndDate', /before conductDate/],
    ['born after the conduct but marked born', { conductDate: '2024-01-01', victim: { birthDate: '2024-06-01', unborn: false } }, 'victim.unborn', /unborn/],
  ])('%s', async (_name, input, path, message) => {
    const r = await outcome(input);
    expect(r).not.toBe('answer');
    const { paths, messages } = r as { paths: string[]; messages: string[] };
    const i = paths.indexOf(path);
    expect(i, `paths: ${paths.join(', ')}; messages: ${messages.join(' | ')}`).toBeGreaterThanOrEqual(0);
    expect(messages[i]).toMatch(message);
  });

  it.each<[string, unknown, string]>([
    ['an unknown regime', { regimes: ['thailand'] }, 'options.regimes.0'],
    ['a bad asOf', { asOf: '2024-13-01' }, 'options.asOf'],
    ['an unknown interpretation', { interpretations: { nope: 'x' } }, 'options.interpretations.nope'],
    ['an unknown option', { colour: 'red' }, 'options'],
    ['a bad detail', { detail: 'some' }, 'options.detail'],
  ])('bad options: %s', async (_name, options, path) => {
    const r = await outcome({ conductDate: '2024-01-01' }, options);
    expect(r).not.toBe('answer');
    expect((r as { paths: string[] }).paths.some((p) => p.startsWith(path))).toBe(true);
  });
});
