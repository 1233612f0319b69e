import { bundledRuleBook } from '../law/bundled.js';
import type { RuleBook } from '../law/load.js';
import { rawMessage } from '../words/messages.js';
import { elementName } from '../words/ruleWords.js';
import type { Language, Status, VerdictName } from '../types.js';

/**
 * Short nouns for sentences such as "Pasal 2 ayat (1) fails on means, territory". The words are
 * data in locales/<lang>.json (section `words`); the rule files carry a full name per element
 * (rules/concepts.json `element`), used, in lower case, for an element the word list lacks (a new
 * regime's or amendment's element), so no element ever needs a change here.
 */
const word = (key: string, lang: Language): string | undefined => rawMessage(lang, `words.${key}`);

export const elementNoun = (element: string, lang: Language, book: RuleBook = bundledRuleBook()): string => {
  const noun = word(`element.${element}`, lang);
  if (noun !== undefined) return noun;
  const name = elementName(element, lang, book);
  return name !== element ? name.toLocaleLowerCase(lang) : element;
};
export const factNoun = (fact: string, lang: Language): string => word(`fact.${fact}`, lang) ?? fact;
export const verdictNoun = (verdict: VerdictName, lang: Language): string => word(`verdict.${verdict}`, lang) ?? verdict;
export const statusWord = (status: Status, lang: Language): string => word(`status.${status}`, lang) ?? status;
