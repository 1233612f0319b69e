/**
 * Issue 15: the service takes HTCDS records as they are, by Content-Type, on a real loopback
 * socket. The same sample rows as test/htcds/exchange.test.ts (examples/htcds/sample.csv).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, fromHtcds } from '../../src/index.js';
import { HTCDS_JSON_TYPE, HTCDS_NDJSON_TYPE } from '../../src/server/mediaTypes.js';
import { post, startServer } from './support.js';

const root = join(import.meta.dirname, '../..');
const raw = (parse(readFileSync(join(root, 'examples/htcds/sample.csv'), 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>).slice(1).map((r) => {
  const { '': id, ...rest } = r;
  return { id, ...rest } as Record<string, string>;
});
const rec = (id: string) => raw.find((r) => r.id === id) as Record<string, string>;

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('HTCDS records by Content-Type', () => {
  it(`POST /compare with ${HTCDS_JSON_TYPE}: the record is mapped, then judged as its CaseFacts`, async () => {
    const res = await post(`${server.url}/compare`, rec('htcds-17'), { 'content-type': HTCDS_JSON_TYPE });
    expect(res.status).toBe(200);
    const body = await res.json();
    // The same answer as mapping the record in process and comparing its facts.
    expect(body).toEqual(JSON.parse(JSON.stringify(await compare(fromHtcds(rec('htcds-17')).facts))));
    // Row 17 (test/htcds/exchange.test.ts): trafficking under Indonesian law, undetermined under Malaysian law.
    const status = (id: string) => body.regimes.find((r: { regime: string }) => r.regime === id).trafficking.status;
    expect(status('uu-21-2007')).toBe('qualifies');
    expect(status('act-670')).toBe('undetermined');
  });

  it('a field that cannot be mapped is a 400 problem naming the HTCDS field', async () => {
    const res = await post(`${server.url}/compare`, { ...rec('htcds-17'), prs_Birthdate: 'not a date' }, { 'content-type': HTCDS_JSON_TYPE });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = await res.json();
    expect(problem.issues.map((i: { path: string }) => i.path)).toContain('htcds.prs_Birthdate');
  });

  it(`POST /batch with ${HTCDS_NDJSON_TYPE}: one answer a record, in order, a bad record answered in place`, async () => {
    const lines = [rec('htcds-17'), { ...rec('htcds-04'), prs_Birthdate: '2024-02-30' }, rec('htcds-04')].map((r) => JSON.stringify(r)).join('\n');
    const res = await post(`${server.url}/batch`, `${lines}\n`, { 'content-type': HTCDS_NDJSON_TYPE });
    expect(res.status).toBe(200);
    const out = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0].regimes).toBeDefined();
    expect(out[1]).toMatchObject({ line: 2 });
    expect(JSON.stringify(out[1].issues)).toContain('htcds.prs_Birthdate');
    expect(out[2].regimes).toBeDefined();
  });

  it('any other media type is a 415 that names both accepted types', async () => {
    const res = await post(`${server.url}/compare`, rec('htcds-17'), { 'content-type': 'text/csv' });
    expect(res.status).toBe(415);
    expect(res.headers.get('accept')).toContain(HTCDS_JSON_TYPE);
  });
});
