/**
 * Words as data (issue 16): every text a person reads in a report exists in en, id and ms, and
 * comes from the locale catalogue or the rule files, never from a list in src/. Three checks:
 * every fact the rules can ask about has words; every contested reading has a title and short
 * reading names; an Indonesian or Malay report carries no English-only marker and no raw fact path.
 * Then the layout is proved: a fifth toy regime with an element no other regime uses is compared,
 * rendered and summarised in the three languages with no change to src/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, divergences, renderComparison, renderDivergenceReport, summarise } from '../src/index.js';
import { compareSync } from '../src/compare/compare.js';
import { bundledRuleBook } from '../src/law/bundled.js';
import { type RuleBook, type RuleBundle, loadRuleBook } from '../src/law/load.js';
import type { Comparison, Language } from '../src/types.js';
import { LABELS } from '../src/words/labels.js';
import { rawMessage } from '../src/words/messages.js';

const root = resolve(import.meta.dirname, '..');
const LANGS: Language[] = ['en', 'id', 'ms'];
const bundle = JSON.parse(readFileSync(join(root, 'src/law/rules.generated.json'), 'utf8')) as unknown;

/** Every `fact` a condition of the bundled rules reads. */
function factsOf(x: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(x)) for (const v of x) factsOf(v, into);
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (typeof o.fact === 'string') into.add(o.fact);
    for (const v of Object.values(o)) factsOf(v, into);
  }
  return into;
}

// Concept-set fields (acts.recruitment, means.deception, ...) are named by the shared vocabulary
// in rules/concepts.json; the field itself has a word too ("the means used").
const VOCAB: Record<string, string> = { acts: 'act', means: 'means', purposes: 'exploitation', exploitationOccurred: 'exploitation', consequences: 'consequence', harm: 'harm' };
const concepts = bundledRuleBook().concepts as unknown as Record<string, Record<string, Record<Language, string>>>;

function worded(path: string, lang: Language): boolean {
  if (rawMessage(lang, `words.fact.${path}`)) return true;
  const dot = path.indexOf('.');
  const field = path.slice(0, dot);
  const vocab = VOCAB[field];
  return vocab !== undefined && !!rawMessage(lang, `words.fact.${field}`) && !!concepts[vocab]?.[path.slice(dot + 1)]?.[lang];
}

describe('every fact the rules read has words in en, id and ms', () => {
  // '$child' and '$trafficking' are references to another verdict of the same regime, not facts.
  const paths = [...factsOf(bundle)].filter((f) => !f.startsWith('$')).sort();
  it('finds the facts (the walk itself works)', () => {
    expect(paths).toContain('victim.age');
    expect(paths).toContain('movement.exploitationPlace');
  });
  it.each(LANGS)('%s', (lang) => {
    expect(paths.filter((p) => !worded(p, lang))).toEqual([]);
  });
});

describe('every contested reading is named for people', () => {
  const book = bundledRuleBook();
  const declared = book.regimes.flatMap((r) => [...r.interpretations.values()].map((i) => ({ regime: r.id, i })));
  it('there are contested readings to check', () => expect(declared.length).toBeGreaterThan(5));
  it.each(LANGS)('%s: a title for each and a short name for each reading', (lang) => {
    const unnamed: string[] = [];
    for (const { regime, i } of declared) {
      const d = i as unknown as { id: string; title?: Record<Language, string>; readings: Array<{ id: string; short?: Record<Language, string> }> };
      if (!d.title?.[lang]) unnamed.push(`${regime}: ${d.id}`);
      for (const r of d.readings) if (!r.short?.[lang]) unnamed.push(`${regime}: ${d.id} / ${r.id}`);
    }
    expect(unnamed).toEqual([]);
  });
});

// A raw fact path as a case system would see it: victim.age, movement.exploitationPlace, means.deception.
const RAW_PATH = /\b(?:victim|movement|offender)\.[a-z][A-Za-z]+\b|\b(?:acts|means|purposes|consequences)\.[a-z][a-z-]+\b/;
/** The report without the parts meant for machines: the receipt block (JSON) and HTML code/attributes. */
const forPeople = (s: string) =>
  s
    .replace(/```json[\s\S]*?```/g, '')
    .replace(/<footer>[\s\S]*?<\/footer>/g, '')
    .replace(/<[^>]+>/g, ' ');

