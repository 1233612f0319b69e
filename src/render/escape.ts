/**
 * The one escaping layer of every output format (SECURITY.md, "Output"). Every string a renderer or
 * the CLI takes from a case, a file or the rule data goes through the function of its format; no
 * output is built from a raw string. One small module per format under ./escape/.
 */
import { escapeHtml } from './escape/html.js';

export { escapeHtml } from './escape/html.js';
export { mdCell, mdCode, mdText } from './escape/markdown.js';
export { termLines, termText } from './escape/terminal.js';
export { csvCell } from './escape/csv.js';
export { jsonText } from './escape/json.js';
export { UNSAFE_CHAR, visibleControls } from './escape/controls.js';

/** Escape text for HTML element content and attribute values ({@link escapeHtml}). */
export const esc = escapeHtml;

/** Printable, self-contained styles shared by the HTML reports (no external assets). */
export const REPORT_CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f2f2f2}
.q{background:#e3f4e1}.n{background:#fbe3e1}.u{background:#fff4d6}.x{background:#ececec;color:#555}
.mark{font-weight:700;margin-right:.3rem}.cite{display:block;font-size:.82rem;color:#444}
.conf-unverified{color:#8a3b00}.conf-single-source{color:#6b5900}
blockquote{margin:.3rem 0;padding:.3rem .6rem;border-left:3px solid #999;background:#fafafa;font-size:.88rem}
details summary{cursor:pointer;color:#0b4f8a}
footer{margin-top:2rem;font-size:.8rem;color:#555}
ul.plain{margin:0;padding-left:1rem}
.matrix td{min-width:8rem}
@media print{body{margin:0;max-width:none}details{display:block}details>*{display:block}a{color:inherit}}
`;
