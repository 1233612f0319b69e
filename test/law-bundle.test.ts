/**
 * The library loads its own rule bundle with an integrity check only (src/law/bundled.ts), because
 * the build validates it in full (scripts/check-rules.mjs). These tests hold that bargain: the
 * fast load gives exactly the book the full validation gives, and a damaged bundle is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type RuleBundle, loadRuleBook } from '../src/law/load.js';

const bundle = JSON.parse(readFileSync(join(import.meta.dirname, '../src/law/rules.generated.json'), 'utf8')) as RuleBundle;
const plain = (book: ReturnType<typeof loadRuleBook>) =>
  JSON.parse(JSON.stringify({ ...book, regimes: book.regimes.map((r) => ({ ...r, interpretations: [...r.interpretations.entries()] })) }));

describe('the bundled rule book', () => {
  it('validates in full (the build-time check)', () => {
    expect(() => loadRuleBook(bundle)).not.toThrow();
  });
  it('loads the same with the integrity check only as with full validation', () => {
    expect(plain(loadRuleBook(bundle, { validated: true }))).toEqual(plain(loadRuleBook(bundle)));
  });
  it('refuses a damaged bundle even on the fast path', () => {
    const damaged = structuredClone(bundle);
    const first = damaged.regimes[0]?.versions[0];
    if (!first) throw new Error('empty bundle');
    (first.content as { id: string }).id = 'not-a-version';
    expect(() => loadRuleBook(damaged, { validated: true })).toThrow(/bundle integrity/);
    expect(() => loadRuleBook(damaged)).toThrow();
  });
});
