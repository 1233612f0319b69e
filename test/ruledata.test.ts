import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compareSync } from '../src/compare/compare.js';
import { runTrace, traceOtherOffences } from '../src/evaluate/run.js';
import { prepareVersion } from '../src/evaluate/prepare.js';
import { VOCABULARIES } from '../src/facts/concepts.js';
import { COUNTRY_CODES } from '../src/facts/countries.js';
import { knownFactName, normaliseFacts } from '../src/facts/normalise.js';
import { parseFacts } from '../src/facts/parseFacts.js';
import { loadRuleBook, RuleDataError, type RuleBook, type RuleBundle } from '../src/law/load.js';
import { LANGUAGES, RELATIONS, type RawCondition } from '../src/law/schema.js';
import { completeFactsArb } from './support/arbitraries.js';

/**
 * Issue 6, part 4: static checks of the rule data, run on the bundle scripts/bundle-rules.mjs
 * makes of rules/. Each check is also run on a deliberately broken copy of one rule file, in a
 * temporary bundle, to prove it can fail: the loader's own checks must throw RuleDataError, the
 * checks made here must report the problem.
 */

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'tip-ruledata-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let copies = 0;

/** Bundle a rules directory with the project's own script. */
function bundleOf(rulesDir: string): RuleBundle {
  const out = join(work, `bundle-${copies++}.json`);
  execFileSync(process.execPath, [join(root, 'scripts/bundle-rules.mjs'), rulesDir, out], { stdio: 'pipe' });
  return JSON.parse(readFileSync(out, 'utf8')) as RuleBundle;
}
/** A copy of rules/ with one file changed by `edit`. */
function brokenCopy(file: string, edit: (json: any) => void): string {
  const dir = join(work, `rules-${copies++}`);
  cpSync(join(root, 'rules'), dir, { recursive: true });
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
  return dir;
}
const loadBroken = (file: string, edit: (json: any) => void) => () => loadRuleBook(bundleOf(brokenCopy(file, edit)));

// -----------------------------------------------------------------------------------------------
// The checks.

function walk(c: RawCondition, visit: (c: RawCondition) => void): void {
  visit(c);
  if ('all' in c) c.all.forEach((x) => walk(x, visit));
  else if ('any' in c) c.any.forEach((x) => walk(x, visit));
  else if ('not' in c) walk(c.not, visit);
  else if ('interpretation' in c) Object.values(c.readings).forEach((x) => walk(x, visit));
}
type Group = { name: string; citation: string; elements: Array<{ element: string; citation: string; condition: RawCondition; notRequiredWhen?: RawCondition; label: Record<string, string> }> };
function groups(v: RuleBook['regimes'][number]['versions'][number]): Group[] {
  const d = v.data.definitions;
  return [
    { name: 'definitions.child', ...d.child },
    { name: 'definitions.victim', ...d.victim },
    ...(d.scope ? [{ name: 'definitions.scope', ...d.scope }] : []),
    ...v.data.offences.map((o) => ({ name: `offence ${o.id}`, ...o })),
    ...(v.data.otherOffences ?? []).map((o) => ({ name: `other offence ${o.id}`, ...o })),
  ] as Group[];
}

/** What value a normalised fact can take: the only values a leaf can meet. */
function factKind(fact: string): 'boolean' | 'country' | 'countries' | 'age' {
  if (fact === 'victim.age') return 'age';
  if (fact === 'movement.transit') return 'countries';
  if (['victim.nationality', 'movement.origin', 'movement.destination', 'movement.exploitationCountry', 'movement.exploitationPlace'].includes(fact)) return 'country';
  return 'boolean';
}
const isCountry = (v: unknown) => typeof v === 'string' && COUNTRY_CODES.has(v);
/** Why a leaf can never be true (or never be false), or undefined when it can be both. */
function deadLeaf(c: { fact: string; operator: string; value: unknown }): string | undefined {
  if (!knownFactName(c.fact)) return `reads "${c.fact}", which no input can set`;
  const kind = factKind(c.fact);
  const { operator: op, value } = c;
  const ok =
    kind === 'boolean'
      ? ((op === 'equal' || op === 'notEqual') && typeof value === 'boolean') || ((op === 'in' || op === 'notIn') && Array.isArray(value) && value.some((x) => typeof x === 'boolean'))
      : kind === 'country'
        ? ((op === 'equal' || op === 'notEqual') && isCountry(value)) || ((op === 'in' || op === 'notIn') && Array.isArray(value) && value.some(isCountry))
        : kind === 'countries'
          ? (op === 'contains' || op === 'doesNotContain') && isCountry(value)
          : ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].includes(op) && typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 130;
  return ok ? undefined : `${c.fact} ${op} ${JSON.stringify(value)} can never be decided both ways (a ${kind} fact)`;
}

