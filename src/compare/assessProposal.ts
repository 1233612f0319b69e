import { bundledRuleBook } from '../law/bundled.js';
import type { CompareOptions } from '../types.js';
import { compareSync } from './compare.js';
import { assessProposalWith, type ProposalImpact } from './reform.js';

/**
 * What a proposed amendment changes over a case set: which cases change status under which
 * verdict, which divergences between the regimes close or open (static catalogue and case set),
 * and the fall-through count before and after. Records are CaseFacts, or fixtures / wrappers
 * `{ id, facts, options }`; a bad record is listed in `errors`, never dropped. An invalid proposal
 * raises a ProposalError (a FactsError whose issues name the change and the field).
 *
 * @example
 * ```ts
 * const impact = await assessProposal(proposal, cases);
 * impact.changed.filter((c) => c.verdict === 'trafficking').map((c) => c.caseId);
 * ```
 */
export function assessProposal(
  proposal: unknown,
  cases: Iterable<unknown> | AsyncIterable<unknown>,
  options: CompareOptions & { catalogueAsOf?: string } = {},
): Promise<ProposalImpact> {
  return assessProposalWith(proposal, cases, options, bundledRuleBook(), compareSync);
}
