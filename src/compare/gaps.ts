import { FactsError, type FactsIssue, isFactsError } from '../facts/errors.js';
import { bundledRuleBook } from '../law/bundled.js';
import { regimes as regimeInfo } from '../law/regimes.js';
import type { CompareOptions, Comparison, ISODate, RegimeId, Status, VerdictName } from '../types.js';
import { compareOne } from './compareMany.js';
import { type FallThrough, fallThrough } from './fallThrough.js';
import { resolveOptions } from './options.js';

/**
 * Options of gaps(): the compare() options, plus the bounds that keep a report's size (and the
 * memory of a streaming run) independent of the number of cases. Counts are always exact; only
 * the lists of case ids are cut, and each list says how many ids it left out.
 */
export interface GapOptions extends CompareOptions {
  /** Case ids kept per combination, cause and missing fact (default 100). */
  maxCaseIds?: number;
  /** Fall-through cases listed in full (default 1000; the count covers them all). */
  maxFallThrough?: number;
  /** Bad records listed (default 1000; the count covers them all). */
  maxBadRecords?: number;
}

/** One combination of statuses across the regimes, e.g. ACTIP and Act 670 qualify, UU 21/2007 does not. */
export interface StatusCombination {
  statuses: Partial<Record<RegimeId, Status>>;
  count: number;
  /** The first `maxCaseIds` cases with this combination, in input order. */
  caseIds: string[];
  /** Cases with this combination whose ids were not kept (count - caseIds.length). */
  caseIdsOmitted: number;
}

/** An element that decides fall-through cases (from their case divergences), with how many. */
export interface GapCause {
  cause: string;
  /** Fall-through cases it decides (each case counted once). */
  cases: number;
  /** Of those, how many fail under each national regime. */
  failsUnder: Partial<Record<RegimeId, number>>;
  caseIds: string[];
  caseIdsOmitted: number;
}

/** A fact whose value would decide undetermined cases, with how many. */
export interface GapMissingFact {
  fact: string;
  /** Undetermined cases it would help decide (its value is missing for a trafficking verdict of the case). */
  cases: number;
  caseIds: string[];
  caseIdsOmitted: number;
}

/** A record that could not be judged, and why; `file`/`line` when the caller said where it came from. */
export interface GapBadRecord {
  /** 1-based position of the record in the whole input. */
  index: number;
  file?: string;
  /** The line the record starts on. */
  line?: number;
  caseId?: string;
  /** What is wrong, field by field; `line` is the field's own line when the source could tell it. */
  issues: Array<FactsIssue & { line?: number }>;
}

/**
 * Gap analysis over a case set (issue 14, section 1): how many cases end in each combination of
 * statuses, which cases fall through the gap between the regimes (compare/fallThrough.ts) and why,
 * and what facts would decide the undetermined ones. Bad records are counted and listed.
 */
export interface GapReport {
  /** Records read, good and bad. */
  cases: number;
  /** Records judged (cases - badRecords.count). */
  evaluated: number;
  regimes: RegimeId[];
  asOf?: ISODate;
  /** Trafficking statuses, most frequent combination first. */
  combinations: StatusCombination[];
  victimCombinations: StatusCombination[];
  childCombinations: StatusCombination[];
  fallThroughCount: number;
  /** The first `maxFallThrough` fall-through cases, in input order. */
  fallThrough: Array<FallThrough & { caseId: string }>;
  fallThroughOmitted: number;
  /** Elements deciding the fall-through cases, most cases first ('offences', the whole-verdict summary every failing regime has, and 'caught-by' are not ranked). */
  causes: GapCause[];
  undetermined: {
    /** Cases whose trafficking verdict is undetermined under at least one regime. */
    count: number;
    /** Missing facts, the one that would decide most of those cases first. */
    facts: GapMissingFact[];
  };
  badRecords: { count: number; records: GapBadRecord[]; omitted: number };
  limits: { maxCaseIds: number; maxFallThrough: number; maxBadRecords: number };
}

