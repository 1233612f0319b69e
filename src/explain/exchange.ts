import { z } from 'zod';
import { compare } from '../compare/compare.js';
import { ageOnDate } from '../facts/age.js';
import { FactsError, type FactsIssue } from '../facts/errors.js';
import { fromHtcds, HTCDS_MAPPING, htcdsCountry } from '../facts/htcds/fromHtcds.js';
import { caseFactsSchema, countrySchema, isoDateSchema } from '../facts/schema.js';
import { regimes } from '../law/regimes.js';
import type { CaseDivergence, Comparison, RegimeId, Status } from '../types.js';
import { toHtcds, TO_HTCDS } from './toHtcds.js';

/**
 * The bilateral exchange record (issue 15, the research's recommendation 1): what one country's case
 * system sends another's so that a cross-border case is not judged late. It carries the HTCDS fields
 * the sender chose to share (a minimal set: no names, contact details, addresses or identity numbers
 * can be put in it at all), the CaseFacts derived from them, the sender's verdicts under the national
 * laws and ACTIP (and Palermo) with the receipt, and the date. Versioned: `version` changes when the
 * shape does.
 */
export const EXCHANGE_FORMAT = 'tip-harmonise/exchange';
/** The version of the exchange record's shape (the `version` field); a receiver refuses another. */
export const EXCHANGE_VERSION = 1;

const statusSchema = z.enum(['qualifies', 'does-not-qualify', 'undetermined', 'not-in-force']);
const regimeIdSchema = z.enum(['uu-21-2007', 'act-670', 'actip', 'palermo']);
const text = (max: number) => z.string().max(max);
const picklist = z.array(text(60)).max(30);

/**
 * The HTCDS fields an exchange record may carry. Shared by default: citizenship, age when trafficked,
 * methods of control, types of exploitation, perpetrators' roles and historic events (type, country,
 * state, date). `prs_Birthdate` only when the sender asks for it. Nothing else is allowed: names,
 * contact details, addresses, identity numbers, case workers and free text cannot be sent.
 */
export const exchangeHtcdsSchema = z
  .strictObject({
    prs_Citizenship: z.array(countrySchema).max(5).optional(),
    prs_Birthdate: isoDateSchema.optional(),
    vic_AgeWhenTrafficked: z.number().int().min(0).max(130).optional(),
    vic_MethodsOfControl: picklist.optional(),
    vic_TypeOfExploitation: picklist.optional(),
    vic_TypeOfSexExploitation: picklist.optional(),
    per: z.array(z.strictObject({ per_RoleInProcess: picklist })).max(50).optional(),
    hte: z
      .array(
        z.strictObject({
          hte_Type: z.enum(['Recruitment', 'Transit', 'Exploitation']),
          hte_Country: countrySchema.optional(),
          hte_State: text(100).optional(),
          hte_Date: isoDateSchema.optional(),
        }),
      )
      .max(50)
      .optional(),
  })
  .describe('The HTCDS 2.0 fields shared (field names: Human Trafficking Case Data Standard (HTCDS) by IOM, CC BY 4.0).');

/** The HTCDS fields shared when the sender names none. */
export const DEFAULT_SHARED_FIELDS = ['prs_Citizenship', 'vic_AgeWhenTrafficked', 'vic_MethodsOfControl', 'vic_TypeOfExploitation', 'vic_TypeOfSexExploitation', 'per', 'hte'] as const;
/** Fields a sender may add to the default set. */
export const OPTIONAL_SHARED_FIELDS = ['prs_Birthdate'] as const;
type SharedField = (typeof DEFAULT_SHARED_FIELDS)[number] | (typeof OPTIONAL_SHARED_FIELDS)[number];

const verdictsSchema = z.strictObject({
  version: text(100),
  trafficking: statusSchema,
  victim: statusSchema,
  child: statusSchema,
  scope: statusSchema.optional(),
  vic_TraffickingStatus: z.enum(['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking']).optional(),
});

