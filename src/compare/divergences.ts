import { VOCABULARIES } from '../facts/concepts.js';
import { citationOut } from '../evaluate/run.js';
import { bundledRuleBook } from '../law/bundled.js';
import type { LoadedVersion, RuleBook } from '../law/load.js';
import { versionOn } from '../law/load.js';
import type { Label, Mapping, Penalty, Relation, Version } from '../law/schema.js';
import type { CitationOut, ISODate, Language, RegimeId } from '../types.js';
import { type AspectValue, fill, formatNumber, labelsFor, type SignificanceKey } from '../words/labels.js';
import { message } from '../words/messages.js';

/** Penalty figures of one offence, as numbers (years; fines with their currency). */
export interface PenaltyFigures {
  offence: string;
  /** The offence's title in en, id and ms (from the rule file). */
  title?: Label;
  imprisonmentYears?: { min?: number; max?: number | 'life' };
  fine?: { min?: number; max?: number; currency: string; unspecified?: boolean };
  whipping?: boolean;
  /** false: imprisonment OR fine (or and/or, as `note` says); true or absent: AND. */
  cumulative?: boolean;
  note?: string;
  citation?: CitationOut;
  /** Neighbouring offences: the provision's first day in force. */
  inForceFrom?: ISODate;
  /** Neighbouring offences: the element ids, in the order the rule file lists them. */
  elements?: string[];
}

/** What one regime says on one point of a definition. */
export interface DefinitionPosition {
  /** The version the position is read from. */
  version: string;
  /** The statute's own term, in its original language (concept entries). */
  term?: string;
  /** How the term relates to the shared concept (concept entries). */
  relation?: Relation;
  /** Whether the concept counts as that term under the default readings (concept entries). */
  counts?: boolean;
  /** A plain statement of the position (aspect entries), in English. */
  value?: string;
  /** The same statement in each language (aspect entries whose wording comes from the rule file's profile). */
  text?: Record<Language, string>;
  /** The position as a fixed code (aspect entries taken from the version's profile), for renderers to word in any language. */
  code?: AspectValue;
  /** Parameters of the code's wording (e.g. `{ age: 18 }`). */
  params?: Record<string, number>;
  citation?: CitationOut;
  note?: string;
  /** Penalty entries: the figures of the regime's lead offence. */
  penalty?: PenaltyFigures;
  /** Penalty entries: the figures of every offence of the version that carries a penalty. */
  penalties?: PenaltyFigures[];
  /** The neighbouring-offences entry: the neighbouring offences (not trafficking) in force, with their penalties (`penalty` is then the trafficking lead offence's, side by side). */
  neighbouring?: PenaltyFigures[];
}

/** One point on which the definitions are compared, case-free. */
export interface DefinitionDivergence {
  /** Stable id: `means.debt-bondage`, `child.unborn`, `penalty`, ... */
  id: string;
  /** The aspect: act, means, exploitation, child, child-means-rule, consent, victim, scope, actual-exploitation, exploitation-list, definition, penalty. */
  element: string;
  /** The shared concept id, for concept entries. */
  concept?: string;
  /** Whether the regimes differ on this point. */
  diverges: boolean;
  positions: Partial<Record<RegimeId, DefinitionPosition>>;
  /** One line on why it matters (English; `significanceOf(entry, language)` words it in id or ms). */
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
  // In the order asked for (default: the rule book's order).
  for (const want of wanted) {
    const r = book.regimes.find((x) => x.id === want);
    if (!r) continue;
    const v = versionOn(r, asOf);
    if (!v) continue;
    const readings: Record<string, string> = {};
    for (const [id, decl] of r.interpretations) readings[id] = decl.default;
    inForce.push({ id: r.id as RegimeId, v, readings });
  }
  const out: DefinitionDivergence[] = [];
  const cite = (v: Version, ref: string | undefined) => (ref && v.citations[ref] ? citationOut(v.citations[ref]) : undefined);
  const push = (e: Omit<DefinitionDivergence, 'significance'>) => out.push({ ...e, significance: significanceOf(e, 'en') });

