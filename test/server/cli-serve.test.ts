/**
 * `tip-harmonise serve` as a process (needs dist/: `npx tsup`): it prints where it listens, answers
 * over a real socket, logs one JSON line per request without facts, and stops on SIGTERM.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deceived, post } from './support.js';

const root = resolve(import.meta.dirname, '../..');
const bin = resolve(root, 'bin/tip-harmonise.mjs');
let child: ChildProcess;
let url: string;
const lines: string[] = [];

beforeAll(async () => {
  if (!existsSync(resolve(root, 'dist/cli.js'))) throw new Error('dist/ is missing: run `npx tsup` first');
  child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let buf = '';
  child.stdout!.setEncoding('utf8');
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (d: string) => {
      buf += d;
      for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n')) {
        lines.push(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        const first = JSON.parse(lines[0] as string);
        if (lines.length === 1) {
          url = first.url;
          ok();
        }
      }
    });
    child.on('exit', (code) => fail(new Error(`serve exited ${code}`)));
  });
});
afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('tip-harmonise serve', () => {
  it('listens on loopback by default and says where', () => {
    expect(JSON.parse(lines[0] as string)).toMatchObject({ msg: 'listening', level: 'info' });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers, and logs one JSON line per request with no facts in it', async () => {
    const res = await post(`${url}/compare?detail=verdicts&regime=actip`, deceived());
    expect(res.status).toBe(200);
    const bad = await post(`${url}/compare`, { victim: { birthDate: '1995-02-30' } });
    expect(bad.status).toBe(400);
    for (let i = 0; i < 100 && lines.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    const logged = lines.slice(1).map((l) => JSON.parse(l));
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({ method: 'POST', path: '/compare', status: 200, query: ['detail', 'regime'] });
    expect(logged[1]).toMatchObject({ method: 'POST', path: '/compare', status: 400, level: 'warn' });
    const text = lines.join('\n');
    for (const secret of ['1995', 'deception', 'forced-labour', 'actip']) expect(text).not.toContain(secret);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses a bad port with exit 2 and the usage', () => {
    const r = spawnSync(process.execPath, [bin, 'serve', '--port', 'eighty'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--port');
    const h = spawnSync(process.execPath, [bin, 'serve', '--help'], { encoding: 'utf8' });
    expect(h.status).toBe(0);
    expect(h.stdout).toContain('usage: tip-harmonise serve');
  });
});
