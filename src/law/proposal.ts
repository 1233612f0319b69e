import { z } from 'zod';
import { FactsError, type FactsIssue } from '../facts/errors.js';
import { ACTS, EXPLOITATION, MEANS } from '../facts/concepts.js';
import { checkVersion, elementIds, type LoadedRegime, type LoadedVersion, type RuleBook, versionOn } from './load.js';
import {
  type Element,
  type Interpretation,
  type Version,
  citationSchema,
  labelSchema,
  penaltySchema,
  profileSchema,
  rawConditionSchema,
  relationSchema,
  versionSchema,
} from './schema.js';

/**
 * A proposed amendment as data (OpenFisca calls it a reform): an overlay on one or more dated
 * versions of the rule data. Applying it yields new versions (`<version id>+<proposal id>`) that
 * the same evaluator runs; nothing in src/ knows what any proposal says.
 */

const nonEmpty = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const elementId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'element ids are kebab-case, e.g. "means"');
const ruleId = z.string().regex(/^[a-z0-9][a-z0-9.()-]*$/, 'offence ids look like "kuhp-455-1"');

/** The proposed wording: a citation whose text (original language and English) is required. */
export const proposedCitationSchema = citationSchema.safeExtend({
  text: z.strictObject({
    original: nonEmpty,
    language: z.enum(['id', 'ms', 'en']),
    english: nonEmpty,
  }),
});

/** Where in a version an element change applies: an offence or a definition, and the element id. */
const elementTarget = {
  /** Offence id of the amended version, e.g. "kuhp-455-1". */
  offence: ruleId.optional(),
  /** Or a definition: child, victim or scope. */
  definition: z.enum(['child', 'victim', 'scope']).optional(),
  element: elementId,
  /** Citation id (in the proposal's `citations`) of the wording that makes this change. */
  citation: nonEmpty,
};

const newElementSchema = z.strictObject({
  element: elementId,
  condition: rawConditionSchema,
  notRequiredWhen: rawConditionSchema.optional(),
  label: labelSchema,
  note: nonEmpty.optional(),
});

export const proposalChangeSchema = z.discriminatedUnion('op', [
  /** Replace the condition of an existing element (optionally its label). */
  z.strictObject({ op: z.literal('replace-condition'), ...elementTarget, condition: rawConditionSchema, label: labelSchema.optional(), note: nonEmpty.optional() }),
  /** Add an element (its id must not be in that offence or definition yet). */
  z.strictObject({
    op: z.literal('add-element'),
    offence: elementTarget.offence,
    definition: elementTarget.definition,
    citation: nonEmpty,
    add: newElementSchema,
  }),
  /** Remove an element from an offence or definition. */
  z.strictObject({ op: z.literal('remove-element'), ...elementTarget }),
  /** Make an element not required when a condition holds (e.g. means, when the victim is a child). */
  z.strictObject({ op: z.literal('not-required-when'), ...elementTarget, when: rawConditionSchema, note: nonEmpty.optional() }),
  /** Add an offence. */
  z.strictObject({
    op: z.literal('add-offence'),
    citation: nonEmpty,
    add: z.strictObject({
      id: ruleId,
      title: labelSchema,
      trafficking: z.boolean(),
      elements: z.array(newElementSchema).min(1),
      penalty: penaltySchema.omit({ citation: true }).optional(),
      note: nonEmpty.optional(),
    }),
  }),
  /** Remove (repeal) an offence. */
  z.strictObject({ op: z.literal('remove-offence'), offence: ruleId, citation: nonEmpty }),
  /** Change how a shared concept maps onto the statute's term. */
  z.strictObject({
    op: z.literal('map-concept'),
    vocabulary: z.enum(['act', 'means', 'exploitation']),
    concept: nonEmpty,
    relation: relationSchema,
    term: nonEmpty.optional(),
    english: nonEmpty.optional(),
    note: nonEmpty.optional(),
    citation: nonEmpty,
  }),
  /** Switch the default reading of a contested point (for the amended regime). */
  z.strictObject({ op: z.literal('set-interpretation-default'), interpretation: nonEmpty, default: nonEmpty, citation: nonEmpty }),
  /** Restate the version's case-free profile (the divergence catalogue reads it). */
  z.strictObject({
    op: z.literal('set-profile'),
    profile: profileSchema.omit({ citations: true }).partial().refine((p) => Object.keys(p).length > 0, { message: 'name at least one profile field' }),
    citation: nonEmpty,
  }),
]);
export type ProposalChange = z.infer<typeof proposalChangeSchema>;

