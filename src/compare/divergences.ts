import { VOCABULARIES } from '../facts/concepts.js';
import { citationOut } from '../evaluate/run.js';
import { bundledRuleBook } from '../law/bundled.js';
import type { LoadedVersion, RuleBook } from '../law/load.js';
import { versionOn } from '../law/load.js';
import type { Mapping, Penalty, Relation, Version } from '../law/schema.js';
import type { CitationOut, ISODate, RegimeId } from '../types.js';

/** What one regime says on one point of a definition. */
export interface DefinitionPosition {
  /** The version the position is read from. */
  version: string;
  /** The statute's own term, in its original language. */
  term?: string;
  /** How the term relates to the shared concept (concept entries). */
  relation?: Relation;
  /** Whether the concept counts as that term under the default readings (concept entries). */
  counts?: boolean;
  /** A plain statement of the position (aspect entries), in English. */
  value?: string;
  citation?: CitationOut;
  note?: string;
  /** Penalty entries: the figures. */
  penalty?: { offence: string; imprisonmentYears?: { min?: number; max?: number | 'life' }; fine?: { min?: number; max?: number; currency: string; unspecified?: boolean }; whipping?: boolean };
}

/** One point on which the definitions are compared, case-free. */
export interface DefinitionDivergence {
  /** Stable id: `means.debt-bondage`, `child.unborn`, `penalty.primary`, ... */
  id: string;
  /** The aspect: act, means, exploitation, child, child-means-rule, consent, victim, scope, actual-exploitation, exploitation-list, definition, penalty. */
  element: string;
  /** The shared concept id, for concept entries. */
  concept?: string;
  /** Whether the regimes differ on this point. */
  diverges: boolean;
  positions: Partial<Record<RegimeId, DefinitionPosition>>;
  /** One line on why it matters (English). */
  significance: string;
}

const COUNTING: Relation[] = ['exact', 'close', 'broader', 'narrower'];

/**
 * The static divergence catalogue: the definitions themselves compared element by element, as
 * in force on `asOf` (default: today), generated from the rule files alone (concept mappings,
 * version profiles, penalties), never from a hand-written list.
 *
 * @example
 * ```ts
 * const d = divergences({ asOf: '2024-01-01' });
 * d.filter((x) => x.diverges && x.element === 'means').map((x) => x.concept);
 * ```
 */