describe('Indonesian and Malay reports are in Indonesian and Malay', () => {
  const dir = join(root, 'fixtures');
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; facts: unknown; options?: object });
  let results: Array<{ id: string; c: Comparison }> = [];
  beforeAll(async () => {
    results = await Promise.all(fixtures.map(async (f) => ({ id: f.id, c: await compare(f.facts, f.options as never) })));
  });

  it.each(['id', 'ms'] as const)('%s: no English-only marker and no raw fact path in any fixture report', (lang) => {
    const bad: string[] = [];
    for (const { id, c } of results) {
      for (const format of ['markdown', 'html', 'text'] as const) {
        const out = forPeople(renderComparison(c, format, { language: lang }));
        if (out.includes(LABELS[lang].englishOnly)) bad.push(`${id} ${format}: English-only marker`);
        const m = RAW_PATH.exec(out);
        if (m) bad.push(`${id} ${format}: raw fact path ${m[0]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it.each(LANGS)('%s: the case divergences are worded, not the core explanation', (lang) => {
    // A case with divergences in most fixtures; the core's explanation is English and must not appear in id/ms.
    const withCauses = results.filter(({ c }) => c.divergences.some((d) => d.causes.length));
    expect(withCauses.length).toBeGreaterThan(10);
    for (const { c } of withCauses) {
      const md = renderComparison(c, 'markdown', { language: lang });
      for (const d of c.divergences) for (const cause of d.causes) if (lang !== 'en' && cause.explanation.length > 30) expect(md).not.toContain(cause.explanation);
    }
  });

  it.each(['id', 'ms'] as const)('%s: the divergence catalogue has no English-only cell', (lang) => {
    const d = divergences({ asOf: '2024-01-01' });
    for (const format of ['markdown', 'html'] as const) expect(renderDivergenceReport(d, format, { language: lang })).not.toContain(LABELS[lang].englishOnly);
  });
});

describe('a fifth regime brings its own words (no change to src/)', () => {
  let work: string;
  let book: RuleBook;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tip-harmonise-words-'));
    const rulesDir = join(work, 'rules');
    cpSync(join(root, 'rules'), rulesDir, { recursive: true });
    cpSync(join(root, 'examples/fifth-regime/th-2551'), join(rulesDir, 'th-2551'), { recursive: true });
    // The toy's offence gains an element no current regime uses, named in the version's own elementLabels.
    const file = join(rulesDir, 'th-2551/2008-06-05.json');
    const v = JSON.parse(readFileSync(file, 'utf8'));
    v.elementLabels = { 'toy-border-crossing': { en: 'Crossing a border (toy)', id: 'Melintasi perbatasan (contoh)', ms: 'Melintasi sempadan (contoh)' } };
    v.offences[0].elements.push({
      element: 'toy-border-crossing',
      citation: 's6-1',
      condition: { fact: 'movement.crossesBorder', operator: 'equal', value: true },
      label: { en: 'The person was taken across a border', id: 'Orang itu dibawa melintasi perbatasan', ms: 'Orang itu dibawa merentasi sempadan' },
    });
    writeFileSync(file, JSON.stringify(v));
    const out = join(work, 'bundle.json');
    execFileSync('node', [join(root, 'scripts/bundle-rules.mjs'), rulesDir, out], { stdio: 'pipe' });
    book = loadRuleBook(JSON.parse(readFileSync(out, 'utf8')) as RuleBundle);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // A 16-year-old recruited in Thailand and taken to Malaysia for sexual exploitation, no means:
  // the toy copies Palermo's child rule (no means for a child), and the border was crossed.
  const facts = { id: 'toy-words', conductDate: '2023-03-01', victim: { age: 16 }, acts: ['recruitment'], means: [], purposes: ['sexual-exploitation'], movement: { origin: 'TH', destination: 'MY' } };

  it('evaluates the new element', () => {
    const c = compareSync(facts, { regimes: ['th-2551' as never, 'uu-21-2007'] }, book);
    const toy = c.regimes.find((r) => r.regime === ('th-2551' as never));
    expect(toy?.trafficking.status).toBe('qualifies');
    expect(toy?.offences[0]?.elements.map((e) => [e.element, e.status])).toContainEqual(['toy-border-crossing', 'satisfied']);
  });

  it.each([
    ['en', 'Crossing a border (toy)', 'Anti-Trafficking in Persons Act B.E. 2551'],
    ['id', 'Melintasi perbatasan (contoh)', 'Undang-Undang Anti Perdagangan Orang B.E. 2551'],
    ['ms', 'Melintasi sempadan (contoh)', 'Akta Antipemerdagangan Orang B.E. 2551'],
  ] as const)('%s: both reports and the summary name it from the rule data', (lang, elementName, versionName) => {
    const c = compareSync(facts, { regimes: ['th-2551' as never, 'uu-21-2007'] }, book);
    for (const format of ['markdown', 'html'] as const) {
      const out = renderComparison(c, format, { language: lang, book });
      expect(out).toContain(elementName);
      expect(out).toContain(versionName);
      expect(out).not.toContain('toy-border-crossing');
    }
    const toy = c.regimes.find((r) => r.regime === ('th-2551' as never));
    if (!toy) throw new Error('no toy result');
    expect(summarise(toy, { language: lang, book })).toContain(versionName);
    const catalogue = renderDivergenceReport(divergences({ asOf: '2023-03-01' }), 'markdown', { language: lang });
    expect(catalogue.length).toBeGreaterThan(1000);
  });
});
