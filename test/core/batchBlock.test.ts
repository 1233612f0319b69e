import { describe, expect, it } from 'vitest';
import { processBlock } from '../../src/cli/batchLine.js';

const good = (id: string) => JSON.stringify({ id, conductDate: '2023-01-01', victim: { age: 15 }, acts: ['recruitment'], means: [], purposes: ['sexual-exploitation'] });

// A block is what one worker answers: whole lines, numbered from `firstLine`.
describe('processBlock', () => {
  it('answers each record in order, an error line in place of a bad one, blank lines skipped but counted', () => {
    const text = `${good('a')}\r\n\n{not json\n${good('b')}\n{"victim":{"age":"x"}}\n   \n${good('c')}`;
    const r = processBlock(text, 41, { detail: 'verdicts' });
    const lines = r.text.split('\n');
    expect(lines.pop()).toBe(''); // every answer ends with a newline
    expect(r.records).toBe(5);
    expect(r.errors).toBe(2);
    expect(lines.map((l) => JSON.parse(l).caseId ?? JSON.parse(l).line)).toEqual(['a', 43, 'b', 45, 'c']);
    // The line numbers are those of the input (41 is the first line; the blank line 42 is skipped).
    expect(JSON.parse(lines[1] as string).message).toMatch(/^line 43: /);
    expect(JSON.parse(lines[3] as string).issues[0].path).toBe('victim.age');
  });
  it('a block of only blank lines answers nothing', () => {
    expect(processBlock('\n\r\n  \n', 1, { detail: 'verdicts' })).toEqual({ text: '', records: 0, errors: 0 });
  });
});