/** The zod schema of the exchange record (the JSON Schema in docs/exchange-record.schema.json is generated from it). */
export const exchangeRecordSchema = z
  .strictObject({
    format: z.literal(EXCHANGE_FORMAT),
    version: z.literal(EXCHANGE_VERSION),
    created: isoDateSchema.describe('The date the record was made.'),
    sender: z.strictObject({ country: countrySchema, system: text(200).optional() }),
    receiver: z.strictObject({ country: countrySchema }).optional(),
    caseRef: text(200).optional().describe("The sender's reference for the case (never a name)."),
    htcds: exchangeHtcdsSchema,
    assumptions: z.array(text(1000)).max(100).describe('Every inference made in deriving the facts from the shared fields.'),
    facts: caseFactsSchema,
    options: z
      .strictObject({ asOf: isoDateSchema.optional(), interpretations: z.record(text(100), text(100)).optional() })
      .optional(),
    verdicts: z.partialRecord(regimeIdSchema, verdictsSchema).describe("The sender's verdicts, per regime."),
    receipt: z.strictObject({
      library: text(100),
      ruleSets: z.record(text(100), text(200)),
      factsHash: text(100),
      asOf: isoDateSchema.optional(),
    }),
  })
  .describe('A bilateral exchange record: shared HTCDS fields, the facts derived from them, the sender\'s verdicts and receipt.');

/** A bilateral exchange record (see {@link exchangeRecordSchema} and docs/case-systems.md section 7). */
export type ExchangeRecord = z.infer<typeof exchangeRecordSchema>;

let schemaCache: object | undefined;
/** The `$id` of the CaseFacts JSON Schema (`factsJsonSchema()`, `tip-harmonise schema`), which `facts` refers to. */
export const CASE_FACTS_SCHEMA_ID = 'https://tip-harmonise.dev/schema/case-facts.json';
/**
 * The JSON Schema (draft 2020-12) of the exchange record, generated from {@link exchangeRecordSchema}.
 * Its `facts` refers (`$ref`) to the CaseFacts schema by its `$id` rather than repeating it, so the
 * record's schema stays the same when CaseFacts gains a field: give your validator both
 * (`factsJsonSchema()` and this one).
 *
 * @example
 * ```ts
 * const schema = exchangeJsonSchema(); // give it to the receiving system's validator
 * ```
 */
export function exchangeJsonSchema(): object {
  if (!schemaCache) {
    const generated = z.toJSONSchema(exchangeRecordSchema, { target: 'draft-2020-12' }) as { properties: Record<string, unknown> };
    generated.properties.facts = { $ref: CASE_FACTS_SCHEMA_ID, description: 'The CaseFacts derived from the shared HTCDS fields (schema: tip-harmonise schema).' };
    schemaCache = { $id: 'https://tip-harmonise.dev/schema/exchange-record-v1.json', title: 'ExchangeRecord', ...generated };
  }
  return structuredClone(schemaCache);
}

/** Options of {@link makeExchange}: who sends to whom, what to share beyond the minimal set, and the law's date. */
export interface MakeExchangeOptions {
  /** Sender's country (ISO alpha-2). */
  from: string;
  /** Receiver's country. */
  to?: string;
  /** Sender's system name. */
  system?: string;
  /** The sender's case reference (not a name). */
  caseRef?: string;
  /** Fields to share beyond the default set (only `prs_Birthdate`). */
  share?: string[];
  /** Date of the record (default: today, UTC). */
  created?: string;
  asOf?: string;
  interpretations?: Record<string, string>;
}

const splitList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[;,\s]+/).filter(Boolean) : []);

/**
 * Make an exchange record from one HTCDS record (JSON form, or a CSV row as an object): keep only the
 * shared fields, derive the facts from them alone, judge them under every regime and attach the receipt.
 * When the birth date is not shared and the age when trafficked is not recorded, the age at the first
 * historic event's date is derived from the birth date and shared instead (stated in `assumptions`).
 * Bad input raises a FactsError naming the HTCDS fields.
 *
 * @example
 * ```ts
 * const record = await makeExchange(htcdsRecord, { from: 'ID', to: 'MY' });
 * const report = await verifyExchange(record, { receiver: 'MY' });
 * ```
 */
