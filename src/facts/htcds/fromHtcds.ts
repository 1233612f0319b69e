import { COUNTRY_CODES } from '../countries.js';
import type { FactsIssue } from '../errors.js';
import { safeParseFacts } from '../parseFacts.js';
import { isoDateSchema, type CaseFacts } from '../schema.js';
import countryNames from './countryNames.json';
import fieldsData from './fields.json';
import mappingData from './mapping.json';

/**
 * HTCDS in: one record of IOM's Human Trafficking Case Data Standard (HTCDS 2.0) mapped onto
 * `CaseFacts`. The mapping itself is data (./mapping.json: the HTCDS field, the CaseFacts path, the
 * picklist-value mapping and the legal reason for each); this file only applies it.
 *
 * Field names and picklist values: "Human Trafficking Case Data Standard (HTCDS) by IOM", CC BY 4.0.
 * IOM does not endorse tip-harmonise.
 */

/** One problem with one HTCDS field: `path` (and `field`) is the HTCDS field name as written in the record. */
export interface HtcdsIssue extends FactsIssue {
  /** The HTCDS field name (as the record spells it). */
  field: string;
  /** For CSV input: the line of the file the record starts on (1 = the header). */
  line?: number;
}

/** What {@link fromHtcds} read, could not use, and inferred. */
export interface HtcdsMapping {
  /** The case facts mapped from the record (only from fields without issues). */
  facts: CaseFacts;
  /** HTCDS fields read and used, in the order of the record. */
  mapped: string[];
  /** Fields present (with a value) that were not used: every one is listed, with its reason in `reasons`. */
  unmapped: string[];
  /** Why each unmapped field was not used. */
  reasons: Record<string, string>;
  /** Every inference the mapping made beyond what a field says, in plain English. */
  assumptions: string[];
  /** Bad values, each naming the HTCDS field. Empty when the record mapped cleanly. */
  issues: HtcdsIssue[];
}

/** Options of {@link fromHtcds}: the case id to set, and the CSV line to put on issues. */
export interface FromHtcdsOptions {
  /** Case id to put on the facts (default: the record's `id`, when it has one). */
  id?: string;
  /** Line number to put on issues (CSV). */
  line?: number;
}

/** Part of the HTCDS mapping data (./mapping.json). */
export interface HtcdsValueRule {
  to: string[];
  assumed?: string[];
  why: string;
  assumption?: string;
}
/** Part of the HTCDS mapping data (./mapping.json). */
export interface HtcdsFieldRule {
  to: string;
  kind: 'date' | 'age' | 'country' | 'picklist';
  multi?: boolean;
  why: string;
  assumption?: string;
  multipleAssumption?: string;
  alsoPurposes?: boolean;
  purposesAssumption?: string;
  values?: Record<string, HtcdsValueRule>;
}
/** Part of the HTCDS mapping data (./mapping.json). */
export interface HtcdsEventRule {
  to: string;
  assumed?: string[];
  assumption?: string;
}
/** Part of the HTCDS mapping data (./mapping.json). */
export interface HtcdsMappingData {
  standard: string;
  attribution: string;
  aliases: Record<string, string>;
  fields: Record<string, HtcdsFieldRule>;
  events: { fields: string[]; why: string; types: Record<string, HtcdsEventRule>; conductDateAssumption: string; interRegionalAssumption: string };
  notUsed: Record<string, string>;
}

/** The HTCDS mapping as data (field -> CaseFacts path, picklist values, reasons). */
export const HTCDS_MAPPING = mappingData as unknown as HtcdsMappingData;
const NAMES = (countryNames as { names: Record<string, string> }).names;
/** Every HTCDS 2.0 field name, from the standard's field list (./fields.json). */
export const HTCDS_FIELDS = (fieldsData as { fields: Record<string, { label: string; type: string; status: string; values?: string[] }> }).fields;

/** Split a multiselect: arrays as given; strings on `;` (Excel/CSV), `,` or whitespace (ODK select_multiple). */
function splitPicklist(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'string') return [v];
  return v.split(/[;,\s]+/).filter(Boolean);
}

