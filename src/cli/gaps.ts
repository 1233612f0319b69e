import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { GapAccumulator, type GapOptions, isFactsError, renderGapReport } from '../index.js';
import type { Language, RegimeId } from '../types.js';
import { CliError, expandPaths, factsOf, jsonLines, lineOf } from './io.js';

export const GAPS_HELP = `usage: tip-harmonise gaps CASES... [--format json|markdown|html] [--lang en|id|ms] [--as-of DATE] [--regime ID]...

Gap analysis over a case set: how many cases end in each combination of trafficking (victim,
child) statuses across the regimes, which cases fall through the gap (qualify under a treaty or
one national law, not under a national law) and why, and which missing facts would decide the
undetermined ones. Bad records are counted and listed with their file, line and field; they
never stop the run.

CASES: fixture or CaseFacts files (.json: one object, an array of them, or one per line), NDJSON files
(.ndjson, .jsonl: one CaseFacts per line), directories (their .json, .ndjson and .jsonl files),
globs (* and ? in the last path segment), or - for NDJSON on stdin. NDJSON is streamed: memory
stays bounded however many records there are.
  --format      json (default), markdown, html (self-contained, charts as inline SVG)
  --lang        language of markdown/html output (en, id, ms)
  --as-of       judge every case under the law in force on DATE (default: each case's conduct date)
  --regime      uu-21-2007, act-670, actip, palermo (repeatable; default all)
  --interpretation ID=READING   choose a contested reading (repeatable)
  --max-ids N   case ids kept per row of the report (default 100); counts are always complete
A progress line is shown on stderr when it is a terminal; a summary line ends the run.`;

const NDJSON = /\.(ndjson|jsonl)$/i;

function isObjectLine(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Files to read: '-' stays '-', directories give their .json/.ndjson/.jsonl files, globs and files as io.ts expands them. */
function inputs(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      out.push(arg);
      continue;
    }
    let dir = false;
    try {
      dir = statSync(arg).isDirectory();
    } catch {
      /* a glob or a missing file: expandPaths says which */
    }
    if (dir) {
      out.push(
        ...readdirSync(arg)
          .filter((n) => /\.(json|ndjson|jsonl)$/i.test(n))
          .sort()
          .map((n) => join(arg, n)),
      );
    } else out.push(...expandPaths([arg]));
  }
  return out;
}

interface Progress {
  records: number;
  bad: number;
  bytesDone: number;
  bytesTotal: number | undefined;
  started: number;
}

function progressLine(p: Progress): string {
  const secs = (performance.now() - p.started) / 1000;
  const rate = p.records / Math.max(secs, 1e-3);
  let bar = '';
  if (p.bytesTotal) {
    const f = Math.min(1, p.bytesDone / p.bytesTotal);
    const n = Math.round(20 * f);
    bar = ` [${'#'.repeat(n)}${'.'.repeat(20 - n)}] ${(100 * f).toFixed(0)}%`;
  }
  return `\rgaps: ${p.records} records, ${p.bad} bad, ${rate.toFixed(0)} records/s${bar}   `;
}