export const proposalAmendmentSchema = z
  .strictObject({
    /** The version amended, e.g. "uu-21-2007@2026-01-02". */
    version: z.string().regex(/^[a-z0-9-]+@\d{4}-\d{2}-\d{2}$/, 'a version id such as "uu-21-2007@2026-01-02"').optional(),
    /** Or: the regime, with `inForceOn`, for "the version in force on DATE". */
    regime: z.string().regex(/^[a-z0-9-]+$/).optional(),
    /** The version of `regime` in force on this date (with `version`: a check that it is). */
    inForceOn: isoDate.optional(),
    changes: z.array(proposalChangeSchema),
    /** Names (en / id / ms) of element ids the proposal brings that the shared vocabulary does not name. */
    elementLabels: z.record(elementId, labelSchema).optional(),
  })
  .refine((a) => a.version !== undefined || (a.regime !== undefined && a.inForceOn !== undefined), {
    message: 'name the version amended ("version") or a regime and a date ("regime" + "inForceOn")',
  });

/**
 * The zod schema of a proposal file (`proposals/*.json`): the one source of truth for its shape;
 * docs/proposal.schema.json is generated from it.
 *
 * @example
 * ```ts
 * const ok = proposalSchema.safeParse(JSON.parse(text)).success;
 * ```
 */
export const proposalSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Kebab-case id; the reformed version is "<version id>+<id>". */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'kebab-case, e.g. "child-no-means"'),
  title: labelSchema,
  /** Who proposes it and where it comes from (a recommendation, a bill, a treaty article). */
  source: labelSchema,
  /** The proposed wording, by citation id; every change cites one of them. */
  citations: z.record(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/), proposedCitationSchema).refine((c) => Object.keys(c).length > 0, { message: 'a proposal quotes its wording in at least one citation' }),
  amends: z.array(proposalAmendmentSchema).min(1),
  note: nonEmpty.optional(),
});
/**
 * A proposed amendment, as validated ({@link proposalSchema}).
 *
 * @example
 * ```ts
 * const p: Proposal = parseProposal(JSON.parse(text));
 * p.amends.map((a) => a.version ?? `${a.regime} in force on ${a.inForceOn}`);
 * ```
 */
export type Proposal = z.infer<typeof proposalSchema>;

/**
 * A proposal that cannot be applied. A FactsError (the library's one error type for bad input) whose issue paths name the change and the field.
 *
 * @example
 * ```ts
 * try { parseProposal({}); } catch (e) { if (e instanceof ProposalError) console.log(e.issues.map((i) => i.path)); }
 * ```
 */
export class ProposalError extends FactsError {
  readonly proposal?: string;
  constructor(issues: FactsIssue[], proposal?: string) {
    super(issues);
    Object.defineProperty(this, 'message', { value: `Invalid proposal${proposal ? ` ${proposal}` : ''}: ${FactsError.summarise(issues).replace(/^Invalid case facts: /, '')}` });
    if (proposal !== undefined) this.proposal = proposal;
  }
}

/** One version the proposal replaced, and what replaced it. */
export interface ReformedVersion {
  regime: string;
  /** The version amended, e.g. "uu-21-2007@2026-01-02". */
  amends: string;
  /** The reformed version, e.g. "uu-21-2007@2026-01-02+child-no-means". */
  id: string;
  /** Elements touched, as "offence-or-definition/element". */
  touched: string[];
  loaded: LoadedVersion;
}

/** The rule book with the proposal applied: every amended version replaced by its reformed version. */
export interface ReformedBook {
  proposal: Proposal;
  book: RuleBook;
  versions: ReformedVersion[];
}

/**
 * Validate a proposal's shape (zod): a ProposalError naming every bad field. Cross-references (an
 * element that exists, a version in force) are checked when it is applied.
 *
 * @example
 * ```ts
 * const p = parseProposal(JSON.parse(readFileSync('proposals/uu-21-2007-child-no-means.json', 'utf8')));
 * ```
 */
export function parseProposal(input: unknown): Proposal {
  const parsed = proposalSchema.safeParse(input);
  if (!parsed.success) {
    const id = input && typeof input === 'object' && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : undefined;
    throw new ProposalError(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message })),
      id,
    );
  }
  return parsed.data;
}

const clone = <T>(x: T): T => structuredClone(x);

