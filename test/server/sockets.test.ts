import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/index.js';
import { deceived, meansUnknown, post, startServer } from './support.js';

let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  srv = await startServer({ timeouts: { headersMs: 300, requestMs: 600, idleMs: 2_000, checkEveryMs: 50 } });
});
afterAll(() => srv.close());

/** Everything the server writes on a raw socket until it closes it. */
function rawExchange(port: number, send: (s: ReturnType<typeof connect>) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    s.on('data', (d) => {
      got += d.toString();
    });
    s.on('close', () => resolve(got));
    s.on('error', reject);
    s.on('connect', () => send(s));
  });
}

describe('slow clients', () => {
  it('headers that never finish are cut off with 408 (headers timeout)', async () => {
    const got = await rawExchange(srv.port, (s) => s.write('POST /compare HTTP/1.1\r\nHost: x\r\nContent-Type: appl'));
    expect(got).toMatch(/^HTTP\/1\.1 408/);
  });

  it('a body that stops arriving is cut off (request timeout), and the slot it held is freed', async () => {
    const got = await rawExchange(srv.port, (s) =>
      s.write('POST /compare HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"victim":'),
    );
    expect(got === '' || /^HTTP\/1\.1 (408|400)/.test(got)).toBe(true);
    for (let i = 0; i < 100 && srv.app.inFlight() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(srv.app.inFlight()).toBe(0);
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
  });
});

describe('a client that stops reading', () => {
  it('a batch whose answers are never read is closed after the idle timeout, and its slot is freed', async () => {
    // A separate server: no request timeout to cut in first (the body is sent whole but read only
    // as answers are written), only the 1 s idle timeout.
    const idle = await startServer({ timeouts: { idleMs: 1_000, requestMs: 0, headersMs: 5_000, checkEveryMs: 100 } });
    try {
      const lines = `${Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `s${i}`, victim: { age: 15 }, acts: ['recruitment'] })).join('\n')}\n`;
      let serverSide = false;
      idle.server.on('connection', (sock) => sock.on('close', () => (serverSide = true)));
      const s = connect(idle.port, '127.0.0.1', () => {
        s.write(`POST /batch?detail=verdicts HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: ${Buffer.byteLength(lines)}\r\n\r\n`);
        s.write(lines);
        s.pause(); // never read a byte of the answer (a paused socket does not see the server's close either)
      });
      s.on('error', () => {});
      try {
        for (let i = 0; i < 100 && idle.app.inFlight() === 0; i++) await new Promise((r) => setTimeout(r, 20));
        expect(idle.app.inFlight()).toBe(1);
        // The server ends the connection itself and frees the slot.
        for (let i = 0; i < 600 && !(serverSide && idle.app.inFlight() === 0); i++) await new Promise((r) => setTimeout(r, 25));
        expect(serverSide).toBe(true);
        expect(idle.app.inFlight()).toBe(0);
      } finally {
        s.destroy();
      }
    } finally {
      await idle.close(100);
    }
  });
});

describe('batch streams both ways', () => {
  it('answers each line before the next is sent (order kept), over one open request', async () => {
    const ids = ['one', 'two', 'three'];
    const answers: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = request(`${srv.url}/batch?detail=verdicts`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
        expect(res.statusCode).toBe(200);
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => {
          buf += d;
          for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n')) {
            answers.push(buf.slice(0, nl));
            buf = buf.slice(nl + 1);
            // The next line is only written once this one's answer came back.
            const next = ids[answers.length];
            if (next) req.write(`${JSON.stringify({ id: next, ...meansUnknown() })}\n`);
            else req.end();
          }
        });
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      req.write(`${JSON.stringify({ id: ids[0], ...meansUnknown() })}\n`);
    });
    const parsed = answers.map((a) => JSON.parse(a));
    expect(parsed.map((p) => p.caseId)).toEqual(ids);
    const expected = JSON.parse(JSON.stringify(await compare({ id: 'two', ...meansUnknown() }, { detail: 'verdicts' })));
    expect(parsed[1]).toEqual(expected);
  });

  it('a client that disconnects mid-batch frees its slot and the service goes on', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `c${i}`, ...deceived() })).join('\n');
    await new Promise<void>((resolve) => {
      const req = request(`${srv.url}/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
        res.once('data', () => {
          // Got the first answers; go away with the upload unfinished.
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => {});
      req.write(lines.slice(0, lines.length / 2));
    });
    for (let i = 0; i < 200 && srv.app.inFlight() > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(srv.app.inFlight()).toBe(0);
    const res = await post(`${srv.url}/compare?detail=verdicts`, deceived());
    expect(res.status).toBe(200);
  });
});

describe('under load', () => {
  it('1,000 concurrent requests (mixed cases, options and detail) each equal in-process compare()', async () => {
    const cases = [deceived(), meansUnknown(), { victim: { age: 15 }, acts: ['recruitment'], purposes: ['sexual-exploitation'], conductDate: '2024-03-01' }, { conductDate: '2010-01-01' }];
    const variants = [
      { q: '', o: {} },
      { q: '?detail=verdicts', o: { detail: 'verdicts' as const } },
      { q: '?regime=act-670&as-of=2021-05-01', o: { regimes: ['act-670' as const], asOf: '2021-05-01' } },
      { q: '?detail=verdicts&regime=actip,palermo', o: { detail: 'verdicts' as const, regimes: ['actip' as const, 'palermo' as const] } },
    ];
    const big = await startServer({ maxConcurrent: 2000 });
    try {
      const jobs = Array.from({ length: 1000 }, (_, i) => ({ facts: { id: `r${i}`, ...cases[i % cases.length] }, v: variants[Math.floor(i / cases.length) % variants.length]! }));
      const answers = await Promise.all(jobs.map(async (j) => {
        const res = await post(`${big.url}/compare${j.v.q}`, j.facts);
        return { status: res.status, body: await res.json() };
      }));
      for (const [i, a] of answers.entries()) {
        expect(a.status).toBe(200);
        const j = jobs[i]!;
        expect(a.body).toEqual(JSON.parse(JSON.stringify(await compare(j.facts, j.v.o))));
      }
      expect(big.logs.filter((l) => l.path === '/compare').length).toBe(1000);
    } finally {
      await big.close();
    }
  });
});

describe('close()', () => {
  it('stops accepting, ends a batch still streaming after the grace period, and frees its slot', async () => {
    const s = await startServer();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(`${JSON.stringify({ id: 'open' })}\n`)); // and never closed
      },
    });
    const res = await fetch(`${s.url}/batch?detail=verdicts`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body, duplex: 'half' } as RequestInit);
    const reader = res.body!.getReader();
    await reader.read();
    expect(s.app.inFlight()).toBe(1);
    await s.close(200);
    expect(s.server.listening).toBe(false);
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
    for (let i = 0; i < 200 && s.app.inFlight() > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(s.app.inFlight()).toBe(0);
    await reader.cancel().catch(() => {});
  });
});
