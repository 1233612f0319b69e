import { visibleControls, visibleControlsKeepNewline } from './controls.js';

/**
 * Text for a terminal (the CLI's `table` format, `check` lines, error messages): every C0 and C1
 * control character, DEL, and every bidirectional formatting character is made visible (`\u001b`,
 * `\r`, `\n`, `\t`), so an ANSI CSI sequence (`ESC [ 2J`), an OSC hyperlink (`ESC ] 8 ;; url BEL`),
 * a carriage return that overwrites a line, a tab that shifts a column, a line feed that forges a
 * line, or a U+202E that reverses one shows as plain characters. Unicode letters are unchanged.
 */
export function termText(text: string): string {
  return visibleControls(text);
}

/** As {@link termText} but line feeds are kept: for a message of several lines, each of whose parts went through termText. */
export function termLines(text: string): string {
  return visibleControlsKeepNewline(text);
}
