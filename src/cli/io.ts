import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A usage or input error: the CLI prints it and exits 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Read and parse a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const col = pos - before.lastIndexOf('\n');
      throw new CliError(`${file}:${line}:${col}: invalid JSON (${(e as Error).message})`);
    }
    throw new CliError(`${file}: invalid JSON (${(e as Error).message})`);
  }
}

/** Expand files, directories (their *.json) and simple globs (`*` and `?` in the last path segment). */
export function expandPaths(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (/[*?]/.test(basename(arg))) {
      const dir = dirname(arg);
      const re = new RegExp(`^${basename(arg).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        throw new CliError(`${arg}: no such directory ${dir}`);
      }
      const hits = names.filter((n) => re.test(n)).sort();
      if (!hits.length) throw new CliError(`${arg}: no file matches`);
      out.push(...hits.map((n) => join(dir, n)));
      continue;
    }
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(arg);
    } catch {
      throw new CliError(`${arg}: no such file or directory`);
    }
    if (st.isDirectory()) out.push(...readdirSync(arg).filter((n) => n.endsWith('.json')).sort().map((n) => join(arg, n)));
    else out.push(arg);
  }
  return out;
}

/** A file holds either bare CaseFacts or a fixture ({ id, facts, expected, options, ... }). */
export function factsOf(json: unknown): { facts: unknown; id?: string; fixture?: Record<string, unknown> } {
  if (json && typeof json === 'object' && !Array.isArray(json) && 'facts' in json) {
    const fx = json as Record<string, unknown>;
    const facts = fx.facts;
    const id = typeof fx.id === 'string' ? fx.id : undefined;
    // A fixture's id names the case when the facts carry none.
    const withId = id && facts && typeof facts === 'object' && !Array.isArray(facts) && !('id' in facts) ? { ...(facts as object), id } : facts;
    return { facts: withId, ...(id ? { id } : {}), fixture: fx };
  }
  return { facts: json };
}
