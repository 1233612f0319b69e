/**
 * The question audit (issue 12, item 3): docs/limitations.md lists every fact whose absence alone
 * turns a common pattern (a fixture) undetermined, generated here from the rule files and the
 * fixtures, with the provision that needs it and whether the law requires it or lets another fact
 * stand for it. `UPDATE_DOCS=1 npx vitest run test/question-audit.test.ts` rewrites the section.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTION_FACTS, explainMissing } from '../src/explain/missing.js';
import type { Comparison } from '../src/types.js';
import { QUESTION_KINDS, questionAudit, questionTable } from './support/questionAudit.js';

const root = resolve(import.meta.dirname, '..');
const rows = questionAudit();

describe('every question the library asks (docs/limitations.md)', () => {
  it('finds the questions: the common patterns do turn undetermined for want of a fact', () => {
    expect(rows.length).toBeGreaterThan(10);
    // Pasal 4 needs the person to be an Indonesian citizen: a fixture without nationality cannot say.
    expect(rows.find((r) => r.fact === 'victim.nationality')?.provisions).toContain('uu-21-2007: Pasal 4');
    // Act 670 since 2022: without means, s.12 or s.14 turns on the person's capacity to protect themself.
    expect(rows.find((r) => r.fact === 'victim.selfProtectionImpaired')?.provisions.some((p) => p.startsWith('act-670: s. 14(1)'))).toBe(true);
  });

  it('every fact asked is classified, and a classification is not kept for a fact no longer asked', () => {
    const asked = rows.map((r) => r.fact);
    expect(asked.filter((f) => !QUESTION_KINDS[f]), 'a rule asks a new question: classify it in test/support/questionAudit.ts').toEqual([]);
    const stale = Object.entries(QUESTION_KINDS).filter(([f, k]) => k.kind === 'required' && !asked.includes(f)).map(([f]) => f);
    expect(stale, 'classified as required but never asked: remove it').toEqual([]);
  });

  it('no inference the law makes is asked: movement.completed decides no verdict (the acts show the journey)', () => {
    const inferences = Object.entries(QUESTION_KINDS).filter(([, k]) => k.kind === 'inference').map(([f]) => f);
    expect(inferences).toContain('movement.completed');
    expect(rows.filter((r) => inferences.includes(r.fact)).map((r) => r.fact)).toEqual([]);
  });

  it('explainMissing() words every question a case worker may be asked, in en, id and ms', () => {
    for (const r of rows) {
      expect(QUESTION_FACTS, r.fact).toContain(r.fact);
      // One undetermined regime asking just this fact: the question comes back in each language.
      const c = { asOf: '2023-01-01', regimes: [{ regime: 'uu-21-2007', trafficking: { status: 'undetermined', missingFacts: [r.fact], elements: [] }, victim: { status: 'qualifies', missingFacts: [], elements: [] }, child: { status: 'qualifies', missingFacts: [], elements: [] }, offences: [], interpretations: [] }] } as unknown as Comparison;
      const words = (['en', 'id', 'ms'] as const).map((language) => explainMissing(c, { language })[0]?.question ?? '');
      for (const w of words) expect(w, r.fact).not.toBe(r.fact);
      expect(new Set(words).size, `${r.fact}: the three languages differ`).toBe(3);
    }
  });

  it('docs/limitations.md carries the generated list', () => {
    const path = join(root, 'docs/limitations.md');
    const md = readFileSync(path, 'utf8');
    const re = /(<!-- questions:start[^>]*-->\n)([\s\S]*?)(<!-- questions:end -->)/;
    const m = re.exec(md);
    expect(m, 'docs/limitations.md: no <!-- questions:start --> ... <!-- questions:end --> markers').not.toBeNull();
    const expected = `${questionTable(rows)}\n`;
    if (process.env.UPDATE_DOCS === '1' && m?.[2] !== expected) writeFileSync(path, md.replace(re, (_a, s: string, _b: string, e: string) => `${s}${expected}${e}`));
    else expect(m?.[2], 'stale: run UPDATE_DOCS=1 npx vitest run test/question-audit.test.ts').toBe(expected);
  });
});
