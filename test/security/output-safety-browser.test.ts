/// <reference lib="dom" />
/**
 * Output safety in a real browser (issue 17): Debian's Chromium, driven by playwright-core.
 * - The playground opened from crafted URL hashes (a link anyone can send): hostile case ids,
 *   concept ids, countries, unknown fields, readings and languages. No dialog may open, no script
 *   run (the payloads set window.__pwned), no console error appear, and no element or event-handler
 *   attribute the hash carried may exist in the page.
 * - The Markdown reports rendered to HTML by markdown-it (raw HTML on, as an unsanitising wiki
 *   does) and the HTML reports, loaded as pages: the same checks, and every element in the page is
 *   one the report is made of, and no element carries a URL attribute (href, src, srcdoc, action...).
 * Skipped with a loud message without Chromium, except under CI=true (test/support/browser.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, divergences, renderComparison, renderDivergenceReport } from '../../src/index.js';
import type { Comparison } from '../../src/types.js';
import { CHROMIUM, CHROMIUM_ARGS, reportBrowserSkip, requireChromium } from '../support/browser.js';
import { HOSTILE, HOSTILE_IDS, markdownIt, poison } from '../support/hostile.js';

const root = join(import.meta.dirname, '../..');
const PAGE = pathToFileURL(join(root, 'docs/playground/index.html')).href;
const skip = reportBrowserSkip('output safety in headless Chromium') !== undefined;
const base = (JSON.parse(readFileSync(join(root, 'fixtures/child-recruited-within-id-no-means-2023.json'), 'utf8')) as { facts: Record<string, unknown> }).facts;

/** Payloads that announce themselves if they ever run. */
const RUN = (n: number) => `window.__pwned=(window.__pwned||[]).concat(${n})`;
const PAYLOADS = [
  `<img src=x onerror="${RUN(1)};alert(1)">`,
  `<script>${RUN(2)};alert(2)</script>`,
  `"><svg onload="${RUN(3)}">`,
  `' autofocus onfocus='${RUN(4)}`,
  `<iframe srcdoc="<script>parent.${RUN(5)}</script>"></iframe>`,
  `[x](javascript:${RUN(6)})`,
];

describe.skipIf(skip)('output safety in headless Chromium', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    requireChromium();
    execFileSync(process.execPath, [join(root, 'scripts/build-playground.mjs')], { stdio: 'pipe' });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tip-chromium-')), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  }, 45_000);
  afterAll(async () => context?.close());

  /** A page that records dialogs, uncaught errors and console errors. */
  async function watched() {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    return { page, problems };
  }
  /** What ran or was smuggled in: the payload marker, event-handler attributes, foreign elements. */
  const smuggled = (page: Page, allowed: string[] | undefined) =>
    page.evaluate((allow) => {
      const found: string[] = [];
      const w = window as unknown as { __pwned?: number[] };
      if (w.__pwned) found.push(`ran: ${w.__pwned.join(',')}`);
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name)) found.push(`${el.tagName} ${a.name}`);
          // A report has no URL attribute at all; the playground has its own (#results-heading), never javascript:.
          if (/^(href|src|srcdoc|action|formaction|data|poster|xlink:href)$/i.test(a.name) && (allow || /^\s*javascript:/i.test(a.value))) found.push(`${el.tagName} ${a.name}=${a.value}`);
        }
        if (allow && !allow.includes(el.tagName.toLowerCase())) found.push(`element ${el.tagName}`);
      }
      for (const tag of ['img', 'svg', 'iframe', 'a[href^="javascript"]']) if (document.querySelector(tag)) found.push(`element ${tag}`);
      return found;
    }, allowed);

  it('the playground from crafted hashes: nothing runs, nothing is smuggled in, no console error', async () => {
    const states: unknown[] = [];
    for (const p of PAYLOADS) {
      states.push({ facts: { ...base, id: p } }); // a valid id (markup is allowed): shown in the form
      states.push({ facts: { ...base, acts: [p] } }); // an unknown concept: the error list quotes it
      states.push({ facts: { ...base, victim: { nationality: p } } }); // a country the select does not list
      states.push({ facts: { ...base, [p]: 1 } }); // an unknown field
      states.push({ facts: base, options: { interpretations: { [p]: p }, asOf: p }, lang: p });
      // A known contested point with a reading that does not exist: the select keeps it, the library's error quotes it.
      states.push({ facts: base, options: { interpretations: { 'intl-forced-criminality': p } } });
      states.push({ ...base, id: `${p}\u001b[2J\u202e` }); // a bare CaseFacts, an id the schema refuses
    }
    const { page, problems } = await watched();
    for (const state of states) {
      await page.goto(`${PAGE}#${encodeURIComponent(JSON.stringify(state))}`);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#results')?.dataset.for === location.hash, null, { timeout: 5000 });
      // Give an onerror/onload a chance to fire before looking.
      await page.waitForTimeout(20);
      expect(await smuggled(page, undefined), JSON.stringify(state)).toEqual([]);
      expect(await page.locator('script').count()).toBe(2); // the page's own two
    }
    // The valid id is in the form as the user typed it, as text.
    await page.goto(`${PAGE}#${encodeURIComponent(JSON.stringify({ facts: { ...base, id: PAYLOADS[0] } }))}`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#results')?.dataset.for === location.hash, null, { timeout: 5000 });
    expect(await page.locator('input[name="id"]').inputValue()).toBe(PAYLOADS[0]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('Markdown reports rendered by markdown-it and the HTML reports: only the reports\' own elements, nothing runs', async () => {
    const markdownTags = ['html', 'head', 'body', 'h1', 'h2', 'h3', 'p', 'br', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'code', 'pre'];
    const reportTags = ['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'p', 'br', 'strong', 'em', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'section', 'details', 'summary', 'blockquote', 'ul', 'li', 'code', 'footer'];
    const real = await compare({ ...base, id: 'KS-1' });
    const catalogue = divergences({ asOf: '2024-01-01' });
    const { page, problems } = await watched();
    const ids = [...PAYLOADS, ...HOSTILE_IDS];
    for (const s of [...PAYLOADS, ...HOSTILE]) {
      // From compare() where the schema allows it; otherwise an answer whose every string is hostile.
      const c: Comparison = ids.includes(s) ? await compare({ ...base, id: s }) : poison(real, s, new Set(['status', 'instead', 'verdict', 'trafficking']));
      const pages: Array<[string, string[]]> = [
        [markdownIt.render(renderComparison(c, 'markdown', { language: 'id' })), markdownTags],
        [renderComparison(c, 'html', { language: 'ms' }), reportTags],
        [markdownIt.render(renderDivergenceReport(poison(catalogue, s, new Set(['element', 'relation', 'code'])), 'markdown')), markdownTags],
        [renderDivergenceReport(poison(catalogue, s, new Set(['element', 'relation', 'code'])), 'html'), reportTags],
      ];
      for (const [html, tags] of pages) {
        await page.setContent(html);
        await page.waitForTimeout(5);
        expect(await smuggled(page, tags), s).toEqual([]);
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
