import { loadRuleBook, type RuleBook, type RuleBundle } from './load.js';
import bundle from './rules.generated.json';

let book: RuleBook | undefined;

/**
 * The rule book built from the rule files bundled at build time (scripts/bundle-rules.mjs).
 * Loaded and validated once, on first use; immutable afterwards.
 */
export function bundledRuleBook(): RuleBook {
  book ??= loadRuleBook(bundle as unknown as RuleBundle);
  return book;
}
