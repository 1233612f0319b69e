/**
 * Sections of the guides that are generated from the rule files, so they cannot drift from them:
 * - docs/analysts.md, the interpretations (ids, questions, readings with the default first);
 * - docs/limitations.md, every citation whose confidence is 'unverified' or 'single-source'.
 * The test fails when a section is stale; `UPDATE_DOCS=1 npx vitest run test/docs-generated.test.ts`
 * rewrites it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regimes } from '../src/law/regimes.js';

const root = resolve(import.meta.dirname, '..');
const update = process.env.UPDATE_DOCS === '1';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function interpretationsTable(): string {
  const byId = new Map<string, { regimes: string[]; question: string; def: string; readings: Array<{ id: string; label: string }> }>();
  for (const r of regimes()) {
    for (const i of r.interpretations) {
      const seen = byId.get(i.id);
      if (seen) seen.regimes.push(r.id);
      else byId.set(i.id, { regimes: [r.id], question: i.question, def: i.default, readings: i.readings });
    }
  }
  const rows = [...byId.entries()].map(([id, i]) => {
    const readings = [...i.readings].sort((a, b) => Number(b.id === i.def) - Number(a.id === i.def));
    const list = readings.map((x) => `${x.id === i.def ? `**\`${x.id}\`** (default)` : `\`${x.id}\``}: ${cell(x.label)}`).join('<br>');
    return `| \`${id}\` | ${i.regimes.join(', ')} | ${cell(i.question)} | ${list} |`;
  });
  return ['| id | regimes | question | readings |', '|---|---|---|---|', ...rows].join('\n');
}

interface RawCitation {
  instrument: string;
  provision: string;
  confidence: 'verified' | 'single-source' | 'unverified';
  noteMark?: string;
  note?: string;
}

function unverifiedTable(): { table: string; count: number } {
  const rulesDir = join(root, 'rules');
  const groups = new Map<string, { c: RawCitation; where: string[] }>();
  for (const regime of readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(rulesDir, regime)).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort()) {
      const version = JSON.parse(readFileSync(join(rulesDir, regime, file), 'utf8')) as { citations: Record<string, RawCitation> };
      for (const [key, c] of Object.entries(version.citations)) {
        if (c.confidence === 'verified') continue;
        const k = JSON.stringify([c.confidence, c.instrument, c.provision, c.note ?? '']);
        const g = groups.get(k) ?? { c, where: [] };
        g.where.push(`${regime}/${file.replace('.json', '')} \`${key}\``);
        groups.set(k, g);
      }
    }
  }
  const order = { unverified: 0, 'single-source': 1, verified: 2 };
  const rows = [...groups.values()]
    .sort((a, b) => order[a.c.confidence] - order[b.c.confidence] || a.c.instrument.localeCompare(b.c.instrument) || a.c.provision.localeCompare(b.c.provision))
    .map(({ c, where }) => `| ${c.confidence} | ${cell(c.instrument)} | ${cell(c.provision)} | ${cell(c.note ?? '')}${c.noteMark ? ` (notes: ${cell(c.noteMark)})` : ''} | ${where.join('<br>')} |`);
  return { table: ['| confidence | instrument | provision | what is uncertain | rule file, citation key |', '|---|---|---|---|---|', ...rows].join('\n'), count: groups.size };
}

/** Replace or check the text between `<!-- name:start ... -->` and `<!-- name:end -->`. */
function section(file: string, name: string, content: string): { current: string; expected: string } {
  const path = join(root, file);
  const md = readFileSync(path, 'utf8');
  const re = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)([\\s\\S]*?)(<!-- ${name}:end -->)`);
  const m = re.exec(md);
  if (!m) throw new Error(`${file}: no <!-- ${name}:start --> ... <!-- ${name}:end --> markers`);
  const expected = `${content}\n`;
  if (update && m[2] !== expected) writeFileSync(path, md.replace(re, (_all, a: string, _b: string, c: string) => `${a}${expected}${c}`));
  return { current: update ? expected : (m[2] as string), expected };
}

describe('generated sections of the guides', () => {
  it('docs/analysts.md lists every interpretation of the rule files', () => {
    const { current, expected } = section('docs/analysts.md', 'interpretations', interpretationsTable());
    expect(current, 'stale: run UPDATE_DOCS=1 npx vitest run test/docs-generated.test.ts').toBe(expected);
    // Every contested reading the contract's issue names is there (issue 2, item 6).
    for (const id of ['act-670-2010-includes-limb', 'kuhp-455-child-definition', 'intl-forced-criminality', 'intl-debt-bondage-means']) expect(expected).toContain(`\`${id}\``);
  });

  it('docs/limitations.md lists every citation that is not verified', () => {
    const { table, count } = unverifiedTable();
    const { current, expected } = section('docs/limitations.md', 'unverified', table);
    expect(current, 'stale: run UPDATE_DOCS=1 npx vitest run test/docs-generated.test.ts').toBe(expected);
    // The research notes leave ACTIP's own wording unverified (shared/law/international.md), so the list cannot be empty.
    expect(count).toBeGreaterThan(0);
    expect(expected).toMatch(/\| unverified \| ACTIP \|/);
  });
});
