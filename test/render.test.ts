import { describe, expect, it } from 'vitest';
import { compare, divergences, renderComparison, renderDivergenceReport } from '../src/index.js';
import { bundledRuleBook } from '../src/law/bundled.js';
import { LABELS } from '../src/words/labels.js';
import { loadRuleBook, RuleDataError } from '../src/law/load.js';

import { wellFormed } from './render-wellformed.js';

const childCase = {
  id: 'child-no-means',
  conductDate: '2023-05-10',
  victim: { age: 16, nationality: 'ID', harm: ['psychological'] },
  acts: ['recruitment'],
  means: [],
  purposes: ['prostitution'],
  exploitationOccurred: [],
  movement: { origin: 'ID', destination: 'ID', transit: [], completed: true },
};

describe('the well-formedness checker', () => {
  it('rejects what a browser would repair', () => {
    expect(wellFormed('<!DOCTYPE html>\n<p><b></p></b>')).not.toEqual([]);
    expect(wellFormed('<!DOCTYPE html>\n<p class=q>x</p>')).not.toEqual([]);
    expect(wellFormed('<!DOCTYPE html>\n<p>a & b</p>')).not.toEqual([]);
    expect(wellFormed('<!DOCTYPE html>\n<p>a > b</p>')).not.toEqual([]);
    expect(wellFormed('<!DOCTYPE html>\n<div>')).not.toEqual([]);
    expect(wellFormed('<!DOCTYPE html>\n<p class="q">a &amp; b<br></p>')).toEqual([]);
  });
});

describe('labels: complete in en, id and ms', () => {
  // Keys may hold dots ('unborn:yes'), so a path is a JSON array of keys.
  const paths = (o: unknown, prefix: string[] = []): string[] =>
    Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => (v && typeof v === 'object' ? paths(v, [...prefix, k]) : [JSON.stringify([...prefix, k])]));
  const get = (o: unknown, path: string) => (JSON.parse(path) as string[]).reduce<unknown>((x, k) => (x as Record<string, unknown> | undefined)?.[k], o);

  it('every key exists, non-empty, with the same placeholders, in every language', () => {
    const keys = paths(LABELS.en).sort();
    for (const lang of ['id', 'ms'] as const) {
      expect(paths(LABELS[lang]).sort()).toEqual(keys);
      for (const k of keys) {
        const v = get(LABELS[lang], k);
        expect(typeof v === 'string' && v.trim().length > 0, `${lang}.${k}`).toBe(true);
        const ph = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(ph(v), `${lang}.${k} placeholders`).toEqual(ph(get(LABELS.en, k)));
      }
    }
  });

  it('every element id the rule files use has a name in en, id and ms in the rule data (not in src/)', () => {
    const book = bundledRuleBook();
    for (const r of book.regimes) {
      for (const v of r.versions) {
        for (const o of v.data.offences) for (const e of o.elements) for (const lang of ['en', 'id', 'ms'] as const) expect(book.concepts.element[e.element]?.[lang] ?? v.data.elementLabels?.[e.element]?.[lang], `${v.data.id} ${e.element} ${lang}`).toBeTruthy();
      }
    }
  });

  it('a rule book whose version uses an element without a name is refused, naming the file and the element', async () => {
    const bundle = structuredClone((await import('../src/law/rules.generated.json')).default) as Parameters<typeof loadRuleBook>[0];
    const v = bundle.regimes[0]!.versions[0]!;
    (v.content as { offences: Array<{ elements: Array<{ element: string }> }> }).offences[0]!.elements[0]!.element = 'brand-new-element';
    expect(() => loadRuleBook(bundle)).toThrow(RuleDataError);
    expect(() => loadRuleBook(bundle)).toThrow(/brand-new-element: no name/);
    // Naming it in the version's own elementLabels is enough.
    (v.content as Record<string, unknown>).elementLabels = { 'brand-new-element': { en: 'New', id: 'Baru', ms: 'Baharu' } };
    expect(() => loadRuleBook(bundle)).not.toThrow();
  });
});

