import { asText, visibleControls } from './controls.js';

/**
 * Text for Markdown, inline or in a table cell, so that it renders as the same text under
 * CommonMark and GitHub-flavoured Markdown (and is inert under renderers that pass HTML through):
 * - line breaks (CR, LF, U+2028/9) become a space: inline, a line break renders as a space anyway,
 *   and no block (heading, list, quote, table row, link definition) can start inside the text;
 * - other control and bidirectional formatting characters are made visible (`\u001b`);
 * - `&`, `<`, `>` become character references (`&amp;` `&lt;` `&gt;`): no raw HTML, no autolink
 *   `<...>`, no entity, even under renderers that ignore backslash escapes before `<`;
 * - `\` `` ` `` `*` `_` `[` `]` `|` `~` `#` are backslash-escaped: no code span, emphasis, link or
 *   image (`[x](javascript:...)`, `![x](...)`), strikethrough, heading close or table cell break;
 * - a leading `-` `+` `=` or `1.`/`1)` is escaped, in case the text starts a line.
 * Bare `http(s)://` and `www.` addresses stay text under CommonMark; GitHub's extended autolinks
 * may show them as links (a link, never a script: `javascript:` is not autolinked).
 */
export function mdText(text: string): string {
  // Most text (labels, citations, names) has nothing to escape: one test, and it is returned as is.
  if (typeof text === 'string' && !MD_SPECIAL.test(text)) return text;
  return visibleControls(asText(text).replace(/\r\n|[\r\n\u2028\u2029]/g, ' '))
    .replace(/[\\`*_[\]|~#&<>]/g, (c) => MD_ESCAPE[c] ?? `\\${c}`)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const MD_ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** Anything mdText would change: a character it escapes or shows, or a leading block marker. */
const MD_SPECIAL = /[\\`*_[\]|~#&<>\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|^[-+=]|^\d+[.)]/;

/** A Markdown table cell: {@link mdText} (pipes are escaped and line breaks folded there). */
export const mdCell = mdText;

/**
 * A code span for an identifier (`victim.birthDate`, a reading id): backticks around it when it is
 * made only of letters, digits and `. _ : / -`, which a code span shows as they are; anything else
 * is written as {@link mdText} instead (a code span cannot escape a backtick or a pipe).
 */
export function mdCode(text: string): string {
  return typeof text === 'string' && /^[\p{L}\p{N}._:/ -]+$/u.test(text) ? `\`${text}\`` : mdText(text);
}
