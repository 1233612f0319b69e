import type { GapReport, StatusCombination } from '../compare/gaps.js';
import type { Language, RegimeId, Status } from '../types.js';
import { formatNumber, labelsFor, STATUS_MARK } from '../words/labels.js';
import { message, type MessageParams } from '../words/messages.js';
import { esc, mdCell, mdText, REPORT_CSS } from './escape.js';
import { elementName, factName, regimeName } from '../words/ruleWords.js';

/** Bars drawn per chart; the table beside a chart always lists every row. */
const CHART_ROWS = 20;
/** Case ids shown per row (the JSON report keeps up to its own limit). */
const IDS_SHOWN = 10;

const m = (lang: Language, key: string, params?: MessageParams) => message(lang, `gaps.${key}`, params);

interface Row {
  label: string;
  count: number;
  ids: string[];
  omitted: number;
  /** Extra cells, already in the report's language (plain text). */
  cells: string[];
  /** CSS class of each extra cell (HTML shading; the marks carry the meaning in greyscale). */
  classes?: string[];
}

const STATUS_CLASS: Record<Status, string> = { qualifies: 'q', 'does-not-qualify': 'n', undetermined: 'u', 'not-in-force': 'x' };

const comboLabel = (c: StatusCombination, regimes: RegimeId[], lang: Language) =>
  regimes
    .filter((r) => c.statuses[r] !== undefined)
    .map((r) => `${regimeName(r)} ${STATUS_MARK[c.statuses[r] as keyof typeof STATUS_MARK]} ${labelsFor(lang).statuses[c.statuses[r] as keyof typeof STATUS_MARK]}`)
    .join(' · ');

const pct = (n: number, of: number, lang: Language) => (of ? `${(Math.round((1000 * n) / of) / 10).toLocaleString(lang === 'en' ? 'en-US' : lang === 'id' ? 'id-ID' : 'ms-MY')} %` : '–');

function idsText(ids: string[], omitted: number, lang: Language): string {
  const shown = ids.slice(0, IDS_SHOWN);
  const more = omitted + ids.length - shown.length;
  return `${shown.join(', ')}${more ? ` ${m(lang, 'moreIds', { n: formatNumber(more, lang) })}` : ''}`;
}

interface Section {
  title: string;
  intro?: string;
  empty: string;
  rows: Row[];
  /** Header of the label column (none: the extra cells say it all, as the regime columns of a combination do). */
  head?: string;
  extraHeads: string[];
  /** Share of what (for the percentage column); omitted when undefined. */
  of?: number;
}

function sections(r: GapReport, lang: Language): Section[] {
  const t = labelsFor(lang);
  // One column per regime, its status with a mark (readable without colour).
  const combo = (title: string, list: StatusCombination[]): Section => ({
    title,
    intro: m(lang, 'combinationsIntro'),
    empty: m(lang, 'noCases'),
    extraHeads: r.regimes.map((x) => regimeName(x)),
    of: r.evaluated,
    rows: list.map((c) => ({
      label: comboLabel(c, r.regimes, lang),
      count: c.count,
      ids: c.caseIds,
      omitted: c.caseIdsOmitted,
      cells: r.regimes.map((x) => (c.statuses[x] ? `${STATUS_MARK[c.statuses[x]]} ${t.statuses[c.statuses[x]]}` : '')),
      classes: r.regimes.map((x) => STATUS_CLASS[c.statuses[x] ?? 'not-in-force']),
    })),
  });
  return [
    combo(m(lang, 'combinationsTitle'), r.combinations),
    {
      title: m(lang, 'causesTitle'),
      intro: `${m(lang, 'fallThroughCount', { n: r.fallThroughCount })} ${m(lang, 'causesIntro')}`,
      empty: m(lang, 'noFallThrough'),
      head: m(lang, 'element'),
      extraHeads: [m(lang, 'byRegime')],
      of: r.fallThroughCount,
      rows: r.causes.map((c) => ({
        label: elementName(c.cause, lang),
        count: c.cases,
        ids: c.caseIds,
        omitted: c.caseIdsOmitted,
        cells: [
          Object.entries(c.failsUnder)
            .map(([reg, n]) => `${regimeName(reg)}: ${formatNumber(n, lang)}`)
            .join(', '),
        ],
      })),
    },
    {
      title: m(lang, 'undeterminedTitle'),
      intro: m(lang, 'undeterminedCount', { n: r.undetermined.count }),
      empty: m(lang, 'noUndetermined'),
      head: m(lang, 'fact'),
      extraHeads: [],
      of: r.undetermined.count,
      rows: r.undetermined.facts.map((f) => ({ label: factName(f.fact, lang), count: f.cases, ids: f.caseIds, omitted: f.caseIdsOmitted, cells: [] })),
    },
    combo(m(lang, 'victimCombinationsTitle'), r.victimCombinations),
    combo(m(lang, 'childCombinationsTitle'), r.childCombinations),
  ];
}

