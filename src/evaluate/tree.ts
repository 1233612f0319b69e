import { VOCABULARY_OF_FIELD, type VocabularyId } from '../facts/concepts.js';
import type { Citation } from '../law/schema.js';
import { bundledRuleBook } from '../law/bundled.js';
import type { TraceNode } from './trace.js';
import type { CitationOut, ExplanationNode } from '../types.js';

const FIELD_VOCAB = VOCABULARY_OF_FIELD as Record<string, VocabularyId>;

/** A plain label for a fact test: the concept's name where it is a shared concept, else the condition's name. */
const labelMemo = new Map<string, string>();

export function labelOfFact(fact: string, name: string | undefined): string {
  const key = `${fact}\u0000${name ?? ''}`;
  let label = labelMemo.get(key);
  if (label === undefined) {
    label = computeLabel(fact, name);
    labelMemo.set(key, label);
  }
  return label;
}

function computeLabel(fact: string, name: string | undefined): string {
  const m = /^(acts|means|purposes|exploitationOccurred|victim\.harm|consequences)\.(.+)$/.exec(fact);
  if (m) {
    const vocab = FIELD_VOCAB[m[1] as string] as keyof ReturnType<typeof bundledRuleBook>['concepts'];
    const label = bundledRuleBook().concepts[vocab]?.[m[2] as string]?.en ?? m[2];
    return m[1] === 'exploitationOccurred' ? `${label} (happened)` : m[1] === 'purposes' ? `${label} (intended)` : (label as string);
  }
  if (fact === '$child') return 'the person is a child';
  if (fact === '$trafficking') return 'a trafficking offence is made out';
  return name ?? fact;
}

const statusOf = (v: boolean | undefined): ExplanationNode['status'] => (v === true ? 'satisfied' : v === false ? 'not-satisfied' : 'unknown');

/** Turn an evaluated condition into a why / why-not tree (JSON-safe; citations carried by hand). */
export function explanationTree(node: TraceNode, citation: CitationOut | Citation, skipped = false): ExplanationNode {
  const cite = { instrument: citation.instrument, provision: citation.provision, confidence: citation.confidence } as CitationOut;
  if (node.kind === 'leaf') {
    return {
      kind: 'fact',
      label: node.label ?? labelOfFact(node.fact, node.name),
      status: skipped ? 'not-evaluated' : statusOf(node.value),
      fact: node.fact,
      // A copy: the rule's own value must never be reachable (and editable) from an answer.
      expected: Array.isArray(node.expected) ? [...node.expected] : node.expected,
      ...(node.actual !== undefined ? { actual: node.actual } : {}),
      citation: cite,
    };
  }
  const children = node.children.map((c) => explanationTree(c, citation, skipped));
  const label = node.name && !node.name.startsWith('concepts:') ? node.name : node.kind === 'any' ? 'any of' : node.kind === 'all' ? 'all of' : 'not';
  return { kind: node.kind, label, status: skipped ? 'not-evaluated' : statusOf(node.value), citation: cite, children };
}