export async function cmdGaps(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`gaps: ${(e as Error).message}\n\n${GAPS_HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${GAPS_HELP}\n`);
    return 0;
  }
  if (!positionals.length) throw new CliError(`gaps: name at least one CASES file, directory, glob or - (stdin)\n\n${GAPS_HELP}`);
  const format = values.format ?? 'json';
  if (!['json', 'markdown', 'html'].includes(format)) throw new CliError(`--format: expected json, markdown or html, got "${format}"`);
  const lang = (values.lang ?? 'en') as Language;
  if (!['en', 'id', 'ms'].includes(lang)) throw new CliError(`--lang: expected en, id or ms, got "${values.lang}"`);
  const options: GapOptions = {};
  if (values['as-of'] !== undefined) {
    if (!isCalendarDate(values['as-of'])) throw new CliError(`--as-of: expected a calendar date YYYY-MM-DD, got "${values['as-of']}"`);
    options.asOf = values['as-of'];
  }
  if (values.regime?.length) options.regimes = values.regime as RegimeId[];
  for (const pair of values.interpretation ?? []) {
    const [id, reading] = pair.split('=');
    if (!id || !reading) throw new CliError(`--interpretation: expected ID=READING, got "${pair}"`);
    options.interpretations = { ...(options.interpretations ?? {}), [id]: reading };
  }
  if (values['max-ids'] !== undefined) {
    const n = Number(values['max-ids']);
    if (!Number.isInteger(n) || n < 0) throw new CliError(`--max-ids: expected a whole number, got "${values['max-ids']}"`);
    options.maxCaseIds = n;
  }
  let acc: GapAccumulator;
  try {
    acc = new GapAccumulator(options);
  } catch (e) {
    if (isFactsError(e)) throw new CliError(e.issues.map((i) => `${i.path.replace(/^options\./, '--')}: ${i.message}`).join('\n'));
    throw e;
  }
  const files = inputs(positionals);
  let bytesTotal: number | undefined = 0;
  for (const f of files) {
    if (f === '-') bytesTotal = undefined;
    else if (bytesTotal !== undefined) bytesTotal += statSync(f).size;
  }
  const p: Progress = { records: 0, bad: 0, bytesDone: 0, bytesTotal, started: performance.now() };
  const tty = process.stderr.isTTY === true;
  let last = 0;
  const tick = (bytes: number) => {
    p.records += 1;
    if (!tty || (p.records & 255) !== 0) return;
    const now = performance.now();
    if (now - last < 250) return;
    last = now;
    p.bytesDone = bytes;
    p.bad = acc.counted.bad;
    process.stderr.write(progressLine(p));
  };

  /** One NDJSON line: a record, or an unreadable one counted with its file and line. */
  const ndjsonLine = (line: string, lineNo: number, name: string) => {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (e) {
      acc.addUnreadable([{ path: '', code: 'invalid_json', message: `invalid JSON (${(e as Error).message})` }], { file: name, line: lineNo });
      return;
    }
    acc.add(record, { file: name, line: lineNo });
  };

  let done = 0;
  for (const file of files) {
    if (file === '-' || NDJSON.test(file)) {
      const stream = file === '-' ? process.stdin : createReadStream(file);
      const name = file === '-' ? 'stdin' : file;
      const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
      let lineNo = 0;
      for await (const line of rl) {
        lineNo += 1;
        if (!line.trim()) continue;
        ndjsonLine(line, lineNo, name);
        tick(done + ((stream as { bytesRead?: number }).bytesRead ?? 0));
      }
      if (file !== '-') done += statSync(file).size;
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new CliError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    done += Buffer.byteLength(text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      // NDJSON in a .json file: its first record parses on its own line.
      const lines = text.split('\n');
      const first = lines.findIndex((l) => l.trim());
      if (first >= 0 && isObjectLine(lines[first] as string) && lines.slice(first + 1).some((l) => l.trim())) {
        lines.forEach((l, i) => {
          if (!l.trim()) return;
          ndjsonLine(l.endsWith('\r') ? l.slice(0, -1) : l, i + 1, file);
          tick(done);
        });
        continue;
      }
      const pos = /position (\d+)/.exec((e as Error).message);
      const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : 1;
      acc.addUnreadable([{ path: '', code: 'invalid_json', message: `invalid JSON (${(e as Error).message})` }], { file, line });
      tick(done);
      continue;
    }
    const lines = jsonLines(text);
    const one = (value: unknown, prefix: string) => {
      const { facts, fixture } = factsOf(value);
      // Fields are named as they stand in the file: under "facts" in a fixture, under the index in an array.
      const base = `${prefix}${fixture ? 'facts.' : ''}`;
      const at = (path: string) => lineOf(lines, `${base}${path}`.replace(/\.$/, '')) ?? lineOf(lines, prefix.replace(/\.$/, '')) ?? 1;
      acc.add(facts, { file, line: prefix ? (lineOf(lines, prefix.replace(/\.$/, '')) ?? 1) : 1, lineOf: at });
      tick(done);
    };
    if (Array.isArray(json)) json.forEach((v, i) => one(v, `${i}.`));
    else one(json, '');
  }
  const report = acc.report();
  if (tty) process.stderr.write(`${progressLine({ ...p, bad: report.badRecords.count, bytesDone: p.bytesTotal ?? 0 })}\n`);
  const out = format === 'json' ? JSON.stringify(report, null, 2) : renderGapReport(report, format as 'markdown' | 'html', { language: lang });
  await new Promise<void>((resolve) => process.stdout.write(out.endsWith('\n') ? out : `${out}\n`, () => resolve()));
  process.stderr.write(
    `gaps: ${report.cases} records, ${report.badRecords.count} bad, ${report.fallThroughCount} fall through, ${report.undetermined.count} undetermined, ${((performance.now() - p.started) / 1000).toFixed(2)} seconds\n`,
  );
  return 0;
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  'as-of': { type: 'string' },
  regime: { type: 'string', multiple: true },
  lang: { type: 'string' },
  format: { type: 'string' },
  interpretation: { type: 'string', multiple: true },
  'max-ids': { type: 'string' },
} as const;