/** A horizontal bar chart as inline SVG: black on white, each bar numbered (the table row) and its count written beside it. */
function barChart(title: string, rows: Row[], lang: Language): string {
  const shown = rows.slice(0, CHART_ROWS);
  const max = Math.max(1, ...shown.map((x) => x.count));
  const rowH = 22;
  const left = 44;
  const barW = 480;
  const width = left + barW + 110;
  const height = shown.length * rowH + 8;
  const bars = shown
    .map((x, i) => {
      const y = 4 + i * rowH;
      const w = Math.max(1, Math.round((barW * x.count) / max));
      return `<text x="${left - 8}" y="${y + 15}" text-anchor="end">${i + 1}</text><rect x="${left}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="#595959" stroke="#000" stroke-width="1"></rect><text x="${left + w + 6}" y="${y + 15}">${esc(formatNumber(x.count, lang))}</text>`;
    })
    .join('');
  const label = m(lang, 'chartLabel', { title });
  return `<figure class="chart"><svg role="img" aria-label="${esc(label)}" width="${width}" height="${height}" viewbox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13"><title>${esc(label)}</title><rect x="${left - 1}" y="0" width="1" height="${height}" fill="#000"></rect>${bars}</svg>${rows.length > CHART_ROWS ? `<figcaption>${esc(m(lang, 'chartTop', { n: CHART_ROWS }))}</figcaption>` : ''}</figure>`;
}

/**
 * Render a gap report (gaps()) for drafters: the combinations of statuses across the regimes,
 * the causes of the fall-through cases and the missing facts of the undetermined ones, each as a
 * numbered table (and, in HTML, a bar chart drawn as inline SVG with its numbers written beside
 * every bar), then the fall-through cases and the bad records. Interface words come from the
 * locale section `gaps` (en, id, ms). HTML is self-contained (no scripts, no external assets),
 * printable and readable in greyscale; every case-derived string is escaped.
 *
 * @example
 * ```ts
 * const html = renderGapReport(await gaps(cases), 'html', { language: 'id' });
 * ```
 */
