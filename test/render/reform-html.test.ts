import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assessProposal } from '../../src/index.js';
import { parseProposal } from '../../src/law/proposal.js';
import { renderProposalImpact } from '../../src/render/renderProposalImpact.js';
import { wellFormed } from '../render-wellformed.js';

// The HTML impact report opened in headless Chromium: it renders offline (no request leaves
// file:), the tables hold what the report says, and a screenshot is taken (UPDATE_SCREENSHOT=1
// writes docs/reforms/screenshot.png).
const root = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(process.env.NO_BROWSER === '1')('reform HTML report in Chromium', () => {
  it('renders offline, shows every changed verdict, and is screenshotted', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set NO_BROWSER=1 to skip on purpose)`);
    const proposal = parseProposal(JSON.parse(readFileSync(join(root, 'proposals/uu-21-2007-child-no-means.json'), 'utf8')));
    const cases = readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(root, 'fixtures', f), 'utf8')));
    const impact = await assessProposal(proposal, cases, { catalogueAsOf: '2026-01-02' });
    const html = renderProposalImpact(impact, { language: 'id', proposal, format: 'html', files: 'fixtures' });
    expect(wellFormed(html)).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'tip-reform-'));
    const file = join(dir, 'reform.html');
    writeFileSync(file, html);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const outside: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) outside.push(r.url());
      });
      await page.goto(pathToFileURL(file).href);
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      // The "Putusan yang berubah" table: one row per changed verdict, as in the JSON impact.
      const changedTable = page.locator('h2:has-text("Putusan yang berubah") + table tbody tr');
      expect(await changedTable.count()).toBe(impact.changed.length);
      expect(impact.changed.length).toBeGreaterThan(0);
      expect(await page.locator('body').innerText()).toContain('uu-21-2007@2026-01-02+child-no-means');
      const shot = process.env.UPDATE_SCREENSHOT === '1' ? join(root, 'docs/reforms/screenshot.png') : join(dir, 'reform.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