  // 1. Concepts: acts, means, forms of exploitation (each version's `concepts` mappings).
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
      const counting = Object.values(positions).filter((p) => p.counts).length;
      const diverges = counting > 0 && counting < Object.keys(positions).length;
      const contested = Object.values(positions).some((p) => p.relation === 'contested');
      // Same relation everywhere and nothing contested: not worth a line.
      if (!diverges && relations.size === 1 && !contested) continue;
      push({ id: `${vocab}.${concept}`, element: vocab, concept, diverges, positions });
    }
  }

  // 2. Aspects from each version's profile.
  const aspect = (
    id: string,
    element: string,
    pick: (p: Version['profile']) => { value: string; text?: Record<Language, string>; code?: AspectValue; params?: Record<string, number> },
    citationKey: string,
    sameEffect = false,
  ) => {
    const positions: DefinitionDivergence['positions'] = {};
    const values = new Set<string>();
    for (const { id: rid, v } of inForce) {
      const { value, text, code, params } = pick(v.data.profile);
      const c = cite(v.data, v.data.profile.citations[citationKey]);
      positions[rid] = { version: v.data.id, value, ...(text ? { text } : {}), ...(code ? { code } : {}), ...(params ? { params } : {}), ...(c ? { citation: c } : {}) };
      values.add(code ? `${code}|${JSON.stringify(params ?? {})}` : value);
    }
    // sameEffect: worded differently, but no case comes out differently (consent: no defence anywhere).
    push({ id, element, diverges: !sameEffect && values.size > 1, positions });
  };
  const coded = (code: AspectValue, params?: Record<string, number>) => ({ value: fill(labelsFor('en').aspectValues[code], params ?? {}), code, ...(params ? { params } : {}) });
  aspect('definition', 'definition', (p) => ({ value: p.definition.en, text: p.definition }), 'childMeansRule');
  aspect('child.age', 'child', (p) => coded('child-age', { age: p.childAge }), 'child');
  aspect('child.unborn', 'child', (p) => coded(p.childIncludesUnborn ? 'unborn:yes' : 'unborn:no'), 'child');
  aspect(
    'child.means-rule',
    'child-means-rule',
    (p) =>
      coded(
        p.childMeansRule === 'means-not-required'
          ? p.childIncludesDisability
            ? 'child-means-rule:means-not-required-disability'
            : 'child-means-rule:means-not-required'
          : p.childMeansRule === 'means-required'
            ? 'child-means-rule:means-required'
            : 'child-means-rule:means-not-an-element',
      ),
    'childMeansRule',
  );
  aspect('consent', 'consent', (p) => ({ value: p.consentRule.en, text: p.consentRule }), 'consent', true);
  aspect('victim', 'victim', (p) => coded(p.victimRequiresHarm ? 'victim:harm' : 'victim:no-harm'), 'victim');
  aspect('scope', 'scope', (p) => coded(p.transnationalityRequired ? 'scope:required' : 'scope:not-required'), 'scope');
  aspect('actual-exploitation', 'actual-exploitation', (p) => coded(`actual-exploitation:${p.actualExploitationRequired}`), 'actualExploitation');
  aspect('exploitation-list', 'exploitation-list', (p) => coded(p.exploitationListOpen ? 'exploitation-list:open' : 'exploitation-list:closed'), 'exploitation');

  // 3. Penalties of each regime's offences (the `penalty` of each offence in the version).
  const penalties: DefinitionDivergence['positions'] = {};
  for (const { id, v } of inForce) {
    const withPenalty = v.data.offences.filter((o) => o.penalty);
    const figures = withPenalty.map((o) => penaltyFigures(o.id, o.penalty as Penalty, o.title, cite(v.data, o.penalty?.citation)));
    const primary = withPenalty.find((o) => o.id === v.data.primaryOffence) ?? withPenalty[0];
    if (!primary) {
      penalties[id] = { version: v.data.id, value: labelsFor('en').aspectValues['penalty:none'], code: 'penalty:none' };
      continue;
    }
    const lead = figures[withPenalty.indexOf(primary)] as PenaltyFigures;
    penalties[id] = {
      version: v.data.id,
      value: withPenalty.map((o) => `${o.title.en}: ${describePenalty(o.penalty as Penalty)}`).join('; '),
      penalty: lead,
      penalties: figures,
      ...(lead.citation ? { citation: lead.citation } : {}),
    };
  }
  const leadKeys = new Set(Object.values(penalties).map((p) => JSON.stringify(p.penalty ? { y: p.penalty.imprisonmentYears, f: p.penalty.fine, w: p.penalty.whipping } : null)));
  push({ id: 'penalty', element: 'penalty', diverges: leadKeys.size > 1, positions: penalties });

  // 4. What catches the case when the trafficking definition does not: each national version's
  // neighbouring offences in force on the date (otherOffences), beside its trafficking lead offence.
  const neighbouring: DefinitionDivergence['positions'] = {};
  for (const { id, v } of inForce) {
    const others = (v.data.otherOffences ?? []).filter((o) => o.validFrom <= asOf && (o.validTo === undefined || asOf <= o.validTo));
    const lead = penalties[id]?.penalty;
    neighbouring[id] = {
      version: v.data.id,
      value: others.length ? others.map((o) => `${o.title.en}: ${describePenalty(o.penalty)}`).join('; ') : 'none encoded',
      neighbouring: others.map((o) => ({
        ...penaltyFigures(o.id, o.penalty, o.title, cite(v.data, o.penalty.citation)),
        ...(o.penalty.cumulative !== undefined ? { cumulative: o.penalty.cumulative } : {}),
        ...(o.penalty.note ? { note: o.penalty.note } : {}),
        inForceFrom: o.validFrom,
        elements: o.elements.map((e) => e.element),
      })),
      ...(lead ? { penalty: lead } : {}),
      ...(others[0] ? { citation: cite(v.data, others[0].citation) } : {}),
    };
  }
  if (Object.values(neighbouring).some((p) => p.neighbouring?.length)) push({ id: 'neighbouring-offences', element: 'neighbouring', diverges: true, positions: neighbouring });
  return out;
}

