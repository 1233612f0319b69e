import type { CaseDivergence, CitationOut, ElementResult, RegimeResult, Status, VerdictName } from '../types.js';
import { caughtByCauses } from './caughtBy.js';

const VERDICTS: VerdictName[] = ['trafficking', 'victim', 'child', 'scope'];

type Side = 'held' | 'failed' | 'unknown' | 'absent';
interface Position {
  regime: string;
  side: Side;
  /** The element as the regime states it (absent: none). */
  element?: ElementResult;
  /** The verdict's status under this regime. */
  status: Status;
}

const sideOf = (e: ElementResult): Side => (e.status === 'satisfied' || e.status === 'not-required' ? 'held' : e.status === 'not-satisfied' ? 'failed' : 'unknown');
const citationOf = (e: ElementResult): CitationOut => e.notRequiredBy ?? e.citation;

/**
 * Where the regimes' verdicts on this case differ, and why: for each verdict whose status is not
 * the same everywhere, every element whose standing differs between the regimes. An element only
 * some regimes ask for (UU 21/2007's harm for a victim, Pasal 1 angka 3; the national territory
 * limbs, Pasal 2 ayat (1) and Act 670 s. 3) counts as held where it is not asked for: a regime that
 * fails on it is named, and the regimes without it are cited with the definition that omits it.
 * Verdict elements are conjunctive (run.ts), so an element that fails or is undecided under a
 * regime is always one its verdict rests on.
 */
export function caseDivergences(results: RegimeResult[]): CaseDivergence[] {
  const out: CaseDivergence[] = [];
  for (const verdict of VERDICTS) {
    const rows = results.filter((r) => r[verdict] !== undefined);
    if (rows.length < 2) continue;
    const statuses = Object.fromEntries(rows.map((r) => [r.regime, (r[verdict] as { status: Status }).status])) as CaseDivergence['statuses'];
    if (new Set(Object.values(statuses)).size < 2) continue;
    const causes = causesFor(verdict, rows);
    // A national side that does not qualify: why not, and the neighbouring offence that catches the case.
    if (verdict === 'trafficking') causes.push(...whyNotOffences(rows), ...caughtByCauses(rows));
    out.push({ verdict, statuses, causes });
  }
  return out;
}

function causesFor(verdict: VerdictName, rows: RegimeResult[]): CaseDivergence['causes'] {
  const causes: CaseDivergence['causes'] = [];
  const notInForce = rows.filter((r) => r[verdict]?.status === 'not-in-force');
  if (notInForce.length) {
    causes.push({
      element: 'in-force',
      regimes: notInForce.map((r) => r.regime),
      explanation: `${notInForce.map((r) => r.version.label).join('; ')}: not in force on the date of the conduct.`,
      citations: [],
    });
  }
  // Only regimes whose verdict was judged element by element take part ('not-in-force' has no
  // elements; neither has a screening result, detail 'verdicts').
  const judged = rows.filter((r) => r[verdict]?.status !== 'not-in-force' && (r[verdict]?.elements.length ?? 0) > 0);
  const names: string[] = [];
  for (const r of judged) for (const e of r[verdict]?.elements ?? []) if (!names.includes(e.element)) names.push(e.element);
  for (const name of names) {
    const positions: Position[] = judged.map((r) => {
      const v = r[verdict] as NonNullable<RegimeResult[VerdictName]>;
      const e = v.elements.find((x) => x.element === name);
      return e ? { regime: r.regime, side: sideOf(e), element: e, status: v.status } : { regime: r.regime, side: 'absent', status: v.status };
    });
    // Absent = not asked for = no obstacle: compare it with 'held'.
    const sides = new Set(positions.map((p) => (p.side === 'absent' ? 'held' : p.side)));
    if (sides.size < 2) continue;
    const of = (side: Side) => positions.filter((p) => p.side === side);
    const listed = (ps: Position[]) => ps.map((p) => `${p.regime} (${citationOf(p.element as ElementResult).provision})`).join(', ');
    const notRequired = of('held').filter((p) => p.element?.status === 'not-required');
    const satisfied = of('held').filter((p) => p.element?.status === 'satisfied');
    const absent = of('absent');
    const explanation = [
      notRequired.length ? `not required under ${listed(notRequired)}` : '',
      satisfied.length ? `satisfied under ${listed(satisfied)}` : '',
      of('failed').length ? `not satisfied under ${listed(of('failed'))}` : '',
      of('unknown').length ? `undecided on these facts under ${listed(of('unknown'))}` : '',
      absent.length ? `not an element of the ${verdict} test under ${absent.map((p) => p.regime).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const citations: CitationOut[] = [];
    const seen = new Set<string>();
    const add = (c: CitationOut | undefined) => {
      if (!c) return;
      const key = `${c.instrument}|${c.provision}`;
      if (seen.has(key)) return;
      seen.add(key);
      citations.push(c);
    };
    for (const p of positions) {
      if (p.element) add(citationOf(p.element));
      // The other side of an element a regime does not have: the provision that defines its
      // verdict without it (e.g. ACTIP's victim definition, which has no harm requirement).
      else {
        const first = judged.find((r) => r.regime === p.regime)?.[verdict]?.elements[0];
        if (first) add(first.citation);
      }
    }
    causes.push({
      element: name,
      regimes: [...of('failed'), ...of('unknown')].map((p) => p.regime),
      explanation: `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}: ${explanation}.`,
      citations,
    });
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
