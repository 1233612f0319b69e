/**
 * The HTTP service (issue 15, section 1) as a Hono app: web-standard Request in, Response out, so
 * the same app runs under @hono/node-server (createServer) and in any fetch-style runtime.
 * Bad input is answered 400 with RFC 9457 problem details carrying the FactsError issues; nothing
 * the client sends can make it answer 500.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { ZodArray, ZodOptional, type z } from 'zod';
import { compareSync } from '../compare/compare.js';
import { compareOne } from '../compare/compareMany.js';
import { divergences } from '../compare/divergences.js';
import { counterfactuals } from '../explain/counterfactuals.js';
import { explainMissing } from '../explain/missing.js';
import { FactsError, type FactsIssue, isFactsError } from '../facts/errors.js';
import { factsJsonSchema } from '../facts/jsonSchema.js';
import { fromHtcds } from '../facts/htcds/fromHtcds.js';
import { regimes } from '../law/regimes.js';
import { renderComparison } from '../render/renderComparison.js';
import { renderDivergenceReport } from '../render/renderDivergenceReport.js';
import type { CompareOptions, Language, RegimeId, VerdictName } from '../types.js';
import { LIBRARY_VERSION } from '../version.js';
import { HTCDS_JSON_TYPE, HTCDS_NDJSON_TYPE } from './mediaTypes.js';
import { openApiDocument } from './openapi.js';
import {
  REPEATABLE,
  batchQuerySchema,
  compareQuerySchema,
  counterfactualsQuerySchema,
  divergencesQuerySchema,
  emptyQuerySchema,
  explainQuerySchema,
  renderQuerySchema,
} from './schemas.js';

/** Limits and bounds of the service; every one is documented in docs/case-systems.md. */
export interface AppOptions {
  /** Largest body of POST /compare, /explain/missing, /counterfactuals, /render, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Largest body of POST /batch, in bytes. Default 64 MiB. */
  maxBatchBytes?: number;
  /** Longest single NDJSON line of POST /batch, in bytes; a longer line is answered in place. Default 1 MiB. */
  maxBatchLineBytes?: number;
  /** Requests doing work at one time (a /batch holds its slot while it streams); more get 503. Default 32. */
  maxConcurrent?: number;
  /** One structured line per request (no facts, no bodies, no query values). Default: JSON to stderr. `false`: none. */
  log?: ((entry: RequestLogEntry) => void) | false;
}

/** What the service logs about a request: never its body or query values (victims' data). */
export interface RequestLogEntry {
  time: string;
  /** The request's id, also sent back as `x-request-id` (the client's own, when it sent a plain one). */
  id: string;
  level: 'info' | 'warn' | 'error';
  method: string;
  path: string;
  /** Names of the query parameters given (not their values). */
  query?: string[];
  status: number;
  /** Time to the response head (for /batch: to its first byte; the stream runs on). */
  ms: number;
  /** Set on 500 answers: the class of the defect (never input). */
  defect?: string;
}

/** The default limits of {@link AppOptions} (bytes, requests). */
export const DEFAULTS = {
  maxBodyBytes: 1024 * 1024,
  maxBatchBytes: 64 * 1024 * 1024,
  maxBatchLineBytes: 1024 * 1024,
  maxConcurrent: 32,
} as const;

const PROBLEM = 'https://tip-harmonise.dev/problems/';
const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
/**
 * An HTCDS 2.0 record (a JSON object keyed by HTCDS field names) instead of CaseFacts: mapped by
 * fromHtcds (facts/htcds/, the mapping table in docs/case-systems.md) before it is judged.
 */
const HTCDS_JSON = /^application\/vnd\.iom\.htcds\+json\s*(?:;|$)/i;
const HTCDS_NDJSON = /^application\/vnd\.iom\.htcds\+x-ndjson\s*(?:;|$)/i;

/** CaseFacts from one HTCDS record; a field that cannot be mapped is a FactsError naming it (htcds.<field>). */
function factsFromHtcds(record: unknown, line?: number): unknown {
  const m = fromHtcds(record, line !== undefined ? { line } : {});
  if (m.issues.length) throw new FactsError(m.issues.map((i) => ({ path: `htcds${i.field ? `.${i.field}` : ''}`, code: i.code, message: i.message })));
  return m.facts;
}

