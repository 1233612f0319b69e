import { IntlMessageFormat } from 'intl-messageformat';
import en from '../../locales/en.json';
import id from '../../locales/id.json';
import ms from '../../locales/ms.json';
import type { Language } from '../types.js';

/**
 * Words people read, as data a translator reviews: `locales/<lang>.json`, one section per area,
 * each message in ICU MessageFormat (`{name}`, `{n, plural, one {# case} other {# cases}}`).
 * test/locales.test.ts holds the three files to the same keys and placeholders.
 */
type Section = Record<string, string>;
type Catalogue = Record<string, Section>;
const CATALOGUES: Record<Language, Catalogue> = { en: en as Catalogue, id: id as Catalogue, ms: ms as Catalogue };

/** ICU locale tags for plural rules and number formats. */
const LOCALE_TAG: Record<Language, string> = { en: 'en', id: 'id', ms: 'ms' };

// Parsed formats, made on first use (parsing every message at import would cost cold start).
// The cache is keyed by immutable inputs only, so it never changes an answer.
const formats = new Map<string, IntlMessageFormat>();

export type MessageParams = Record<string, string | number>;

/** The raw ICU message for `section.key` in a language, or undefined when there is none. */
export function rawMessage(language: Language, key: string): string | undefined {
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  const section = CATALOGUES[language]?.[key.slice(0, dot)];
  const text = section?.[key.slice(dot + 1)];
  return typeof text === 'string' ? text : undefined;
}

/**
 * A message in the language asked for, with its parameters filled in. Falls back to English when
 * a translation is missing (the locale test fails first), and to the key itself when English has
 * none either, so a missing word shows as its key, never as an exception.
 *
 * @example
 * ```ts
 * message('id', 'common.language'); // 'Bahasa Indonesia'
 * ```
 */
export function message(language: Language, key: string, params?: MessageParams): string {
  const lang: Language = rawMessage(language, key) !== undefined ? language : 'en';
  const text = rawMessage(lang, key);
  if (text === undefined) return key;
  const cacheKey = `${lang}\u0000${key}`;
  let format = formats.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(text, LOCALE_TAG[lang], undefined, { ignoreTag: true });
    formats.set(cacheKey, format);
  }
  return String(format.format(params ?? {}));
}

/** Every `section.key` of a language's catalogue (sections' `_section` descriptions excluded). */
export function messageKeys(language: Language): string[] {
  const keys: string[] = [];
  for (const [section, entries] of Object.entries(CATALOGUES[language])) {
    if (section === '_meta') continue;
    for (const k of Object.keys(entries)) if (k !== '_section') keys.push(`${section}.${k}`);
  }
  return keys.sort();
}