export function divergences(options: { asOf?: ISODate; regimes?: RegimeId[] } = {}, book: RuleBook = bundledRuleBook()): DefinitionDivergence[] {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const wanted = options.regimes ?? (book.regimes.map((r) => r.id) as RegimeId[]);
  const inForce: Array<{ id: RegimeId; v: LoadedVersion; readings: Record<string, string> }> = [];
  for (const r of book.regimes) {
    if (!wanted.includes(r.id as RegimeId)) continue;
    const v = versionOn(r, asOf);
    if (!v) continue;
    const readings: Record<string, string> = {};
    for (const [id, decl] of r.interpretations) readings[id] = decl.default;
    inForce.push({ id: r.id as RegimeId, v, readings });
  }
  const out: DefinitionDivergence[] = [];
  const cite = (v: Version, ref: string | undefined) => (ref && v.citations[ref] ? citationOut(v.citations[ref]) : undefined);

  // 1. Concepts: acts, means, forms of exploitation.
  for (const vocab of ['act', 'means', 'exploitation'] as const) {
    for (const concept of VOCABULARIES[vocab]) {
      const positions: DefinitionDivergence['positions'] = {};
      for (const { id, v, readings } of inForce) {
        const m = (v.data.concepts[vocab] as Record<string, Mapping>)[concept] as Mapping;
        const counts = m.relation === 'contested' ? (m.countsUnder ?? []).includes(readings[m.interpretation as string] ?? '') : COUNTING.includes(m.relation);
        positions[id] = {
          version: v.data.id,
          ...(m.term ? { term: m.term } : {}),
          relation: m.relation,
          counts,
          ...(cite(v.data, m.citation) ? { citation: cite(v.data, m.citation) } : {}),
          ...(m.note ? { note: m.note } : {}),
          ...(m.interpretation ? { value: `contested: interpretation ${m.interpretation}` } : {}),
        };
      }
      const relations = new Set(Object.values(positions).map((p) => p.relation));
      const counting = Object.entries(positions).filter(([, p]) => p.counts).map(([r]) => r);
      const notCounting = Object.entries(positions).filter(([, p]) => !p.counts).map(([r]) => r);
      const diverges = counting.length > 0 && notCounting.length > 0;
      const contested = Object.entries(positions).filter(([, p]) => p.relation === 'contested').map(([r]) => r);
      if (!diverges && relations.size === 1 && !contested.length) continue;
      out.push({
        id: `${vocab}.${concept}`,
        element: vocab,
        concept,
        diverges,
        positions,
        significance: diverges
          ? `Counts as ${vocab === 'act' ? 'an act' : vocab === 'means' ? 'a means' : 'exploitation'} under ${counting.join(', ')} but not under ${notCounting.join(', ')}${contested.length ? ` (contested under ${contested.join(', ')}; default reading shown)` : ''}.`
          : contested.length
            ? `Contested under ${contested.join(', ')}: the outcome depends on a named interpretation.`
            : `Every regime covers it, in terms of differing breadth (${[...relations].join(', ')}).`,
      });
    }
  }

  // 2. Aspects from each version's profile.
  const aspect = (
    id: string,
    element: string,
    pick: (p: Version['profile']) => string,
    citationKey: string,
    significance: (values: Map<string, string[]>) => string,
    sameEffect = false,
  ) => {
    const positions: DefinitionDivergence['positions'] = {};
    const values = new Map<string, string[]>();
    for (const { id: rid, v } of inForce) {
      const value = pick(v.data.profile);
      positions[rid] = { version: v.data.id, value, ...(cite(v.data, v.data.profile.citations[citationKey]) ? { citation: cite(v.data, v.data.profile.citations[citationKey]) } : {}) };
      values.set(value, [...(values.get(value) ?? []), rid]);
    }
    // sameEffect: worded differently, but no case comes out differently (e.g. consent).
    out.push({ id, element, diverges: !sameEffect && values.size > 1, positions, significance: significance(values) });
  };
  const groups = (values: Map<string, string[]>) => [...values].map(([v, rs]) => `${rs.join(', ')}: ${v}`).join('; ');
  aspect('definition', 'definition', (p) => p.definition, 'childMeansRule', (vals) => (vals.size > 1 ? 'The definitions are built differently, so the same facts can meet one and not another.' : 'Same structure everywhere.'));
  aspect('child.age', 'child', (p) => `under ${p.childAge}`, 'child', (vals) => (vals.size > 1 ? `Different age thresholds: ${groups(vals)}.` : 'Every regime draws the line at eighteen.'));
  aspect('child.unborn', 'child', (p) => (p.childIncludesUnborn ? 'includes a child still in the womb' : 'a person already born'), 'child', (vals) =>
    vals.size > 1 ? `Only ${[...vals].filter(([v]) => v.startsWith('includes')).flatMap(([, r]) => r).join(', ')} counts the unborn as children: trafficking of an unborn child (e.g. the sale of a baby before birth) is child trafficking there alone.` : 'No difference on the unborn.',
  );
  aspect('child.means-rule', 'child-means-rule', (p) =>
    p.childMeansRule === 'means-not-required'
      ? `no means needed for a child${p.childIncludesDisability ? ' or a person unable to protect themself' : ''}`
      : p.childMeansRule === 'means-required'
        ? 'a means is required for children too (in the general offence)'
        : 'the definition has no means element at all',
    'childMeansRule',
    (vals) => (vals.size > 1 ? `A child recruited without improper means is trafficked under some regimes and not others: ${groups(vals)}.` : 'Same rule everywhere.'),
  );
  aspect('consent', 'consent', (p) => p.consentRule, 'consent', () => 'Consent is no defence in any regime, though each says so in its own terms.', true);
  aspect('victim', 'victim', (p) => (p.victimRequiresHarm ? 'a person who suffered harm caused by the offence' : 'any person subjected to trafficking; no harm requirement'), 'victim', (vals) =>
    vals.size > 1 ? `A trafficked person who has not (yet) suffered harm is a victim under some regimes only: ${groups(vals)}.` : 'Same victim test everywhere.',
  );
  aspect('scope', 'scope', (p) => (p.transnationalityRequired ? 'transnationality required' : 'domestic trafficking covered; no transnationality or organised-group element'), 'scope', () =>
    'No regime makes transnationality or an organised criminal group an element of the offence; for the treaties they only decide the scope of cooperation (UNTOC Art 34(2)).',
  );
  aspect('actual-exploitation', 'actual-exploitation', (p) => ({ no: 'no: the purpose suffices', yes: 'yes', 'some-offences': 'for some offences only', contested: 'contested' })[p.actualExploitationRequired], 'actualExploitation', (vals) =>
    vals.size > 1 ? `Whether a case stopped before any exploitation is trafficking differs: ${groups(vals)}.` : 'Same everywhere.',
  );
  aspect('exploitation-list', 'exploitation-list', (p) => (p.exploitationListOpen ? 'open (a minimum, or "includes")' : 'closed list'), 'exploitation', (vals) =>
    vals.size > 1 ? `Forms of exploitation not named count only where the list is open: ${groups(vals)}.` : 'Same everywhere.',
  );

  // 3. Penalties of each regime's offences.
  const penalties: DefinitionDivergence['positions'] = {};
  for (const { id, v } of inForce) {
    const withPenalty = v.data.offences.filter((o) => o.penalty);
    const primary = withPenalty[0];
    if (!primary) {
      penalties[id] = { version: v.data.id, value: 'no penalty of its own (a treaty obliges States to criminalise)' };
      continue;
    }
    penalties[id] = {
      version: v.data.id,
      value: withPenalty.map((o) => `${o.title.en}: ${describePenalty(o.penalty as Penalty)}`).join('; '),
      penalty: penaltyFigures(primary.id, primary.penalty as Penalty),
      ...(cite(v.data, primary.penalty?.citation) ? { citation: cite(v.data, primary.penalty?.citation) } : {}),
    };
  }
  out.push({ id: 'penalty', element: 'penalty', diverges: true, positions: penalties, significance: 'The same conduct carries different penalties in Indonesia and Malaysia; the treaties leave penalties to States.' });
  return out;
}

