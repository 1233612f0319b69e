import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compare, fromHtcds, isFactsError, toHtcds } from '../index.js';
import { fromHtcdsCsv } from '../facts/htcds/readCsv.js';
import { exchangeJsonSchema, makeExchange, verifyExchange, type ExchangeVerification } from '../explain/exchange.js';
import type { HtcdsCsvRow } from '../facts/htcds/table.js';
import { renderExchangeVerification } from '../render/renderExchange.js';
import type { CompareOptions, Language } from '../types.js';
import { CliError, jsonLines } from './io.js';

// HTCDS field names: Human Trafficking Case Data Standard (HTCDS) by IOM, CC BY 4.0. IOM does not endorse tip-harmonise.

export const HTCDS_HELP = {
  import: `usage: tip-harmonise import htcds FILE.csv|FILE.json|FILE.ndjson [--report] [> cases.ndjson]

Maps HTCDS 2.0 records (IOM's Human Trafficking Case Data Standard) onto CaseFacts: one NDJSON line per
record, in file order. A CSV is the HTCDS Excel template saved as CSV (header row of field names; the
template's label row is skipped; multiselects ';'-separated). A JSON file holds one record or an array;
NDJSON one record per line.
  --report   write the whole mapping per record: {line, facts, mapped, unmapped, reasons, assumptions, issues}
A bad record is written in place as {"line", "error": "FactsError", "issues"} and named on stderr with
file, line and field; the command then exits 2. Nothing is dropped.`,
  exchange: `usage: tip-harmonise exchange make FILE --from CC [--to CC] [--share prs_Birthdate] [--case-ref REF] [--created DATE] [--as-of DATE] [--interpretation ID=READING]...
       tip-harmonise exchange verify RECORD.json [--as CC] [--format json|text] [--lang en|id|ms]
       tip-harmonise exchange schema

make    an exchange record from each HTCDS record in FILE (CSV, JSON or NDJSON): the minimal shared HTCDS
        fields (no names or contact details), the facts derived from them, the verdicts under every
        regime and the receipt. One record: JSON; several: NDJSON.
verify  re-evaluate a record on the receiving side (--as: the receiving country, default the record's
        receiver), check the receipt (same library, rule files, facts hash) and show where the two
        countries' laws reach different verdicts. Exit 0 verified, 1 not verified, 2 bad record.
schema  the JSON Schema (draft 2020-12) of the exchange record.`,
};

/** HTCDS records of a file, each with the line it starts on (CSV, NDJSON) or its position (JSON array). */
export function readHtcdsFile(file: string, text?: string): Array<HtcdsCsvRow & { raw?: Record<string, unknown> }> {
  if (/\.xlsx?$/i.test(file)) throw new CliError(`${file}: Excel workbooks are not read; save the HTCDS sheet as CSV (UTF-8) and import that`);
  let body: string;
  try {
    body = text ?? readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return htcdsRecordsOf(file, body);
}

/** Records from text: CSV unless it looks like JSON or NDJSON. */
export function htcdsRecordsOf(file: string, body: string): Array<HtcdsCsvRow & { raw?: Record<string, unknown> }> {
  const head = body.replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('{') && !head.startsWith('[')) {
    if (file.endsWith('.json') || file.endsWith('.ndjson')) throw new CliError(`${file}: expected JSON (an HTCDS record, an array of records, or one record per line)`);
    return fromHtcdsCsv(body, { keepCells: true }).map(({ cells, ...r }) => ({ ...r, ...(cells ? { raw: cells } : {}) }));
  }
  const out: Array<HtcdsCsvRow & { raw?: Record<string, unknown> }> = [];
  const one = (raw: unknown, line: number) => {
    const m = fromHtcds(raw, { line });
    out.push({ line, ...m, ...(raw && typeof raw === 'object' && !Array.isArray(raw) ? { raw: raw as Record<string, unknown> } : {}) });
  };
  try {
    const json = JSON.parse(head) as unknown;
    // Each record of an array is numbered by the line it starts on in the file.
    const offset = body.replace(/^\uFEFF/, '').length - head.length;
    const lead = body.replace(/^\uFEFF/, '').slice(0, offset).split('\n').length - 1;
    const lines = Array.isArray(json) ? jsonLines(head) : undefined;
    if (Array.isArray(json)) json.forEach((r, i) => one(r, (lines?.get(String(i)) ?? i + 1) + lead));
    else one(json, 1 + lead);
    return out;
  } catch {
    /* not one JSON value: NDJSON */
  }
  body.replace(/^\uFEFF/, '').split('\n').forEach((l, i) => {
    if (!l.trim()) return;
    try {
      one(JSON.parse(l), i + 1);
    } catch (e) {
      out.push({ line: i + 1, facts: {}, mapped: [], unmapped: [], reasons: {}, assumptions: [], issues: [{ path: '', field: '', code: 'invalid_json', message: `invalid JSON (${(e as Error).message})`, line: i + 1 }] });
    }
  });
  return out;
}

