import type { CaseDivergence, CitationOut, ElementResult, RegimeResult, Status, VerdictName } from '../types.js';

const VERDICTS: VerdictName[] = ['trafficking', 'victim', 'child', 'scope'];

const decided = (s: Status) => s === 'qualifies' || s === 'does-not-qualify';

/**
 * Where the regimes' verdicts on this case differ, and why: for each verdict whose status is not
 * the same everywhere, the elements whose status differs between the regimes that qualify and those
 * that do not (or cannot yet say), each with its citations on both sides.
 */
export function caseDivergences(results: RegimeResult[]): CaseDivergence[] {
  const out: CaseDivergence[] = [];
  for (const verdict of VERDICTS) {
    const rows = results.filter((r) => r[verdict] !== undefined);
    if (rows.length < 2) continue;
    const statuses = Object.fromEntries(rows.map((r) => [r.regime, (r[verdict] as { status: Status }).status])) as CaseDivergence['statuses'];
    if (new Set(Object.values(statuses)).size < 2) continue;
    out.push({ verdict, statuses, causes: causesFor(verdict, rows) });
  }
  return out;
}

function causesFor(verdict: VerdictName, rows: RegimeResult[]): CaseDivergence['causes'] {
  // Compare element by element across the regimes' verdict elements.
  const byElement = new Map<string, Array<{ regime: string; element: ElementResult; status: Status }>>();
  for (const r of rows) {
    const v = r[verdict];
    if (!v) continue;
    for (const e of v.elements) {
      const list = byElement.get(e.element) ?? [];
      list.push({ regime: r.regime, element: e, status: v.status });
      byElement.set(e.element, list);
    }
  }
  const causes: CaseDivergence['causes'] = [];
  const inForce = rows.filter((r) => r[verdict]?.status !== 'not-in-force');
  const notInForce = rows.filter((r) => r[verdict]?.status === 'not-in-force');
  if (notInForce.length) {
    causes.push({
      element: 'in-force',
      regimes: notInForce.map((r) => r.regime),
      explanation: `${notInForce.map((r) => r.version.label).join('; ')}: not in force on the date of the conduct.`,
      citations: [],
    });
  }
  for (const [element, list] of byElement) {
    const held = list.filter((x) => x.element.status === 'satisfied' || x.element.status === 'not-required');
    const failed = list.filter((x) => x.element.status === 'not-satisfied');
    const unknown = list.filter((x) => x.element.status === 'unknown');
    const missing = inForce.filter((r) => !list.some((x) => x.regime === r.regime));
    const differs = (held.length > 0 && (failed.length > 0 || unknown.length > 0)) || (failed.length > 0 && unknown.length > 0);
    if (!differs) continue;
    const part = (xs: typeof list, what: string) => (xs.length ? `${xs.map((x) => `${x.regime} (${x.element.citation.provision})`).join(', ')} ${what}` : '');
    const explanation = [
      part(held.filter((x) => x.element.status === 'not-required'), 'does not require it'),
      part(held.filter((x) => x.element.status === 'satisfied'), 'finds it satisfied'),
      part(failed, 'finds it not satisfied'),
      part(unknown, 'cannot decide it on these facts'),
      missing.length ? `${missing.map((r) => r.regime).join(', ')} has no such element` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const citations: CitationOut[] = list.map((x) => x.element.notRequiredBy ?? x.element.citation);
    causes.push({ element, regimes: [...new Set([...failed, ...unknown].map((x) => x.regime))], explanation: `${element}: ${explanation}.`, citations });
  }
  // Elements that only some regimes have (e.g. harm for Indonesia's victim, territory for national offences).
  for (const r of inForce) {
    const v = r[verdict];
    if (!v || !decided(v.status)) continue;
  }
  return causes;
}
