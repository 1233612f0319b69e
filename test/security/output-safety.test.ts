/**
 * Output safety (issue 17): what a case record says must never run in a reader's browser or
 * terminal. A hostile corpus (test/support/hostile.ts) goes through every renderer and format:
 * - from compare(), as the case id the schema accepts (markup, links, pipes);
 * - bypassing the schema, in a Comparison or divergence catalogue whose every string is hostile
 *   (an exchange record from another system, a stored answer edited by someone else), controls included;
 * and the outputs are checked by the rules of their format: HTML has no element or attribute the
 * renderer did not write; Markdown rendered by markdown-it (CommonMark, raw HTML on, as a careless
 * wiki would) has none either and its tables keep their shape; text has no control character and no
 * extra line. Every hostile string also shows as text (so nothing was silently dropped either).
 * The CLI and the browser are in output-safety-cli.test.ts and output-safety-browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { compare, divergences, renderComparison, renderDivergenceReport, summariseComparison } from '../../src/index.js';
import { parseFacts } from '../../src/facts/parseFacts.js';
import { isFactsError } from '../../src/facts/errors.js';
import { MAX_ID_LENGTH } from '../../src/facts/schema.js';
import type { Comparison, Language } from '../../src/types.js';
import { BENIGN_NAMES, brokenTables, foreignMarkup, HOSTILE, HOSTILE_CONTROLS, HOSTILE_IDS, markdownIt, poison, shownText, UNSAFE_IN_OUTPUT } from '../support/hostile.js';

const LANGS: Language[] = ['en', 'id', 'ms'];
const facts = {
  conductDate: '2023-05-10',
  victim: { birthDate: '2007-02-01', nationality: 'ID' },
  acts: ['recruitment', 'transportation'],
  means: [],
  purposes: ['prostitution'],
  movement: { origin: 'ID', destination: 'MY', transit: [] },
};
// Enumerations the renderers look up (statuses, verdict names); every other string is poisoned.
const KEEP = new Set(['status', 'instead', 'verdict', 'trafficking']);

/** The checks every rendering of one comparison must pass; `benign` is the same rendering with a harmless id, for the line count. */
function checkHtml(html: string, hostile: string) {
  expect(foreignMarkup(html, 'report'), hostile).toEqual([]);
  expect(html, hostile).not.toMatch(UNSAFE_IN_OUTPUT);
}
function checkMarkdown(md: string, hostile: string, benign?: string) {
  const html = markdownIt.render(md);
  expect(foreignMarkup(html, 'markdown'), hostile).toEqual([]);
  expect(brokenTables(html), hostile).toEqual([]);
  expect(md, hostile).not.toMatch(UNSAFE_IN_OUTPUT);
  if (benign !== undefined) expect(md.split('\n').length, hostile).toBe(benign.split('\n').length);
  return html;
}
function checkText(text: string, hostile: string, benign?: string) {
  expect(text, hostile).not.toMatch(UNSAFE_IN_OUTPUT);
  expect(text, hostile).not.toContain('\t');
  if (benign !== undefined) expect(text.split('\n').length, hostile).toBe(benign.split('\n').length);
}

describe('the case id schema', () => {
  it('refuses control and bidi characters in the id, naming the field', () => {
    for (const id of HOSTILE_CONTROLS) {
      let error: unknown;
      try {
        parseFacts({ ...facts, id });
      } catch (e) {
        error = e;
      }
      expect(isFactsError(error), JSON.stringify(id)).toBe(true);
      if (!isFactsError(error)) continue;
      expect(error.issues.map((i) => i.path)).toEqual(['id']);
      expect(error.issues[0]?.message).toMatch(/control characters/);
      // The refused id is not carried on the error (batch lines and logs print caseId).
      expect(error.caseId).toBeUndefined();
    }
  });
  it(`refuses an id over ${MAX_ID_LENGTH} characters and accepts one of exactly ${MAX_ID_LENGTH}`, () => {
    expect(parseFacts({ id: 'é'.repeat(MAX_ID_LENGTH) }).id).toBe('é'.repeat(MAX_ID_LENGTH));
    expect(() => parseFacts({ id: 'x'.repeat(MAX_ID_LENGTH + 1) })).toThrow(/id: at most 200 characters/);
  });
  it('accepts markup-like ids and names in every script unchanged (the renderers escape them)', () => {
    for (const id of [...HOSTILE_IDS, ...BENIGN_NAMES]) expect(parseFacts({ id }).id).toBe(id);
  });
});

