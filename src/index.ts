/**
 * tip-harmonise: the human-trafficking law of Indonesia (UU 21/2007, KUHP Pasal 455), Malaysia
 * (Act 670) and ASEAN (ACTIP), with the Palermo Protocol as baseline, as dated, cited,
 * declarative rules. The public surface is the contract in ../shared/design/contract.md.
 *
 * @packageDocumentation
 */
export { compare } from './compare/compare.js';
export { compareMany } from './compare/compareMany.js';
export { gaps, GapAccumulator, type GapOptions, type GapReport, type StatusCombination, type GapCause, type GapMissingFact, type GapBadRecord, type RecordSource } from './compare/gaps.js';
export type { FallThrough } from './compare/fallThrough.js';
export { regimes, type RegimeInfo } from './law/regimes.js';
export { factsJsonSchema } from './facts/jsonSchema.js';
export { FactsError, isFactsError, type FactsIssue } from './facts/errors.js';
export { parseFacts, safeParseFacts } from './facts/parseFacts.js';
export { caseFactsSchema, type CaseFacts, type ConceptSet } from './facts/schema.js';
export {
  ACTS,
  MEANS,
  EXPLOITATION,
  HARM,
  CONSEQUENCES,
  actSchema,
  meansSchema,
  exploitationSchema,
  harmSchema,
  consequenceSchema,
  type Act,
  type Means,
  type Exploitation,
  type Harm,
  type Consequence,
} from './facts/concepts.js';
export { LIBRARY_VERSION } from './version.js';
export {
  fromHtcds,
  htcdsCountry,
  HTCDS_MAPPING,
  HTCDS_FIELDS,
  type HtcdsIssue,
  type HtcdsMapping,
  type FromHtcdsOptions,
  type HtcdsMappingData,
  type HtcdsFieldRule,
  type HtcdsValueRule,
  type HtcdsEventRule,
} from './facts/htcds/fromHtcds.js';
export { fromHtcdsRows, type HtcdsCsvRow, type HtcdsTableRow } from './facts/htcds/table.js';
export { toHtcds, type HtcdsOut, type HtcdsTraffickingStatus } from './explain/toHtcds.js';
export {
  makeExchange,
  verifyExchange,
  exchangeJsonSchema,
  exchangeRecordSchema,
  CASE_FACTS_SCHEMA_ID,
  DEFAULT_SHARED_FIELDS,
  OPTIONAL_SHARED_FIELDS,
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  type ExchangeRecord,
  type ExchangeVerification,
  type MakeExchangeOptions,
} from './explain/exchange.js';
export { renderExchangeVerification } from './render/renderExchange.js';
export type {
  CaseDivergence,
  CitationOut as Citation,
  CompareOptions,
  Comparison,
  ElementResult,
  ElementStatus,
  InterpretationUsed,
  ISODate,
  Language,
  OffenceForm,
  OffenceResult,
  OtherOffenceResult,
  PenaltyOut,
  Receipt,
  RegimeId,
  RegimeResult,
  Status,
  Verdict,
  VerdictName,
  VersionRef,
} from './types.js';
export { divergences, type DefinitionDivergence, type DefinitionPosition, type PenaltyFigures } from './compare/divergences.js';
export type { AspectValue } from './words/labels.js';
export { renderComparison } from './render/renderComparison.js';
export { renderDivergenceReport } from './render/renderDivergenceReport.js';
export { renderGapReport } from './render/renderGapReport.js';
export { explainMissing } from './explain/missing.js';
export { counterfactuals, type Counterfactual } from './explain/counterfactuals.js';
export { summarise, summariseComparison } from './explain/summary.js';
export type { ExplanationNode } from './types.js';
export { assessProposal } from './compare/assessProposal.js';
export type { CaseReform, PairDivergence, ProposalImpact, ProposalRef, ReformedVersionRef, VerdictChange } from './compare/reform.js';
export { parseProposal, proposalSchema, ProposalError, type Proposal } from './law/proposal.js';
export { proposalJsonSchema } from './law/proposalJsonSchema.js';
export { renderProposalImpact } from './render/renderProposalImpact.js';