export async function makeExchange(htcds: Record<string, unknown>, options: MakeExchangeOptions): Promise<ExchangeRecord> {
  const first = fromHtcds(htcds);
  if (first.issues.length) throw new FactsError(first.issues, first.facts.id);
  const bad = (options.share ?? []).filter((f) => !(OPTIONAL_SHARED_FIELDS as readonly string[]).includes(f) && !(DEFAULT_SHARED_FIELDS as readonly string[]).includes(f));
  if (bad.length) throw new FactsError(bad.map((f) => ({ path: 'options.share', code: 'not_shareable', message: `${f} cannot be shared in an exchange record; shareable: ${[...DEFAULT_SHARED_FIELDS, ...OPTIONAL_SHARED_FIELDS].join(', ')}` })));
  const shared = new Set<SharedField>([...DEFAULT_SHARED_FIELDS, ...((options.share ?? []) as SharedField[])]);
  const out: Record<string, unknown> = {};
  const assumptions: string[] = [];
  const nat = first.facts.victim?.nationality;
  if (shared.has('prs_Citizenship') && htcds.prs_Citizenship !== undefined && htcds.prs_Citizenship !== '') out.prs_Citizenship = nat ? [nat] : [];
  if (shared.has('prs_Birthdate') && first.facts.victim?.birthDate) out.prs_Birthdate = first.facts.victim.birthDate;
  const age = first.facts.victim?.age;
  if (typeof age === 'number') out.vic_AgeWhenTrafficked = age;
  else if (!shared.has('prs_Birthdate') && first.facts.victim?.birthDate && first.facts.conductDate) {
    const derivedAge = ageOnDate(first.facts.victim.birthDate, first.facts.conductDate);
    if (derivedAge >= 0) {
      out.vic_AgeWhenTrafficked = derivedAge;
      assumptions.push(`vic_AgeWhenTrafficked derived by the sender from prs_Birthdate at the first historic event's date (${first.facts.conductDate}); the birth date itself is not shared.`);
    } else assumptions.push('prs_Birthdate is after the first historic event: no age is derived, and the birth date is not shared (share it with prs_Birthdate if it matters).');
  }
  for (const f of ['vic_MethodsOfControl', 'vic_TypeOfExploitation', 'vic_TypeOfSexExploitation'] as const) {
    const alias = Object.entries(HTCDS_MAPPING.aliases).find(([, v]) => v === f)?.[0];
    const v = htcds[f] ?? (alias ? htcds[alias] : undefined);
    const list = splitList(v);
    if (shared.has(f) && list.length) out[f] = list;
  }
  const roles: Array<{ per_RoleInProcess: string[] }> = [];
  if (Array.isArray(htcds.per)) for (const p of htcds.per) roles.push({ per_RoleInProcess: splitList((p as Record<string, unknown>)?.per_RoleInProcess) });
  if (htcds.per_RoleInProcess !== undefined) roles.push({ per_RoleInProcess: splitList(htcds.per_RoleInProcess) });
  const someRoles = roles.filter((r) => r.per_RoleInProcess.length);
  if (shared.has('per') && someRoles.length) out.per = someRoles;
  const events = eventsOf(htcds);
  if (shared.has('hte') && events.length) out.hte = events;

  const derived = fromHtcds(out);
  if (derived.issues.length) throw new FactsError(derived.issues);
  const facts = { ...derived.facts, ...(options.caseRef ? { id: options.caseRef } : {}) };
  const compareOptions = { ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.interpretations ? { interpretations: options.interpretations } : {}) };
  const c = await compare(facts, compareOptions);
  const record: ExchangeRecord = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    created: options.created ?? new Date().toISOString().slice(0, 10),
    sender: { country: options.from, ...(options.system ? { system: options.system } : {}) },
    ...(options.to ? { receiver: { country: options.to } } : {}),
    ...(options.caseRef ? { caseRef: options.caseRef } : {}),
    htcds: out as ExchangeRecord['htcds'],
    assumptions: [...assumptions, ...derived.assumptions],
    facts,
    ...(Object.keys(compareOptions).length ? { options: compareOptions } : {}),
    verdicts: verdictsOf(c),
    receipt: JSON.parse(JSON.stringify(c.receipt)) as ExchangeRecord['receipt'],
  };
  const checked = exchangeRecordSchema.safeParse(record);
  if (!checked.success) throw new FactsError(checked.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })));
  return record;
}