const NDJSON_TYPES = /^(?:application\/(?:x-ndjson|ndjson|jsonl|x-jsonlines|json-seq)|text\/plain)\s*(?:;|$)/i;

/** An answer that is not a success, as RFC 9457 problem details. */
class Problem extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(title);
  }
}

function problemResponse(p: Problem, instance: string): Response {
  const body = {
    type: `${PROBLEM}${p.kind}`,
    title: p.title,
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    instance,
    ...p.extra,
  };
  return new Response(JSON.stringify(body), { status: p.status, headers: { 'content-type': 'application/problem+json', ...p.headers } });
}

function factsProblem(e: FactsError): Problem {
  return new Problem(400, 'invalid-input', 'Invalid input', e.message, { issues: e.issues });
}

/** Query parameters validated by the endpoint's zod schema; problems on `query.<name>` paths. */
function readQuery<S extends z.ZodObject>(c: Context, schema: S): z.infer<S> {
  const url = new URL(c.req.url);
  const raw: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    if (REPEATABLE.has(key) && isArrayField(schema, key)) raw[key] = all.flatMap((v) => (key === 'regime' ? v.split(',') : [v])).map((v) => v.trim()).filter(Boolean);
    else if (all.length > 1) throw new FactsError([{ path: `query.${key}`, code: 'repeated', message: `give "${key}" once` }]);
    else raw[key] = all[0];
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues: FactsIssue[] = [];
  for (const i of parsed.error.issues) {
    if (i.code === 'unrecognized_keys') {
      for (const k of i.keys) issues.push({ path: `query.${k}`, code: 'unrecognized_keys', message: `no query parameter "${k}" on this endpoint` });
    } else {
      issues.push({ path: ['query', ...i.path.map(String)].join('.'), code: i.code, message: i.message });
    }
  }
  throw new FactsError(issues);
}

/** Whether the endpoint's schema takes `key` as a list (regime is one id on /counterfactuals). */
function isArrayField(schema: z.ZodObject, key: string): boolean {
  let f = schema.shape[key] as z.ZodType | undefined;
  if (f instanceof ZodOptional) f = f.unwrap() as z.ZodType;
  return f instanceof ZodArray;
}

/** CompareOptions from the shared case query parameters (compare() itself checks ids and readings). */
function optionsOf(q: { 'as-of'?: string; regime?: string[]; interpretation?: string[]; detail?: 'full' | 'verdicts' }): CompareOptions {
  const o: CompareOptions = {};
  if (q['as-of']) o.asOf = q['as-of'];
  if (q.regime?.length) o.regimes = q.regime as RegimeId[];
  if (q.interpretation?.length) {
    o.interpretations = {};
    for (const pair of q.interpretation) {
      const [id, reading] = pair.split('=') as [string, string];
      o.interpretations[id] = reading;
    }
  }
  if (q.detail) o.detail = q.detail;
  return o;
}

/** The body, up to `limit` bytes (413 past it, whatever Content-Length said). */
async function readBody(c: Context, limit: number): Promise<string> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  // With a Content-Length the HTTP parser delivers exactly that many bytes: read it in one go.
  if (c.req.header('content-length') !== undefined && Number.isFinite(declared)) return c.req.text();
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

function tooLarge(limit: number): Problem {
  return new Problem(413, 'payload-too-large', 'Payload too large', `the body may be at most ${limit} bytes`, { limitBytes: limit }, { connection: 'close' });
}

/** The JSON body of a case endpoint: Content-Type must say JSON; unparseable JSON is a FactsError. */
async function readJson(c: Context, limit: number): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  const htcds = HTCDS_JSON.test(type);
  if (!htcds && !JSON_TYPES.test(type)) {
    throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', `send CaseFacts as application/json, or an HTCDS record as ${HTCDS_JSON_TYPE} (got ${type ? `"${type.slice(0, 80)}"` : 'no Content-Type'})`, {}, { accept: `application/json, ${HTCDS_JSON_TYPE}` });
  }
  const text = await readBody(c, limit);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new FactsError([{ path: '', code: 'invalid_json', message: `the body is not JSON: ${(e as Error).message}` }]);
  }
  return htcds ? factsFromHtcds(body) : body;
}

