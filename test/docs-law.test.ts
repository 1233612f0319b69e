/**
 * Checks the claims of docs/law.md against the code: a fifth regime and a new version of a law
 * are rule files only. Builds temporary bundles with scripts/bundle-rules.mjs from a copy of
 * rules/ plus the toy regime in examples/fifth-regime/th-2551 (a toy: Palermo's conditions under
 * Thai labels; not a statement of Thai law), loads them with loadRuleBook and evaluates them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSync } from '../src/compare/compare.js';
import { evaluateRegime, normaliseOnDates } from '../src/compare/evaluateRegime.js';
import { parseFacts } from '../src/facts/parseFacts.js';
import { type RuleBook, type RuleBundle, loadRuleBook } from '../src/law/load.js';
import { regimes } from '../src/law/regimes.js';

const root = resolve(import.meta.dirname, '..');
const toyDir = join(root, 'examples/fifth-regime/th-2551');
let work: string;

/** Copy rules/ and the toy regime into a temp folder, let `edit` change it, bundle and load it. */
function bundleWithToy(name: string, edit?: (rulesDir: string) => void): RuleBook {
  const rulesDir = join(work, name, 'rules');
  cpSync(join(root, 'rules'), rulesDir, { recursive: true });
  cpSync(toyDir, join(rulesDir, 'th-2551'), { recursive: true });
  edit?.(rulesDir);
  const out = join(work, name, 'bundle.json');
  execFileSync('node', [join(root, 'scripts/bundle-rules.mjs'), rulesDir, out], { stdio: 'pipe' });
  return loadRuleBook(JSON.parse(readFileSync(out, 'utf8')) as RuleBundle);
}

/** Evaluate one regime of a book directly (the engine, without compare()'s options and receipt). */
function evaluate(book: RuleBook, regimeId: string, facts: unknown) {
  const parsed = parseFacts(facts);
  const regime = book.regimes.find((r) => r.id === regimeId);
  if (!regime) throw new Error(`no regime ${regimeId} in the book`);
  return evaluateRegime(regime, parsed, { regimes: [], interpretations: {}, detail: 'full' }, normaliseOnDates(parsed, parsed.conductDate, [regime]));
}

// A 16-year-old recruited for sexual exploitation, no means. The toy copies Palermo's conditions,
// whose child rule (Art 3(c), mirrored by the toy's s. 6(2)) needs no means: trafficking qualifies.
const child = (conductDate: string) => ({ conductDate, victim: { age: 16 }, acts: ['recruitment'], means: [], purposes: ['sexual-exploitation'] });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'tip-harmonise-law-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('docs/law.md: a fifth regime is a folder of rule files', () => {
  it('bundles and loads with no change to src/, and regimes() lists it with its version', () => {
    const book = bundleWithToy('fifth');
    const info = regimes(book).find((r) => (r.id as string) === 'th-2551'); // RegimeId names only the four built-in ids
    expect(info?.kind).toBe('national');
    expect(info?.versions.map((v) => v.inForceFrom)).toEqual(['2008-06-05']);
    // The four bundled regimes are untouched and keep their order.
    expect(regimes(book).map((r) => r.id).slice(0, 4)).toEqual(['uu-21-2007', 'act-670', 'actip', 'palermo']);
  });

  it('evaluates like any regime: in force from its first version, not before', () => {
    const book = bundleWithToy('fifth-eval');
    const r2023 = evaluate(book, 'th-2551', child('2023-03-01'));
    expect(r2023.version.id).toBe('th-2551@2008-06-05');
    expect(r2023.trafficking.status).toBe('qualifies');
    expect(r2023.child.status).toBe('qualifies'); // under eighteen
    expect(r2023.scope).toBeUndefined(); // a national law has no treaty scope verdict
    // 4 June 2008: the day before the toy's first version, so nothing is in force.
    expect(evaluate(book, 'th-2551', child('2008-06-04')).trafficking.status).toBe('not-in-force');
  });

  it('compare() accepts a fifth regime by id and evaluates it by default', () => {
    // options.regimes is validated against the regimes of the rule book, and the default is every
    // regime of the book (src/compare/options.ts): a fifth regime needs no change to src/.
    const book = bundleWithToy('fifth-compare');
    const named = compareSync(child('2023-03-01'), { regimes: ['th-2551' as never] }, book);
    expect(named.regimes.map((r) => [r.regime, r.trafficking.status])).toEqual([['th-2551', 'qualifies']]);
    expect(compareSync(child('2023-03-01'), {}, book).regimes.map((r) => r.regime)).toContain('th-2551');
    expect(() => compareSync(child('2023-03-01'), { regimes: ['th-9999' as never] }, book)).toThrow(/options\.regimes\.0: no regime "th-9999"/);
  });
});

describe('docs/law.md: an amendment is a new version file', () => {
  // A toy amendment from 2030-01-01 that raises the child age to 20 (no real law does this here).
  const amend = (rulesDir: string, closePrevious: boolean) => {
    const dir = join(rulesDir, 'th-2551');
    const regimeFile = JSON.parse(readFileSync(join(dir, 'regime.json'), 'utf8'));
    regimeFile.versions.push('2030-01-01');
    writeFileSync(join(dir, 'regime.json'), JSON.stringify(regimeFile));
    const previous = JSON.parse(readFileSync(join(dir, '2008-06-05.json'), 'utf8'));
    const next = structuredClone(previous);
    if (closePrevious) previous.validTo = '2029-12-31';
    writeFileSync(join(dir, '2008-06-05.json'), JSON.stringify(previous));
    next.id = 'th-2551@2030-01-01';
    next.validFrom = '2030-01-01';
    next.changes = ['Toy amendment: a child is a person under twenty.'];
    next.definitions.child.elements[0].condition.all[1].value = 20;
    next.profile.childAge = 20;
    writeFileSync(join(dir, '2030-01-01.json'), JSON.stringify(next));
  };
  const adult19 = (conductDate: string) => ({ ...child(conductDate), victim: { age: 19 } });

  it('judges each case under the version in force on its date', () => {
    const book = bundleWithToy('amended', (d) => amend(d, true));
    const before = evaluate(book, 'th-2551', adult19('2029-12-31'));
    const after = evaluate(book, 'th-2551', adult19('2030-01-01'));
    expect(before.version.id).toBe('th-2551@2008-06-05');
    expect(before.child.status).toBe('does-not-qualify'); // 19 is not under 18
    expect(after.version.id).toBe('th-2551@2030-01-01');
    expect(after.child.status).toBe('qualifies'); // 19 is under the toy amendment's 20
  });

  it('refuses an amendment that leaves the previous version open (validTo missing)', () => {
    expect(() => bundleWithToy('amended-open', (d) => amend(d, false))).toThrow(/validTo must be 2029-12-31/);
  });
});
