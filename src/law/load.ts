import { z } from 'zod';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { knownFactName } from '../facts/normalise.js';
import { ACTS, EXPLOITATION, MEANS, VOCABULARIES } from '../facts/concepts.js';
import {
  type Citation,
  type Interpretation,
  type RawCondition,
  type RegimeFile,
  type Version,
  labelSchema,
  regimeFileSchema,
  versionSchema,
} from './schema.js';

/** Rule data that does not hold together. Raised when the bundle is built or loaded, never for user input. */
export class RuleDataError extends Error {
  override readonly name = 'RuleDataError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.slice(0, 8).join('; ')}${problems.length > 8 ? ` (+${problems.length - 8} more)` : ''}`);
  }
}

/** The bundle written by scripts/bundle-rules.mjs. */
export interface RuleBundle {
  concepts: { sha256: string; content: unknown };
  regimes: Array<{ file: string; sha256: string; content: unknown; versions: Array<{ file: string; sha256: string; content: unknown }> }>;
}

export interface LoadedVersion {
  regime: string;
  file: string;
  sha256: string;
  data: Version;
}

export interface LoadedRegime {
  id: string;
  file: string;
  sha256: string;
  data: RegimeFile;
  /** Oldest first; they tile the regime's timeline without gap or overlap. */
  versions: LoadedVersion[];
  /** Every interpretation declared by the regime or any of its versions, by id. */
  interpretations: ReadonlyMap<string, Interpretation>;
}

export const conceptLabelsSchema = z.strictObject({
  act: z.record(z.string(), labelSchema),
  means: z.record(z.string(), labelSchema),
  exploitation: z.record(z.string(), labelSchema),
  harm: z.record(z.string(), labelSchema),
  consequence: z.record(z.string(), labelSchema),
  /** Names of the elements the rule files use (row headers of the reports), by element id. */
  element: z.record(z.string(), labelSchema),
});
export type ConceptLabels = z.infer<typeof conceptLabelsSchema>;

export interface RuleBook {
  regimes: LoadedRegime[];
  concepts: ConceptLabels;
  conceptsSha256: string;
}

const zodProblems = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);

/** Validate a rule bundle and build the rule book. Throws RuleDataError naming the file and every problem. */
// Each rule file is validated once, when the book is loaded: without zod's compiled fast path,
// whose code generation costs more than it saves on a single parse (it was most of cold start).
const ONCE = { jitless: true } as const;

/**
 * Load a rule book. Every rule file is validated against its zod schema and cross-checked
 * (citations, interpretations, dates, element names), unless `validated` says the bundle passed
 * those checks when it was built (the library's own bundle: the build fails otherwise, see
 * tsup.config.ts and scripts/check-rules.mjs); then only a cheap integrity check runs, so the
 * library starts fast.
 */
export function loadRuleBook(bundle: RuleBundle, options: { validated?: boolean } = {}): RuleBook {
  if (options.validated) return trustedRuleBook(bundle);
  const concepts = conceptLabelsSchema.safeParse(bundle.concepts.content, ONCE);
  if (!concepts.success) throw new RuleDataError('rules/concepts.json', zodProblems(concepts.error));
  const missingLabels: string[] = [];
  for (const [vocab, ids] of Object.entries(VOCABULARIES)) {
    for (const id of ids) if (!(concepts.data as Record<string, Record<string, unknown>>)[vocab]?.[id]) missingLabels.push(`${vocab}.${id}: no label`);
  }
  if (missingLabels.length) throw new RuleDataError('rules/concepts.json', missingLabels);

  const regimes = bundle.regimes.map(loadRegime);
  for (const regime of regimes) {
    for (const v of regime.versions) {
      const unnamed = [...elementIds(v.data)].filter((id) => !concepts.data.element[id] && !v.data.elementLabels?.[id]);
      if (unnamed.length) throw new RuleDataError(v.file, unnamed.map((id) => `element ${id}: no name in rules/concepts.json (element) nor in this version's elementLabels`));
    }
  }
  return { regimes, concepts: concepts.data, conceptsSha256: bundle.concepts.sha256 };
}

/**
 * A bundle validated at build time: the same book loadRuleBook makes, without re-validating. The
 * integrity check makes sure it is a whole bundle of the shape built (every regime with its
 * versions in date order, each version's id and dates consistent) and fails loudly otherwise.
 */