/**
 * Apply a proposal to a rule book: a pure function (the book is not changed). Every amended version
 * is copied, changed, re-validated with the loader's own checks and given the id
 * `<version id>+<proposal id>`; the proposal's citations are added to it and every element a
 * change touched records the citation in `amendedBy`. Anything wrong (an element or offence that
 * does not exist, a version not in force on the date named, a citation without wording) is a
 * ProposalError naming the change and the field, and nothing is applied.
 *
 * `sha256`: the proposal's content hash, written into each reformed version's hash so that a
 * receipt names both the rule file and the proposal.
 */
export function applyProposal(input: unknown, book: RuleBook, sha256?: string): ReformedBook {
  const proposal = parseProposal(input);
  const issues: FactsIssue[] = [];
  const issue = (path: string, code: string, message: string) => issues.push({ path, code, message });
  const replaced = new Map<LoadedVersion, ReformedVersion>();
  const regimeOf = new Map<LoadedVersion, LoadedRegime>();
  const defaults = new Map<LoadedRegime, Map<string, string>>();

  proposal.amends.forEach((a, ai) => {
    const at = `amends.${ai}`;
    let regime: LoadedRegime | undefined;
    let base: LoadedVersion | undefined;
    if (a.version) {
      const rid = a.version.split('@')[0] as string;
      regime = book.regimes.find((r) => r.id === rid);
      if (a.regime && a.regime !== rid) issue(`${at}.regime`, 'mismatch', `"${a.regime}" is not the regime of version ${a.version}`);
      base = regime?.versions.find((v) => v.data.id === a.version);
      if (!base) {
        issue(`${at}.version`, 'unknown_version', `no version "${a.version}"; expected one of: ${book.regimes.flatMap((r) => r.versions.map((v) => v.data.id)).join(', ')}`);
        return;
      }
      if (a.inForceOn && versionOn(regime as LoadedRegime, a.inForceOn) !== base) {
        issue(`${at}.inForceOn`, 'not_in_force', `version ${a.version} is not in force on ${a.inForceOn} (it runs from ${base.data.validFrom}${base.data.validTo ? ` to ${base.data.validTo}` : ''})`);
        return;
      }
    } else {
      regime = book.regimes.find((r) => r.id === a.regime);
      if (!regime) {
        issue(`${at}.regime`, 'unknown_regime', `no regime "${a.regime}"; expected one of: ${book.regimes.map((r) => r.id).join(', ')}`);
        return;
      }
      base = versionOn(regime, a.inForceOn as string);
      if (!base) {
        issue(`${at}.inForceOn`, 'not_in_force', `no version of ${a.regime} is in force on ${a.inForceOn}`);
        return;
      }
    }
    const r = regime as LoadedRegime;
    if ([...replaced.keys()].includes(base)) {
      issue(`${at}`, 'duplicate', `version ${base.data.id} is amended twice; put all its changes in one entry`);
      return;
    }
    const v: Version = clone(base.data);
    const touched = new Set<string>();
    for (const [id, c] of Object.entries(proposal.citations)) {
      if (v.citations[id]) issue(`citations.${id}`, 'duplicate_citation', `citation id "${id}" is already used by ${base.data.id}; choose another`);
      v.citations[id] = clone(c);
    }
    const regimeDefaults = defaults.get(r) ?? new Map<string, string>();
    a.changes.forEach((c, ci) => {
      const where = `${at}.changes.${ci}`;
      if (!proposal.citations[c.citation]) issue(`${where}.citation`, 'unknown_citation', `"${c.citation}" is not one of the proposal's citations (${Object.keys(proposal.citations).join(', ')})`);
      applyChange(v, r, c, where, issue, touched, regimeDefaults);
    });
    if (regimeDefaults.size) defaults.set(r, regimeDefaults);
    if (a.elementLabels) v.elementLabels = { ...(v.elementLabels ?? {}), ...a.elementLabels };
    const unnamed = [...elementIds(v)].filter((id) => !book.concepts.element[id] && !v.elementLabels?.[id]);
    for (const id of unnamed) issue(`${at}.elementLabels.${id}`, 'unnamed_element', `element "${id}" has no name: give it one in en / id / ms in elementLabels`);
    // The loader's own checks, on the version as amended (under its base id, which they expect).
    const parsed = versionSchema.safeParse(v);
    if (!parsed.success) for (const i of parsed.error.issues) issue(`${at}.changes`, 'invalid_result', `the amended version would be invalid: ${i.path.join('.')}: ${i.message}`);
    for (const p of checkVersion(r.id, v, r.interpretations)) issue(`${at}.changes`, 'invalid_result', `the amended version would be invalid: ${p}`);
    const id = `${base.data.id}+${proposal.id}`;
    const data = { ...v, id, changes: [...(v.changes ?? []), `Proposal ${proposal.id}: ${proposal.title.en}`] } as Version;
    const loaded: LoadedVersion = { regime: r.id, file: `${base.file}+proposal:${proposal.id}`, sha256: sha256 ? `${base.sha256}+proposal#${sha256}` : base.sha256, data };
    replaced.set(base, { regime: r.id, amends: base.data.id, id, touched: [...touched], loaded });
    regimeOf.set(base, r);
  });
  if (issues.length) throw new ProposalError(issues, proposal.id);

  const regimes = book.regimes.map((r) => {
    const mine = r.versions.some((v) => replaced.has(v));
    const switched = defaults.get(r);
    if (!mine && !switched) return r;
    let interpretations = r.interpretations;
    if (switched) {
      const m = new Map<string, Interpretation>();
      for (const [id, decl] of r.interpretations) m.set(id, switched.has(id) ? { ...decl, default: switched.get(id) as string } : decl);
      interpretations = m;
    }
    return { ...r, versions: r.versions.map((v) => replaced.get(v)?.loaded ?? v), interpretations } satisfies LoadedRegime;
  });
  return { proposal, book: { ...book, regimes }, versions: [...replaced.values()] };
}

