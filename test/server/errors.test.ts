import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deceived, post, startServer } from './support.js';

let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  srv = await startServer({ maxBodyBytes: 64 * 1024, maxBatchBytes: 256 * 1024, maxBatchLineBytes: 8 * 1024 });
});
afterAll(() => srv.close());

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await res.json();
  expect(body.status).toBe(status);
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  return body;
}

describe('400: bad input answers problem details with the FactsError issues', () => {
  it('a bad date names victim.birthDate', async () => {
    const body = await problem(await post(`${srv.url}/compare`, { victim: { birthDate: '2024-02-30' } }), 400);
    expect(body.issues).toEqual([expect.objectContaining({ path: 'victim.birthDate', code: expect.any(String), message: expect.any(String) })]);
    expect(body.instance).toBe('/compare');
  });

  it('an unknown key, a wrong type and an unknown concept are each named', async () => {
    const body = await problem(await post(`${srv.url}/compare`, { colour: 'red', victim: { age: 'x' }, acts: ['flying'] }), 400);
    const paths = body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['victim.age']));
    expect(paths.some((p: string) => p === '' || p === 'colour')).toBe(true);
  });

  it('a body that is not JSON is invalid_json, not a 500', async () => {
    const body = await problem(await post(`${srv.url}/compare`, '{"victim": '), 400);
    expect(body.issues[0]).toMatchObject({ path: '', code: 'invalid_json' });
    const empty = await problem(await post(`${srv.url}/render`, ''), 400);
    expect(empty.issues[0].code).toBe('invalid_json');
  });

  it('bad query parameters are named as query.<name>; bad ids as compare() names them', async () => {
    const d = await problem(await post(`${srv.url}/compare?as-of=2024-13-01`, deceived()), 400);
    expect(d.issues[0].path).toBe('query.as-of');
    const u = await problem(await post(`${srv.url}/compare?colour=red`, deceived()), 400);
    expect(u.issues[0]).toMatchObject({ path: 'query.colour', code: 'unrecognized_keys' });
    const r = await problem(await post(`${srv.url}/compare?regime=thailand`, deceived()), 400);
    expect(r.issues[0]).toMatchObject({ path: 'options.regimes.0', code: 'unknown_regime' });
    const i = await problem(await post(`${srv.url}/compare?interpretation=nonsense`, deceived()), 400);
    expect(i.issues[0].path).toBe('query.interpretation.0');
    const twice = await problem(await post(`${srv.url}/compare?detail=full&detail=verdicts`, deceived()), 400);
    expect(twice.issues[0]).toMatchObject({ path: 'query.detail', code: 'repeated' });
    const f = await problem(await fetch(`${srv.url}/divergences?format=pdf`), 400);
    expect(f.issues[0].path).toBe('query.format');
    const dr = await problem(await fetch(`${srv.url}/divergences?regime=nowhere`), 400);
    expect(dr.issues[0]).toMatchObject({ path: 'query.regime.0', code: 'unknown_regime' });
    const cf = await problem(await post(`${srv.url}/counterfactuals?regime=palermo`, deceived()), 400);
    expect(cf.issues[0].path).toBe('query.verdict');
    const cr = await problem(await post(`${srv.url}/counterfactuals?regime=mars&verdict=child`, deceived()), 400);
    expect(cr.issues[0].code).toBe('unknown_regime');
    const b = await problem(await post(`${srv.url}/batch?as-of=yesterday`, '{}\n', { 'content-type': 'application/x-ndjson' }), 400);
    expect(b.issues[0].path).toBe('query.as-of');
  });

  it('never answers 500 for any JSON body or query string (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue(), fc.record({ victim: fc.jsonValue(), acts: fc.jsonValue() }, { requiredKeys: [] })),
        fc.constantFrom('/compare', '/compare?detail=verdicts', '/explain/missing', '/render?format=text', '/counterfactuals?regime=actip&verdict=trafficking'),
        async (body, path) => {
          const res = await post(`${srv.url}${path}`, JSON.stringify(body));
          await res.arrayBuffer();
          expect([200, 400]).toContain(res.status);
        },
      ),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), async (k, v) => {
        const res = await fetch(`${srv.url}/divergences?${new URLSearchParams([[k, v]])}`);
        await res.arrayBuffer();
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: 40 },
    );
  });
});

