import { asText, visibleControlsKeepWhitespace } from './controls.js';

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet: a value starting with `=`, `+`, `-`,
 * `@`, tab or CR (a formula, or a "DDE" payload) is prefixed with `'` so it is read as text;
 * control and bidirectional formatting characters other than tab and line feed are made visible;
 * a field with a comma, quote or line break is quoted, quotes doubled. No output of this library is
 * CSV today: this is the rule for any that becomes so.
 */
export function csvCell(value: string): string {
  const text = asText(value);
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  const safe = visibleControlsKeepWhitespace(guarded);
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
