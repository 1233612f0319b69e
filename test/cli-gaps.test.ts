import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wellFormed } from './render-wellformed.js';

// `tip-harmonise gaps` end to end as a process on real files (test/cli-fixtures/gaps), the built
// CLI (dist/) spawned as a user runs it. Expected counts come from the law, case by case:
//   th-child-id-to-my-no-means-2023  UU 21/2007 ✘ (Pasal 2(1) needs a means; Pasal 4 only citizens; Pasal 6 needs actual
//                                    exploitation), Act 670 ✔ (s. 14 child, s. 3 destination), ACTIP ✔ (Art 2(c)), Palermo ✔ (Art 3(c))
//                                    -> falls through UU 21/2007 on the means
//   child-within-id-no-means-2023    UU 21/2007 ✘ (as above), Act 670 ✘ (s. 3: no link to Malaysia), ACTIP ✔, Palermo ✔
//                                    -> falls through both national laws (means; territory)
//   bad-birthdate.json               2007-02-30 is no date: a bad record (line 6 of the file)
//   cases.ndjson line 1              Indonesian adult deceived into forced labour in Malaysia: every regime ✔, no gap
//   cases.ndjson line 2              Malaysian adult, no means, within Malaysia: every regime ✘ (an adult needs a means), no gap
//   cases.ndjson line 3              blank: skipped, still counted as a line
//   cases.ndjson line 4              invalid JSON: a bad record
//   cases.ndjson line 5              means unknown except deception: UU 21/2007 ✔ (Pasal 4 needs no means), the rest
//                                    undetermined (an adult needs a means): undetermined, missing fact "means", not a gap
//   cases.ndjson line 6              unknown act id "kidnapping": a bad record
const root = join(import.meta.dirname, '..');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [join(root, 'bin/tip-harmonise.mjs'), 'gaps', ...args], { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const dir = 'test/cli-fixtures/gaps';

describe('tip-harmonise gaps', () => {
  it('a directory of fixtures and NDJSON: counts, fall-through cases and bad records with file, line and field', () => {
    const r = run([dir]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.cases).toBe(8);
    expect(report.evaluated).toBe(5);
    expect(report.fallThroughCount).toBe(2);
    expect(report.fallThrough.map((f: { caseId: string }) => f.caseId).sort()).toEqual(['child-within-id-no-means-2023', 'th-child-id-to-my-no-means-2023']);
    const th = report.fallThrough.find((f: { caseId: string }) => f.caseId === 'th-child-id-to-my-no-means-2023');
    expect(th).toMatchObject({ qualifiesUnder: ['act-670', 'actip', 'palermo'], failsUnder: ['uu-21-2007'] });
    expect(th.causes).toContain('means');
    expect(report.causes[0]).toMatchObject({ cause: 'means', cases: 2 });
    expect(report.undetermined).toMatchObject({ count: 1, facts: [expect.objectContaining({ fact: 'means', caseIds: ['adult-means-unknown-2023'] })] });
    // Each combination row holds its cases (statuses read from the law, above).
    const all = (s: string) => JSON.stringify({ 'uu-21-2007': s, 'act-670': s, actip: s, palermo: s });
    expect(report.combinations.find((c: { statuses: object }) => JSON.stringify(c.statuses) === all('qualifies'))?.caseIds).toEqual(['adult-deceived-id-to-my-2023']);
    expect(report.combinations.find((c: { statuses: object }) => JSON.stringify(c.statuses) === all('does-not-qualify'))?.caseIds).toEqual(['my-adult-no-means-2023']);
    // Bad records: counted and listed, in input order.
    expect(report.badRecords.count).toBe(3);
    const [bd, json, acts] = report.badRecords.records;
    expect(bd).toMatchObject({ file: `${dir}/bad-birthdate.json`, caseId: 'bad-birthdate', issues: [expect.objectContaining({ path: 'victim.birthDate', line: 6 })] });
    expect(json).toMatchObject({ file: `${dir}/cases.ndjson`, line: 4, issues: [expect.objectContaining({ code: 'invalid_json' })] });
    expect(acts).toMatchObject({ file: `${dir}/cases.ndjson`, line: 6, caseId: 'bad-acts', issues: [expect.objectContaining({ path: 'acts.0' })] });
    // stderr is not a terminal here: no progress bar, only the summary line.
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr).toMatch(/^gaps: 8 records, 3 bad, 2 fall through, 1 undetermined, [\d.]+ seconds\n$/);
  });

  it('NDJSON on stdin (-), with a glob alongside', () => {
    const ndjson = readFileSync(join(root, dir, 'cases.ndjson'), 'utf8');
    const r = run(['-', `${dir}/th-*.json`], ndjson);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.cases).toBe(6);
    expect(report.badRecords.records.map((b: { file: string; line: number }) => `${b.file}:${b.line}`)).toEqual(['stdin:4', 'stdin:6']);
    expect(report.fallThrough.map((f: { caseId: string }) => f.caseId)).toEqual(['th-child-id-to-my-no-means-2023']);
  });

  it('NDJSON saved as .json is read line by line (not one bad record)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tip-gaps-')), 'exported.json');
    writeFileSync(file, readFileSync(join(root, dir, 'cases.ndjson'), 'utf8'));
    const report = JSON.parse(run([file]).stdout);
    expect(report.cases).toBe(5);
    expect(report.badRecords.records.map((b: { line: number }) => b.line)).toEqual([4, 6]);
  });

  it('--as-of judges every case under the law of that date', () => {
    // 2016: ACTIP not yet in force (March 2017); Act 670 before A1644 needed no means for an adult (s. 2 as in 2010):
    // the Malaysian adult recruited for forced labour without means is then trafficking under Act 670 only.
    const r = run([`${dir}/cases.ndjson`, '--as-of', '2016-06-01', '--regime', 'act-670', '--regime', 'actip']);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.asOf).toBe('2016-06-01');
    expect(report.regimes).toEqual(['act-670', 'actip']);
    const row = report.combinations.find((c: { caseIds: string[] }) => c.caseIds.includes('my-adult-no-means-2023'));
    expect(row.statuses).toEqual({ 'act-670': 'qualifies', actip: 'not-in-force' });
  });

  it('HTML in Bahasa Indonesia: well-formed, self-contained, charts as inline SVG; Markdown in Malay', () => {
    const r = run([dir, '--format', 'html', '--lang', 'id']);
    expect(r.status, r.stderr).toBe(0);
    expect(wellFormed(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('<html lang="id">');
    expect(r.stdout).toContain('Analisis celah atas sekumpulan perkara');
    expect(r.stdout).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|\bhref=|url\(|@import|https?:\/\//i);
    expect((r.stdout.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(3);
    const md = run([dir, '--format', 'markdown', '--lang', 'ms']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toContain('2 kes terlepas melalui jurang.');
  });

  it('usage errors exit 2 and name the option', () => {
    for (const [args, pattern] of [
      [[], /name at least one CASES/],
      [[dir, '--format', 'pdf'], /--format/],
      [[dir, '--as-of', '2023-02-30'], /--as-of/],
      [[dir, '--lang', 'fr'], /--lang/],
      [[dir, '--regime', 'xx'], /--regimes\.0: no regime "xx"/],
      [['no/such/dir'], /no such file or directory/],
    ] as const) {
      const r = run([...args]);
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(r.stderr).toMatch(pattern);
    }
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: tip-harmonise gaps CASES...');
  });
});

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
describe.skipIf(process.env.NO_BROWSER === '1' || !existsSync(CHROMIUM))('gap report in headless Chromium', () => {
  it('renders the charts with visible bars and no network request; screenshot taken', async () => {
    const r = run([dir, '--format', 'html', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const requests: string[] = [];
      page.on('request', (q) => !/^(data|about):/.test(q.url()) && requests.push(q.url()));
      await page.setContent(r.stdout);
      // The first chart: one bar per combination (5 judged cases in 5 combinations), each drawn with a width.
      const bars = await page.$eval('figure.chart', (fig) => Array.from(fig.querySelectorAll('rect[fill="#595959"]')).map((e) => e.getBoundingClientRect().width));
      expect(bars.length).toBe(5);
      for (const w of bars) expect(w).toBeGreaterThan(0);
      // The HTML parser gives the SVG its viewBox (written lower case for the strict checker).
      expect(await page.$eval('svg', (s) => (s as SVGSVGElement).viewBox.baseVal.width)).toBeGreaterThan(0);
      const shot = join(mkdtempSync(join(tmpdir(), 'tip-gaps-')), 'gaps.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
