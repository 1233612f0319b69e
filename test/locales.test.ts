import { describe, expect, it } from 'vitest';
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { message, messageKeys, rawMessage } from '../src/words/messages.js';

const LANGS = ['en', 'id', 'ms'] as const;

/** The argument names a message uses (placeholders, plural and select arguments), nested ones included. */
function argumentsOf(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) out.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.add(el.value);
      for (const opt of Object.values(el.options)) argumentsOf(opt.value, out);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, out);
  }
  return out;
}

describe('locale files (words as data)', () => {
  it('en, id and ms have exactly the same keys', () => {
    const en = messageKeys('en');
    expect(en.length).toBeGreaterThan(0);
    for (const lang of ['id', 'ms'] as const) {
      expect({ lang, missing: en.filter((k) => !messageKeys(lang).includes(k)) }).toEqual({ lang, missing: [] });
      expect({ lang, extra: messageKeys(lang).filter((k) => !en.includes(k)) }).toEqual({ lang, extra: [] });
    }
  });

  it('every message parses as ICU MessageFormat and uses the same arguments in every language', () => {
    for (const key of messageKeys('en')) {
      const args = LANGS.map((lang) => {
        const text = rawMessage(lang, key);
        expect(typeof text, `${lang} ${key}`).toBe('string');
        return [...argumentsOf(parse(text as string, { ignoreTag: true }))].sort();
      });
      expect({ key, id: args[1], ms: args[2] }).toEqual({ key, id: args[0], ms: args[0] });
    }
  });

  it('formats in the language asked for, and falls back to the key for an unknown message', () => {
    expect(message('en', 'common.language')).toBe('English');
    expect(message('id', 'common.language')).toBe('Bahasa Indonesia');
    expect(message('ms', 'common.language')).toBe('Bahasa Melayu');
    expect(message('en', 'common.no-such-message')).toBe('common.no-such-message');
  });
});
