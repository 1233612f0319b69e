import { describe, expect, it } from 'vitest';
import { bundledRuleBook } from '../../src/law/bundled.js';
import { loadRuleBook, RuleDataError, type RuleBundle, versionOn } from '../../src/law/load.js';
import bundle from '../../src/law/rules.generated.json';

const book = bundledRuleBook();
const regime = (id: string) => {
  const r = book.regimes.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
};

describe('versions in force on a date', () => {
  it.each([
    ['uu-21-2007', '2007-04-18', undefined],
    ['uu-21-2007', '2007-04-19', 'uu-21-2007@2007-04-19'],
    ['uu-21-2007', '2026-01-01', 'uu-21-2007@2007-04-19'],
    ['uu-21-2007', '2026-01-02', 'uu-21-2007@2026-01-02'],
    ['act-670', '2008-02-27', undefined],
    ['act-670', '2008-02-28', 'act-670@2008-02-28'],
    ['act-670', '2010-11-14', 'act-670@2008-02-28'],
    ['act-670', '2010-11-15', 'act-670@2010-11-15'],
    ['act-670', '2022-02-21', 'act-670@2010-11-15'],
    ['act-670', '2022-02-22', 'act-670@2022-02-22'],
    ['actip', '2017-03-07', undefined],
    ['actip', '2017-03-08', 'actip@2017-03-08'],
    ['palermo', '2003-12-24', undefined],
    ['palermo', '2003-12-25', 'palermo@2003-12-25'],
  ])('%s on %s: %s', (id, date, expected) => {
    expect(versionOn(regime(id), date)?.data.id).toBe(expected);
  });
});

const clone = (): RuleBundle => structuredClone(bundle) as unknown as RuleBundle;
const versionContent = (b: RuleBundle, regimeId: string, index: number) =>
  (b.regimes.find((r) => (r.content as { id: string }).id === regimeId)?.versions[index]?.content ?? {}) as Record<string, any>;

describe('malformed rule data fails loudly at load, naming the file', () => {
  it('loads the bundled rules', () => {
    expect(book.regimes.map((r) => r.id)).toEqual(['uu-21-2007', 'act-670', 'actip', 'palermo']);
  });
  it('rejects a citation reference that does not exist', () => {
    const b = clone();
    versionContent(b, 'act-670', 2).offences[0].citation = 'no-such-citation';
    expect(() => loadRuleBook(b)).toThrow(RuleDataError);
    expect(() => loadRuleBook(b)).toThrow(/rules\/act-670\/2022-02-22.json.*no-such-citation/);
  });
  it('rejects a gap between versions', () => {
    const b = clone();
    versionContent(b, 'act-670', 0).validTo = '2010-11-10';
    expect(() => loadRuleBook(b)).toThrow(/validTo must be 2010-11-14/);
  });
  it('rejects a condition on an unknown fact', () => {
    const b = clone();
    versionContent(b, 'palermo', 0).offences[0].elements[0].condition = { fact: 'means.telepathy', operator: 'equal', value: true };
    expect(() => loadRuleBook(b)).toThrow(/unknown fact "means.telepathy"/);
  });
  it('rejects a concept mapping that leaves a shared concept out', () => {
    const b = clone();
    delete versionContent(b, 'actip', 0).concepts.means.isolation;
    expect(() => loadRuleBook(b)).toThrow(RuleDataError);
  });
  it('rejects an interpretation reading with no condition', () => {
    const b = clone();
    const el = versionContent(b, 'act-670', 1).offences[0].elements[0];
    delete el.condition.readings['coercion-needed'];
    expect(() => loadRuleBook(b)).toThrow(/no condition for reading "coercion-needed"/);
  });
});