/** `| head` closes the pipe early: stop quietly instead of crashing on EPIPE. */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

/** A line for the terminal: control characters from a hostile file (escape sequences) shown as \\xNN, never sent to the terminal. */
function term(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function errorLine(file: string, r: HtcdsCsvRow): string {
  return JSON.stringify({ line: r.line, error: 'FactsError', message: `${file}: line ${r.line}: ${r.issues.map((i) => `${i.field || '(row)'}: ${i.message}`).join('; ')}`, issues: r.issues });
}

function complain(file: string, r: HtcdsCsvRow): void {
  for (const i of r.issues) process.stderr.write(`${term(`${file}: line ${r.line}: ${i.field || '(row)'}: ${i.message}`)}\n`);
}

/** `import htcds FILE` */
export function cmdImport(args: string[]): number {
  const { values, positionals } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, report: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (values.help) return out(HTCDS_HELP.import);
  const [kind, file, ...more] = positionals;
  if (kind !== 'htcds' || !file || more.length) throw new CliError(`import: expected 'import htcds FILE'\n\n${HTCDS_HELP.import}`);
  quietOnClosedPipe();
  let bad = 0;
  for (const r of readHtcdsFile(file)) {
    if (r.issues.length) {
      bad += 1;
      complain(file, r);
      process.stdout.write(`${errorLine(file, r)}\n`);
      continue;
    }
    const { raw: _raw, ...mapping } = r as HtcdsCsvRow & { raw?: unknown };
    process.stdout.write(`${JSON.stringify(values.report ? mapping : r.facts)}\n`);
  }
  if (bad) process.stderr.write(`import: ${bad} record(s) with bad values (reported above and in place)\n`);
  return bad ? 2 : 0;
}

/** `batch --from htcds [FILE]`: HTCDS (CSV, JSON or NDJSON) on stdin or in FILE -> one Comparison (or error) per line, in order. */
export async function cmdBatchHtcds(positionals: string[], options: CompareOptions, format?: string): Promise<number> {
  if (format !== undefined && format !== 'json' && format !== 'htcds') throw new CliError(`--format: expected json or htcds, got "${format}"`);
  const file = positionals[0] ?? '(stdin)';
  const body = positionals[0] ? undefined : readFileSync(0, 'utf8');
  quietOnClosedPipe();
  let records = 0;
  let errors = 0;
  for (const r of readHtcdsFile(file, body)) {
    records += 1;
    if (r.issues.length) {
      errors += 1;
      process.stdout.write(`${errorLine(file, r)}\n`);
      continue;
    }
    try {
      const c = await compare(r.facts, options);
      process.stdout.write(`${JSON.stringify(format === 'htcds' ? { line: r.line, ...toHtcds(c) } : c)}\n`);
    } catch (e) {
      if (!isFactsError(e)) throw e;
      errors += 1;
      process.stdout.write(`${JSON.stringify({ line: r.line, ...e.toJSON() })}\n`);
    }
  }
  process.stderr.write(`batch: ${records} records, ${errors} errors\n`);
  return 0;
}

/** `compare --from htcds FILE...`: Comparisons (JSON), or exit 2 naming file, line and field. */
export async function compareHtcds(files: string[], options: CompareOptions): Promise<unknown[]> {
  const results: unknown[] = [];
  const problems: string[] = [];
  for (const file of files) {
    for (const r of readHtcdsFile(file)) {
      if (r.issues.length) problems.push(...r.issues.map((i) => `${file}: line ${r.line}: ${i.field || '(row)'}: ${i.message}`));
      else results.push(await compare(r.facts, options));
    }
  }
  if (problems.length) throw new CliError(problems.map(term).join('\n'));
  return results;
}

/** `exchange make|verify|schema` */
export async function cmdExchange(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h' },
      from: { type: 'string' },
      to: { type: 'string' },
      as: { type: 'string' },
      share: { type: 'string', multiple: true },
      'case-ref': { type: 'string' },
      created: { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
      'as-of': { type: 'string' },
      interpretation: { type: 'string', multiple: true },
    },
    allowPositionals: true,
    strict: true,
  });
  const [sub, file, ...more] = positionals;
  if (values.help || sub === undefined) return out(HTCDS_HELP.exchange);
  if (sub === 'schema') return out(JSON.stringify(exchangeJsonSchema(), null, 2));
  if (!file || more.length) throw new CliError(`exchange ${sub}: name one FILE\n\n${HTCDS_HELP.exchange}`);
  const cc = (flag: string, v: string | undefined) => {
    if (v !== undefined && !/^[A-Z]{2}$/.test(v)) throw new CliError(`--${flag}: expected an ISO 3166-1 alpha-2 country code, e.g. ID or MY, got "${v}"`);
    return v;
  };
  if (sub === 'make') {
    const from = cc('from', values.from);
    if (!from) throw new CliError(`exchange make: --from CC is required (the sending country)\n\n${HTCDS_HELP.exchange}`);
    const to = cc('to', values.to);
    const interpretations = values.interpretation?.length
      ? Object.fromEntries(
          values.interpretation.map((pair) => {
            const [id, reading] = pair.split('=');
            if (!id || !reading) throw new CliError(`--interpretation: expected ID=READING, got "${pair}"`);
            return [id, reading];
          }),
        )
      : undefined;
    if (values.created !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.created)) throw new CliError(`--created: expected a date YYYY-MM-DD, got "${values.created}"`);
    const rows = readHtcdsFile(file);
    const made: string[] = [];
    const problems: string[] = [];
    for (const r of rows) {
      if (r.issues.length) {
        problems.push(...r.issues.map((i) => `${file}: line ${r.line}: ${i.field || '(row)'}: ${i.message}`));
        continue;
      }
      const raw = r.raw ?? {};
      try {
        const rec = await makeExchange(raw, {
          from,
          ...(to ? { to } : {}),
          ...(values.share ? { share: values.share.flatMap((s) => s.split(',')) } : {}),
          ...(values['case-ref'] ? { caseRef: values['case-ref'] } : r.facts.id ? { caseRef: r.facts.id } : {}),
          ...(values.created ? { created: values.created } : {}),
          ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
          ...(interpretations ? { interpretations } : {}),
        });
        made.push(JSON.stringify(rec, null, rows.length === 1 ? 2 : undefined));
      } catch (e) {
        if (!isFactsError(e)) throw e;
        problems.push(...e.issues.map((i) => `${file}: line ${r.line}: ${i.path || '(row)'}: ${i.message}`));
      }
    }
    if (problems.length) throw new CliError(problems.map(term).join('\n'));
    return out(made.join('\n'));
  }
  if (sub === 'verify') {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new CliError(`${file}: ${(e as NodeJS.ErrnoException).code ? 'cannot read' : 'invalid JSON'} (${(e as Error).message})`);
    }
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'text') throw new CliError(`--format: expected json or text, got "${format}"`);
    const lang = values.lang ?? 'en';
    if (lang !== 'en' && lang !== 'id' && lang !== 'ms') throw new CliError(`--lang: expected en, id or ms, got "${lang}"`);
    let v: ExchangeVerification;
    try {
      v = await verifyExchange(json, { ...(cc('as', values.as) ? { receiver: values.as as string } : {}) });
    } catch (e) {
      if (!isFactsError(e)) throw e;
      throw new CliError(e.issues.map((i) => term(`${file}: ${i.path || '(record)'}: ${i.message}`)).join('\n'));
    }
    if (format === 'text') process.stdout.write(renderExchangeVerification(v, { language: lang as Language }));
    else {
      const { comparison, ...report } = v;
      process.stdout.write(`${JSON.stringify({ ...report, htcds: toHtcds(comparison) }, null, 2)}\n`);
    }
    return v.verified ? 0 : 1;
  }
  throw new CliError(`exchange: unknown subcommand "${sub}"\n\n${HTCDS_HELP.exchange}`);
}

function out(text: string): number {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
