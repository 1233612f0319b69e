/**
 * The HTTP service behind `tip-harmonise serve` (package export `tip-harmonise/server`), on Hono 4
 * and @hono/node-server. Node only (the library core stays browser-safe).
 *
 * @packageDocumentation
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { type AppOptions, createApp } from './app.js';

export { createApp, DEFAULTS, type AppOptions, type RequestLogEntry, type TipApp } from './app.js';
export { openApiDocument } from './openapi.js';

/** Socket timeouts of the service (slow clients), in milliseconds. */
export interface TimeoutOptions {
  /** All request headers must arrive within this (slowloris). Default 10,000. */
  headersMs?: number;
  /** The whole request, body included, must arrive within this (408 past it; 0: no limit). Default 300,000. */
  requestMs?: number;
  /** A connection with no traffic either way is closed after this. Default 30,000. */
  idleMs?: number;
  /** Keep-alive connections wait this long for the next request. Default 5,000. */
  keepAliveMs?: number;
  /** How often Node checks the header and request timeouts. Default 1,000. */
  checkEveryMs?: number;
}

export interface ServerOptions extends AppOptions {
  /** Default 127.0.0.1 (loopback only; put a reverse proxy in front to expose it). */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  timeouts?: TimeoutOptions;
}

/** What {@link createServer} returns: the app, the Node server, and listen / close. */
export interface TipServer {
  /** The Hono app (also usable with `app.request()` without a socket). */
  app: ReturnType<typeof createApp>;
  /** The Node HTTP server (not yet listening). */
  server: Server;
  /** Start listening; resolves with the address actually bound. */
  listen(): Promise<{ host: string; port: number; url: string }>;
  /** Stop accepting, end idle connections, and close the rest after `graceMs` (default 5,000). */
  close(graceMs?: number): Promise<void>;
}

/** The default socket timeouts, in milliseconds (see {@link TimeoutOptions}). */
export const TIMEOUT_DEFAULTS = { headersMs: 10_000, requestMs: 300_000, idleMs: 30_000, keepAliveMs: 5_000, checkEveryMs: 1_000 } as const;

/**
 * The service as a Node HTTP server with its slow-client timeouts set.
 *
 * @example
 * ```ts
 * import { createServer } from 'tip-harmonise/server';
 * const s = createServer({ port: 0 });
 * const { url } = await s.listen();
 * const res = await fetch(`${url}/compare?detail=verdicts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ victim: { age: 15 } }) });
 * await s.close();
 * ```
 */
export function createServer(options: ServerOptions = {}): TipServer {
  const { host = '127.0.0.1', port = 8080, timeouts = {}, ...appOptions } = options;
  const t = { ...TIMEOUT_DEFAULTS, ...Object.fromEntries(Object.entries(timeouts).filter(([, v]) => v !== undefined)) } as Required<TimeoutOptions>;
  const app = createApp(appOptions);
  const server = createAdaptorServer({
    fetch: app.fetch,
    serverOptions: {
      headersTimeout: t.headersMs,
      // 0 switches it off; otherwise Node wants it at least the headers timeout.
      requestTimeout: t.requestMs === 0 ? 0 : Math.max(t.requestMs, t.headersMs),
      keepAliveTimeout: t.keepAliveMs,
      connectionsCheckingInterval: t.checkEveryMs,
    },
  }) as Server;
  server.setTimeout(t.idleMs, (socket) => socket.destroy());
  return {
    app,
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const a = server.address() as AddressInfo;
          const h = a.family === 'IPv6' ? `[${a.address}]` : a.address;
          resolve({ host: a.address, port: a.port, url: `http://${h}:${a.port}` });
        });
      }),
    close: (graceMs = 5_000) =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
