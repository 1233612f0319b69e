import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/index.js';
import { deceived, JSON_HEADERS, meansUnknown, post, startServer } from './support.js';

let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

const statuses = (c: { regimes: Array<{ regime: string; trafficking: { status: string } }> }) =>
  Object.fromEntries(c.regimes.map((r) => [r.regime, r.trafficking.status]));

describe('POST /compare', () => {
  it('answers the Comparison of compare(), as application/json', async () => {
    const res = await post(`${srv.url}/compare`, deceived());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    // Deception + recruitment/transport + forced labour, ID -> MY in 2023: an offence under all four
    // (UU 21/2007 Pasal 2(1) and 4; Act 670 s.12; ACTIP Art 2(a); Palermo Art 3(a)).
    expect(statuses(body)).toEqual({ 'uu-21-2007': 'qualifies', 'act-670': 'qualifies', actip: 'qualifies', palermo: 'qualifies' });
    expect(body).toEqual(JSON.parse(JSON.stringify(await compare(deceived()))));
  });

  it('?detail=verdicts gives statuses without element trees; ?regime narrows and keeps the order asked', async () => {
    const res = await post(`${srv.url}/compare?detail=verdicts&regime=palermo&regime=uu-21-2007`, meansUnknown());
    const body = await res.json();
    expect(body.regimes.map((r: { regime: string }) => r.regime)).toEqual(['palermo', 'uu-21-2007']);
    // Means unknown: Palermo Art 3(a) needs a means -> undetermined; UU 21/2007 Pasal 4 needs none -> qualifies.
    expect(statuses(body)).toEqual({ palermo: 'undetermined', 'uu-21-2007': 'qualifies' });
    expect(body).toEqual(JSON.parse(JSON.stringify(await compare(meansUnknown(), { detail: 'verdicts', regimes: ['palermo', 'uu-21-2007'] }))));
    // Comma-separated ids are the same request.
    const res2 = await post(`${srv.url}/compare?detail=verdicts&regime=palermo,uu-21-2007`, meansUnknown());
    expect(await res2.json()).toEqual(body);
  });

  it('?as-of judges under the law of that date (Act 670 before the 2022 amendment needed no means for an adult recruited for its purposes)', async () => {
    const facts = meansUnknown();
    const res = await post(`${srv.url}/compare?as-of=2009-06-01&regime=act-670`, facts);
    const body = await res.json();
    expect(body.asOf).toBe('2009-06-01');
    expect(body).toEqual(JSON.parse(JSON.stringify(await compare(facts, { asOf: '2009-06-01', regimes: ['act-670'] }))));
    expect(body.regimes[0].version.inForceFrom < '2010-01-01').toBe(true);
  });

  it('?interpretation=ID=READING chooses a contested reading', async () => {
    const regs = await (await fetch(`${srv.url}/regimes`)).json();
    const decl = regs.flatMap((r: { interpretations: Array<{ id: string; default: string; readings: Array<{ id: string }> }> }) => r.interpretations)[0];
    const other = decl.readings.find((r: { id: string }) => r.id !== decl.default).id;
    const res = await post(`${srv.url}/compare?interpretation=${decl.id}=${other}`, deceived());
    expect(res.status).toBe(200);
    const body = await res.json();
    const used = body.regimes.flatMap((r: { interpretations: Array<{ id: string; chosen: string }> }) => r.interpretations).filter((i: { id: string }) => i.id === decl.id);
    expect(used.length).toBeGreaterThan(0);
    for (const u of used) expect(u.chosen).toBe(other);
  });
});

