import { parseArgs } from 'node:util';
import { createServer } from '../server/index.js';
import { CliError } from './io.js';

export const SERVE_HELP = `usage: tip-harmonise serve [--host 127.0.0.1] [--port 8080] [--max-concurrent 32] [--quiet]

The HTTP service: POST /compare, /batch (NDJSON), /explain/missing, /counterfactuals, /render;
GET /regimes, /divergences, /schema, /openapi.json (its OpenAPI 3.1 description), /healthz.
Logs one JSON line per request on stdout (method, path, status, time; never facts or query values).
  --host            address to listen on (default 127.0.0.1: this machine only)
  --port            port (default 8080; 0 picks a free one)
  --max-concurrent  requests worked on at once; more get 503 (default 32)
  --quiet           no request log
Stops on SIGINT / SIGTERM, finishing the requests in progress.`;

/** `tip-harmonise serve`: start the service and run until a signal. Resolves with the exit code. */
export async function cmdServe(args: string[]): Promise<number> {
  let values: { help?: boolean; host?: string; port?: string; 'max-concurrent'?: string; quiet?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, host: { type: 'string' }, port: { type: 'string' }, 'max-concurrent': { type: 'string' }, quiet: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new CliError(`serve: ${(e as Error).message}\n\n${SERVE_HELP}`);
  }
  if (values.help) {
    process.stdout.write(`${SERVE_HELP}\n`);
    return 0;
  }
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port: expected a whole number from 0 to 65535, got "${values.port}"`);
  const maxConcurrent = values['max-concurrent'] === undefined ? undefined : Number(values['max-concurrent']);
  if (maxConcurrent !== undefined && (!Number.isInteger(maxConcurrent) || maxConcurrent < 1 || maxConcurrent > 10_000)) {
    throw new CliError(`--max-concurrent: expected a whole number from 1 to 10000, got "${values['max-concurrent']}"`);
  }
  const s = createServer({
    host: values.host ?? '127.0.0.1',
    port,
    ...(maxConcurrent ? { maxConcurrent } : {}),
    log: values.quiet ? false : (e) => process.stdout.write(`${JSON.stringify(e)}\n`),
  });
  let address: { url: string; port: number; host: string };
  try {
    address = await s.listen();
  } catch (e) {
    throw new CliError(`serve: cannot listen on ${values.host ?? '127.0.0.1'}:${port}: ${(e as Error).message}`);
  }
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'listening', url: address.url, port: address.port })}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void s.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
