import { visibleControlsKeepWhitespace } from './controls.js';

/**
 * Text for HTML element content and (quoted) attribute values: `& < > " '` become character
 * references, so no element, attribute or entity can be smuggled in; control and bidirectional
 * formatting characters are made visible (`\u001b`), tab and line feed kept. Every string an HTML
 * renderer takes from a case, a file or the rule data goes through this.
 */
export function escapeHtml(text: string): string {
  return visibleControlsKeepWhitespace(text).replace(/[&<>"']/g, (c) => HTML_REF[c] as string);
}

const HTML_REF: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
