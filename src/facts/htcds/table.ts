import fieldsData from './fields.json';
import { fromHtcds, type HtcdsIssue, type HtcdsMapping } from './fromHtcds.js';

/** One CSV row, mapped: its line in the file (where the row starts), and the mapping (issues carry the line). */
export interface HtcdsCsvRow extends HtcdsMapping {
  line: number;
  /** The row's cells by field name, only with `{ keepCells: true }` (the raw record, names included: handle with care). */
  cells?: Record<string, string>;
}

/** A row of a table as a CSV reader gives it: its cells and the line it starts on, or why it could not be read. */
export type HtcdsTableRow = { line: number; cells: string[] } | { line: number; error: string };

const FIELDS = (fieldsData as { fields: Record<string, { label: string }> }).fields;

/**
 * HTCDS records from the rows of a table (the HTCDS Excel template saved as CSV, or any table whose
 * first row holds HTCDS field names), each row already split into cells by a CSV reader. The
 * template's second row, which repeats the field labels ("Case Owner", "Birthdate", ...), is
 * recognised and skipped. A header cell that is empty (the template's row-number column) or `id`
 * gives the case id. A row the reader could not read comes back with an issue on its line; nothing
 * is dropped.
 *
 * The core has no CSV reader of its own (it runs in browsers, without Node's Buffer): in Node,
 * `tip-harmonise import htcds` and `fromHtcdsCsv` in `src/facts/htcds/readCsv.ts` read CSV with
 * csv-parse and call this.
 *
 * @example
 * ```ts
 * const rows = fromHtcdsRows([
 *   { line: 1, cells: ['id', 'prs_Birthdate', 'vic_TypeOfExploitation'] },
 *   { line: 2, cells: ['c1', '2007-01-15', 'ForcedLabour;SexualExploitation'] },
 * ]);
 * rows[0].facts.exploitationOccurred; // { 'forced-labour': true, 'sexual-exploitation': true }
 * ```
 */
export function fromHtcdsRows(table: Iterable<HtcdsTableRow>, options: { keepCells?: boolean } = {}): HtcdsCsvRow[] {
  let names: string[] | undefined;
  const out: HtcdsCsvRow[] = [];
  for (const g of table) {
    if ('error' in g) {
      const issue: HtcdsIssue = { path: '', field: '', code: 'csv_unreadable', message: g.error, line: g.line };
      out.push({ line: g.line, facts: {}, mapped: [], unmapped: [], reasons: {}, assumptions: [], issues: [issue] });
      continue;
    }
    if (!names) {
      names = g.cells.map((c) => c.replace(/^\uFEFF/, '').trim());
      continue;
    }
    if (isLabelRow(g.cells)) continue;
    const record: Record<string, string> = {};
    names.forEach((n, i) => {
      const v = g.cells[i] ?? '';
      if (n === '' || n.toLowerCase() === 'id') {
        if (v.trim()) record.id = v.trim();
      } else record[n] = v;
    });
    out.push({ line: g.line, ...fromHtcds(record, { line: g.line }), ...(options.keepCells ? { cells: record } : {}) });
  }
  return out;
}

const LABELS = new Set(Object.values(FIELDS).map((f) => f.label.trim().toLowerCase()));

/**
 * The template's second row: every filled cell is an HTCDS field label (the template's own second
 * row has some labels one column off, so a cell is matched against every label, not only its column's).
 */
function isLabelRow(cells: string[]): boolean {
  let labels = 0;
  for (const c of cells) {
    const v = c.trim().toLowerCase();
    if (!v) continue;
    if (!LABELS.has(v)) return false;
    labels++;
  }
  return labels >= 2;
}
