/**
 * Properties of the escaping layer over generated strings (fast-check; PROP_RUNS, default 2,000):
 * whatever the string, Markdown renders it as exactly its text (CommonMark, markdown-it, raw HTML
 * on) with no element; HTML text starts no tag and no character reference the input wrote; terminal
 * text holds no control or bidi character. Strings are drawn from the whole of Unicode plus the
 * characters each format gives meaning to, so the syntax is hit often.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { visibleControlsKeepWhitespace } from '../../src/render/escape/controls.js';
import { escapeHtml, mdText, termText, UNSAFE_CHAR, visibleControls } from '../../src/render/escape.js';
import { UNSAFE_IN_OUTPUT } from '../support/hostile.js';

const runs = Number(process.env.PROP_RUNS ?? 2000);
const md = new MarkdownIt({ html: true });
const syntax = fc.constantFrom(...'<>&"\'`*_[]()!|~#=+-.:;\\/\n\r\t\u001b\u0007\u009b\u202e\u2066\u2028 1aé'.split(''), '<script>', '](javascript:', '](http://e)', '[x](http://e)', '![i](http://e)', '~~', '**', '__', '<b>', '<http://e>', 'www.e.com', '&lt;', '&#x3c;', '<!--', '```', '- ', '1. ', '[a]: ', '    ');
const hostileString = fc.array(fc.oneof(syntax, fc.string({ unit: 'grapheme', maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 30 }).map((xs) => xs.join(''));
const decode = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('escaping properties', () => {
  it('Markdown: one paragraph of exactly the text (line breaks folded, controls visible), no element', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        // Framed by letters, so CommonMark's trimming of a paragraph's edges does not apply.
        const html = md.render(`x ${mdText(s)} x`).trim();
        expect(html.startsWith('<p>') && html.endsWith('</p>')).toBe(true);
        const inner = html.slice(3, -4);
        expect(inner).not.toMatch(/<[a-zA-Z/!?]/);
        expect(decode(inner)).toBe(`x ${visibleControls(s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '))} x`);
      }),
      { numRuns: runs },
    );
  });
  it('HTML: no tag, no reference but the escaper\'s own, and it decodes to the text with controls made visible', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
        expect(out).not.toMatch(UNSAFE_IN_OUTPUT);
        const decoded = out.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
        expect(decoded).toBe(visibleControlsKeepWhitespace(s));
      }),
      { numRuns: runs },
    );
  });
  it('terminal: no control or bidi character, and nothing else changed', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const out = termText(s);
        expect(out).not.toMatch(UNSAFE_IN_OUTPUT);
        expect(out).not.toMatch(/[\n\t]/);
        // Every character of the input that is safe is still there, in order (only unsafe ones were rewritten).
        const safe = [...s.replace(UNSAFE_CHAR, '').replace(/[\n\t]/g, '')];
        let at = 0;
        for (const ch of safe) {
          at = out.indexOf(ch, at);
          expect(at).toBeGreaterThanOrEqual(0);
          at += ch.length;
        }
      }),
      { numRuns: runs },
    );
  });
});