/** Which entry of profile.citations backs each profile field (as src/compare/divergences.ts reads them). */
const PROFILE_CITATION: Record<string, string> = {
  definition: 'childMeansRule',
  childAge: 'child',
  childIncludesUnborn: 'child',
  childIncludesDisability: 'child',
  childMeansRule: 'childMeansRule',
  consentRule: 'consent',
  victimRequiresHarm: 'victim',
  transnationalityRequired: 'scope',
  actualExploitationRequired: 'actualExploitation',
  exploitationListOpen: 'exploitation',
};

type Issue = (path: string, code: string, message: string) => void;

function applyChange(v: Version, regime: LoadedRegime, c: ProposalChange, where: string, issue: Issue, touched: Set<string>, defaults: Map<string, string>): void {
  const list = (): { elements: Element[]; name: string } | undefined => {
    if (!('offence' in c || 'definition' in c)) return undefined;
    const t = c as { offence?: string; definition?: 'child' | 'victim' | 'scope' };
    if ((t.offence === undefined) === (t.definition === undefined)) {
      issue(`${where}.offence`, 'target', 'name exactly one of "offence" or "definition"');
      return undefined;
    }
    if (t.offence !== undefined) {
      const o = v.offences.find((x) => x.id === t.offence);
      if (!o) issue(`${where}.offence`, 'unknown_offence', `no offence "${t.offence}" in ${v.id}; expected one of: ${v.offences.map((x) => x.id).join(', ')}`);
      return o ? { elements: o.elements, name: o.id } : undefined;
    }
    const d = v.definitions[t.definition as 'child'];
    if (!d) issue(`${where}.definition`, 'unknown_definition', `${v.id} has no ${t.definition} definition`);
    return d ? { elements: d.elements, name: t.definition as string } : undefined;
  };
  const find = (target: { elements: Element[]; name: string }, id: string): Element | undefined => {
    const e = target.elements.find((x) => x.element === id);
    if (!e) issue(`${where}.element`, 'unknown_element', `no element "${id}" in ${target.name} of ${v.id}; expected one of: ${target.elements.map((x) => x.element).join(', ')}`);
    return e;
  };
  switch (c.op) {
    case 'replace-condition':
    case 'not-required-when':
    case 'remove-element': {
      const target = list();
      if (!target) return;
      const e = find(target, c.element);
      if (!e) return;
      touched.add(`${target.name}/${c.element}`);
      if (c.op === 'remove-element') {
        target.elements.splice(target.elements.indexOf(e), 1);
        if (target.elements.length === 0) issue(`${where}.element`, 'empty', `removing "${c.element}" would leave ${target.name} with no element`);
        return;
      }
      e.amendedBy = c.citation;
      if (c.op === 'replace-condition') {
        e.condition = clone(c.condition);
        e.citation = c.citation;
        if (c.label) e.label = clone(c.label);
        if (c.note) e.note = c.note;
      } else {
        e.notRequiredWhen = clone(c.when);
        e.notRequiredCitation = c.citation;
        if (c.note) e.note = e.note ? `${e.note} ${c.note}` : c.note;
      }
      return;
    }
    case 'add-element': {
      const target = list();
      if (!target) return;
      if (target.elements.some((x) => x.element === c.add.element)) {
        issue(`${where}.add.element`, 'duplicate_element', `${target.name} already has an element "${c.add.element}" (use replace-condition)`);
        return;
      }
      target.elements.push({ ...clone(c.add), citation: c.citation, amendedBy: c.citation, ...(c.add.notRequiredWhen ? { notRequiredCitation: c.citation } : {}) });
      touched.add(`${target.name}/${c.add.element}`);
      return;
    }
    case 'add-offence': {
      if (v.offences.some((o) => o.id === c.add.id)) {
        issue(`${where}.add.id`, 'duplicate_offence', `${v.id} already has an offence "${c.add.id}"`);
        return;
      }
      const { penalty, elements, ...rest } = clone(c.add);
      v.offences.push({
        ...rest,
        citation: c.citation,
        elements: elements.map((e) => ({ ...e, citation: c.citation, amendedBy: c.citation, ...(e.notRequiredWhen ? { notRequiredCitation: c.citation } : {}) })),
        ...(penalty ? { penalty: { ...penalty, citation: c.citation } } : {}),
      });
      for (const e of elements) touched.add(`${c.add.id}/${e.element}`);
      return;
    }
    case 'remove-offence': {
      const i = v.offences.findIndex((o) => o.id === c.offence);
      if (i < 0) {
        issue(`${where}.offence`, 'unknown_offence', `no offence "${c.offence}" in ${v.id}; expected one of: ${v.offences.map((x) => x.id).join(', ')}`);
        return;
      }
      if (v.primaryOffence === c.offence) {
        issue(`${where}.offence`, 'primary_offence', `"${c.offence}" carries the general definition of ${v.id}; amend its elements instead of removing it`);
        return;
      }
      v.offences.splice(i, 1);
      touched.add(`${c.offence}/*`);
      return;
    }
    case 'map-concept': {
      const ids = { act: ACTS, means: MEANS, exploitation: EXPLOITATION }[c.vocabulary] as readonly string[];
      if (!ids.includes(c.concept)) {
        issue(`${where}.concept`, 'unknown_concept', `no ${c.vocabulary} concept "${c.concept}"; expected one of: ${ids.join(', ')}`);
        return;
      }
      if (c.relation === 'contested') {
        issue(`${where}.relation`, 'contested', 'a proposal settles a term: choose exact, close, broader, narrower or none');
        return;
      }
      const table = v.concepts[c.vocabulary] as Record<string, Version['concepts']['act'][keyof Version['concepts']['act']]>;
      const prior = table[c.concept];
      table[c.concept] = {
        relation: c.relation,
        ...(c.term ? { term: c.term } : {}),
        ...(c.english ? { english: c.english } : {}),
        citation: c.citation,
        ...(c.note ? { note: c.note } : {}),
        ...(prior?.generalList === false ? { generalList: false } : {}),
      };
      touched.add(`concepts.${c.vocabulary}/${c.concept}`);
      return;
    }
    case 'set-interpretation-default': {
      const decl = regime.interpretations.get(c.interpretation);
      if (!decl) {
        issue(`${where}.interpretation`, 'unknown_interpretation', `${regime.id} has no interpretation "${c.interpretation}"; expected one of: ${[...regime.interpretations.keys()].join(', ')}`);
        return;
      }
      if (!decl.readings.some((r) => r.id === c.default)) {
        issue(`${where}.default`, 'unknown_reading', `no reading "${c.default}" of ${c.interpretation}; expected one of: ${decl.readings.map((r) => r.id).join(', ')}`);
        return;
      }
      defaults.set(c.interpretation, c.default);
      touched.add(`interpretation/${c.interpretation}`);
      return;
    }
    case 'set-profile': {
      Object.assign(v.profile, clone(c.profile));
      v.profile.citations = { ...v.profile.citations };
      for (const k of Object.keys(c.profile)) {
        v.profile.citations[PROFILE_CITATION[k] ?? k] = c.citation;
      }
      for (const k of Object.keys(c.profile)) touched.add(`profile/${k}`);
      return;
    }
  }
}
