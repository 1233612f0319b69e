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
  return visibleControls(asText(text).replace(/\r\n|[\r\n\u2028\u2029]/g, ' '))
    .replace(/[\\`*_[\]|~#&<>]/g, (c) => MD_ESCAPE[c] ?? `\\${c}`)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

const MD_ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

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