/** Historic events as the JSON form: from an `hte` array, or from a CSV row's `;`-separated hte_ columns. */
function eventsOf(htcds: Record<string, unknown>): Array<Record<string, string>> {
  const pick = (o: Record<string, unknown>) => {
    const e: Record<string, string> = {};
    for (const k of ['hte_Type', 'hte_Country', 'hte_State', 'hte_Date']) {
      const v = o[k];
      if (typeof v === 'string' && v.trim()) e[k] = k === 'hte_Country' ? (htcdsCountry(v) ?? v) : v.trim();
    }
    return e;
  };
  if (Array.isArray(htcds.hte)) return htcds.hte.map((e) => pick((e ?? {}) as Record<string, unknown>));
  const cols = ['hte_Type', 'hte_Country', 'hte_State', 'hte_Date'].filter((k) => typeof htcds[k] === 'string' && (htcds[k] as string).trim());
  if (!cols.length) return [];
  const lists = Object.fromEntries(cols.map((k) => [k, (htcds[k] as string).split(';')]));
  const n = Math.max(...Object.values(lists).map((l) => l.length));
  return Array.from({ length: n }, (_, i) => pick(Object.fromEntries(cols.map((k) => [k, lists[k]?.[i]]))));
}

function verdictsOf(c: Comparison): ExchangeRecord['verdicts'] {
  const v: ExchangeRecord['verdicts'] = {};
  for (const r of c.regimes) {
    const h = r.victim.status === 'not-in-force' ? undefined : TO_HTCDS[r.victim.status];
    v[r.regime] = {
      version: r.version.id,
      trafficking: r.trafficking.status,
      victim: r.victim.status,
      child: r.child.status,
      ...(r.scope ? { scope: r.scope.status } : {}),
      ...(h ? { vic_TraffickingStatus: h } : {}),
    };
  }
  return v;
}

/** What the receiver found on re-evaluating an exchange record. */
export interface ExchangeVerification {
  /** True when the receiver's re-evaluation gives the sender's verdicts on the same rule files and facts. */
  verified: boolean;
  sender: { country: string; regime?: RegimeId };
  receiver: { country: string; regime?: RegimeId };
  receipt: {
    sameLibrary: boolean;
    sameFacts: boolean;
    /** Regimes whose rule file differs between sender and receiver (sender's id, receiver's id). */
    ruleSetsDiffer: Array<{ regime: string; sender?: string; receiver?: string }>;
  };
  /** The shared HTCDS fields, mapped again on the receiver's side, give the facts in the record. */
  factsMatchHtcds: boolean;
  /** Verdicts where the receiver's re-evaluation differs from what the sender recorded. */
  reEvaluation: Array<{ regime: RegimeId; verdict: 'trafficking' | 'victim' | 'child' | 'scope'; sender: Status; receiver?: Status }>;
  /** The two national laws (and ACTIP) side by side, and the verdicts on which the two countries' laws differ. */
  lawDivergence: {
    statuses: Partial<Record<RegimeId, { trafficking: Status; victim: Status; child: Status }>>;
    differ: Array<'trafficking' | 'victim' | 'child'>;
    /** The receiver's case divergences between the two national laws, with their causes and citations. */
    causes: CaseDivergence[];
  };
  /** The receiver's own Comparison of the facts. */
  comparison: Comparison;
}

/** JSON with object keys sorted, so that two equal values give one string whatever their key order. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The regime whose jurisdiction is a country (from the rule data: regime.json "jurisdiction"). */
function regimeOf(country: string): RegimeId | undefined {
  return regimes().find((r) => r.kind === 'national' && r.jurisdiction === country)?.id;
}

/**
 * Verify an exchange record on the receiver's side: validate it against its schema, re-derive the
 * facts from the shared HTCDS fields, re-evaluate them, check the receipt (same library, same rule
 * files, same facts hash) and report where the receiving country's law reaches a different verdict
 * from the sender's — the case that is a victim in one country and not in the other.
 * Bad records raise a FactsError naming the fields.
 *
 * @example
 * ```ts
 * const v = await verifyExchange(JSON.parse(text), { receiver: 'MY' });
 * if (!v.verified) console.log(v.receipt, v.reEvaluation);
 * console.log(v.lawDivergence.differ); // e.g. ['victim']
 * ```
 */