/** Split a country list: on `;` or `,`; a piece made only of two-letter codes separated by spaces (ODK) is split too. */
function splitCountries(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'string') return [v];
  return v
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((s) => (/^[A-Za-z]{2}(\s+[A-Za-z]{2})+$/.test(s) ? s.split(/\s+/) : [s]));
}

/** An ISO 3166-1 alpha-2 code from a code or a listed country name; undefined when neither. */
export function htcdsCountry(value: string): string | undefined {
  const s = value.trim();
  if (/^[A-Za-z]{2}$/.test(s) && COUNTRY_CODES.has(s.toUpperCase())) return s.toUpperCase();
  return NAMES[s.toLowerCase()];
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** Set `path` ("means.force", "victim.harm.physical", "acts.recruitment") to true in an open concept set. */
function setOpen(facts: Record<string, unknown>, path: string): void {
  const parts = path.split('.');
  let o = facts;
  for (const p of parts.slice(0, -2)) o = (o[p] ??= {}) as Record<string, unknown>;
  const set = (o[parts[parts.length - 2] as string] ??= {}) as Record<string, boolean>;
  set[parts[parts.length - 1] as string] = true;
}

/**
 * Map one HTCDS record onto `CaseFacts`.
 *
 * `record` is a JSON object keyed by HTCDS field names (`prs_Birthdate`, `vic_MethodsOfControl`, ...),
 * or a row of the HTCDS Excel template read from CSV (multiselects as `;`-separated strings). Historic
 * events come as an array `hte` of `{ hte_Type, hte_Country, hte_Date, hte_State }` (or, in a CSV row,
 * `;`-separated lists of equal length); perpetrators as an array `per` of `{ per_RoleInProcess }` or a
 * `per_RoleInProcess` field.
 *
 * Nothing is dropped silently: every field is in `mapped` or `unmapped` (with a reason), every
 * inference is in `assumptions`, every bad value is an issue naming the HTCDS field. Concept sets are
 * OPEN: a method of control or exploitation type not ticked stays unknown, never false. `con_Consent`
 * is consent to the interview and never sets `victim.consented`.
 *
 * @example
 * ```ts
 * const { facts, assumptions, issues } = fromHtcds({
 *   prs_Birthdate: '2007-01-15', prs_Citizenship: 'ID',
 *   vic_MethodsOfControl: 'FalsePromises;WithholdsDocuments', vic_TypeOfExploitation: 'ForcedLabour',
 *   hte: [{ hte_Type: 'Recruitment', hte_Country: 'ID', hte_Date: '2023-03-01' }, { hte_Type: 'Exploitation', hte_Country: 'Malaysia' }],
 * });
 * // facts.means = { deception: true, 'document-retention': true }; facts.movement = { origin: 'ID', exploitationCountry: 'MY', ... }
 * ```
 */
export function fromHtcds(record: unknown, options: FromHtcdsOptions = {}): HtcdsMapping {
  const out: HtcdsMapping = { facts: {}, mapped: [], unmapped: [], reasons: {}, assumptions: [], issues: [] };
  const issue = (field: string, code: string, message: string) =>
    out.issues.push({ path: field, field, code, message, ...(options.line !== undefined ? { line: options.line } : {}) });
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    issue('', 'invalid_type', 'expected an HTCDS record: an object keyed by HTCDS field names');
    return out;
  }
  const f: Record<string, unknown> = {};
  const assume = (text: string) => {
    if (!out.assumptions.includes(text)) out.assumptions.push(text);
  };
  const use = (field: string) => {
    if (!out.mapped.includes(field)) out.mapped.push(field);
  };
  const skip = (field: string, reason: string) => {
    if (!out.unmapped.includes(field)) out.unmapped.push(field);
    out.reasons[field] = reason;
  };
  const { aliases, fields, events, notUsed } = HTCDS_MAPPING;
  const eventFields = new Set(events.fields);
  const csvEvents: Record<string, unknown> = {};
  const roles: Array<{ field: string; value: unknown }> = [];

  for (const [written, value] of Object.entries(record as Record<string, unknown>)) {
    if (isEmpty(value)) continue; // an empty cell is unknown: nothing to map, nothing lost
    const name = aliases[written] ?? written;
    if (written === 'id') {
      if (typeof value === 'string' || typeof value === 'number') f.id = String(value).slice(0, 200);
      else issue(written, 'invalid_type', 'expected the case id as a string');
      continue;
    }
    if (eventFields.has(name)) {
      csvEvents[name] = value;
      use(written);
      continue;
    }
    if (written === 'hte') {
      if (!Array.isArray(value)) issue('hte', 'invalid_type', 'expected an array of historic events {hte_Type, hte_Country, hte_Date}');
      else {
        csvEvents.list = value;
        value.forEach((e, i) => {
          if (!e || typeof e !== 'object' || Array.isArray(e)) return; // reported by mapEvents (no hte_Type)
          for (const [k, v] of Object.entries(e as Record<string, unknown>))
            if (!isEmpty(v) && !eventFields.has(k)) skip(`hte.${i}.${k}`, k in HTCDS_FIELDS ? 'A detail of the event (address, coordinates, description) that no regime needs.' : 'Not an HTCDS 2.0 field name.');
        });
      }
      use('hte');
      continue;
    }
    if (written === 'per') {
      if (!Array.isArray(value)) issue('per', 'invalid_type', 'expected an array of perpetrators {per_RoleInProcess}');
      else
        value.forEach((p, i) => {
          if (!p || typeof p !== 'object' || Array.isArray(p)) {
            issue(`per.${i}`, 'invalid_type', 'expected a perpetrator {per_RoleInProcess, ...}');
            return;
          }
          for (const [k, v] of Object.entries(p as Record<string, unknown>)) {
            if (isEmpty(v)) continue;
            if (k === 'per_RoleInProcess') roles.push({ field: `per.${i}.per_RoleInProcess`, value: v });
            // Every other field of a perpetrator (names, role details) is read and listed, never used.
            else skip(`per.${i}.${k}`, notUsed[k] ?? (k in HTCDS_FIELDS ? 'An HTCDS field this mapping does not read: not an element of any regime (or personal data the law does not need).' : 'Not an HTCDS 2.0 field name.'));
          }
        });
      use('per');
      continue;
    }
    if (name === 'per_RoleInProcess') {
      roles.push({ field: written, value });
      use(written);
      continue;
    }
    const rule = fields[name];
    if (!rule) {
      skip(written, notUsed[name] ?? (name in HTCDS_FIELDS ? 'An HTCDS field this mapping does not read: not an element of any regime (or personal data the law does not need).' : 'Not an HTCDS 2.0 field name.'));
      continue;
    }
    if (mapField(written, rule, value, f, out, issue, assume)) use(written);
  }
  for (const r of roles) {
    const rule = fields.per_RoleInProcess as HtcdsFieldRule;
    mapField(r.field, rule, r.value, f, out, issue, assume);
  }
  mapEvents(csvEvents, f, issue, assume);

  if (options.id !== undefined) f.id = options.id;
  // The mapped facts must be valid CaseFacts; an issue here is a mapping defect, reported, not thrown.
  const parsed = safeParseFacts(f);
  if (parsed.success) out.facts = f as CaseFacts;
  else {
    // A cross-field contradiction (a birth date that gives another age on the conduct date than
    // vic_AgeWhenTrafficked): name the HTCDS fields it comes from.
    for (const i of parsed.error.issues) issue(htcdsFieldOf(i.path), i.code, `${i.message} (from ${htcdsFieldOf(i.path)}${i.path.startsWith('victim.age') ? ', prs_Birthdate and the earliest hte_Date' : ''})`);
    out.facts = {};
  }
  return out;
}

