#!/usr/bin/env node
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { compare, divergences, factsJsonSchema, isFactsError, renderComparison, renderDivergenceReport } from '../index.js';
import type { CompareOptions, Comparison, Language, RegimeId } from '../types.js';
import { jsonText, termLines, termText } from '../render/escape.js';
import { runBatch } from './batch.js';
import { cmdGaps } from './gaps.js';
import { cmdReform } from './reform.js';
import { CliError, expandPaths, factsOf, jsonLines, lineOf, readJsonText } from './io.js';
import { cmdBatchHtcds, cmdExchange, cmdImport, compareHtcds, HTCDS_HELP } from './htcds.js';

const HELP: Record<string, string> = {
  main: `tip-harmonise: trafficking law of Indonesia, Malaysia, ASEAN and the Palermo Protocol as dated, cited rules

usage: tip-harmonise <command> [options]

commands:
  compare FILE...    compare case facts (or fixtures) across the regimes
  check FIXTURE...   run fixtures' expectations; exit 1 on any mismatch
  report             static divergence report of the definitions
  batch              NDJSON CaseFacts on stdin -> NDJSON Comparison (or error) per line on stdout
  import htcds FILE  HTCDS 2.0 records (CSV, JSON, NDJSON) -> NDJSON CaseFacts, every mapping and assumption stated
  exchange           make / verify a bilateral exchange record (HTCDS fields, facts, verdicts, receipt)
  schema             JSON Schema of CaseFacts
  gaps CASES...      gap analysis over a case set: status combinations, fall-through cases and their causes
  reform PROPOSAL CASES...  impact of a proposed amendment over a case set (verdicts, divergences, fall-through)
  serve              the HTTP service (OpenAPI at /openapi.json) [--host 127.0.0.1] [--port 8080]

Run 'tip-harmonise <command> --help' for a command's options.
Exit codes: 0 ok, 1 a check failed, 2 bad input or usage.`,
  compare: `usage: tip-harmonise compare FILE... [--format json|markdown|html|table] [--as-of DATE] [--regime ID]... [--lang en|id|ms]

FILE holds CaseFacts, or a fixture whose "facts" (and "options") are used.
  --format      json (default), markdown, html, table
  --as-of       judge under the law in force on DATE (YYYY-MM-DD) instead of the conduct date
  --regime      uu-21-2007, act-670, actip, palermo (repeatable; default all)
  --lang        language of markdown/html/table output (en, id, ms)
  --interpretation ID=READING   choose a contested reading (repeatable)
  --from htcds  FILE holds HTCDS 2.0 records (CSV, JSON or NDJSON), mapped with fromHtcds; a bad record exits 2 naming file, line and field`,
  check: `usage: tip-harmonise check FIXTURE... [--regime ID]...

FIXTURE: files, directories (their *.json) or globs. A fixture's "options" are passed to compare;
its "expected" verdicts, "expectedOffences" and "expectedForms" (completed / attempt, UU 21/2007
Pasal 10) are checked, except those listed in "knownMismatch".
Each mismatch is printed as one tab-separated line
  MISMATCH  fixture  regime  verdict (or offence:<id>)  expected <status>  got <status>
then a summary line; the command exits 1 if there is any mismatch.`,
  report: `usage: tip-harmonise report [--as-of DATE] [--format markdown|html|json] [--lang en|id|ms] [--regime ID]...

The definitions compared element by element, generated from the rule files (default: law in force today).`,
  batch: `usage: tip-harmonise batch [--workers N] [--detail verdicts|full] [--as-of DATE] [--regime ID]... < cases.ndjson > results.ndjson

One CaseFacts per input line; one Comparison, or an error object {"line", "error", "message", "issues"}, per output line, in input order.
A bad line never stops the run. A progress line is shown on stderr when it is a terminal; a summary line ends the run.
  --workers   worker threads (default: the machine's cores)
  --detail    verdicts (statuses only) or full (default)
  --from htcds  input (stdin, or a FILE argument) is HTCDS 2.0 records (CSV, JSON or NDJSON); evaluated in-process, a bad record answered in place
  --format htcds  with --from htcds: the HTCDS vic_TraffickingStatus per regime (toHtcds) with the receipt, instead of the Comparison`,
  import: HTCDS_HELP.import,
  exchange: HTCDS_HELP.exchange,
  schema: `usage: tip-harmonise schema

Prints the JSON Schema (draft 2020-12) of CaseFacts.`,
};

const common = {
  help: { type: 'boolean', short: 'h' },
  'as-of': { type: 'string' },
  regime: { type: 'string', multiple: true },
  lang: { type: 'string' },
  format: { type: 'string' },
  interpretation: { type: 'string', multiple: true },
  workers: { type: 'string' },
  detail: { type: 'string' },
  from: { type: 'string' },
} as const;