describe('the other endpoints', () => {
  it('GET /regimes lists the four contract ids with dated versions', async () => {
    const res = await fetch(`${srv.url}/regimes`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.map((r: { id: string }) => r.id).slice(0, 4)).toEqual(['uu-21-2007', 'act-670', 'actip', 'palermo']);
    // UU 21/2007 has a version from 2 Jan 2026 (KUHP Pasal 455 replaces Pasal 2).
    expect(body[0].versions.map((v: { inForceFrom: string }) => v.inForceFrom)).toContain('2026-01-02');
  });

  it('GET /divergences as json, markdown and html, in the language asked', async () => {
    const j = await fetch(`${srv.url}/divergences?as-of=2023-01-01`);
    expect(j.headers.get('content-type')).toMatch(/^application\/json/);
    const entries = await j.json();
    expect(entries.some((e: { diverges: boolean }) => e.diverges)).toBe(true);
    const md = await fetch(`${srv.url}/divergences?format=markdown&lang=id`);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const mdText = await md.text();
    expect(mdText).toMatch(/^#/m);
    const en = await (await fetch(`${srv.url}/divergences?format=markdown&lang=en`)).text();
    expect(mdText).not.toBe(en);
    const html = await fetch(`${srv.url}/divergences?format=html&lang=ms`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toMatch(/<table|<h1|<section/i);
  });

  it('GET /schema is the JSON Schema of CaseFacts', async () => {
    const res = await fetch(`${srv.url}/schema`);
    expect(res.headers.get('content-type')).toBe('application/schema+json');
    const s = await res.json();
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['conductDate', 'victim', 'acts', 'means', 'purposes', 'movement']));
  });

  it('POST /explain/missing asks for the means when only the means stand between the case and a treaty verdict', async () => {
    const res = await post(`${srv.url}/explain/missing?lang=id&regime=actip`, meansUnknown());
    expect(res.status).toBe(200);
    const body = await res.json();
    // ACTIP Art 2(a): act + means + purpose; act and purpose are known, means are not.
    expect(body.map((m: { fact: string }) => m.fact)).toContain('means');
    const en = await (await post(`${srv.url}/explain/missing?regime=actip`, meansUnknown())).json();
    expect(body.find((m: { fact: string }) => m.fact === 'means').question).not.toBe(en.find((m: { fact: string }) => m.fact === 'means').question);
  });

  it('POST /counterfactuals names a means that would decide the Palermo verdict', async () => {
    const res = await post(`${srv.url}/counterfactuals?regime=palermo&verdict=trafficking`, meansUnknown());
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.length).toBeGreaterThan(0);
    for (const c of body) expect(c.hypothesis).toBe(true);
    // From undetermined (means unknown), a means present would make it qualify (Art 3(a)).
    expect(body.some((c: { from: string; to: string; change: object }) => c.from === 'undetermined' && c.to === 'qualifies' && 'means' in c.change)).toBe(true);
  });

  it('POST /render gives html, markdown and text with their content types', async () => {
    const html = await post(`${srv.url}/render?lang=ms`, deceived());
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await html.text()).toMatch(/<(table|section|h1|h2)/i);
    const md = await post(`${srv.url}/render?format=markdown`, deceived());
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await md.text()).toMatch(/Act 670/);
    const txt = await post(`${srv.url}/render?format=text`, deceived());
    expect(txt.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await txt.text()).not.toMatch(/<[a-z]/);
  });

  it('GET /healthz says ok with nothing in flight, and every request logged one line with no facts in it', async () => {
    const res = await fetch(`${srv.url}/healthz`);
    expect(await res.json()).toMatchObject({ status: 'ok', inFlight: 0 });
    expect(srv.logs.length).toBeGreaterThan(10);
    const text = JSON.stringify(srv.logs);
    // Values of the facts sent above never reach the log.
    for (const secret of ['1995-03-10', 'forced-labour', 'deception', 'recruitment', '2009-06-01']) expect(text).not.toContain(secret);
    for (const e of srv.logs) {
      expect(Object.keys(e).sort()).toEqual(expect.arrayContaining(['method', 'path', 'status', 'ms', 'time', 'level']));
      expect(typeof e.status).toBe('number');
    }
  });

  it('every answer carries an x-request-id, the same as in its log line (the client\'s own when plain)', async () => {
    const res = await fetch(`${srv.url}/healthz`, { headers: { 'x-request-id': 'case-sys-42' } });
    expect(res.headers.get('x-request-id')).toBe('case-sys-42');
    expect(srv.logs.at(-1)?.id).toBe('case-sys-42');
    const odd = await fetch(`${srv.url}/nowhere`, { headers: { 'x-request-id': 'has spaces and "quotes"' } });
    const id = odd.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(srv.logs.at(-1)).toMatchObject({ id, status: 404 });
  });

  it('HEAD on a GET endpoint works', async () => {
    const res = await fetch(`${srv.url}/healthz`, { method: 'HEAD' });
    expect(res.status).toBe(200);
  });
});

it('the JSON headers helper is JSON', () => expect(JSON_HEADERS['content-type']).toBe('application/json'));
