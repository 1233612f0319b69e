/**
 * The hostile corpus of the output-safety tests (issue 17) and the checks every output must pass.
 * Each string is something an attacker can put in a case record, a fixture, an exchange record or
 * a file name, and each check is what the format's own rules say makes the string inert:
 * HTML (WHATWG parsing: a tag starts with `<` and a letter), CommonMark/GFM (rendered here with
 * markdown-it), ECMA-48 terminals (ESC/CSI/OSC, C1), Unicode bidi (UAX #9).
 */
import MarkdownIt from 'markdown-it';

/** Strings that the case id schema accepts (no control characters): they reach the renderers from compare(). */
export const HOSTILE_IDS = [
  '<script>alert(1)</script>"><img src=x onerror=alert(2)>',
  '<svg/onload=alert(3)>',
  '" onmouseover="alert(4)" x="',
  "' autofocus onfocus='alert(5)",
  '<a href="javascript:alert(6)">click</a>',
  'javascript:alert(7)',
  '[click me](javascript:alert(8))',
  '![pixel](https://evil.example/p.png)',
  '[ref]: javascript:alert(9)',
  '<https://evil.example/>',
  '<iframe srcdoc="<script>alert(10)</script>"></iframe>',
  '<!-- a comment --><style>body{display:none}</style>',
  'a | b | c | d | e',
  '**FORGED** _verdict_ `code` ~~x~~ # not a heading',
  '&lt;script&gt;alert(11)&lt;/script&gt;',
  '- a list item',
  '1. a numbered item',
  '> a quote',
  '=====',
  'back\\slash\\',
];

/** Strings the schema refuses, which a renderer must still neutralise (they bypass the schema in exchange records, fixtures, file names). */
export const HOSTILE_CONTROLS = [
  'x\u001b]8;;http://evil.example\u0007click\u001b]8;;\u0007', // OSC 8 hyperlink
  '\u001b[2J\u001b[H tip-harmonise: uu-21-2007 qualifies', // CSI erase screen, home, forged line
  'ok\rFORGED VERDICT: qualifies', // CR overwrites the line
  'line one\nMISMATCH\tforged\tline', // LF forges a line (and tabs a column)
  'abc\u202eelbatpecca\u202c', // RIGHT-TO-LEFT OVERRIDE ("Trojan Source")
  'x\u2066hidden\u2069y\u200f\u061c',
  'c1\u009b2J\u009d8;;x\u009c', // 8-bit CSI and OSC
  'bell\u0007del\u007fnul\u0000',
  'a\n| x | y |\n|---|---|\n| <b>cell</b> | z |', // a table smuggled into Markdown
  'a\n\n<script>alert(12)</script>\n', // raw HTML block after a blank line
  'a\u2028b\u2029c',
];

export const HOSTILE = [...HOSTILE_IDS, ...HOSTILE_CONTROLS];

/** Text in the three languages that must come out unchanged (names, diacritics, Jawi, other scripts). */
export const BENIGN_NAMES = ['KS-2023/117 Siti Nurhaliza binti Tarudin', 'Perkara Dédé Suryadi (Jawa Barat)', 'ڤرمڤوان ملايو', 'Nguyễn Thị Ánh 王小明'];

/** Characters that must not appear in any output as themselves (line feed and, in HTML, tab are whitespace). */
export const UNSAFE_IN_OUTPUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The elements and attributes the HTML reports are made of; anything else came from the input. */
const REPORT_TAGS = new Set('html head meta title style body h1 h2 h3 p br strong em table thead tbody tr th td span section details summary blockquote ul li code footer'.split(' '));
const REPORT_ATTRS = new Set(['lang', 'charset', 'name', 'content', 'class', 'scope', 'colspan', 'aria-hidden']);
/** What markdown-it makes of the Markdown reports (no links, images or raw HTML). */
const MARKDOWN_TAGS = new Set('h1 h2 h3 p br hr strong em table thead tbody tr th td ul li code pre'.split(' '));
const MARKDOWN_ATTRS = new Set(['class', 'style']);

/**
 * Every tag and attribute in an HTML text, read as a browser's tokenizer starts one: `<` followed by
 * a letter, `/` or `!`. Escaped text (`&lt;`) is never a tag. Returns the problems found.
 */
export function foreignMarkup(html: string, kind: 'report' | 'markdown'): string[] {
  const tags = kind === 'report' ? REPORT_TAGS : MARKDOWN_TAGS;
  const attrs = kind === 'report' ? REPORT_ATTRS : MARKDOWN_ATTRS;
  const problems: string[] = [];
  for (const m of html.matchAll(/<(!--|!DOCTYPE|\/?)([a-zA-Z][a-zA-Z0-9-]*)?([^>]*)>/g)) {
    if (m[1] === '!--') problems.push(`comment ${m[0].slice(0, 40)}`);
    if (m[1] === '!DOCTYPE' || m[1] === '!--') continue;
    const tag = (m[2] ?? '').toLowerCase();
    if (!tags.has(tag)) problems.push(`element <${tag}>`);
    if (m[1] === '/') continue;
    // Attribute values are always double-quoted by these renderers; one that is not is foreign.
    const rest = (m[3] ?? '').replace(/\/$/, '');
    const seen = rest.replace(/\s([a-zA-Z-]+)="[^"]*"/g, (_, name: string) => {
      if (!attrs.has(name.toLowerCase())) problems.push(`attribute ${name} on <${tag}>`);
      return '';
    });
    if (seen.trim()) problems.push(`unparsed attribute text "${seen.trim().slice(0, 40)}" on <${tag}>`);
  }
  return problems;
}

/** Every table's rows have as many cells as its header (a smuggled `|` or line break would add or split cells). */
export function brokenTables(html: string): string[] {
  const problems: string[] = [];
  for (const table of html.match(/<table[\s\S]*?<\/table>/g) ?? []) {
    const rows = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
    const width = (row: string) => (row.match(/<t[hd][\s>]/g) ?? []).length;
    const head = width(rows[0] ?? '');
    for (const row of rows) if (width(row) !== head) problems.push(`row of ${width(row)} cells under a header of ${head}: ${row.slice(0, 120)}`);
  }
  return problems;
}

/** The text a reader sees in an HTML fragment: tags dropped, character references decoded. */
export function shownText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** CommonMark with raw HTML allowed, as an unsanitising wiki or ticketing tool would render it. */
export const markdownIt = new MarkdownIt({ html: true });

/**
 * A copy of a value with every string replaced by `s`, except the values of `keep` keys (statuses
 * and other enumerations the renderers look up, not text they print). Object keys are kept unless
 * `keys` is set, then keys of the maps named there are poisoned too.
 */
export function poison<T>(value: T, s: string, keep: ReadonlySet<string>): T {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return keep.has(key) ? v : s;
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(structuredClone(value), '') as T;
}
