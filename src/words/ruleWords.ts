import { bundledRuleBook } from '../law/bundled.js';
import { elementLabel, type RuleBook } from '../law/load.js';
import type { Language, OffenceResult, RegimeResult } from '../types.js';
import { rawMessage } from './messages.js';

/**
 * The names reports give to what the rule data holds (elements, concepts, facts, versions,
 * offences, contested readings), in the report's language. Every name comes from the rule files
 * (rules/concepts.json and each regime's files) or the locale catalogue (section `words`), never
 * from a list in code, so a new regime or amendment brings its own words.
 */

/**
 * An element's name: the shared vocabulary (rules/concepts.json `element`), or the `elementLabels`
 * of the version that brought the element (a new regime's or amendment's own element).
 */
export function elementName(id: string, lang: Language, book: RuleBook = bundledRuleBook()): string {
  for (const r of book.regimes) for (const v of r.versions) if (v.data.elementLabels?.[id]) return elementLabel(book, id, lang, v.data);
  return elementLabel(book, id, lang);
}

/**
 * A fact as a person reads it ("the person's age", "where the person was taken to"), from the
 * locale catalogue (`words.fact.<path>`): reports never show a raw fact path such as
 * `movement.exploitationPlace`. An unworded path is shown as it is (test/render/factWords.test.ts
 * fails on any path the bundled rules can produce that has no words).
 */
export function factName(path: string, lang: Language): string {
  return rawMessage(lang, `words.fact.${path}`) ?? path;
}

/** Concept ids as the shared vocabulary names them, and fact paths in words. */
export function matchedNames(ids: string[], lang: Language, book: RuleBook = bundledRuleBook()): string {
  const labels = book.concepts as unknown as Record<string, Record<string, Record<Language, string>>>;
  return ids.map((id) => Object.values(labels).find((vocab) => vocab?.[id])?.[id]?.[lang] ?? factName(id, lang)).join(', ');
}

function versionOf(r: Pick<RegimeResult, 'regime' | 'version'>, book: RuleBook) {
  return book.regimes.find((x) => x.id === r.regime)?.versions.find((v) => v.data.id === r.version.id);
}

/** The version's label in `lang`, from its rule file. */
export function versionLabel(r: Pick<RegimeResult, 'regime' | 'version'>, lang: Language, book: RuleBook = bundledRuleBook()): string {
  return versionOf(r, book)?.data.label[lang] ?? r.version.label;
}

/** The regime's short name ("UU 21/2007", "Act 670"), or its id. */
export function regimeName(regime: string, book: RuleBook = bundledRuleBook()): string {
  return book.regimes.find((x) => x.id === regime)?.data.shortName ?? regime;
}

/** An offence's title in `lang`, from the rule file of the version applied. */
export function offenceTitle(r: Pick<RegimeResult, 'regime' | 'version'>, o: Pick<OffenceResult, 'id' | 'title'>, lang: Language, book: RuleBook = bundledRuleBook()): string {
  return versionOf(r, book)?.data.offences.find((x) => x.id === o.id)?.title[lang] ?? o.title ?? o.id;
}

/** A contested reading's title and its readings' short names in `lang` (regime or version rule data); ids when unnamed. */
export function interpretationWords(
  r: Pick<RegimeResult, 'regime' | 'version'>,
  id: string,
  lang: Language,
  book: RuleBook = bundledRuleBook(),
): { title: string; reading: (reading: string) => string } {
  const regime = book.regimes.find((x) => x.id === r.regime);
  const declared = [...(versionOf(r, book)?.data.interpretations ?? []), ...(regime?.data.interpretations ?? [])].find((i) => i.id === id);
  return {
    title: declared?.title?.[lang] ?? id,
    reading: (reading) => declared?.readings.find((x) => x.id === reading)?.short?.[lang] ?? reading,
  };
}