function parse(command: string, args: string[]) {
  try {
    return parseArgs({ args, options: common, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${command}: ${(e as Error).message}\n\n${HELP[command] ?? HELP.main}`);
  }
}

/** YYYY-MM-DD naming a real day (2024-02-30 and 2024-13-01 are refused). */
function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function language(v: string | undefined): Language {
  if (v === undefined) return 'en';
  if (v === 'en' || v === 'id' || v === 'ms') return v;
  throw new CliError(`--lang: expected en, id or ms, got "${v}"`);
}

function compareOptions(values: ReturnType<typeof parse>['values']): CompareOptions {
  const o: CompareOptions = {};
  if (values['as-of'] !== undefined) {
    if (!isCalendarDate(values['as-of'])) throw new CliError(`--as-of: expected a calendar date YYYY-MM-DD, got "${values['as-of']}"`);
    o.asOf = values['as-of'];
  }
  if (values.regime?.length) o.regimes = values.regime as RegimeId[];
  if (values.interpretation?.length) {
    o.interpretations = {};
    for (const pair of values.interpretation) {
      const [id, reading] = pair.split('=');
      if (!id || !reading) throw new CliError(`--interpretation: expected ID=READING, got "${pair}"`);
      o.interpretations[id] = reading;
    }
  }
  if (values.detail) {
    if (values.detail !== 'full' && values.detail !== 'verdicts') throw new CliError(`--detail: expected verdicts or full, got "${values.detail}"`);
    o.detail = values.detail;
  }
  return o;
}

/** Name the file, the field (as it stands in the file) and its line for each issue of a FactsError. */
function describeFactsError(file: string, e: unknown, text: string, inFixture = false): never {
  if (isFactsError(e)) {
    // Under "facts" in a fixture; options.* as given.
    const where = (p: string) => (!p ? '' : inFixture && !p.startsWith('options.') ? `facts.${p}` : p);
    const lines = jsonLines(text);
    throw new CliError(
      e.issues
        .map((i) => {
          const field = where(i.path);
          const line = field ? lineOf(lines, field) : 1;
          return `${termText(file)}: ${termText(field || '(input)')}: ${termText(i.message)}${line ? ` (line ${line})` : ''}`;
        })
        .join('\n'),
    );
  }
  throw e;
}

function mergeOptions(fromFile: unknown, fromFlags: CompareOptions): CompareOptions {
  const base = fromFile && typeof fromFile === 'object' ? (fromFile as CompareOptions) : {};
  return { ...base, ...fromFlags, interpretations: { ...(base.interpretations ?? {}), ...(fromFlags.interpretations ?? {}) } };
}

async function cmdCompare(args: string[]): Promise<number> {
  const { values, positionals } = parse('compare', args);
  if (values.help) return print(HELP.compare as string);
  if (!positionals.length) throw new CliError(`compare: name at least one FILE\n\n${HELP.compare}`);
  const format = values.format ?? 'json';
  if (!['json', 'markdown', 'html', 'table'].includes(format)) throw new CliError(`--format: expected json, markdown, html or table, got "${format}"`);
  const lang = language(values.lang);
  const flags = compareOptions(values);
  if (values.from !== undefined && values.from !== 'htcds') throw new CliError(`--from: expected htcds, got "${values.from}"`);
  const results = (values.from === 'htcds' ? await compareHtcds(expandPaths(positionals), flags) : []) as Comparison[];
  for (const file of values.from === 'htcds' ? [] : expandPaths(positionals)) {
    const { json, text } = readJsonText(file);
    const { facts, fixture } = factsOf(json);
    try {
      results.push(await compare(facts, mergeOptions(fixture?.options, flags)));
    } catch (e) {
      describeFactsError(file, e, text, fixture !== undefined);
    }
  }
  if (format === 'json') return print(jsonText(results.length === 1 ? results[0] : results, 2));
  const rendered = results.map((c) => renderComparison(c, format === 'table' ? 'text' : (format as 'markdown' | 'html'), { language: lang }));
  return print(rendered.join(format === 'html' ? '\n' : '\n---\n\n'));
}

const VERDICTS = ['trafficking', 'victim', 'child', 'scope'] as const;

async function cmdCheck(args: string[]): Promise<number> {
  const { values, positionals } = parse('check', args);
  if (values.help) return print(HELP.check as string);
  if (!positionals.length) throw new CliError(`check: name at least one FIXTURE\n\n${HELP.check}`);
  const only = values.regime;
  let mismatches = 0;
  let checked = 0;
  const files = expandPaths(positionals);
  for (const file of files) {
    const { json, text } = readJsonText(file);
    const { facts, fixture, id } = factsOf(json);
    if (!fixture || typeof fixture.expected !== 'object' || fixture.expected === null) throw new CliError(`${termText(file)}: not a fixture (needs "facts" and "expected")`);
    let c: Comparison;
    try {
      c = await compare(facts, fixture.options as CompareOptions | undefined);
    } catch (e) {
      describeFactsError(file, e, text, true);
    }
    const knownList: unknown = fixture.knownMismatch ?? [];
    if (!Array.isArray(knownList)) throw new CliError(`${termText(file)}: knownMismatch: expected an array of { regime, verdict, reason } (line ${lineOf(jsonLines(text), 'knownMismatch') ?? 1})`);
    const known = new Set((knownList as Array<{ regime?: unknown; verdict?: unknown }>).map((k) => `${String(k?.regime)}/${String(k?.verdict)}`));
    // Verdicts ("expected") and, when given, offences ("expectedOffences"; knownMismatch verdict "offence:<id>").
    const expectations: Array<[string, string, string]> = [];
    for (const [regime, expected] of Object.entries(fixture.expected as Record<string, Record<string, string>>)) {
      for (const [verdict, status] of Object.entries(expected ?? {})) expectations.push([regime, verdict, status]);
    }
    const offences = fixture.expectedOffences;
    if (offences && typeof offences === 'object') {
      for (const [regime, expected] of Object.entries(offences as Record<string, Record<string, string>>)) {
        for (const [offence, status] of Object.entries(expected ?? {})) expectations.push([regime, `offence:${offence}`, status]);
      }
    }
    const forms = fixture.expectedForms;
    if (forms && typeof forms === 'object') {
      for (const [regime, expected] of Object.entries(forms as Record<string, Record<string, string>>)) {
        for (const [offence, form] of Object.entries(expected ?? {})) expectations.push([regime, `form:${offence}`, form]);
      }
    }
    for (const [regime, verdict, status] of expectations) {
      if (only?.length && !only.includes(regime)) continue;
      const r = c.regimes.find((x) => x.regime === regime);
      checked += 1;
      const got = !r
        ? undefined
        : verdict.startsWith('offence:')
          ? (r.offences.find((o) => o.id === verdict.slice('offence:'.length)) ?? r.otherOffences?.find((o) => o.id === verdict.slice('offence:'.length)))?.status
          : verdict.startsWith('form:')
            ? r.offences.find((o) => o.id === verdict.slice('form:'.length))?.form?.status
          : (VERDICTS as readonly string[]).includes(verdict)
            ? r[verdict as (typeof VERDICTS)[number]]?.status
            : undefined;
      if (got !== status && !known.has(`${regime}/${verdict}`)) {
        mismatches += 1;
        process.stdout.write(`MISMATCH\t${termText(id ?? file)}\t${termText(regime)}\t${termText(verdict)}\texpected ${termText(String(status))}\tgot ${got ?? 'nothing'}\n`);
      }
    }
  }
  process.stdout.write(`${files.length} fixtures, ${checked} expectations, ${mismatches} mismatches\n`);
  return mismatches ? 1 : 0;
}

async function cmdReport(args: string[]): Promise<number> {
  const { values } = parse('report', args);
  if (values.help) return print(HELP.report as string);
  const format = values.format ?? 'markdown';
  if (!['markdown', 'html', 'json'].includes(format)) throw new CliError(`--format: expected markdown, html or json, got "${format}"`);
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) throw new CliError(`--as-of: expected a calendar date YYYY-MM-DD, got "${asOf}"`);
  const d = divergences({ ...(asOf ? { asOf } : {}), ...(values.regime?.length ? { regimes: values.regime as RegimeId[] } : {}) });
  if (format === 'json') return print(jsonText(d, 2));
  return print(renderDivergenceReport(d, format as 'markdown' | 'html', { language: language(values.lang) }));
}

async function cmdBatch(args: string[]): Promise<number> {
  const { values, positionals } = parse('batch', args);
  if (values.help) return print(HELP.batch as string);
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new CliError(`--workers: expected a whole number from 1 to 256, got "${values.workers}"`);
  const options = compareOptions(values);
  if (values.from !== undefined && values.from !== 'htcds') throw new CliError(`--from: expected htcds, got "${values.from}"`);
  if (values.from === 'htcds') return cmdBatchHtcds(positionals, options, values.format);
  const stats = await runBatch(process.stdin, process.stdout, options, workers, process.stderr);
  process.stderr.write(`batch: ${stats.records} records, ${stats.errors} errors, ${stats.seconds.toFixed(2)} seconds\n`);
  return 0;
}

function cmdSchema(args: string[]): number {
  const { values } = parse('schema', args);
  if (values.help) return print(HELP.schema as string);
  return print(JSON.stringify(factsJsonSchema(), null, 2));
}

function print(text: string): number {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'compare':
      return cmdCompare(rest);
    case 'check':
      return cmdCheck(rest);
    case 'report':
      return cmdReport(rest);
    case 'batch':
      return cmdBatch(rest);
    case 'import':
      return cmdImport(rest);
    case 'exchange':
      return cmdExchange(rest);
    case 'schema':
      return cmdSchema(rest);
    case 'gaps':
      return cmdGaps(rest);
    case 'reform':
      return cmdReform(rest);
    case 'serve':
      return (await import('./serve.js')).cmdServe(rest); // loaded on demand: hono stays out of the other commands' start-up
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      return print(HELP.main as string);
    default:
      throw new CliError(`unknown command "${command}"\n\n${HELP.main}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`tip-harmonise: ${termLines(e instanceof Error ? e.message : String(e))}\n`);
    process.exitCode = e instanceof CliError ? e.exitCode : 2;
  },
);
