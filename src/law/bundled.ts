import { loadRuleBook, type RuleBook, type RuleBundle } from './load.js';
import { RULES_JSON } from './rules.generated.js';

let book: RuleBook | undefined;

/**
 * The rule book built from the rule files bundled at build time (scripts/bundle-rules.mjs).
 * Validated when the library is built (scripts/check-rules.mjs fails the build otherwise, and
 * test/law-bundle.test.ts holds the two loads equal), so loading it at run time is only an
 * integrity check: this is most of the library's cold start. Loaded once; immutable afterwards.
 */
export function bundledRuleBook(): RuleBook {
  book ??= loadRuleBook(JSON.parse(RULES_JSON) as RuleBundle, { validated: true });
  return book;
}