/** Where a record came from (the CLI passes file and line so bad records can be found). */
export interface RecordSource {
  file?: string;
  line?: number;
  /** The line of a field (a FactsIssue path) in the source, when the source can tell (a pretty-printed JSON file). */
  lineOf?: (path: string) => number | undefined;
}

const DEFAULTS = { maxCaseIds: 100, maxFallThrough: 1000, maxBadRecords: 1000 } as const;
const VERDICT_LISTS: Array<[VerdictName, 'combinations' | 'victimCombinations' | 'childCombinations']> = [
  ['trafficking', 'combinations'],
  ['victim', 'victimCombinations'],
  ['child', 'childCombinations'],
];
/**
 * Causes that do not decide a gap, so they are not ranked: 'offences', the whole-verdict summary
 * present whenever a regime fails, and 'caught-by', which names the neighbouring offence that
 * catches the case (issue 13) rather than why the trafficking definition fails.
 */
const NOT_RANKED = new Set(['offences', 'caught-by']);

interface Bucket {
  count: number;
  caseIds: string[];
}

function limit(options: GapOptions, key: keyof typeof DEFAULTS, issues: FactsIssue[]): number {
  const v = options[key];
  if (v === undefined) return DEFAULTS[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10_000_000) {
    issues.push({ path: `options.${key}`, code: 'invalid_limit', message: 'expected a whole number from 0 to 10000000' });
    return DEFAULTS[key];
  }
  return v;
}

/**
 * The accumulator behind gaps(): feed it records one at a time (`add`), read the report at any
 * point (`report`). Memory is bounded by the number of distinct status combinations, elements and
 * fact paths (all fixed by the rule data) and by the list limits, never by the number of cases.
 *
 * Each record is screened (detail 'verdicts', statuses only); only a case that falls through or
 * is undetermined is judged again in full, for its causes and missing facts. The screening and
 * full paths give the same statuses (test/differential-screen.test.ts).
 *
 * Throws FactsError (naming `options.*`) when the options are invalid; never for a bad record.
 */
export class GapAccumulator {
  private readonly compareOptions: CompareOptions;
  private readonly screenOptions: CompareOptions;
  private readonly regimeIds: RegimeId[];
  private readonly kind: Map<string, string>;
  private readonly limits: GapReport['limits'];
  private readonly asOf: ISODate | undefined;
  private read = 0;
  private readonly combos = new Map<VerdictName, Map<string, Bucket & { statuses: Partial<Record<RegimeId, Status>> }>>();
  private fallCount = 0;
  private readonly falls: Array<FallThrough & { caseId: string }> = [];
  private readonly causes = new Map<string, Bucket & { failsUnder: Partial<Record<RegimeId, number>> }>();
  private undeterminedCount = 0;
  private readonly facts = new Map<string, Bucket>();
  private badCount = 0;
  private readonly bad: GapBadRecord[] = [];

  constructor(options: GapOptions = {}) {
    const { maxCaseIds, maxFallThrough, maxBadRecords, ...compareOptions } = options;
    const issues: FactsIssue[] = [];
    this.limits = { maxCaseIds: limit(options, 'maxCaseIds', issues), maxFallThrough: limit(options, 'maxFallThrough', issues), maxBadRecords: limit(options, 'maxBadRecords', issues) };
    if (issues.length) throw new FactsError(issues);
    const book = bundledRuleBook();
    // Bad options would make every record bad: refuse them once, here.
    const resolved = resolveOptions(compareOptions, book);
    this.regimeIds = [...resolved.regimes];
    this.asOf = resolved.asOf;
    this.compareOptions = { ...compareOptions, detail: 'full' };
    this.screenOptions = { ...compareOptions, detail: compareOptions.detail ?? 'verdicts' };
    this.kind = new Map(regimeInfo(book).map((r) => [r.id, r.kind]));
    for (const [v] of VERDICT_LISTS) this.combos.set(v, new Map());
  }

