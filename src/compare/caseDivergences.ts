import type { CaseDivergence, CitationOut, ElementResult, RegimeResult, Status, VerdictName } from '../types.js';

const VERDICTS: VerdictName[] = ['trafficking', 'victim', 'child', 'scope'];


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
    const causes = causesFor(verdict, rows);
    if (verdict === 'trafficking') causes.push(...whyNotOffences(rows));
    out.push({ verdict, statuses, causes });
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
    const under = (xs: typeof list) => xs.map((x) => `${x.regime} (${(x.element.notRequiredBy ?? x.element.citation).provision})`).join(', ');
    const explanation = [
      held.some((x) => x.element.status === 'not-required') ? `not required under ${under(held.filter((x) => x.element.status === 'not-required'))}` : '',
      held.some((x) => x.element.status === 'satisfied') ? `satisfied under ${under(held.filter((x) => x.element.status === 'satisfied'))}` : '',
      failed.length ? `not satisfied under ${under(failed)}` : '',
      unknown.length ? `undecided on these facts under ${under(unknown)}` : '',
      missing.length ? `no such element in ${missing.map((r) => r.regime).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const citations: CitationOut[] = list.map((x) => x.element.notRequiredBy ?? x.element.citation);
    causes.push({ element, regimes: [...new Set([...failed, ...unknown].map((x) => x.regime))], explanation: `${element[0]?.toUpperCase() ?? ''}${element.slice(1)}: ${explanation}.`, citations });
  }
  return causes;
}

/**
 * For each regime that does not qualify, every trafficking offence it has and the elements that
 * fail it: the full "why not" (e.g. Pasal 2 needs a means; Pasal 6 needs actual exploitation).
 */
function whyNotOffences(rows: RegimeResult[]): CaseDivergence['causes'] {
  const causes: CaseDivergence['causes'] = [];
  for (const r of rows) {
    if (r.trafficking.status !== 'does-not-qualify') continue;
    const failing = r.offences
      .filter((o) => o.trafficking !== false && o.status === 'does-not-qualify')
      .map((o) => ({ o, els: o.elements.filter((e) => e.status === 'not-satisfied') }))
      .filter((x) => x.els.length);
    if (!failing.length) continue;
    causes.push({
      element: 'offences',
      regimes: [r.regime],
      explanation: `Under ${r.version.label} no trafficking offence is met: ${failing.map(({ o, els }) => `${o.citation.provision} fails on ${els.map((e) => e.element).join(', ')}`).join('; ')}.`,
      citations: failing.map(({ o }) => o.citation),
    });
  }
  return causes;
}
