import { parse } from 'csv-parse/sync';
import { fromHtcdsRows, type HtcdsCsvRow, type HtcdsTableRow } from './table.js';

/**
 * HTCDS records from CSV text, read with csv-parse (quoted cells with commas, quotes and line
 * breaks; a BOM; CRLF or LF, mixed too) and mapped with {@link fromHtcdsRows}. Line numbers are the
 * file's lines as an editor shows them (a row starts on the line given; a quoted line break moves
 * the next row down). A row the parser cannot read (a stray quote, a wrong number of cells) is
 * returned with an issue on its line, and the rows after it are still read.
 *
 * Node only (csv-parse uses Buffer), so it is not in the browser-safe core: the CLI and the
 * service import it from here.
 *
 * @example
 * ```ts
 * const rows = fromHtcdsCsv('id,prs_Birthdate,vic_TypeOfExploitation\nc1,2007-01-15,"ForcedLabour;SexualExploitation"\n');
 * rows[0].line; // 2
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
  const got: HtcdsTableRow[] = [];
  parse(text, {
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
      if (last && 'error' in last && last.line === line) last.error += `; ${err?.message ?? 'unreadable row'}`;
      else got.push({ line, error: err?.message ?? 'unreadable row' });
      const bytesAt = (err as { bytes?: number } | undefined)?.bytes;
      if (bytesAt !== undefined) prevEnd = bytesAt;
    },
    on_record: (cells, context) => {
      got.push({ cells, line: startLine() });
      prevEnd = context.bytes;
      return cells;
    },
  });

  return fromHtcdsRows(got, options);
}