function trustedRuleBook(bundle: RuleBundle): RuleBook {
  const broken = (file: string, why: string): never => {
    throw new RuleDataError(file, [`bundle integrity: ${why}; rebuild it (npm run build)`]);
  };
  const regimes: LoadedRegime[] = bundle.regimes.map((entry) => {
    const data = entry.content as RegimeFile;
    if (!data || typeof data.id !== 'string' || !Array.isArray(data.versions) || data.versions.length !== entry.versions.length) broken(entry.file, 'regime file does not match its versions');
    const interpretations = new Map<string, Interpretation>();
    for (const i of data.interpretations ?? []) interpretations.set(i.id, i);
    const versions = entry.versions.map((v, index) => {
      const vd = v.content as Version;
      if (vd?.id !== `${data.id}@${data.versions[index]}` || vd.validFrom !== data.versions[index] || !Array.isArray(vd.offences)) broken(v.file, 'version id or dates do not match the regime file');
      for (const i of vd.interpretations ?? []) interpretations.set(i.id, i);
      return { regime: data.id, file: v.file, sha256: v.sha256, data: vd };
    });
    return { id: data.id, file: entry.file, sha256: entry.sha256, data, versions, interpretations };
  });
  const concepts = bundle.concepts.content as ConceptLabels;
  if (!concepts?.element) broken('rules/concepts.json', 'no element vocabulary');
  return { regimes, concepts, conceptsSha256: bundle.concepts.sha256 };
}

/** Every element id a version's offences and definitions use. */
export function elementIds(v: Version): Set<string> {
  const ids = new Set<string>();
  for (const o of v.offences) for (const e of o.elements) ids.add(e.element);
  for (const o of v.otherOffences ?? []) for (const e of o.elements) ids.add(e.element);
  for (const d of Object.values(v.definitions)) for (const e of d?.elements ?? []) ids.add(e.element);
  return ids;
}

/**
 * An element's name in a language: the version's own elementLabels first (a new regime or an
 * amendment names its new elements), then the shared vocabulary, else the id itself.
 */
export function elementLabel(book: RuleBook, id: string, language: 'en' | 'id' | 'ms', version?: Version): string {
  return version?.elementLabels?.[id]?.[language] ?? book.concepts.element[id]?.[language] ?? id;
}

function loadRegime(entry: RuleBundle['regimes'][number]): LoadedRegime {
  const parsed = regimeFileSchema.safeParse(entry.content, ONCE);
  if (!parsed.success) throw new RuleDataError(entry.file, zodProblems(parsed.error));
  const regime = parsed.data;
  const interpretations = new Map<string, Interpretation>();
  for (const i of regime.interpretations ?? []) interpretations.set(i.id, i);

  const versions: LoadedVersion[] = entry.versions.map((v) => {
    const pv = versionSchema.safeParse(v.content, ONCE);
    if (!pv.success) throw new RuleDataError(v.file, zodProblems(pv.error));
    for (const i of pv.data.interpretations ?? []) {
      const prior = interpretations.get(i.id);
      if (prior && JSON.stringify(prior) !== JSON.stringify(i)) {
        throw new RuleDataError(v.file, [`interpretation ${i.id} is declared twice with different content`]);
      }
      interpretations.set(i.id, i);
    }
    return { regime: regime.id, file: v.file, sha256: v.sha256, data: pv.data };
  });

  for (const [index, v] of versions.entries()) {
    const problems = checkVersion(regime.id, v.data, interpretations);
    if (v.data.validFrom !== regime.versions[index]) problems.push(`validFrom ${v.data.validFrom} does not match the file name ${regime.versions[index]}`);
    const next = versions[index + 1];
    if (next) {
      const dayBefore = format(addDays(parseISO(next.data.validFrom), -1), 'yyyy-MM-dd');
      if (v.data.validTo !== dayBefore) problems.push(`validTo must be ${dayBefore}, the day before the next version (${next.data.validFrom}) starts; it is ${v.data.validTo ?? 'absent'}`);
    }
    if (v.data.validTo && v.data.validTo < v.data.validFrom) problems.push('validTo is before validFrom');
    if (problems.length) throw new RuleDataError(v.file, problems);
  }
  return { id: regime.id, file: entry.file, sha256: entry.sha256, data: regime, versions, interpretations };
}