export function renderGapReport(r: GapReport, format: 'markdown' | 'html', options: { language?: Language } = {}): string {
  const lang = options.language ?? 'en';
  const t = labelsFor(lang);
  const law = r.asOf ? m(lang, 'lawOn', { date: r.asOf }) : m(lang, 'lawAtConduct');
  const records = m(lang, 'records', { cases: r.cases, evaluated: r.evaluated, bad: r.badRecords.count });
  const secs = sections(r, lang);
  const regimeList = (ids: string[]) => ids.map((x) => regimeName(x)).join(', ');
  // file:line of the field when the source could tell it, else of the record; #n without a file.
  const badWhere = (b: GapReport['badRecords']['records'][number], i: { line?: number }) => {
    const line = i.line ?? b.line;
    return [b.file, line !== undefined ? String(line) : undefined].filter((x) => x !== undefined).join(':') || `#${b.index}`;
  };

  if (format === 'markdown') {
    const out = [`# ${m(lang, 'title')}`, '', `${records} ${law}`, ''];
    for (const s of secs) {
      out.push(`## ${s.title}`, '');
      if (s.intro) out.push(s.intro, '');
      if (!s.rows.length) {
        out.push(s.empty, '');
        continue;
      }
      const max = Math.max(1, ...s.rows.map((x) => x.count));
      const heads = [...(s.head !== undefined ? [s.head] : []), ...s.extraHeads];
      out.push(`| ${m(lang, 'row')} | ${heads.map(mdCell).join(' | ')} | ${m(lang, 'cases')} | ${m(lang, 'share')} | | ${m(lang, 'caseIds')} |`);
      out.push(`|---|${heads.map(() => '---|').join('')}---:|---:|---|---|`);
      s.rows.forEach((x, i) => {
        const bar = '█'.repeat(Math.max(1, Math.round((20 * x.count) / max)));
        const cells = [...(s.head !== undefined ? [x.label] : []), ...x.cells];
        out.push(`| ${i + 1} | ${cells.map(mdCell).join(' | ')} | ${formatNumber(x.count, lang)} | ${pct(x.count, s.of ?? 0, lang)} | ${bar} | ${mdText(idsText(x.ids, x.omitted, lang))} |`);
      });
      out.push('');
    }
    out.push(`## ${m(lang, 'fallThroughTitle')}`, '', m(lang, 'fallThroughIntro'), '', m(lang, 'fallThroughCount', { n: r.fallThroughCount }), '');
    if (r.fallThrough.length) {
      out.push(`| ${t.caseLabel} | ${m(lang, 'qualifiesUnder')} | ${m(lang, 'failsUnder')} | ${m(lang, 'causesColumn')} |`, '|---|---|---|---|');
      for (const f of r.fallThrough) {
        out.push(`| ${mdText(f.caseId)} | ${regimeList(f.qualifiesUnder)} | ${regimeList(f.failsUnder)} | ${mdCell(f.causes.map((c) => elementName(c, lang)).join(', '))} |`);
      }
      out.push('');
    }
    if (r.fallThroughOmitted) out.push(m(lang, 'fallThroughOmitted', { n: r.fallThroughOmitted, limit: r.limits.maxFallThrough }), '');
    out.push(`## ${m(lang, 'badTitle')}`, '', r.badRecords.count ? m(lang, 'badCount', { n: r.badRecords.count }) : m(lang, 'noBad'), '');
    if (r.badRecords.records.length) {
      out.push(`| ${m(lang, 'where')} | ${t.caseLabel} | ${m(lang, 'field')} | ${m(lang, 'problem')} |`, '|---|---|---|---|');
      for (const b of r.badRecords.records) {
        for (const i of b.issues) out.push(`| ${mdText(badWhere(b, i))} | ${mdText(b.caseId ?? '')} | ${mdText(i.path || m(lang, 'wholeRecord'))} | ${mdText(i.message)} |`);
      }
      out.push('');
    }
    if (r.badRecords.omitted) out.push(m(lang, 'badOmitted', { n: r.badRecords.omitted, limit: r.limits.maxBadRecords }), '');
    out.push(`${t.generated}.`, '');
    return out.join('\n');
  }

  const body: string[] = [`<h1>${esc(m(lang, 'title'))}</h1>`, `<p>${esc(records)} ${esc(law)}</p>`];
  for (const s of secs) {
    body.push(`<section><h2>${esc(s.title)}</h2>${s.intro ? `<p>${esc(s.intro)}</p>` : ''}`);
    if (!s.rows.length) {
      body.push(`<p>${esc(s.empty)}</p></section>`);
      continue;
    }
    body.push(barChart(s.title, s.rows, lang));
    const heads = [...(s.head !== undefined ? [s.head] : []), ...s.extraHeads];
    body.push(
      `<table><thead><tr><th scope="col">${esc(m(lang, 'row'))}</th>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}<th scope="col" class="num">${esc(m(lang, 'cases'))}</th><th scope="col" class="num">${esc(m(lang, 'share'))}</th><th scope="col">${esc(m(lang, 'caseIds'))}</th></tr></thead><tbody>`,
    );
    s.rows.forEach((x, i) => {
      const label = s.head !== undefined ? `<td>${esc(x.label)}</td>` : '';
      const cells = x.cells.map((c, k) => `<td${x.classes?.[k] ? ` class="${x.classes[k]}"` : ''}>${esc(c)}</td>`).join('');
      body.push(
        `<tr><td>${i + 1}</td>${label}${cells}<td class="num">${esc(formatNumber(x.count, lang))}</td><td class="num">${esc(pct(x.count, s.of ?? 0, lang))}</td><td class="ids">${esc(idsText(x.ids, x.omitted, lang))}</td></tr>`,
      );
    });
    body.push('</tbody></table></section>');
  }
  body.push(`<section><h2>${esc(m(lang, 'fallThroughTitle'))}</h2><p>${esc(m(lang, 'fallThroughIntro'))}</p><p>${esc(m(lang, 'fallThroughCount', { n: r.fallThroughCount }))}</p>`);
  if (r.fallThrough.length) {
    body.push(
      `<table><thead><tr><th scope="col">${esc(t.caseLabel)}</th><th scope="col">${esc(m(lang, 'qualifiesUnder'))}</th><th scope="col">${esc(m(lang, 'failsUnder'))}</th><th scope="col">${esc(m(lang, 'causesColumn'))}</th></tr></thead><tbody>`,
    );
    for (const f of r.fallThrough) {
      body.push(`<tr><td>${esc(f.caseId)}</td><td>${esc(regimeList(f.qualifiesUnder))}</td><td>${esc(regimeList(f.failsUnder))}</td><td>${esc(f.causes.map((c) => elementName(c, lang)).join(', '))}</td></tr>`);
    }
    body.push('</tbody></table>');
  }
  if (r.fallThroughOmitted) body.push(`<p>${esc(m(lang, 'fallThroughOmitted', { n: r.fallThroughOmitted, limit: r.limits.maxFallThrough }))}</p>`);
  body.push('</section>');
  body.push(`<section><h2>${esc(m(lang, 'badTitle'))}</h2><p>${esc(r.badRecords.count ? m(lang, 'badCount', { n: r.badRecords.count }) : m(lang, 'noBad'))}</p>`);
  if (r.badRecords.records.length) {
    body.push(`<table><thead><tr><th scope="col">${esc(m(lang, 'where'))}</th><th scope="col">${esc(t.caseLabel)}</th><th scope="col">${esc(m(lang, 'field'))}</th><th scope="col">${esc(m(lang, 'problem'))}</th></tr></thead><tbody>`);
    for (const b of r.badRecords.records) {
      for (const i of b.issues) body.push(`<tr><td>${esc(badWhere(b, i))}</td><td>${esc(b.caseId ?? '')}</td><td><code>${esc(i.path || m(lang, 'wholeRecord'))}</code></td><td lang="en">${esc(i.message)}</td></tr>`);
    }
    body.push('</tbody></table>');
  }
  if (r.badRecords.omitted) body.push(`<p>${esc(m(lang, 'badOmitted', { n: r.badRecords.omitted, limit: r.limits.maxBadRecords }))}</p>`);
  body.push('</section>');
  const css = `${REPORT_CSS}.num{text-align:right;white-space:nowrap}.ids{font-size:.85rem}figure.chart{margin:.5rem 0}figure.chart svg{max-width:100%;height:auto}@media print{figure.chart,tr{break-inside:avoid}}`;
  return `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(m(lang, 'title'))}</title><style>${css}</style></head><body>\n${body.join('\n')}\n<footer>${esc(t.generated)}</footer></body></html>\n`;
}