/** Problems the loader does not look for (it checks names and references; these check meaning). */
function staticProblems(book: RuleBook): string[] {
  const problems: string[] = [];
  for (const r of book.regimes) {
    // Versions tile the timeline: ordered, each ends the day before the next begins.
    r.versions.forEach((v, i) => {
      const next = r.versions[i + 1];
      if (next) {
        const dayBefore = new Date(Date.parse(`${next.data.validFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        if (v.data.validTo !== dayBefore) problems.push(`${v.file}: ends ${v.data.validTo}, the next version starts ${next.data.validFrom}`);
      }
    });
    for (const lang of LANGUAGES) if (!r.data.name[lang]) problems.push(`${r.file}: no ${lang} name`);
    const reachable = new Set<string>();
    const consulted = new Set<string>();
    for (const v of r.versions) {
      const cite = (ref: string | undefined, where: string) => {
        const c = ref === undefined ? undefined : v.data.citations[ref];
        if (!c) problems.push(`${v.file} ${where}: citation ${ref} does not resolve`);
        else if (!c.instrument || !c.provision || !c.confidence) problems.push(`${v.file} ${where}: citation ${ref} lacks instrument, provision or confidence`);
      };
      for (const lang of LANGUAGES) if (!v.data.label[lang]) problems.push(`${v.file}: no ${lang} label`);
      // Every shared concept mapped, or explicitly "none", in every version.
      for (const vocab of ['act', 'means', 'exploitation'] as const) {
        for (const id of VOCABULARIES[vocab]) {
          const m = (v.data.concepts[vocab] as Record<string, { relation?: string; interpretation?: string; countsUnder?: string[] }>)[id];
          if (!m || !(RELATIONS as readonly string[]).includes(m.relation ?? '')) problems.push(`${v.file}: concept ${vocab}.${id} is neither mapped nor "none"`);
          if (m?.interpretation) {
            consulted.add(m.interpretation);
            // A contested mapping counts under some readings and not under the others: each is reachable.
            for (const reading of r.interpretations.get(m.interpretation)?.readings ?? []) reachable.add(`${m.interpretation}/${reading.id}`);
          }
        }
      }
      for (const g of groups(v)) {
        cite(g.citation, g.name);
        for (const [i, e] of g.elements.entries()) {
          const where = `${g.name} element ${i} (${e.element})`;
          cite(e.citation, where);
          for (const lang of LANGUAGES) if (!e.label?.[lang]) problems.push(`${v.file} ${where}: no ${lang} label`);
          for (const c of [e.condition, ...(e.notRequiredWhen ? [e.notRequiredWhen] : [])]) {
            walk(c, (n) => {
              if ('path' in n || 'params' in n) problems.push(`${v.file} ${where}: a condition carries "path" or "params" (JSONPath)`);
              if ('interpretation' in n) {
                consulted.add(n.interpretation);
                for (const k of Object.keys(n.readings)) reachable.add(`${n.interpretation}/${k}`);
              }
              if ('fact' in n) {
                const dead = deadLeaf(n);
                if (dead) problems.push(`${v.file} ${where}: ${dead}`);
              }
            });
          }
        }
      }
      for (const o of [...v.data.offences, ...(v.data.otherOffences ?? [])]) for (const lang of LANGUAGES) if (!o.title[lang]) problems.push(`${v.file} offence ${o.id}: no ${lang} title`);
    }
    for (const [id, decl] of r.interpretations) {
      if (!consulted.has(id)) problems.push(`${r.file}: interpretation ${id} is declared but no condition or mapping consults it`);
      for (const reading of decl.readings) if (consulted.has(id) && !reachable.has(`${id}/${reading.id}`)) problems.push(`${r.file}: reading ${id}/${reading.id} is never reached`);
    }
  }
  // Every concept has its label in every language.
  for (const [vocab, ids] of Object.entries(VOCABULARIES)) {
    for (const id of ids) for (const lang of LANGUAGES) if (!(book.concepts as Record<string, Record<string, Record<string, string>>>)[vocab]?.[id]?.[lang]) problems.push(`rules/concepts.json: ${vocab}.${id} has no ${lang} label`);
  }
  return problems;
}

/**
 * Elements that no case makes true: each element of each version (under every reading) is run on
 * the fixtures and on random complete cases dated inside the version; one that is never satisfied
 * is unreachable.
 */
function neverSatisfied(book: RuleBook, samples: number): string[] {
  const fixtures = fixtureFiles().map((f) => f.json.facts);
  const random = fc.sample(completeFactsArb, { numRuns: samples, seed: 42 });
  const out: string[] = [];
  for (const r of book.regimes) {
    const readingSets: Array<Record<string, string>> = [{}];
    for (const [id, decl] of r.interpretations) for (const reading of decl.readings) readingSets.push({ [id]: reading.id });
    for (const v of r.versions) {
      const seen = new Map<string, boolean>();
      const to = v.data.validTo ?? '2030-01-01';
      for (const readings of readingSets) {
        const pv = prepareVersion(r, v, readings);
        const groupsOf = (t: ReturnType<typeof runTrace>, slots: Parameters<typeof runTrace>[1]) => [['child', t.child], ['victim', t.victim], ...(t.scope ? [['scope', t.scope] as const] : []), ...t.offences.map((o) => [`offence ${o.prepared.id}`, o] as const), ...traceOtherOffences(pv, slots).map((o) => [`other offence ${o.prepared.id}`, o] as const)] as const;
        const run = (facts: unknown, date: string) => {
          let parsed;
          try {
            parsed = parseFacts(facts);
          } catch {
            return;
          }
          const slots = normaliseFacts(parsed, date).slots;
          const trace = runTrace(pv, slots);
          for (const [name, g] of groupsOf(trace, slots)) {
            g.elements.forEach((e, i) => {
              const key = `${name} element ${i} (${e.prepared.element})`;
              seen.set(key, (seen.get(key) ?? false) || e.value === true);
            });
          }
        };
        for (const f of fixtures) run(f, (f as { conductDate?: string }).conductDate && (f as { conductDate: string }).conductDate >= v.data.validFrom && (f as { conductDate: string }).conductDate <= to ? (f as { conductDate: string }).conductDate : v.data.validFrom);
        for (const f of random) run({ ...f, conductDate: v.data.validFrom }, v.data.validFrom);
      }
      for (const [key, ever] of seen) if (!ever) out.push(`${v.file} ${key}`);
    }
  }
  return out;
}

// -----------------------------------------------------------------------------------------------
// Fixtures.

type FixtureFile = { file: string; json: any };
function fixtureFiles(dir = join(root, 'fixtures')): FixtureFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, json: JSON.parse(readFileSync(join(dir, f), 'utf8')) }));
}

/**
 * The keys of a fixture's "knownMismatch" (expectations the library is known not to meet yet, with
 * the reason): "regime.verdict" or "regime.offence.id". Accepted forms: an array of such keys; an
 * object of such keys to reasons; or { regime: { verdict: reason } } / { regime: [verdicts] }.
 */
function knownMismatches(f: any): Set<string> {
  const k = f.knownMismatch;
  const out = new Set<string>();
  if (!k) return out;
  if (Array.isArray(k)) for (const x of k) out.add(typeof x === 'string' ? x : `${x.regime}.${x.verdict ?? `offence.${x.offence}`}`);
  else
    for (const [a, b] of Object.entries(k)) {
      if (typeof b === 'string') out.add(a);
      else if (Array.isArray(b)) for (const v of b) out.add(`${a}.${v}`);
      else if (b && typeof b === 'object') for (const v of Object.keys(b)) out.add(`${a}.${v}`);
    }
  return out;
}

/** Expectations not met (skipping known mismatches) and known mismatches that no longer mismatch. */
function fixtureProblems(f: any, book?: RuleBook): { mismatches: string[]; stale: string[] } {
  const known = knownMismatches(f);
  const c = compareSync(f.facts, f.options, book);
  const mismatches: string[] = [];
  const stale: string[] = [];
  const check = (key: string, got: string | undefined, expected: string) => {
    if (known.has(key)) {
      if (got === expected) stale.push(`${f.id}: ${key} is listed in knownMismatch but now gives ${got}`);
    } else if (got !== expected) mismatches.push(`${f.id}: ${key} expected ${expected}, got ${got}`);
  };
  for (const [regime, verdicts] of Object.entries((f.expected ?? {}) as Record<string, Record<string, string>>)) {
    const r = c.regimes.find((x) => x.regime === regime) as unknown as Record<string, { status: string } | undefined> | undefined;
    for (const [verdict, expected] of Object.entries(verdicts)) check(`${regime}.${verdict}`, r?.[verdict]?.status, expected);
  }
  for (const [regime, offences] of Object.entries((f.expectedOffences ?? {}) as Record<string, Record<string, string>>)) {
    const r = c.regimes.find((x) => x.regime === regime);
    for (const [offence, expected] of Object.entries(offences)) check(`${regime}.offence.${offence}`, (r?.offences.find((o) => o.id === offence) ?? r?.otherOffences?.find((o) => o.id === offence))?.status, expected);
  }
  return { mismatches, stale };
}

// -----------------------------------------------------------------------------------------------

describe('the rule data as bundled', () => {
  const book = loadRuleBook(bundleOf(join(root, 'rules')));

  it('loads (every schema and cross-reference check of the loader passes)', () => {
    expect(book.regimes.map((r) => r.id)).toEqual(expect.arrayContaining(['uu-21-2007', 'act-670', 'actip', 'palermo']));
  });

  it('passes every static check: citations resolve, concepts mapped or "none", versions tile, labels in en/id/ms, no dead condition, no unused reading', () => {
    expect(staticProblems(book)).toEqual([]);
  });

  it('no raw rule file mentions a JSONPath "path" at all', () => {
    for (const r of book.regimes) for (const v of r.versions) expect(readFileSync(join(root, v.file), 'utf8'), v.file).not.toMatch(/"path"\s*:/);
  });

  it('every element of every version, under every reading, is satisfied by some case (fixtures or random complete cases)', () => {
    expect(neverSatisfied(book, Number(process.env.RULEDATA_SAMPLES ?? 300))).toEqual([]);
  });

  it('every fixture still gets the verdicts it expects (known mismatches skipped, and reported once they are fixed)', () => {
    const all = fixtureFiles();
    expect(all.length).toBeGreaterThan(0);
    const problems = all.map((f) => fixtureProblems(f.json, book));
    expect(problems.flatMap((p) => p.mismatches)).toEqual([]);
    expect(problems.flatMap((p) => p.stale)).toEqual([]);
  });
});

describe('each check fails on a deliberately broken rule file', () => {
  const UU = 'uu-21-2007/2007-04-19.json';
  const MY = 'act-670/2010-11-15.json';
  const firstElement = (v: any) => v.offences[0].elements[0];

  // Checks the loader makes: loadRuleBook throws RuleDataError naming the file and the problem.
  it.each<[string, string, (v: any) => void, RegExp]>([
    ['an element citing a citation that does not exist', UU, (v) => (firstElement(v).citation = 'no-such-citation'), /citation "no-such-citation" is not defined/],
    ['an element with no citation', UU, (v) => delete firstElement(v).citation, /citation/],
    ['an offence citing nothing that exists', MY, (v) => (v.offences[0].citation = 'nowhere'), /citation "nowhere" is not defined/],
    ['a shared concept neither mapped nor "none"', MY, (v) => delete v.concepts.means.threat, /threat/],
    ['a mapped concept without a citation', MY, (v) => (v.concepts.act.recruitment = { relation: 'exact', term: 'merekrut' }), /cites its provision/],
    ['a gap before the next version', 'act-670/2008-02-28.json', (v) => (v.validTo = '2010-11-13'), /validTo must be 2010-11-14/],
    ['an overlap with the next version', 'act-670/2008-02-28.json', (v) => (v.validTo = '2010-11-15'), /validTo must be 2010-11-14/],
    ['versions listed out of order', 'act-670/regime.json', (r) => r.versions.reverse(), /validFrom .* does not match the file name|validTo must be/],
    ['an element label without Bahasa Malaysia', UU, (v) => delete firstElement(v).label.ms, /ms/],
    ['a version label without Bahasa Indonesia', MY, (v) => delete v.label.id, /label\.id/],
    ['a concept with no label', 'concepts.json', (c) => delete c.means.threat, /means\.threat: no label/],
    ['a condition reading a fact no input sets', UU, (v) => (firstElement(v).condition = { fact: 'victim.shoeSize', operator: 'equal', value: true }), /unknown fact "victim.shoeSize"/],
    ['a condition with a JSONPath "path"', UU, (v) => (firstElement(v).condition = { fact: 'acts.recruitment', operator: 'equal', value: true, path: '$..constructor' }), /path|Unrecognized/],
    ['a fact name that is a JSONPath expression', UU, (v) => (firstElement(v).condition = { fact: '$.victim..age', operator: 'equal', value: 1 }), /never a JSONPath/],
    ['a reading that is not declared', MY, (v) => (firstElement(v).condition.readings['made-up'] = { fact: 'acts.recruitment', operator: 'equal', value: true }), /reading "made-up" is not declared/],
  ])('%s', (_name, file, edit, message) => {
    const load = loadBroken(file, edit);
    expect(load).toThrow(RuleDataError);
    expect(load).toThrow(message);
  });

  // Checks made here: staticProblems / neverSatisfied report the problem.
  it.each<[string, string, (v: any) => void, RegExp]>([
    ['an interpretation no condition consults', 'act-670/regime.json', (r) => r.interpretations.push({ id: 'orphan', question: 'Unused?', default: 'a', readings: [{ id: 'a', label: 'A', sources: ['S'] }, { id: 'b', label: 'B', sources: ['S'] }] }), /interpretation orphan is declared but no condition/],
    ['an age compared with a word', UU, (v) => (firstElement(v).condition = { fact: 'victim.age', operator: 'lessThan', value: 'eighteen' }), /victim.age lessThan "eighteen" can never/],
    ['a country that is not assigned', UU, (v) => (firstElement(v).condition = { fact: 'movement.origin', operator: 'equal', value: 'XX' }), /movement.origin equal "XX" can never/],
    ['a concept fact compared with a string', UU, (v) => (firstElement(v).condition = { fact: 'means.threat', operator: 'equal', value: 'true' }), /means.threat equal "true" can never/],
  ])('%s', (_name, file, edit, message) => {
    const problems = staticProblems(loadRuleBook(bundleOf(brokenCopy(file, edit))));
    expect(problems.join('\n')).toMatch(message);
  });

  it('an element no case can satisfy', () => {
    const book = loadRuleBook(
      bundleOf(
        brokenCopy('palermo/2003-12-25.json', (v) => {
          firstElement(v).condition = { all: [{ fact: 'means.threat', operator: 'equal', value: true }, { fact: 'means.threat', operator: 'equal', value: false }] };
        }),
      ),
    );
    expect(neverSatisfied(book, 20).join('\n')).toMatch(/palermo\/2003-12-25\.json offence .* element 0/);
  });

  it('a fixture whose expectation no longer holds, and a known mismatch that has been fixed', () => {
    const f = fixtureFiles().find((x) => Object.keys(x.json.expected ?? {}).length > 0)?.json;
    const [regime, verdicts] = Object.entries(f.expected as Record<string, Record<string, string>>)[0] as [string, Record<string, string>];
    const [verdict, status] = Object.entries(verdicts)[0] as [string, string];
    const flipped = status === 'qualifies' ? 'does-not-qualify' : 'qualifies';
    const wrong = { ...f, expected: { [regime]: { [verdict]: flipped } } };
    expect(fixtureProblems(wrong).mismatches.join()).toMatch(`${regime}.${verdict} expected ${flipped}`);
    // Listed as a known mismatch: skipped.
    expect(fixtureProblems({ ...wrong, knownMismatch: [`${regime}.${verdict}`] }).mismatches).toEqual([]);
    expect(fixtureProblems({ ...wrong, knownMismatch: { [regime]: { [verdict]: 'the library reads X differently' } } }).mismatches).toEqual([]);
    // Listed as known while the expectation holds: stale.
    expect(fixtureProblems({ ...f, knownMismatch: [`${regime}.${verdict}`] }).stale.join()).toMatch('is listed in knownMismatch but now gives');
  });
});