describe('renderComparison with a hostile case id from compare()', () => {
  it('html, markdown and text in en, id and ms: no markup, no control, the id shown as text', async () => {
    const benign = await compare({ ...facts, id: 'KS-1' });
    for (const id of HOSTILE_IDS) {
      const c = await compare({ ...facts, id });
      for (const language of LANGS) {
        const html = renderComparison(c, 'html', { language });
        checkHtml(html, id);
        // The id is in the title and the header, shown exactly as given.
        expect(shownText(html), id).toContain(id);
        const md = renderComparison(c, 'markdown', { language });
        const rendered = checkMarkdown(md, id, renderComparison(benign, 'markdown', { language }));
        expect(shownText(rendered), id).toContain(id);
        const text = renderComparison(c, 'text', { language });
        checkText(text, id, renderComparison(benign, 'text', { language }));
        expect(text, id).toContain(id);
      }
    }
  });
  it('the reported attack: the Markdown no longer carries the script and the image raw', async () => {
    const c = await compare({ ...facts, id: '<script>alert(1)</script>"><img src=x onerror=alert(2)>' });
    const md = renderComparison(c, 'markdown');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<img');
    expect(md).toContain('**Case:** &lt;script&gt;alert(1)&lt;/script&gt;"&gt;&lt;img src=x onerror=alert(2)&gt;');
  });
  it('names in Indonesian, Malay (Rumi and Jawi) and other scripts come out unchanged in every format', async () => {
    for (const id of BENIGN_NAMES) {
      const c = await compare({ ...facts, id });
      expect(renderComparison(c, 'text')).toContain(`(${id})`);
      expect(renderComparison(c, 'markdown')).toContain(`:** ${id}  `);
      expect(renderComparison(c, 'html')).toContain(`</strong> ${id}<br>`);
    }
  });
  it('summaries are plain text built from the rule data: no case string reaches them', async () => {
    for (const id of HOSTILE_IDS) {
      const s = summariseComparison(await compare({ ...facts, id }), { language: 'id' });
      for (const text of Object.values(s)) {
        expect(text).not.toContain(id);
        expect(text).not.toMatch(UNSAFE_IN_OUTPUT);
      }
    }
  });
});

describe('renderers stay safe for strings that bypassed the schema', () => {
  it('a Comparison whose every string is hostile: html, markdown, text', async () => {
    const real = await compare({ ...facts, id: 'KS-1' }, { interpretations: {} });
    // The same poisoning with a harmless string gives the same structure (ids that collide collide alike).
    const benignMd = renderComparison(poison(real, 'X', KEEP), 'markdown');
    for (const s of HOSTILE) {
      const c = poison(real, s, KEEP) as Comparison;
      for (const language of LANGS) {
        checkHtml(renderComparison(c, 'html', { language }), s);
        const rendered = checkMarkdown(renderComparison(c, 'markdown', { language }), s);
        if (language === 'en') expect(renderComparison(c, 'markdown', { language }).split('\n').length, s).toBe(benignMd.split('\n').length);
        // What the hostile string said is shown, in visible form, not dropped.
        expect(shownText(rendered).length).toBeGreaterThan(0);
        checkText(renderComparison(c, 'text', { language }), s);
      }
    }
  });
  it('a divergence catalogue whose every string is hostile: html and markdown', () => {
    const real = divergences({ asOf: '2024-01-01' });
    const keep = new Set(['element', 'relation', 'code']);
    const benign = renderDivergenceReport(poison(real, 'X', keep), 'markdown');
    for (const s of HOSTILE) {
      const d = poison(real, s, keep);
      for (const language of LANGS) {
        checkHtml(renderDivergenceReport(d, 'html', { language }), s);
        const md = renderDivergenceReport(d, 'markdown', { language });
        checkMarkdown(md, s);
        if (language === 'en') expect(md.split('\n').length, s).toBe(benign.split('\n').length);
      }
    }
  });
});
