/**
 * Characters that must never reach a reader's terminal or screen as themselves: C0 controls
 * (U+0000-U+001F, which include ESC, the start of every ANSI CSI/OSC sequence, BEL and CR), DEL,
 * C1 controls (U+0080-U+009F, which include the 8-bit CSI U+009B and OSC U+009D), the
 * bidirectional formatting characters that reorder what is displayed (U+061C, U+200E, U+200F,
 * U+202A-U+202E, U+2066-U+2069: "Trojan Source") and the Unicode line and paragraph separators
 * (U+2028, U+2029). Letters, marks, digits, punctuation and the joiners some scripts need
 * (U+200C, U+200D) are not in the class: Indonesian, Malay (Rumi and Jawi) and other names pass
 * unchanged.
 */
export const UNSAFE_CHAR = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same class without tab and line feed: harmless whitespace in HTML, where statutory wording keeps its line breaks. */
const UNSAFE_CHAR_KEEP_WHITESPACE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same class without line feed: for multi-line messages whose lines are built by the caller. */
const UNSAFE_CHAR_KEEP_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** How an unsafe character is shown: as JSON would write it (`\n`, `\r`, `\t`, `\u001b`), so it is visible and inert. */
export function visible(ch: string): string {
  return NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Every character of {@link UNSAFE_CHAR} replaced by its visible form. An ANSI sequence loses its ESC and becomes plain text. */
export function visibleControls(text: string): string {
  return asText(text).replace(UNSAFE_CHAR, visible);
}

/** As {@link visibleControls}, but tab and line feed are kept (HTML). */
export function visibleControlsKeepWhitespace(text: string): string {
  return asText(text).replace(UNSAFE_CHAR_KEEP_WHITESPACE, visible);
}

/** As {@link visibleControls}, but line feed is kept (a multi-line message whose every part was already escaped). */
export function visibleControlsKeepNewline(text: string): string {
  return asText(text).replace(UNSAFE_CHAR_KEEP_NEWLINE, visible);
}

/**
 * The text of a value a renderer was given: itself when a string. A Comparison that did not come
 * from compare() (an imported record, a stored answer edited elsewhere) may hold anything where a
 * string is typed: an absent value prints as nothing and any other as its String() form, so the
 * escaping never throws and never lets a non-string through unescaped.
 */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}
