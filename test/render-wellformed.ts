// Shared by test/render.test.ts and test/cli.test.ts (not a test file itself).
const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'wbr']);

/** Strict XML-ish well-formedness: tags close in order, attributes quoted, only known entities, no raw '<' in text. */
export function wellFormed(html: string): string[] {
  const problems: string[] = [];
  if (!html.startsWith('<!DOCTYPE html>')) problems.push('no doctype');
  const body = html.replace(/^<!DOCTYPE html>\s*/, '').replace(/<style>[^<]*<\/style>/g, '<style></style>');
  const stack: string[] = [];
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const text = body.slice(i, lt === -1 ? body.length : lt);
    for (const m of text.matchAll(/&([^;\s]*);?/g)) if (!/^&(amp|lt|gt|quot|#39);$/.test(m[0])) problems.push(`bad entity ${m[0]}`);
    if (text.includes('>')) problems.push(`raw > in text near ${i}`);
    if (lt === -1) break;
    const gt = body.indexOf('>', lt);
    if (gt === -1) {
      problems.push('unterminated tag');
      break;
    }
    const tag = body.slice(lt + 1, gt);
    const m = /^(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*$/.exec(tag);
    if (!m) problems.push(`malformed tag <${tag}>`);
    else if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) problems.push(`</${m[2]}> closes <${open}>`);
    } else if (!VOID.has(m[2] as string)) stack.push(m[2] as string);
    i = gt + 1;
  }
  if (stack.length) problems.push(`unclosed ${stack.join(',')}`);
  return problems;
}

