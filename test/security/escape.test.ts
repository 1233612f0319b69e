/**
 * The escaping layer, one format at a time (src/render/escape/; SECURITY.md, "Output"). Expected
 * values are written from the rules of each format, not copied from output: CommonMark 0.31 (a
 * backslash before ASCII punctuation makes it literal; `&lt;` is a character reference), GFM tables
 * (`\|` is a literal pipe in a cell), ECMA-48 (ESC starts CSI `ESC [` and OSC `ESC ]`), Unicode
 * UAX #9 (U+202A-U+202E, U+2066-U+2069 reorder display), RFC 4180 and OWASP's CSV-injection rule.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { CASE_ID_PATTERN } from '../../src/facts/schema.js';
import { csvCell, escapeHtml, jsonText, mdCell, mdText, termLines, termText, UNSAFE_CHAR } from '../../src/render/escape.js';

const md = new MarkdownIt({ html: true });
/** What a CommonMark renderer shows for `s` as one paragraph: its HTML with the <p> wrapper removed. */
const inline = (s: string) => md.render(s).trim().replace(/^<p>|<\/p>$/g, '');
/** The text a reader sees: tags dropped and the five references decoded. */
const shown = (html: string) =>
  html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('terminal text', () => {
  it('turns ESC, BEL, CR, LF, tab, DEL, C1 and bidi overrides into their visible JSON spellings', () => {
    // ESC ] 8 ;; url BEL: an OSC 8 hyperlink; with its ESC and BEL shown, it is inert text.
    expect(termText('\u001b]8;;http://evil\u0007x')).toBe('\\u001b]8;;http://evil\\u0007x');
    expect(termText('\u001b[2J')).toBe('\\u001b[2J'); // CSI "erase display"
    expect(termText('ok\rFORGED')).toBe('ok\\rFORGED');
    expect(termText('a\nb\tc')).toBe('a\\nb\\tc');
    expect(termText('\u009b2J\u007f')).toBe('\\u009b2J\\u007f'); // 8-bit CSI, DEL
    expect(termText('abc\u202edcba\u2066\u2069')).toBe('abc\\u202edcba\\u2066\\u2069');
  });
  it('keeps Indonesian, Malay (Rumi and Jawi) and other letters, and the joiners scripts need', () => {
    for (const s of ['Siti Nurhaliza binti Tarudin', 'Dédé Suryadi', 'ڤرمڤوان', 'Nguyễn Thị Ánh', '王小明', 'क्‍ष', 'ZWNJ: می‌خواهم']) expect(termText(s)).toBe(s);
  });
  it('termLines keeps line feeds only', () => {
    expect(termLines('a\nb\u001b[31m\r')).toBe('a\nb\\u001b[31m\\r');
  });
});

describe('Markdown text', () => {
  const corpus = [
    '<script>alert(1)</script>"><img src=x onerror=alert(2)>',
    '[click](javascript:alert(3))',
    '![x](https://evil.example/x.png)',
    '<a href="javascript:alert(4)">x</a>',
    '**bold** _em_ `code` ~~strike~~ # h',
    '&lt;script&gt;',
    '<https://evil.example>',
    '- item',
    '1. item',
    '=====',
    'a\\',
  ];
  it('renders as exactly the same text under CommonMark, with no element or link', () => {
    for (const s of corpus) {
      const html = inline(mdText(s));
      expect(html, s).not.toMatch(/<(?!\/?(p)>)/); // no tag at all inside the paragraph
      expect(shown(html), s).toBe(s);
    }
  });
  it('folds line breaks so no block can start, and shows other controls', () => {
    // '\n# x' would be a heading, '\n| a |' a table row, '\n[a]: javascript:x' a link definition.
    for (const s of ['a\n# x', 'a\r\n| a | b |', 'a\n[a]: javascript:alert(1)\n[a]']) {
      const html = md.render(mdText(s)).trim();
      expect(html, s).toMatch(/^<p>[^<]*<\/p>$/);
    }
    expect(mdText('x\u001b[2J')).toBe('x\\\\u001b\\[2J'); // shown as the text x\u001b[2J
    expect(shown(inline(mdText('x\u001b[2J')))).toBe('x\\u001b[2J');
  });
  it('a cell with pipes and line breaks stays one cell of a GFM table', () => {
    const table = `| a | b |\n|---|---|\n| ${mdCell('x | y\nz | w')} | ${mdCell('<b>q</b>')} |\n`;
    const html = md.render(table);
    expect(html.match(/<td>/g)?.length).toBe(2); // two cells, as the header says
    expect(html).not.toContain('<b>');
    expect(shown(html)).toContain('x | y z | w');
  });
  it('leaves Indonesian and Malay text as it is written', () => {
    for (const s of ['Perdagangan orang menurut Pasal 2 ayat (1)', 'Akta Antipemerdagangan Orang dan Antipenyeludupan Migran 2007', 'ڤرمڤوان', 'Dédé']) {
      expect(mdText(s)).toBe(s);
    }
  });
});

describe('HTML text', () => {
  it('escapes the five markup characters and shows controls, keeping tab and line feed', () => {
    expect(escapeHtml('<img src=x onerror="a(\'1\')">&')).toBe('&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;');
    expect(escapeHtml('a\nb\tc\u001b[2J\r\u202e')).toBe('a\nb\tc\\u001b[2J\\r\\u202e');
  });
});

describe('CSV field', () => {
  it('defuses formulas and quotes what RFC 4180 requires', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('Siti')).toBe('Siti');
  });
});

describe('JSON text', () => {
  it('is the same value, with DEL, C1 and bidi characters written as escapes', () => {
    const v = { id: 'a\u001b\u009b\u202e\u2028<b>' };
    const text = jsonText(v);
    expect(JSON.parse(text)).toEqual(v);
    expect(text).toBe('{"id":"a\\u001b\\u009b\\u202e\\u2028<b>"}');
  });
});

describe('the schema and the escaping agree', () => {
  it('every character the case id refuses is one the escaping neutralises, and the reverse', () => {
    for (let cp = 0; cp <= 0x206f; cp++) {
      const ch = String.fromCharCode(cp);
      const refused = !CASE_ID_PATTERN.test(ch);
      UNSAFE_CHAR.lastIndex = 0;
      expect(UNSAFE_CHAR.test(ch), `U+${cp.toString(16)}`).toBe(refused);
    }
  });
});

describe('the JSON Schema tells other systems the same rule', () => {
  it('id has maxLength 200 and a pattern that refuses what the schema refuses', async () => {
    const { factsJsonSchema } = await import('../../src/index.js');
    const id = (factsJsonSchema() as { properties: { id: { maxLength: number; pattern: string } } }).properties.id;
    expect(id.maxLength).toBe(200);
    // JSON Schema patterns are ECMA-262 regular expressions (draft 2020-12, section 6.4).
    const re = new RegExp(id.pattern, 'u');
    for (const bad of ['a\u001b[2J', 'a\rb', 'a\nb', 'a\tb', 'x\u202e', 'x\u009b', 'x\u2028']) expect(re.test(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ['KS-2023/117', 'Siti Nurhaliza binti Tarudin', 'ڤرمڤوان', '<b>x</b> | y']) expect(re.test(good), good).toBe(true);
  });
});
