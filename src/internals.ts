/**
 * Internal entry for the benchmarks (bench/) only: not part of the public API and not in the
 * package's exports map. It gives the bench the reference (json-rules-engine) path to measure
 * against.
 *
 * @internal
 * @packageDocumentation
 */
export { runStatusesWithEngine } from './evaluate/engine.js';
export { prepareVersion } from './evaluate/prepare.js';
export { runStatuses } from './evaluate/run.js';
export { normaliseFacts } from './facts/normalise.js';
export { parseFacts } from './facts/parseFacts.js';
export { bundledRuleBook } from './law/bundled.js';
export { loadRuleBook, versionOn } from './law/load.js';
