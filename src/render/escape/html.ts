import { visibleControlsKeepWhitespace } from './controls.js';

/**
 * Text for HTML element content and (quoted) attribute values: `& < > " '` become character
 * references, so no element, attribute or entity can be smuggled in; control and bidirectional
 * formatting characters are made visible (`\u001b`), tab and line feed kept. Every string an HTML
 * renderer takes from a case, a file or the rule data goes through this.
 */
export function escapeHtml(text: string): string {
  if (typeof text === 'string' && !HTML_SPECIAL.test(text)) return text; // the common case: nothing to escape
  return visibleControlsKeepWhitespace(text).replace(/[&<>"']/g, (c) => HTML_REF[c] as string);
}

const HTML_REF: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Anything escapeHtml would change. */
const HTML_SPECIAL = /[&<>"'\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
