import { readFileSync } from 'node:fs';
import { createServer, type RequestLogEntry, type ServerOptions } from '../../src/server/index.js';

/** The real service on a free loopback port; its log lines are kept in `logs`. */
export async function startServer(options: ServerOptions = {}) {
  const logs: RequestLogEntry[] = [];
  const s = createServer({ port: 0, host: '127.0.0.1', log: (e) => logs.push(e), ...options });
  const { url, port } = await s.listen();
  return { ...s, url, port, logs };
}

export function fixture(name: string): { facts: Record<string, unknown> } {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}.json`, import.meta.url), 'utf8'));
}

export const JSON_HEADERS = { 'content-type': 'application/json' };

export function post(url: string, body: unknown, headers: Record<string, string> = JSON_HEADERS) {
  return fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** Deceived adult, Indonesia to Malaysia, forced labour, 2023: every regime says trafficking (fixture's why). */
export const deceived = () => fixture('adult-deceived-id-to-my-forced-labour-2023').facts;
/** Same case with means not known: the treaties are undetermined, UU 21/2007 Pasal 4 qualifies. */
export const meansUnknown = () => fixture('adult-means-absent-2023').facts;