  /** Records read so far, and how many of them were bad (for progress display). */
  get counted(): { records: number; bad: number } {
    return { records: this.read, bad: this.badCount };
  }

  /** Judge one record and count it. A bad record is counted and listed, never thrown. */
  add(record: unknown, where: RecordSource = {}): void {
    this.read += 1;
    const index = this.read;
    const screened = compareOne(record, this.screenOptions);
    if (isFactsError(screened)) {
      this.addBad(screened.issues, where, screened.caseId, index);
      return;
    }
    let c: Comparison = screened;
    if (this.needsDetail(screened)) {
      const full = compareOne(record, this.compareOptions);
      if (isFactsError(full)) {
        this.addBad(full.issues, where, full.caseId, index);
        return;
      }
      c = full;
    }
    this.count(c, this.idOf(c.caseId, where, index));
  }

  /**
   * Count a record the caller could not even read (invalid JSON, say) as bad, with its issues.
   * `add` does this itself for records that fail validation.
   */
  addUnreadable(issues: FactsIssue[], where: RecordSource = {}): void {
    this.read += 1;
    this.addBad(issues, where, undefined, this.read);
  }

  /** The report so far (a snapshot: adding more records afterwards does not change it). */
  report(): GapReport {
    const list = (v: VerdictName): StatusCombination[] =>
      [...(this.combos.get(v)?.entries() ?? [])]
        .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
        .map(([, b]) => ({ statuses: { ...b.statuses }, count: b.count, caseIds: [...b.caseIds], caseIdsOmitted: b.count - b.caseIds.length }));
    const ranked = <T extends Bucket>(m: Map<string, T>) => [...m.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
    const out: GapReport = {
      cases: this.read,
      evaluated: this.read - this.badCount,
      regimes: [...this.regimeIds],
      combinations: list('trafficking'),
      victimCombinations: list('victim'),
      childCombinations: list('child'),
      fallThroughCount: this.fallCount,
      fallThrough: this.falls.map((f) => ({ ...f, qualifiesUnder: [...f.qualifiesUnder], failsUnder: [...f.failsUnder], causes: [...f.causes] })),
      fallThroughOmitted: this.fallCount - this.falls.length,
      causes: ranked(this.causes).map(([cause, b]) => ({ cause, cases: b.count, failsUnder: { ...b.failsUnder }, caseIds: [...b.caseIds], caseIdsOmitted: b.count - b.caseIds.length })),
      undetermined: {
        count: this.undeterminedCount,
        facts: ranked(this.facts).map(([fact, b]) => ({ fact, cases: b.count, caseIds: [...b.caseIds], caseIdsOmitted: b.count - b.caseIds.length })),
      },
      badRecords: { count: this.badCount, records: this.bad.map((r) => ({ ...r, issues: r.issues.map((i) => ({ ...i })) })), omitted: this.badCount - this.bad.length },
      limits: { ...this.limits },
    };
    if (this.asOf) out.asOf = this.asOf;
    return out;
  }

  private needsDetail(c: Comparison): boolean {
    if (this.screenOptions.detail === 'full') return false;
    let qualifies = false;
    let nationalFails = false;
    for (const r of c.regimes) {
      const s = r.trafficking.status;
      if (s === 'undetermined') return true;
      if (s === 'qualifies') qualifies = true;
      else if (s === 'does-not-qualify' && this.kind.get(r.regime) === 'national') nationalFails = true;
    }
    return qualifies && nationalFails;
  }

  /** A case without an id is named by where it came from (file:line) or its position (#n). */
  private idOf(caseId: string | undefined, where: RecordSource, index: number): string {
    if (caseId !== undefined) return caseId;
    if (where.file !== undefined) return where.line !== undefined ? `${where.file}:${where.line}` : where.file;
    return `#${index}`;
  }

  private keep(b: Bucket, id: string): void {
    b.count += 1;
    if (b.caseIds.length < this.limits.maxCaseIds) b.caseIds.push(id);
  }

  private count(c: Comparison, id: string): void {
    for (const [v] of VERDICT_LISTS) {
      const statuses: Partial<Record<RegimeId, Status>> = {};
      let key = '';
      for (const r of c.regimes) {
        const s = r[v]?.status;
        if (s === undefined) continue;
        statuses[r.regime] = s;
        key += `${r.regime}=${s};`;
      }
      const m = this.combos.get(v) as Map<string, Bucket & { statuses: Partial<Record<RegimeId, Status>> }>;
      let b = m.get(key);
      if (!b) {
        b = { statuses, count: 0, caseIds: [] };
        m.set(key, b);
      }
      this.keep(b, id);
    }
    const f = fallThrough(c);
    if (f) {
      this.fallCount += 1;
      if (this.falls.length < this.limits.maxFallThrough) this.falls.push({ ...f, caseId: id });
      // Which national regimes each cause is named for, from the case divergences.
      const trafficking = c.divergences.find((d) => d.verdict === 'trafficking');
      for (const cause of f.causes) {
        if (NOT_RANKED.has(cause)) continue;
        let b = this.causes.get(cause);
        if (!b) {
          b = { count: 0, caseIds: [], failsUnder: {} };
          this.causes.set(cause, b);
        }
        this.keep(b, id);
        const named = new Set(trafficking?.causes.filter((k) => k.element === cause).flatMap((k) => k.regimes) ?? []);
        for (const r of f.failsUnder) if (named.has(r)) b.failsUnder[r] = (b.failsUnder[r] ?? 0) + 1;
      }
    }
    const undecided = c.regimes.filter((r) => r.trafficking.status === 'undetermined');
    if (undecided.length) {
      this.undeterminedCount += 1;
      for (const fact of new Set(undecided.flatMap((r) => r.trafficking.missingFacts))) {
        let b = this.facts.get(fact);
        if (!b) {
          b = { count: 0, caseIds: [] };
          this.facts.set(fact, b);
        }
        this.keep(b, id);
      }
    }
  }

  private addBad(issues: FactsIssue[], where: RecordSource, caseId: string | undefined, index: number): void {
    this.badCount += 1;
    if (this.bad.length >= this.limits.maxBadRecords) return;
    const r: GapBadRecord = {
      index,
      issues: issues.map((i) => {
        const line = where.lineOf?.(i.path);
        return line !== undefined ? { ...i, line } : { ...i };
      }),
    };
    if (where.file !== undefined) r.file = where.file;
    if (where.line !== undefined) r.line = where.line;
    if (caseId !== undefined) r.caseId = caseId;
    this.bad.push(r);
  }
}

/**
 * Gap analysis over a case set: counts of each combination of trafficking (and victim, child)
 * statuses across the regimes, the cases that fall through the gap with their causes, the causes
 * ranked by the cases they decide, and the missing facts ranked by the undetermined cases they
 * would decide. Streams: one record is held at a time (see GapAccumulator for the bounds).
 *
 * Throws FactsError only for invalid options; bad records are counted in `badRecords`.
 *
 * @example
 * ```ts
 * const report = await gaps(cases, { asOf: '2023-06-01' });
 * for (const c of report.combinations) console.log(c.count, c.statuses);
 * console.log(report.fallThroughCount, report.causes[0]?.cause);
 * ```
 */
export async function gaps(cases: Iterable<unknown> | AsyncIterable<unknown>, options: GapOptions = {}): Promise<GapReport> {
  const acc = new GapAccumulator(options);
  const source = Object(cases) as object;
  if (cases === null || cases === undefined || !(Symbol.iterator in source || Symbol.asyncIterator in source)) {
    throw new FactsError([{ path: 'cases', code: 'invalid_type', message: 'expected an array, an iterable or an async iterable of case records' }]);
  }
  if (Symbol.iterator in source) {
    // A synchronous source needs no promise per record.
    for (const record of cases as Iterable<unknown>) acc.add(record);
  } else {
    for await (const record of cases as AsyncIterable<unknown>) acc.add(record);
  }
  return acc.report();
}
