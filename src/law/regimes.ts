import { citationOut } from './citation.js';
import type { CitationOut, RegimeId, VersionRef } from '../types.js';
import { bundledRuleBook } from './bundled.js';
import type { RuleBook } from './load.js';

/**
 * A regime as data: its versions with their dates, and the contested readings it offers.
 *
 * @example
 * ```ts
 * const act670: RegimeInfo | undefined = regimes().find((r) => r.id === 'act-670');
 * act670?.versions.map((v) => v.inForceFrom);
 * ```
 */
export interface RegimeInfo {
  id: RegimeId;
  name: { en: string; id: string; ms: string };
  shortName: string;
  jurisdiction: string;
  kind: 'national' | 'treaty';
  versions: Array<
    VersionRef & {
      sha256: string;
      file: string;
      changes: string[];
      offences: Array<{ id: string; title: string; citation: CitationOut }>;
      /** Neighbouring offences (not trafficking) of the version, each with the dates of its provision; absent when it has none. */
      otherOffences?: Array<{ id: string; title: string; instrument: string; citation: CitationOut; inForceFrom: string; inForceUntil?: string }>;
    }
  >;
  interpretations: Array<{ id: string; question: string; default: string; readings: Array<{ id: string; label: string; sources: string[] }> }>;
  note?: string;
}

/**
 * Every regime, its dated versions (with the content hash of each rule file) and its interpretations.
 *
 * @param book - the rule book to describe; defaults to the rules bundled with the library.
 * @example
 * ```ts
 * for (const r of regimes()) for (const i of r.interpretations) console.log(r.id, i.id, i.default, i.readings.map((x) => x.id));
 * ```
 */
export function regimes(book: RuleBook = bundledRuleBook()): RegimeInfo[] {
  return book.regimes.map((r) => ({
    id: r.id as RegimeId,
    name: r.data.name,
    shortName: r.data.shortName,
    jurisdiction: r.data.jurisdiction,
    kind: r.data.kind,
    versions: r.versions.map((v) => ({
      id: v.data.id,
      label: v.data.label.en,
      inForceFrom: v.data.validFrom,
      ...(v.data.validTo ? { inForceUntil: v.data.validTo } : {}),
      sha256: v.sha256,
      file: v.file,
      changes: v.data.changes ?? [],
      offences: v.data.offences.map((o) => ({ id: o.id, title: o.title.en, citation: citationOut(v.data.citations[o.citation] as never) })),
      ...(v.data.otherOffences?.length
        ? {
            otherOffences: v.data.otherOffences.map((o) => ({
              id: o.id,
              title: o.title.en,
              instrument: o.instrument,
              citation: citationOut(v.data.citations[o.citation] as never),
              inForceFrom: o.validFrom,
              ...(o.validTo ? { inForceUntil: o.validTo } : {}),
            })),
          }
        : {}),
    })),
    interpretations: [...r.interpretations.values()].map((i) => ({ id: i.id, question: i.question, default: i.default, readings: i.readings })),
    ...(r.data.note ? { note: r.data.note } : {}),
  }));
}
