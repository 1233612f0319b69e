import { parse } from 'csv-parse/sync';
import fieldsData from './fields.json';
import { fromHtcds, type HtcdsIssue, type HtcdsMapping } from './fromHtcds.js';

/** One CSV row, mapped: its line in the file (where the row starts), and the mapping (issues carry the line). */
export interface HtcdsCsvRow extends HtcdsMapping {
  line: number;
  /** The row's cells by field name, only with `{ keepCells: true }` (the raw record, names included: handle with care). */
  cells?: Record<string, string>;
}

const FIELDS = (fieldsData as { fields: Record<string, { label: string }> }).fields;

/**
 * HTCDS rows from CSV text (the HTCDS Excel template saved as CSV, or any CSV whose header row holds
 * HTCDS field names). Read with csv-parse (quoted cells with commas, quotes and line breaks; a BOM;
 * CRLF or LF). The template's second row, which repeats the field labels ("Case Owner",
 * "Birthdate", ...), is recognised and skipped. A header cell that is empty (the template's row-number
 * column) or `id` gives the case id.
 *
 * A row the parser cannot read (a stray quote, a wrong number of cells) is returned as a row with an
 * issue on its line; nothing is dropped. Line numbers are the file's lines as an editor shows them.
 *
 * @example
 * ```ts
 * const rows = fromHtcdsCsv('id,prs_Birthdate,vic_TypeOfExploitation\nc1,2007-01-15,"ForcedLabour;SexualExploitation"\n');
 * rows[0].line; // 2
 * rows[0].facts.exploitationOccurred; // { 'forced-labour': true, 'sexual-exploitation': true }
 * ```
 */
export function fromHtcdsCsv(text: string, options: { keepCells?: boolean } = {}): HtcdsCsvRow[] {
  const bytes = new TextEncoder().encode(text);
  const newlines: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) newlines.push(i);
  const lineOfByte = (offset: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  // Where a record starts: after the previous one, past the blank lines in between.
  let prevEnd = text.charCodeAt(0) === 0xfeff ? 3 : 0;
  const startLine = () => {
    let i = prevEnd;
    while (i < bytes.length && (bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
    return lineOfByte(i);
  };
  type Got = { kind: 'row'; cells: string[]; line: number } | { kind: 'error'; line: number; message: string };
  const got: Got[] = [];
  const records = parse(text, {
    bom: true,
    relax_column_count: false,
    skip_empty_lines: true,
    // Excel writes CRLF; a file edited elsewhere may mix in LF: both end a record.
    record_delimiter: ['\r\n', '\n'],
    skip_records_with_error: true,
    on_skip: (err) => {
      const line = startLine();
      const last = got[got.length - 1];
      // The parser may raise a second error on the same unreadable row (a stray quote, then an unclosed one): one row, one entry.
      if (last?.kind === 'error' && last.line === line) last.message += `; ${err?.message ?? 'unreadable row'}`;
      else got.push({ kind: 'error', line, message: err?.message ?? 'unreadable row' });
      const bytesAt = (err as { bytes?: number } | undefined)?.bytes;
      if (bytesAt !== undefined) prevEnd = bytesAt;
    },
    on_record: (cells, context) => {
      got.push({ kind: 'row', cells, line: startLine() });
      prevEnd = context.bytes;
      return cells;
    },
  });
  void records;

  const header = got.find((g): g is Extract<Got, { kind: 'row' }> => g.kind === 'row');
  if (!header) return [];
  const names = header.cells.map((c) => c.trim());
  const out: HtcdsCsvRow[] = [];
  for (const g of got) {
    if (g === header) continue;
    if (g.kind === 'error') {
      const issue: HtcdsIssue = { path: '', field: '', code: 'csv_unreadable', message: g.message, line: g.line };
      out.push({ line: g.line, facts: {}, mapped: [], unmapped: [], reasons: {}, assumptions: [], issues: [issue] });
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
  return labels >= 3;
}
