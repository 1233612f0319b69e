import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assessProposal, isFactsError, LIBRARY_VERSION, renderProposalImpact } from '../index.js';
import { parseProposal } from '../law/proposal.js';
import type { CompareOptions, Language } from '../types.js';
import { CliError, expandPaths, factsOf, jsonLines, lineOf, readJsonText } from './io.js';

export const REFORM_HELP = `usage: tip-harmonise reform PROPOSAL.json [CASES...] [--cases CASES...] [--format json|markdown|html] [--lang en|id|ms] [--as-of DATE] [--catalogue-as-of DATE]

Apply a proposed amendment (proposals/*.json; docs/proposal.schema.json) and judge every case under
the law in force and under the reformed law, with the same evaluator. Reports the verdicts that
change, the divergences between regimes that close or open (static catalogue and case set) and the
cases that fall through a gap, before and after.
  CASES           fixture or CaseFacts files, directories (their *.json), globs, NDJSON files (*.ndjson), or - (NDJSON on stdin)
  --format        json (default), markdown, or html (self-contained, printable)
  --lang          language of the markdown / html report (en, id, ms)
  --as-of         judge every case under the law in force on DATE instead of its conduct date
  --catalogue-as-of  date of the static divergence catalogue compared (default: today)
A bad case record is listed in the report, never dropped. An invalid proposal: exit 2, naming the change, the field and its line.`;

function language(v: string | undefined): Language {
  if (v === undefined) return 'en';
  if (v === 'en' || v === 'id' || v === 'ms') return v;
  throw new CliError(`--lang: expected en, id or ms, got "${v}"`);
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Case records from files, directories, globs, NDJSON files and stdin, each with the name of where it came from. */
function* records(args: string[]): Generator<unknown> {
  for (const arg of args) {
    if (arg === '-' || arg.endsWith('.ndjson')) {
      const text = arg === '-' ? readFileSync(0, 'utf8') : readFileSync(arg, 'utf8');
      let n = 0;
      for (const line of text.split('\n')) {
        n += 1;
        if (!line.trim()) continue;
        try {
          yield JSON.parse(line);
        } catch (e) {
          // A line that is not JSON is a bad record: listed, never dropped.
          yield { id: `${arg === '-' ? 'stdin' : arg}:${n}`, facts: { __unreadable: (e as Error).message } };
        }
      }
      continue;
    }
    for (const file of expandPaths([arg])) {
      const { json } = readJsonText(file);
      const { facts, id, fixture } = factsOf(json);
      yield { id: id ?? file, facts, ...(fixture?.options && typeof fixture.options === 'object' ? { options: fixture.options } : {}) };
    }
  }
}

export async function cmdReform(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        cases: { type: 'string', multiple: true },
        format: { type: 'string' },
        lang: { type: 'string' },
        'as-of': { type: 'string' },
        'catalogue-as-of': { type: 'string' },
      },
    });
  } catch (e) {
    throw new CliError(`reform: ${(e as Error).message}\n\n${REFORM_HELP}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${REFORM_HELP}\n`);
    return 0;
  }
  const [proposalFile, ...rest] = positionals;
  if (!proposalFile) throw new CliError(`reform: name a PROPOSAL.json\n\n${REFORM_HELP}`);
  const caseArgs = [...rest, ...(values.cases ?? [])];
  if (!caseArgs.length) throw new CliError(`reform: name the CASES to judge (files, directories, globs, *.ndjson or -)\n\n${REFORM_HELP}`);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'markdown' && format !== 'html') throw new CliError(`--format: expected json, markdown or html, got "${format}"`);
  const lang = language(values.lang);
  const options: CompareOptions & { catalogueAsOf?: string } = {};
  for (const [flag, key] of [['as-of', 'asOf'], ['catalogue-as-of', 'catalogueAsOf']] as const) {
    const v = values[flag];
    if (v === undefined) continue;
    if (!isDate(v)) throw new CliError(`--${flag}: expected a calendar date YYYY-MM-DD, got "${v}"`);
    options[key] = v;
  }
  const { json, text } = readJsonText(proposalFile);
  let impact;
  try {
    const proposal = parseProposal(json);
    impact = await assessProposal(proposal, records(caseArgs), options);
    if (format === 'json') process.stdout.write(`${JSON.stringify(impact, null, 2)}\n`);
    else process.stdout.write(renderProposalImpact(impact, { language: lang, proposal, files: caseArgs.join(' '), version: LIBRARY_VERSION, format }));
  } catch (e) {
    if (isFactsError(e)) {
      const lines = jsonLines(text);
      throw new CliError(
        e.issues
          .map((i) => {
            // A path inside an array of changes may point past what the text holds (a missing field): name the nearest line.
            let line: number | undefined;
            for (let p = i.path; p && line === undefined; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') line = lineOf(lines, p);
            return `${proposalFile}: ${i.path || '(proposal)'}: ${i.message}${line ? ` (line ${line})` : ''}`;
          })
          .join('\n'),
      );
    }
    throw e;
  }
  return 0;
}