export async function verifyExchange(input: unknown, options: { receiver?: string } = {}): Promise<ExchangeVerification> {
  const parsed = exchangeRecordSchema.safeParse(input);
  if (!parsed.success) {
    const issues: FactsIssue[] = parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));
    throw new FactsError(issues);
  }
  const record = parsed.data;
  const receiverCountry = options.receiver ?? record.receiver?.country;
  if (!receiverCountry || !countrySchema.safeParse(receiverCountry).success)
    throw new FactsError([{ path: 'receiver.country', code: 'missing_receiver', message: 'name the receiving country (ISO alpha-2), in the record or as an option' }]);
  const c = await compare(record.facts, record.options ?? {});
  const receipt = JSON.parse(JSON.stringify(c.receipt)) as Comparison['receipt'];
  const ruleSetsDiffer: ExchangeVerification['receipt']['ruleSetsDiffer'] = [];
  for (const k of new Set([...Object.keys(record.receipt.ruleSets), ...Object.keys(receipt.ruleSets)])) {
    const s = record.receipt.ruleSets[k];
    const r = receipt.ruleSets[k];
    if (s !== r) ruleSetsDiffer.push({ regime: k, ...(s ? { sender: s } : {}), ...(r ? { receiver: r } : {}) });
  }
  const { id: _id, ...recordFacts } = record.facts;
  const again = fromHtcds(record.htcds);
  const factsMatchHtcds = !again.issues.length && sortedJson(again.facts) === sortedJson(recordFacts);
  const mine = verdictsOf(c);
  const reEvaluation: ExchangeVerification['reEvaluation'] = [];
  for (const [regime, v] of Object.entries(record.verdicts) as Array<[RegimeId, NonNullable<ExchangeRecord['verdicts'][RegimeId]>]>) {
    for (const verdict of ['trafficking', 'victim', 'child', 'scope'] as const) {
      const s = v[verdict];
      if (s === undefined) continue;
      const r = mine[regime]?.[verdict];
      if (r !== s) reEvaluation.push({ regime, verdict, sender: s, ...(r ? { receiver: r } : {}) });
    }
  }
  const senderRegime = regimeOf(record.sender.country);
  const receiverRegime = regimeOf(receiverCountry);
  const compared = [senderRegime, receiverRegime, 'actip' as const].filter((r, i, a): r is RegimeId => !!r && a.indexOf(r) === i);
  const statuses: ExchangeVerification['lawDivergence']['statuses'] = {};
  for (const r of compared) {
    const m = mine[r];
    if (m) statuses[r] = { trafficking: m.trafficking, victim: m.victim, child: m.child };
  }
  const differ: ExchangeVerification['lawDivergence']['differ'] = [];
  if (senderRegime && receiverRegime && senderRegime !== receiverRegime) {
    for (const verdict of ['trafficking', 'victim', 'child'] as const) if (statuses[senderRegime]?.[verdict] !== statuses[receiverRegime]?.[verdict]) differ.push(verdict);
  }
  const pair = [senderRegime, receiverRegime].filter((r): r is RegimeId => !!r);
  const causes = c.divergences
    .filter((d) => (differ as string[]).includes(d.verdict))
    .map((d) => ({ ...d, statuses: Object.fromEntries(Object.entries(d.statuses).filter(([k]) => pair.includes(k as RegimeId))), causes: d.causes.filter((x) => x.regimes.some((r) => pair.includes(r as RegimeId))) }));
  const sameFacts = receipt.factsHash === record.receipt.factsHash;
  const sameLibrary = receipt.library === record.receipt.library;
  return {
    verified: sameFacts && !ruleSetsDiffer.length && !reEvaluation.length && factsMatchHtcds,
    sender: { country: record.sender.country, ...(senderRegime ? { regime: senderRegime } : {}) },
    receiver: { country: receiverCountry, ...(receiverRegime ? { regime: receiverRegime } : {}) },
    receipt: { sameLibrary, sameFacts, ruleSetsDiffer },
    factsMatchHtcds,
    reEvaluation,
    lawDivergence: { statuses, differ, causes },
    comparison: c,
  };
}

/** The HTCDS status the receiver would record for each regime (convenience for case systems). */
export function exchangeHtcdsStatus(v: ExchangeVerification): ReturnType<typeof toHtcds> {
  return toHtcds(v.comparison);
}
