import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { termText } from '../render/escape.js';

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
  return readJsonText(file).json;
}

/** Read a JSON file and keep its text (for error lines); a syntax error names the file, line and column. */
export function readJsonText(file: string): { json: unknown; text: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${termText(file)}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return { json: JSON.parse(text) as unknown, text };
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    if (m) {
      const pos = Number(m[1]);
      const before = text.slice(0, pos);
      const line = before.split('\n').length;
      const col = pos - before.lastIndexOf('\n');
      throw new CliError(`${termText(file)}:${line}:${col}: invalid JSON (${termText((e as Error).message)})`);
    }
    throw new CliError(`${termText(file)}: invalid JSON (${termText((e as Error).message)})`);
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
        throw new CliError(`${termText(arg)}: no such directory ${termText(dir)}`);
      }
      const hits = names.filter((n) => re.test(n)).sort();
      if (!hits.length) throw new CliError(`${termText(arg)}: no file matches`);
      out.push(...hits.map((n) => join(dir, n)));
      continue;
    }
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(arg);
    } catch {
      throw new CliError(`${termText(arg)}: no such file or directory`);
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

/**
 * The line (1-based) of each value in a JSON text, by dotted path ('victim.birthDate', 'acts.1'),
 * so that an error can name the line of the field. The text is already known to be valid JSON
 * (JSON.parse succeeded); this walks it once with a small scanner.
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i] as string)) {
      if (text[i] === '\n') line += 1;
      i += 1;
    }
  };
  const str = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    if (path) lines.set(path, line);
    const ch = text[i];
    const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
    if (ch === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        const keyLine = line;
        const key = str();
        ws();
        i += 1; // ':'
        value(at(key));
        // The key's line is where a reader looks for the field.
        lines.set(at(key), keyLine);
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        i += 1; // '}'
        return;
      }
    }
    if (ch === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (let n = 0; ; n++) {
        value(at(n));
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        i += 1; // ']'
        return;
      }
    }
    if (ch === '"') {
      str();
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i += 1;
  };
  try {
    value('');
  } catch {
    /* not valid JSON after all: no lines */
  }
  return lines;
}

/** The line of `path` or, failing that, of its nearest ancestor present in the text. */
export function lineOf(lines: Map<string, number>, path: string): number | undefined {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const n = lines.get(p);
    if (n !== undefined) return n;
  }
  return undefined;
}
