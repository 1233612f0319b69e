/**
 * JSON text for a terminal or a log: `JSON.stringify` already writes C0 controls (`\u001b`, `\r`,
 * `\n`) as escapes, and `<`, `&` are inert in JSON; this also writes DEL, the C1 controls and the
 * bidirectional formatting and line/paragraph separator characters as `\uXXXX` escapes. The value
 * read back is the same; the text shows nothing it does not say.
 */
export function jsonText(value: unknown, space?: number): string {
  return (JSON.stringify(value, null, space) ?? 'null').replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