describe('renderComparison', () => {
  it.each(['en', 'id', 'ms'] as const)('HTML in %s: well-formed, self-contained, a regimes-by-elements matrix with a citation in each cell', async (language) => {
    const c = await compare(childCase);
    const html = renderComparison(c, 'html', { language });
    expect(wellFormed(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(|@import/);
    const t = LABELS[language];
    const matrix = html.slice(html.indexOf(`<h2>${t.elementsMatrix}</h2>`), html.indexOf('</table>', html.indexOf(`<h2>${t.elementsMatrix}</h2>`)));
    expect(matrix.length).toBeGreaterThan(100);
    // Every element cell either cites its provision or says the regime has no such element.
    const cells = [...matrix.matchAll(/<td class="([qnux])">(.*?)<\/td>/g)];
    expect(cells.length).toBeGreaterThan(8);
    for (const [, cls, inner = ""] of cells) expect(cls === 'x' ? inner.includes(t.notAnElement) || inner.includes(t.statuses['not-in-force']) : inner.includes('class="cite"'), inner).toBe(true);
    // Means: UU 21/2007 fails on it (Pasal 2(1)), the treaties switch it off for a child (Art. 2(c) / 3(c)).
    expect(matrix).toContain(`${bundledRuleBook().concepts.element.means?.[language]}</th><td class="n">`);
    // Statutory wording stays in its original language.
    expect(html).toContain('Setiap orang yang melakukan perekrutan');
    expect(html).not.toMatch(/\{\w+\}/);
  });

  it('Markdown and text carry the verdicts, the matrix and the means cause', async () => {
    const c = await compare(childCase);
    const md = renderComparison(c, 'markdown', { language: 'ms' });
    expect(md).toContain(`## ${LABELS.ms.elementsMatrix}`);
    expect(md).toMatch(/\| Pemerdagangan orang \/ Cara \| ✘ tidak dipenuhi \[UU 21\/2007 Pasal 2 ayat \(1\)\]/);
    // The cause in Malay, from the results: s.14(2) (A1644) makes means irrelevant for a child; Pasal 2(1) needs one.
    expect(md).toMatch(/- Cara: tidak diperlukan di bawah Act 670 \(s\. 14\(2\)[^\n]*tidak dipenuhi di bawah UU 21\/2007 \(Pasal 2 ayat \(1\)\)/);
    expect(md).not.toContain('(ringkasan');
    const text = renderComparison(c, 'text');
    expect(text).toMatch(/Trafficking\s+✘ does not qualify/);
    expect(text).toMatch(/Trafficking: Means: not required under Act 670 .*not satisfied under UU 21\/2007 \(Pasal 2 ayat \(1\)\)/);
  });
});

describe('renderDivergenceReport', () => {
  const d = divergences({ asOf: '2024-01-01' });
  it.each(['en', 'id', 'ms'] as const)('HTML in %s is well-formed, printable and in that language', (language) => {
    const html = renderDivergenceReport(d, 'html', { language });
    expect(wellFormed(html)).toEqual([]);
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=|url\(/);
    expect(html).toContain(LABELS[language].aspectValues['victim:harm']);
    expect(html).not.toMatch(/\{\w+\}/);
    // Statutory terms as written: penjeratan utang (Pasal 2(1)) and "any illegal activity" (s. 2).
    expect(html).toContain('penjeratan utang');
    expect(html).toContain('any illegal activity');
  });
  it('Markdown penalties are numbers with currency, written the language\'s way', () => {
    expect(renderDivergenceReport(d, 'markdown')).toContain('3 to 15 years and a fine of IDR 120,000,000 to 600,000,000');
    expect(renderDivergenceReport(d, 'markdown', { language: 'id' })).toContain('3 sampai 15 tahun dan denda IDR 120.000.000 sampai 600.000.000');
  });
});