describe('404, 405, 413, 415', () => {
  it('an unknown route is 404 problem', async () => {
    const body = await problem(await fetch(`${srv.url}/nowhere`), 404);
    expect(body.instance).toBe('/nowhere');
  });

  it('a wrong method is 405 with Allow', async () => {
    const get = await fetch(`${srv.url}/compare`);
    await problem(get, 405);
    expect(get.headers.get('allow')).toContain('POST');
    const del = await fetch(`${srv.url}/regimes`, { method: 'DELETE' });
    await problem(del, 405);
    expect(del.headers.get('allow')).toContain('GET');
  });

  it('a body over the limit is 413, whether Content-Length says so or not', async () => {
    const big = JSON.stringify({ id: 'x'.repeat(70 * 1024) });
    const body = await problem(await post(`${srv.url}/compare`, big), 413);
    expect(body.limitBytes).toBe(64 * 1024);
    // Chunked (no Content-Length): counted as it arrives.
    const enc = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < enc.length; i += 8192) c.enqueue(enc.slice(i, i + 8192));
        c.close();
      },
    });
    const res = await fetch(`${srv.url}/compare`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    await problem(res, 413);
    const batch = await problem(await fetch(`${srv.url}/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{}\n'.repeat(100_000) }), 413);
    expect(batch.limitBytes).toBe(256 * 1024);
  });

  it('a body that is not JSON by its Content-Type is 415', async () => {
    const res = await post(`${srv.url}/compare`, JSON.stringify(deceived()), { 'content-type': 'application/x-www-form-urlencoded' });
    await problem(res, 415);
    await problem(await post(`${srv.url}/batch`, '{}\n', { 'content-type': 'application/xml' }), 415);
  });
});

describe('batch: a bad line is answered in place', () => {
  it('invalid JSON, invalid facts and an over-long line each get an error line, in order, and the rest are compared', async () => {
    const lines = [JSON.stringify({ id: 'a', ...deceived() }), '{not json', '', JSON.stringify({ id: 'b', victim: { age: -3 } }), JSON.stringify({ id: 'x'.repeat(9000) }), JSON.stringify({ id: 'c' })];
    const res = await post(`${srv.url}/batch?detail=verdicts`, `${lines.join('\n')}\n`, { 'content-type': 'application/x-ndjson' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const out = (await res.text()).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(5); // the blank line 3 has no answer, but is counted
    expect(out[0].caseId).toBe('a');
    expect(out[1]).toMatchObject({ line: 2, error: 'InvalidJSON' });
    expect(out[2]).toMatchObject({ line: 4, error: 'FactsError', caseId: 'b' });
    expect(out[2].issues[0].path).toBe('victim.age');
    expect(out[3]).toMatchObject({ line: 5, error: 'LineTooLarge' });
    expect(out[4].caseId).toBe('c');
  });

  it('a chunked batch past the total limit ends with a PayloadTooLarge line after the lines it answered', async () => {
    const small = await startServer({ maxBatchBytes: 4096 });
    const line = `${JSON.stringify({ id: 'p' })}\n`; // 11 bytes
    const enc = new TextEncoder().encode(line.repeat(1000)); // 11,000 bytes > 4,096
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < enc.length; i += 1000) c.enqueue(enc.slice(i, i + 1000));
        c.close();
      },
    });
    const res = await fetch(`${small.url}/batch?detail=verdicts`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(200);
    const out = (await res.text()).trimEnd().split('\n');
    const last = JSON.parse(out.at(-1) as string);
    expect(last.error).toBe('PayloadTooLarge');
    // Every line wholly inside the limit is answered; none past it.
    expect(out.length - 1).toBeGreaterThan(100);
    expect(out.length - 1).toBeLessThanOrEqual(Math.floor(4096 / 11));
    for (const l of out.slice(0, -1)) expect(JSON.parse(l).caseId).toBe('p');
    expect(last.line).toBe(out.length);
    await small.close();
  });
});

describe('batch never loses a line', () => {
  it('any mix of lines (JSON or not, blank, CRLF) gives one answer per non-blank line, numbered as sent (property)', async () => {
    const line = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 30 }).map((t) => t.replace(/[\r\n]/g, ' ')),
      fc.constant(''),
      fc.constant(JSON.stringify({ victim: { age: 15 }, acts: ['recruitment'] })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.boolean(), async (lines, crlf) => {
        const res = await post(`${srv.url}/batch?detail=verdicts`, lines.join(crlf ? '\r\n' : '\n'), { 'content-type': 'application/x-ndjson' });
        expect(res.status).toBe(200);
        const out = (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l));
        const expectedLines = lines.map((l, i) => [l, i + 1] as const).filter(([l]) => l.trim() !== '');
        expect(out).toHaveLength(expectedLines.length);
        for (const [k, o] of out.entries()) if ('error' in o) expect(o.line).toBe(expectedLines[k]![1]);
      }),
      { numRuns: 40 },
    );
  });

  it('never answers 500 for any query string on /compare (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 30 })), { maxLength: 4 }), async (pairs) => {
        const res = await post(`${srv.url}/compare?${new URLSearchParams(pairs)}`, deceived());
        await res.arrayBuffer();
        expect([200, 400]).toContain(res.status);
      }),
      { numRuns: 40 },
    );
  });
});

describe('503: the bound on concurrent work', () => {
  it('with one slot, a second request while a batch streams is 503 with Retry-After; the slot frees when the batch ends', async () => {
    const one = await startServer({ maxConcurrent: 1 });
    try {
      let push!: (s: string) => void;
      let end!: () => void;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          push = (s) => c.enqueue(new TextEncoder().encode(s));
          end = () => c.close();
        },
      });
      const batch = fetch(`${one.url}/batch?detail=verdicts`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body, duplex: 'half' } as RequestInit);
      push(`${JSON.stringify({ id: 'first' })}\n`);
      const res = await batch; // head arrives while the body is still open
      const reader = res.body!.getReader();
      let first = '';
      while (!first.includes('\n')) first += new TextDecoder().decode((await reader.read()).value);
      expect(JSON.parse(first).caseId).toBe('first');
      const busy = await post(`${one.url}/compare`, deceived());
      await problem(busy, 503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect((await (await fetch(`${one.url}/healthz`)).json()).inFlight).toBe(1);
      end();
      while (!(await reader.read()).done) {
        /* drain */
      }
      const ok = await post(`${one.url}/compare`, deceived());
      expect(ok.status).toBe(200);
    } finally {
      await one.close();
    }
  });
});