const TEXT_TYPES = { html: 'text/html; charset=utf-8', markdown: 'text/markdown; charset=utf-8', text: 'text/plain; charset=utf-8' } as const;

/** The Hono app of the service, with a count of the requests it is working on. */
export type TipApp = Hono & {
  /** Requests holding a slot of the concurrency bound now (a streaming /batch counts until it ends). */
  inFlight(): number;
};

/**
 * The Hono app of the service. Mount it under any fetch-style server, or use {@link createServer}
 * (which adds socket timeouts) for Node.
 *
 * @example
 * ```ts
 * const app = createApp({ maxConcurrent: 8 });
 * const res = await app.request('/compare?detail=verdicts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"victim":{"age":15}}' });
 * ```
 */
export function createApp(options: AppOptions = {}): TipApp {
  const limits = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof DEFAULTS & AppOptions;
  const log =
    options.log === false
      ? undefined
      : (options.log ?? ((entry: RequestLogEntry) => process.stderr.write(`${JSON.stringify(entry)}\n`)));
  const app = new Hono();
  let inFlight = 0;

  // One line per request, written when the response head is ready. Query values are left out:
  // they are options, not facts, but a date can identify a case.
  app.use(async (c, next) => {
    const t = performance.now();
    const given = c.req.header('x-request-id');
    const id = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    await next();
    c.res.headers.set('x-request-id', id);
    if (!log) return;
    const url = new URL(c.req.url);
    const keys = [...new Set(url.searchParams.keys())];
    const entry: RequestLogEntry = {
      time: new Date().toISOString(),
      id,
      level: c.res.status >= 500 ? 'error' : c.res.status >= 400 ? 'warn' : 'info',
      method: c.req.method,
      path: url.pathname.length > 200 ? `${url.pathname.slice(0, 200)}…` : url.pathname,
      ...(keys.length ? { query: keys.slice(0, 20).map((k) => k.slice(0, 40)) } : {}),
      status: c.res.status,
      ms: Math.round((performance.now() - t) * 100) / 100,
    };
    const defect = c.get('defect' as never) as string | undefined;
    if (defect) entry.defect = defect;
    log(entry);
  });
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problemResponse(
          new Problem(405, 'method-not-allowed', 'Method not allowed', `${c.req.method} is not allowed here; use ${methods.join(', ')}`, {}, { allow: methods.join(', ') }),
          new URL(c.req.url).pathname,
        ),
    }),
  );

  /** Run `work` holding one of the bounded slots; 503 when none is free. `hold` keeps it past the return (streams). */
  const bounded = async (work: (release: () => void) => Promise<Response> | Response, hold = false): Promise<Response> => {
    if (inFlight >= limits.maxConcurrent) {
      throw new Problem(503, 'busy', 'Service busy', `at most ${limits.maxConcurrent} requests are worked on at once; retry shortly`, {}, { 'retry-after': '1' });
    }
    inFlight += 1;
    let released = false;
    const release = () => {
      if (!released) {
        released = true;
        inFlight -= 1;
      }
    };
    try {
      const res = await work(release);
      if (!hold) release();
      return res;
    } catch (e) {
      release();
      throw e;
    }
  };

  app.get('/healthz', (c) => c.json({ status: 'ok', library: LIBRARY_VERSION, inFlight, maxConcurrent: limits.maxConcurrent }));

  app.get('/openapi.json', (c) => {
    readQuery(c, emptyQuerySchema);
    return c.json(openApiDocument());
  });

  app.get('/schema', (c) => {
    readQuery(c, emptyQuerySchema);
    return c.body(JSON.stringify(factsJsonSchema()), 200, { 'content-type': 'application/schema+json' });
  });

  app.get('/regimes', (c) => {
    readQuery(c, emptyQuerySchema);
    return c.json(regimes());
  });

  app.get('/divergences', (c) => {
    const q = readQuery(c, divergencesQuerySchema);
    const opts: { asOf?: string; regimes?: RegimeId[] } = {};
    if (q['as-of']) opts.asOf = q['as-of'];
    if (q.regime?.length) {
      const known = regimes().map((r) => r.id as string);
      const bad = q.regime.map((id, i) => [id, i] as const).filter(([id]) => !known.includes(id));
      if (bad.length) throw new FactsError(bad.map(([id, i]) => ({ path: `query.regime.${i}`, code: 'unknown_regime', message: `no regime "${id}"; expected one of: ${known.join(', ')}` })));
      opts.regimes = q.regime as RegimeId[];
    }
    const d = divergences(opts);
    const format = q.format ?? 'json';
    if (format === 'json') return c.json(d);
    return c.body(renderDivergenceReport(d, format, { language: (q.lang ?? 'en') as Language }), 200, { 'content-type': TEXT_TYPES[format] });
  });

  app.post('/compare', (c) =>
    bounded(async () => {
      const q = readQuery(c, compareQuerySchema);
      const facts = await readJson(c, limits.maxBodyBytes);
      return c.json(compareSync(facts, optionsOf(q)));
    }),
  );

  app.post('/explain/missing', (c) =>
    bounded(async () => {
      const q = readQuery(c, explainQuerySchema);
      const facts = await readJson(c, limits.maxBodyBytes);
      return c.json(explainMissing(compareSync(facts, optionsOf(q)), { language: (q.lang ?? 'en') as Language }));
    }),
  );

  app.post('/counterfactuals', (c) =>
    bounded(async () => {
      const q = readQuery(c, counterfactualsQuerySchema);
      const facts = await readJson(c, limits.maxBodyBytes);
      const { regime: _one, ...rest } = q;
      const base = optionsOf(rest);
      // Check the regime id and options the way compare() does, so a bad one is a 400 naming it.
      compareSync({}, { ...base, regimes: [q.regime as RegimeId], detail: 'verdicts' });
      return c.json(await counterfactuals(facts, { ...base, regime: q.regime as RegimeId, verdict: q.verdict as VerdictName }));
    }),
  );

  app.post('/render', (c) =>
    bounded(async () => {
      const q = readQuery(c, renderQuerySchema);
      const facts = await readJson(c, limits.maxBodyBytes);
      const format = q.format ?? 'html';
      const text = renderComparison(compareSync(facts, optionsOf(q)), format, { language: (q.lang ?? 'en') as Language });
      return c.body(text, 200, { 'content-type': TEXT_TYPES[format] });
    }),
  );

  app.post('/batch', (c) =>
    bounded(async (release) => {
      const q = readQuery(c, batchQuerySchema);
      const options = optionsOf(q);
      compareSync({}, { ...options, detail: 'verdicts' }); // bad options: one 400, not an error on every line
      const type = c.req.header('content-type') ?? '';
      const htcds = HTCDS_NDJSON.test(type);
      if (!htcds && !NDJSON_TYPES.test(type)) {
        throw new Problem(415, 'unsupported-media-type', 'Unsupported media type', `send one CaseFacts per line as application/x-ndjson, or one HTCDS record per line as ${HTCDS_NDJSON_TYPE} (got ${type ? `"${type.slice(0, 80)}"` : 'no Content-Type'})`, {}, { accept: `application/x-ndjson, ${HTCDS_NDJSON_TYPE}` });
      }
      const declared = Number(c.req.header('content-length'));
      if (Number.isFinite(declared) && declared > limits.maxBatchBytes) throw tooLarge(limits.maxBatchBytes);
      const stream = batchStream(c.req.raw.body, options, limits, release, htcds);
      return new Response(stream, { status: 200, headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
    }, true),
  );

  app.notFound((c) => problemResponse(new Problem(404, 'not-found', 'Not found', `no endpoint ${new URL(c.req.url).pathname.slice(0, 200)}; see GET /openapi.json`), new URL(c.req.url).pathname));

  app.onError((e, c) => {
    const instance = new URL(c.req.url).pathname;
    if (e instanceof Problem) return problemResponse(e, instance);
    if (isFactsError(e)) return problemResponse(factsProblem(e as FactsError), instance);
    // A defect of the service, never of the input: say so without echoing anything.
    c.set('defect' as never, (e instanceof Error ? e.name : typeof e) as never);
    return problemResponse(new Problem(500, 'internal', 'Internal error', 'a defect of the service (not of your input); please report it'), instance);
  });

  return Object.assign(app, { inFlight: () => inFlight });
}

/**
 * NDJSON in, NDJSON out, one line at a time as the body arrives: each input line's answer is
 * written before the next line is read (order kept, memory bounded by one line), and a bad line
 * is answered in its place. The slot is released when the stream ends, fails or is cancelled
 * (the client went away).
 */
function batchStream(
  body: ReadableStream<Uint8Array> | null,
  options: CompareOptions,
  limits: { maxBatchBytes: number; maxBatchLineBytes: number },
  release: () => void,
  htcds = false,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8');
  const reader = body?.getReader();
  let buffered = '';
  let lineNo = 1;
  let bytes = 0;
  let skipping = false; // inside a line that was too long: drop text up to its end
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    release();
  };
  const answer = (line: string, n: number): string => {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (e) {
      return `${JSON.stringify({ line: n, error: 'InvalidJSON', message: `line ${n}: ${(e as Error).message}` })}\n`;
    }
    let r: ReturnType<typeof compareOne>;
    try {
      r = compareOne(htcds ? factsFromHtcds(record, n) : record, options);
    } catch (e) {
      if (!isFactsError(e)) throw e;
      r = e;
    }
    if (isFactsError(r)) {
      const j = r.toJSON();
      return `${JSON.stringify({ line: n, ...j, message: `line ${n}: ${j.message}` })}\n`;
    }
    return `${JSON.stringify(r)}\n`;
  };
  const tooLong = (n: number) =>
    `${JSON.stringify({ line: n, error: 'LineTooLarge', message: `line ${n}: longer than ${limits.maxBatchLineBytes} bytes` })}\n`;
  const lines = (text: string): string => {
    let out = '';
    buffered += text;
    for (let nl = buffered.indexOf('\n'); nl !== -1; nl = buffered.indexOf('\n')) {
      let line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if (skipping) skipping = false;
      else if (line.trim()) out += Buffer.byteLength(line) > limits.maxBatchLineBytes ? tooLong(lineNo) : answer(line, lineNo);
      lineNo += 1;
    }
    if (!skipping && buffered.length > limits.maxBatchLineBytes) {
      out += tooLong(lineNo);
      skipping = true;
    }
    if (skipping) buffered = '';
    return out;
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const next = reader ? await reader.read() : { done: true as const, value: undefined };
            if (next.done) {
              let out = lines(decoder.decode());
              if (!skipping && buffered.trim()) out += Buffer.byteLength(buffered) > limits.maxBatchLineBytes ? tooLong(lineNo) : answer(buffered.replace(/\r$/, ''), lineNo);
              buffered = '';
              if (out) controller.enqueue(encoder.encode(out));
              controller.close();
              finish();
              return;
            }
            bytes += next.value.byteLength;
            if (bytes > limits.maxBatchBytes) {
              // The head (200) is already sent: the limit is reported as the last line.
              controller.enqueue(
                encoder.encode(`${JSON.stringify({ line: lineNo, error: 'PayloadTooLarge', message: `the batch may be at most ${limits.maxBatchBytes} bytes; lines from ${lineNo} on were not read` })}\n`),
              );
              controller.close();
              void reader?.cancel().catch(() => {});
              finish();
              return;
            }
            const out = lines(decoder.decode(next.value, { stream: true }));
            if (out) {
              controller.enqueue(encoder.encode(out));
              return;
            }
          }
        } catch {
          // The request body failed (the client disconnected): stop, free the slot.
          finish();
          try {
            controller.error(new Error('request body aborted'));
          } catch {
            /* already closed */
          }
        }
      },
      cancel() {
        void reader?.cancel().catch(() => {});
        finish();
      },
    },
    { highWaterMark: 0 },
  );
}
