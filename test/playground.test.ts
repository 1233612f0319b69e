/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The playground in a real browser (Debian's Chromium), from the file system, offline.
// Chromium must be present (.ci/run installs it); NO_BROWSER=1 skips this file explicitly.
const root = join(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const skip = process.env.NO_BROWSER === '1';

describe.skipIf(skip)('playground (headless Chromium)', () => {
  let browser: Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set NO_BROWSER=1 to skip the browser test`);
    execFileSync(process.execPath, [join(root, 'scripts/build-playground.mjs')], { stdio: 'pipe' });
    // A fresh user-data dir for every run.
    browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => browser?.close());

  it('loads a fixture, reacts to a changed fact, switches language, and makes no network request', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    const requests: string[] = [];
    page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && requests.push(r.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(root, 'docs/playground/index.html')).href);
    const verdict = (regime: string, v: string) => page.locator(`[data-regime="${regime}"] [data-verdict="${v}"] .badge`).getAttribute('data-status');

    // The core-gap fixture: a child moved within Indonesia, no means, not yet exploited.
    const option = page.locator('#fixture option', { hasText: 'A 16-year-old recruited and moved between Indonesian provinces' });
    await page.selectOption('#fixture', (await option.getAttribute('value')) as string);
    await expect.poll(() => verdict('uu-21-2007', 'trafficking')).toBe('does-not-qualify');
    expect(await verdict('actip', 'trafficking')).toBe('qualifies');

    // Deception used: UU 21/2007 Pasal 2(1) now has its means.
    await page.selectOption('select[name="means::deception"]', 'true');
    await expect.poll(() => verdict('uu-21-2007', 'trafficking')).toBe('qualifies');
    // The URL hash holds the case.
    expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toContain('"means":["deception"]');

    // Bahasa Indonesia: labels change, statutory wording stays as it is.
    await page.selectOption('#lang', 'id');
    await expect.poll(() => page.locator('#title').textContent()).toBe('Tindak pidana perdagangan orang: perbandingan rezim hukum');
    expect(await page.locator('[data-regime="uu-21-2007"] [data-verdict="trafficking"] .badge').textContent()).toBe('memenuhi');
    expect(await verdict('uu-21-2007', 'trafficking')).toBe('qualifies');

    const shot = process.env.UPDATE_SCREENSHOT === '1' ? join(root, 'docs/playground/screenshot.png') : join(mkdtempSync(join(tmpdir(), 'shot-')), 'playground.png');
    await page.selectOption('#lang', 'en');
    await page.screenshot({ path: shot, fullPage: false });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('fits a phone screen and every form control has a label', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(pathToFileURL(join(root, 'docs/playground/index.html')).href);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const unlabeled = await page.evaluate(() => Array.from(document.querySelectorAll('input, select')).filter((el) => !el.closest('label')).length);
    expect(unlabeled).toBe(0);
    await page.close();
  });
});
