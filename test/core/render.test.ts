import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, divergences, renderComparison, renderDivergenceReport } from '../../src/index.js';
import { LABELS } from '../../src/words/labels.js';

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);

/** A strict little well-formedness check: every non-void tag closes, in order; entities are valid. */
function checkHtml(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/^<!DOCTYPE html>\s*/i, '').replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  for (const m of body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const [whole, rawName, attrs] = m;
    const name = (rawName as string).toLowerCase();
    if (whole.startsWith('</')) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else if (!VOID.has(name) && !(attrs ?? '').endsWith('/')) stack.push(name);
    if (((attrs ?? '').match(/"/g) ?? []).length % 2 !== 0) problems.push(`unbalanced quotes in ${whole}`);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(', ')}`);
  for (const m of body.matchAll(/&(?!(?:amp|lt|gt|quot|#39|nbsp);)/g)) problems.push(`bare or unknown entity at ${m.index}`);
  return problems;
}

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/child-recruited-within-id-no-means-2023.json'), 'utf8'));

describe('the HTML checker itself', () => {
  it('catches misnested and unclosed tags, unbalanced quotes and bad entities', () => {
    expect(checkHtml('<div><span></div>')).not.toEqual([]);
    expect(checkHtml('<p>open')).not.toEqual([]);
    expect(checkHtml('<td class="q>x</td>')).not.toEqual([]);
    expect(checkHtml('<p>a & b</p>')).not.toEqual([]);
    expect(checkHtml('<p class="q">a &amp; b<br></p>')).toEqual([]);
  });
});

describe('labels', () => {
  it('every interface text exists, non-empty, in en, id and ms', () => {
    const keys = (o: unknown, prefix = ''): string[] =>
      Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const en = keys(LABELS.en).sort();
    for (const lang of ['id', 'ms'] as const) {
      expect(keys(LABELS[lang]).sort()).toEqual(en);
      for (const k of en) {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], LABELS[lang]);
        expect(typeof v === 'string' && v.trim().length > 0, `${lang}: ${k}`).toBe(true);
      }
    }
  });
});

describe('renderComparison', () => {
  it.each(['en', 'id', 'ms'] as const)('HTML in %s is well-formed, self-contained and marks every verdict', async (language) => {
    const c = await compare(fixture.facts);
    const html = renderComparison(c, 'html', { language });
    expect(checkHtml(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|link)\b|src=|href="http/);
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(LABELS[language].statuses['does-not-qualify']);
    expect(html).toContain(LABELS[language].statuses.qualifies);
    // Statutory wording stays in its original language whatever the interface language.
    expect(html).toContain('Anak adalah seseorang yang belum berusia 18');
  });
  it('Markdown has the matrix and the divergence naming the means element', async () => {
    const c = await compare(fixture.facts);
    const md = renderComparison(c, 'markdown');
    expect(md).toMatch(/\| Trafficking \| ✘ does not qualify \| ✘ does not qualify \| ✔ qualifies \| ✔ qualifies \|/);
    // Act 670 s.14(2) (2022) and the treaties need no means for a child; UU 21/2007 Pasal 2(1) does.
    expect(md).toMatch(/- Means: not required under Act 670 \(s\. 14\(2\)[^\n]*; not satisfied under UU 21\/2007/);
  });
});

describe('divergences catalogue', () => {
  const d = divergences({ asOf: '2024-01-01' });
  const entry = (id: string) => d.find((x) => x.id === id);
  it('holds the known divergences of the research notes that the rules support', () => {
    // D-1: Indonesia counts the unborn (UU 21/2007 Pasal 1 angka 5).
    expect(entry('child.unborn')?.diverges).toBe(true);
    expect(entry('child.unborn')?.positions['uu-21-2007']?.value).toMatch(/womb/);
    // D-2: extra means in Indonesia: confinement, falsification, debt bondage (listed, not contested).
    expect(entry('means.debt-bondage')?.positions['uu-21-2007']?.term).toBe('penjeratan utang');
    expect(entry('means.payment-to-victim')?.diverges).toBe(true);
    // D-5: Malaysia's "any illegal activity".
    expect(entry('exploitation.forced-criminality')?.positions['act-670']?.term).toBe('any illegal activity');
    // D-13: victim definitions, harm or not.
    expect(entry('victim')?.diverges).toBe(true);
    // D-14: no regime makes transnationality an element.
    expect(entry('scope')?.diverges).toBe(false);
    // Child means rule: Indonesia requires a means in its general offence; Act 670 (2022) and the treaties do not.
    expect(entry('child.means-rule')?.positions['uu-21-2007']?.value).toMatch(/required/);
    expect(entry('child.means-rule')?.positions['act-670']?.value).toMatch(/unable to protect/);
  });
  it('states penalties as numbers with currency', () => {
    const p = entry('penalty')?.positions;
    expect(p?.['uu-21-2007']?.penalty?.imprisonmentYears).toEqual({ min: 3, max: 15 });
    expect(p?.['uu-21-2007']?.penalty?.fine).toEqual({ min: 120000000, max: 600000000, currency: 'IDR' });
    expect(p?.['act-670']?.value).toMatch(/life or at least 5 years/);
  });
  it('follows the law in force on the date: coercion-era Malaysia in 2015, KUHP 455 in 2026', () => {
    expect(divergences({ asOf: '2015-01-01' }).find((x) => x.id === 'definition')?.positions['act-670']?.value).toMatch(/through coercion/);
    expect(divergences({ asOf: '2026-06-01' }).find((x) => x.id === 'definition')?.positions['uu-21-2007']?.value).toMatch(/KUHP Pasal 455/);
    // Before ACTIP existed it has no position at all.
    expect(divergences({ asOf: '2010-01-01' }).find((x) => x.id === 'victim')?.positions.actip).toBeUndefined();
  });
  it.each(['en', 'id', 'ms'] as const)('the HTML report in %s is well-formed', (language) => {
    expect(checkHtml(renderDivergenceReport(d, 'html', { language }))).toEqual([]);
  });
});