function penaltyFigures(offence: string, p: Penalty, title: Label, citation: CitationOut | undefined): PenaltyFigures {
  return {
    offence,
    title: { ...title },
    ...(p.imprisonmentYears ? { imprisonmentYears: { ...p.imprisonmentYears } } : {}),
    ...(p.fine ? { fine: { ...p.fine } } : {}),
    ...(p.whipping ? { whipping: true } : {}),
    ...(citation ? { citation } : {}),
  };
}

/** "3 to 15 years and a fine of IDR 120,000,000 to 600,000,000", in the language asked for. */
export function describePenalty(p: Pick<PenaltyFigures, 'imprisonmentYears' | 'fine' | 'whipping'>, language: Language = 'en'): string {
  const t = labelsFor(language);
  const pt = t.penaltyText;
  const n = (x: number) => formatNumber(x, language);
  const parts: string[] = [];
  const y = p.imprisonmentYears;
  if (y) {
    if (y.max === 'life') parts.push(y.min !== undefined ? fill(pt.lifeOrMin, { min: y.min }) : pt.upToLife);
    else if (y.min !== undefined && y.max !== undefined) parts.push(fill(pt.range, { min: y.min, max: y.max }));
    else if (y.max !== undefined) parts.push(fill(pt.upTo, { max: y.max }));
  }
  if (p.fine) {
    const currency = p.fine.currency;
    if (p.fine.unspecified) parts.push(fill(pt.fineUnspecified, { currency }));
    else if (p.fine.min !== undefined) parts.push(fill(pt.fineRange, { currency, min: n(p.fine.min), max: n(p.fine.max ?? 0) }));
    else parts.push(fill(pt.fineUpTo, { currency, max: n(p.fine.max ?? 0) }));
  }
  if (p.whipping) parts.push(t.whipping);
  return parts.join(pt.and);
}

/** A position as worded in `language`: coded aspects translated, free text (English) as written in the rule file. */
export function positionText(p: DefinitionPosition, language: Language = 'en'): string {
  if (p.code) return fill(labelsFor(language).aspectValues[p.code], p.params ?? {});
  return p.text?.[language] ?? p.value ?? '';
}

/**
 * The one-line significance of a catalogue entry, in `language`; worked out from the entry
 * itself (which regimes count the concept, which hold which position), so it cannot drift from it.
 */
export function significanceOf(e: Omit<DefinitionDivergence, 'significance'>, language: Language = 'en'): string {
  const t = labelsFor(language);
  const s = (key: SignificanceKey, params: Record<string, string | number> = {}) => fill(t.significanceText[key], params);
  const entries = Object.entries(e.positions) as Array<[RegimeId, DefinitionPosition]>;
  const list = (xs: Array<[RegimeId, DefinitionPosition]>) => xs.map(([r]) => r).join(', ');
  const groups = () => {
    const by = new Map<string, RegimeId[]>();
    for (const [r, p] of entries) by.set(positionText(p, language), [...(by.get(positionText(p, language)) ?? []), r]);
    return [...by].map(([v, rs]) => `${rs.join(', ')}: ${v}`).join('; ');
  };
  if (e.element === 'act' || e.element === 'means' || e.element === 'exploitation') {
    const contested = entries.filter(([, p]) => p.relation === 'contested');
    if (e.diverges) {
      return (
        s('conceptDiverges', { kind: t.conceptKinds[e.element], yes: list(entries.filter(([, p]) => p.counts)), no: list(entries.filter(([, p]) => !p.counts)) }).replace(/\.$/, '') +
        (contested.length ? s('conceptContestedSuffix', { regimes: list(contested) }) : '') +
        '.'
      );
    }
    if (contested.length) return s('conceptContested', { regimes: list(contested) });
    return s(new Set(entries.map(([, p]) => p.relation)).size > 1 ? 'conceptBreadth' : 'conceptSame');
  }
  const pick = (differs: SignificanceKey, same: SignificanceKey, params: Record<string, string | number> = {}) => (e.diverges ? s(differs, { groups: groups(), ...params }) : s(same, params));
  switch (e.id) {
    case 'definition':
      return pick('definitionDiffers', 'definitionSame');
    case 'child.age':
      return pick('childAgeDiffers', 'childAgeSame', { age: entries[0]?.[1].params?.['age'] ?? '' });
    case 'child.unborn':
      return pick('unbornDiffers', 'unbornSame', { yes: list(entries.filter(([, p]) => p.code === 'unborn:yes')) });
    case 'child.means-rule':
      return pick('meansRuleDiffers', 'meansRuleSame');
    case 'consent':
      return s('consent');
    case 'victim':
      return pick('victimDiffers', 'victimSame');
    case 'scope':
      return pick('scopeDiffers', 'scopeSame');
    case 'actual-exploitation':
      return pick('actualDiffers', 'actualSame');
    case 'exploitation-list':
      return pick('listDiffers', 'listSame');
    case 'neighbouring-offences': {
      const some = entries.filter(([, p]) => p.neighbouring?.length).map(([r]) => r);
      return message(language, 'otherOffences.significance', { regimes: some.join(', ') });
    }
    default:
      return pick('penaltyDiffers', 'penaltySame');
  }
}