/** Cross-reference checks the schema cannot make. */
export function checkVersion(regimeId: string, v: Version, interpretations: ReadonlyMap<string, Interpretation>): string[] {
  const problems: string[] = [];
  if (!v.id.startsWith(`${regimeId}@`)) problems.push(`id ${v.id} must start with "${regimeId}@"`);
  if (v.id !== `${regimeId}@${v.validFrom}`) problems.push(`id ${v.id} must be ${regimeId}@${v.validFrom}`);
  const cite = (ref: string | undefined, where: string) => {
    if (ref !== undefined && !v.citations[ref]) problems.push(`${where}: citation "${ref}" is not defined in citations`);
  };
  const checkCondition = (c: RawCondition, where: string) => {
    if ('all' in c) c.all.forEach((x, i) => checkCondition(x, `${where}.all[${i}]`));
    else if ('any' in c) c.any.forEach((x, i) => checkCondition(x, `${where}.any[${i}]`));
    else if ('not' in c) checkCondition(c.not, `${where}.not`);
    else if ('interpretation' in c) {
      const decl = interpretations.get(c.interpretation);
      if (!decl) problems.push(`${where}: interpretation "${c.interpretation}" is not declared`);
      else {
        for (const r of decl.readings) if (!c.readings[r.id]) problems.push(`${where}: no condition for reading "${r.id}" of ${c.interpretation}`);
        for (const r of Object.keys(c.readings)) if (!decl.readings.some((x) => x.id === r)) problems.push(`${where}: reading "${r}" is not declared in ${c.interpretation}`);
      }
      for (const [r, x] of Object.entries(c.readings)) checkCondition(x, `${where}.readings.${r}`);
    } else if ('fact' in c) {
      if (!knownFactName(c.fact)) problems.push(`${where}: unknown fact "${c.fact}"`);
    }
  };
  for (const [vocab, ids] of [['act', ACTS], ['means', MEANS], ['exploitation', EXPLOITATION]] as const) {
    for (const id of ids) {
      const m = (v.concepts[vocab] as Record<string, Version['concepts']['act'][keyof Version['concepts']['act']]>)[id];
      if (!m) continue;
      cite(m.citation, `concepts.${vocab}.${id}`);
      if (m.relation === 'contested') {
        const decl = interpretations.get(m.interpretation as string);
        if (!decl) problems.push(`concepts.${vocab}.${id}: interpretation "${m.interpretation}" is not declared`);
        else for (const r of m.countsUnder ?? []) if (!decl.readings.some((x) => x.id === r)) problems.push(`concepts.${vocab}.${id}: reading "${r}" is not declared in ${m.interpretation}`);
      }
    }
  }
  const elements = (list: Version['offences'][number]['elements'], where: string) =>
    list.forEach((e, i) => {
      cite(e.citation, `${where}[${i}]`);
      cite(e.notRequiredCitation, `${where}[${i}].notRequiredCitation`);
      cite(e.amendedBy, `${where}[${i}].amendedBy`);
      checkCondition(e.condition, `${where}[${i}].condition`);
      if (e.notRequiredWhen) checkCondition(e.notRequiredWhen, `${where}[${i}].notRequiredWhen`);
    });
  for (const [name, d] of Object.entries(v.definitions)) {
    if (!d) continue;
    cite(d.citation, `definitions.${name}`);
    elements(d.elements, `definitions.${name}.elements`);
  }
  const ids = new Set<string>();
  v.offences.forEach((o, i) => {
    if (ids.has(o.id)) problems.push(`offences[${i}]: duplicate id ${o.id}`);
    ids.add(o.id);
    cite(o.citation, `offences[${i}] (${o.id})`);
    cite(o.penalty?.citation, `offences[${i}].penalty`);
    elements(o.elements, `offences[${i}] (${o.id}).elements`);
    if (o.form) {
      checkCondition(o.form.completedWhen, `offences[${i}] (${o.id}).form.completedWhen`);
      checkCondition(o.form.attemptWhen, `offences[${i}] (${o.id}).form.attemptWhen`);
      for (const k of ['completed', 'attempt'] as const) o.form[k].citations.forEach((ref, j) => cite(ref, `offences[${i}] (${o.id}).form.${k}.citations[${j}]`));
    }
  });
  (v.otherOffences ?? []).forEach((o, i) => {
    if (ids.has(o.id)) problems.push(`otherOffences[${i}]: duplicate id ${o.id}`);
    ids.add(o.id);
    cite(o.citation, `otherOffences[${i}] (${o.id})`);
    cite(o.penalty.citation, `otherOffences[${i}].penalty`);
    elements(o.elements, `otherOffences[${i}] (${o.id}).elements`);
    if (v.validTo && o.validFrom > v.validTo) problems.push(`otherOffences[${i}] (${o.id}): in force from ${o.validFrom}, after this version ends (${v.validTo})`);
    if (o.validTo && o.validTo < v.validFrom) problems.push(`otherOffences[${i}] (${o.id}): ended ${o.validTo}, before this version begins (${v.validFrom})`);
  });
  if (!ids.has(v.primaryOffence) || (v.otherOffences ?? []).some((o) => o.id === v.primaryOffence)) problems.push(`primaryOffence ${v.primaryOffence} is not an offence of this version`);
  for (const [k, ref] of Object.entries(v.profile.citations)) cite(ref, `profile.citations.${k}`);
  for (const [id, c] of Object.entries(v.citations)) problems.push(...checkCitation(id, c));
  return problems;
}

function checkCitation(id: string, c: Citation): string[] {
  if (c.confidence === 'verified' && !c.text) return [`citations.${id}: a verified citation quotes the wording (text.original)`];
  return [];
}

/** The version of a regime in force on `date`, or undefined when none was (before the first, after the last). */
export function versionOn(regime: LoadedRegime, date: string): LoadedVersion | undefined {
  return regime.versions.find((v) => v.data.validFrom <= date && (v.data.validTo === undefined || date <= v.data.validTo));
}