/** The HTCDS field a CaseFacts path is mapped from (for issues found on the mapped facts). */
function htcdsFieldOf(path: string): string {
  if (path.startsWith('victim.age')) return 'vic_AgeWhenTrafficked';
  if (path.startsWith('victim.birthDate')) return 'prs_Birthdate';
  if (path.startsWith('victim.nationality')) return 'prs_Citizenship';
  if (path.startsWith('conductDate')) return 'hte_Date';
  if (path.startsWith('movement')) return 'hte_Country';
  for (const [field, rule] of Object.entries(HTCDS_MAPPING.fields)) if (path.startsWith(rule.to)) return field;
  return path;
}

type IssueFn = (field: string, code: string, message: string) => void;

function mapField(field: string, rule: HtcdsFieldRule, value: unknown, f: Record<string, unknown>, out: HtcdsMapping, issue: IssueFn, assume: (s: string) => void): boolean {
  const victim = () => (f.victim ??= {}) as Record<string, unknown>;
  switch (rule.kind) {
    case 'date': {
      const s = typeof value === 'string' ? value.trim() : value;
      if (!isoDateSchema.safeParse(s).success) {
        issue(field, 'invalid_date', `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
        return false;
      }
      victim().birthDate = s;
      return true;
    }
    case 'age': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isInteger(n) || n < 0 || n > 130) {
        issue(field, 'invalid_age', `expected a whole number of years from 0 to 130, got ${JSON.stringify(value)}`);
        return false;
      }
      victim().age = n;
      if (rule.assumption) assume(rule.assumption);
      return true;
    }
    case 'country': {
      const codes: string[] = [];
      for (const v of splitCountries(value)) {
        const code = typeof v === 'string' ? htcdsCountry(v) : undefined;
        if (!code) {
          issue(field, 'unknown_country', `expected an ISO 3166-1 alpha-2 code or a listed country name, got ${JSON.stringify(v)}`);
          return false;
        }
        if (!codes.includes(code)) codes.push(code);
      }
      if (codes.length === 1) victim().nationality = codes[0];
      else if (rule.multipleAssumption) assume(rule.multipleAssumption);
      return true;
    }
    case 'picklist': {
      const values = rule.values ?? {};
      const picked = splitPicklist(value);
      const bad = picked.filter((v) => typeof v !== 'string' || !(v in values));
      if (bad.length) {
        issue(field, 'unknown_value', `not an HTCDS 2.0 value: ${bad.map((b) => JSON.stringify(b)).join(', ')}; expected one of ${Object.keys(values).join(', ')}`);
        return false;
      }
      for (const v of picked as string[]) {
        const vr = values[v] as HtcdsValueRule;
        for (const to of vr.to) {
          // Exploitation values name a concept only; they go to exploitationOccurred (and purposes).
          if (rule.to === 'exploitationOccurred') {
            setOpen(f, `exploitationOccurred.${to}`);
            if (rule.alsoPurposes) setOpen(f, `purposes.${to}`);
          } else setOpen(f, to);
        }
        for (const a of vr.assumed ?? []) setOpen(f, a);
        if (vr.assumption) assume(vr.assumption);
        if (!vr.to.length && !vr.assumed?.length) assume(`${field} ${v}: ${vr.why}`);
      }
      if (rule.alsoPurposes && rule.purposesAssumption && picked.some((v) => (values[v as string] as HtcdsValueRule).to.length)) assume(rule.purposesAssumption);
      return true;
    }
  }
  out.unmapped.push(field);
  return false;
}

interface HtEvent {
  type: string;
  country?: string;
  date?: string;
  state?: string;
}

function mapEvents(src: Record<string, unknown>, f: Record<string, unknown>, issue: IssueFn, assume: (s: string) => void): void {
  const raw: Array<{ where: (name: string) => string; get: (name: string) => unknown }> = [];
  if (Array.isArray(src.list)) {
    src.list.forEach((e, i) => {
      const o = e && typeof e === 'object' ? (e as Record<string, unknown>) : {};
      raw.push({ where: (n) => `hte.${i}.${n}`, get: (n) => o[n] });
    });
  }
  const cols = HTCDS_MAPPING.events.fields.filter((n) => src[n] !== undefined);
  if (cols.length) {
    const lists = Object.fromEntries(cols.map((n) => [n, typeof src[n] === 'string' ? (src[n] as string).split(';').map((s) => s.trim()) : [src[n]]]));
    const count = Math.max(...Object.values(lists).map((l) => l.length));
    for (const n of cols) {
      if ((lists[n] as unknown[]).length !== count) {
        issue(n, 'event_count', `historic events: ${n} lists ${(lists[n] as unknown[]).length} item(s) but another hte_ column lists ${count}; give one item per event in every hte_ column (an empty item for an unknown)`);
        return;
      }
    }
    for (let i = 0; i < count; i++) raw.push({ where: (n) => (count > 1 ? `${n}[${i + 1}]` : n), get: (n) => lists[n]?.[i] });
  }
  const evs: HtEvent[] = [];
  const types = HTCDS_MAPPING.events.types;
  for (const r of raw) {
    const type = r.get('hte_Type');
    if (typeof type !== 'string' || !(type in types)) {
      issue(r.where('hte_Type'), isEmpty(type) ? 'missing_value' : 'unknown_value', `expected one of ${Object.keys(types).join(', ')}, got ${JSON.stringify(type ?? '')}`);
      continue;
    }
    const ev: HtEvent = { type };
    const country = r.get('hte_Country');
    if (!isEmpty(country)) {
      const code = typeof country === 'string' ? htcdsCountry(country) : undefined;
      if (!code) {
        issue(r.where('hte_Country'), 'unknown_country', `expected an ISO 3166-1 alpha-2 code or a listed country name, got ${JSON.stringify(country)}`);
        continue;
      }
      ev.country = code;
    }
    const date = r.get('hte_Date');
    if (!isEmpty(date)) {
      const d = typeof date === 'string' ? date.trim() : date;
      if (!isoDateSchema.safeParse(d).success) {
        issue(r.where('hte_Date'), 'invalid_date', `expected a calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
        continue;
      }
      ev.date = d as string;
    }
    const state = r.get('hte_State');
    if (typeof state === 'string' && state.trim()) ev.state = state.trim().toLowerCase();
    evs.push(ev);
  }
  if (!evs.length) return;
  const movement: Record<string, unknown> = {};
  const rec = evs.filter((e) => e.type === 'Recruitment');
  const exp = evs.filter((e) => e.type === 'Exploitation');
  const transit = evs.filter((e) => e.type === 'Transit');
  for (const e of evs) {
    const rule = types[e.type] as HtcdsEventRule;
    for (const a of rule.assumed ?? []) setOpen(f, a);
    if (rule.assumed?.length && rule.assumption) assume(rule.assumption);
  }
  const firstCountry = (list: HtEvent[]) => list.find((e) => e.country)?.country;
  const origin = firstCountry(rec);
  if (origin) movement.origin = origin;
  const t = [...new Set(transit.map((e) => e.country).filter((c): c is string => !!c))];
  if (t.length) movement.transit = t;
  const where = firstCountry(exp);
  if (where) {
    movement.exploitationCountry = where;
    movement.destination = where;
    movement.completed = true;
    assume((types.Exploitation as HtcdsEventRule).assumption as string);
  }
  const r0 = rec.find((e) => e.country);
  const x0 = exp.find((e) => e.country);
  if (r0 && x0 && r0.country === x0.country && r0.state && x0.state && r0.state !== x0.state) {
    movement.interRegional = true;
    assume(HTCDS_MAPPING.events.interRegionalAssumption);
  }
  if (Object.keys(movement).length) f.movement = movement;
  const dates = evs.map((e) => e.date).filter((d): d is string => !!d).sort();
  if (dates.length) {
    f.conductDate = dates[0];
    assume(HTCDS_MAPPING.events.conductDateAssumption);
  }
}