function penaltyFigures(offence: string, p: Penalty): NonNullable<DefinitionPosition['penalty']> {
  return {
    offence,
    ...(p.imprisonmentYears ? { imprisonmentYears: { ...p.imprisonmentYears } } : {}),
    ...(p.fine ? { fine: { ...p.fine } } : {}),
    ...(p.whipping ? { whipping: true } : {}),
  };
}

/** "3 to 15 years and a fine of IDR 120,000,000 to 600,000,000" (English; renderers translate). */
export function describePenalty(p: Penalty): string {
  const parts: string[] = [];
  const y = p.imprisonmentYears;
  if (y) {
    if (y.max === 'life') parts.push(y.min !== undefined ? `life or at least ${y.min} years` : 'up to life');
    else if (y.min !== undefined && y.max !== undefined) parts.push(`${y.min} to ${y.max} years`);
    else if (y.max !== undefined) parts.push(`up to ${y.max} years`);
  }
  if (p.fine) {
    const n = (x: number) => x.toLocaleString('en-US');
    if (p.fine.unspecified) parts.push(`liable to a fine (${p.fine.currency}, amount not stated)`);
    else parts.push(`a fine of ${p.fine.currency} ${p.fine.min !== undefined ? `${n(p.fine.min)} to ` : 'up to '}${n(p.fine.max ?? 0)}`);
  }
  if (p.whipping) parts.push('liable to whipping');
  return parts.join(' and ');
}
