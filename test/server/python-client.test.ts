/**
 * The "done when" of issue 15 §1 for a non-JavaScript client: examples/python_client.py (standard
 * library only) finds the operations in GET /openapi.json and validates, screens and explains a case.
 */
import { execFile, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from './support.js';

const python = spawnSync('python3', ['--version']).status === 0;
let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

it.skipIf(!python)('a Python client validates, screens and explains a case from the OpenAPI description alone', async () => {
  const script = resolve(import.meta.dirname, '../../examples/python_client.py');
  // Asynchronous: the server answers in this same process.
  const out = await new Promise<string>((ok, fail) => {
    execFile('python3', [script, srv.url], { timeout: 60_000 }, (err, stdout, stderr) => (err ? fail(new Error(`${err.message}\n${stderr}`)) : ok(stdout)));
  });
  const got = JSON.parse(out);
  expect(got.validate).toEqual({ status: 400, contentType: 'problem', fields: ['victim.birthDate'] });
  expect(got.screen.status).toBe(200);
  // Means not stated (an open question): ACTIP Art 2(a) and Palermo Art 3(a) need a means, so
  // undetermined; UU 21/2007 Pasal 4 (an Indonesian taken abroad for exploitation) needs none.
  expect(got.screen.verdicts.actip).toBe('undetermined');
  expect(got.screen.verdicts.palermo).toBe('undetermined');
  expect(got.explain).toContain('means');
  expect(got.batch).toEqual(['A-1', 'FactsError']);
});
