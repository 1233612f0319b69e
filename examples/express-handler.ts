// Embedding compare() in an HTTP handler, Express style, without depending on Express: any
// framework whose handlers look like (req, res) with a parsed JSON body can use it as is.
//
//   app.post('/screen', express.json({ limit: '64kb' }), screenHandler);
import { type Comparison, compare, isFactsError, type RegimeId } from 'tip-harmonise';

/** The parts of a request and response this handler uses (Express, Fastify's raw mode, ...). */
export interface JsonRequest {
  body: unknown;
  query?: Record<string, string | string[] | undefined>;
}
export interface JsonResponse {
  status(code: number): JsonResponse;
  json(body: unknown): void;
}

const REGIMES: readonly RegimeId[] = ['uu-21-2007', 'act-670', 'actip', 'palermo'];

/**
 * POST /screen with CaseFacts as the JSON body; `?regime=act-670&regime=palermo` to narrow.
 * 200: the verdicts with their missing facts, the divergences and the receipt.
 * 400: the fields to fix (FactsError issues: path, code, message).
 */
export async function screenHandler(req: JsonRequest, res: JsonResponse): Promise<void> {
  const asked = ([] as string[]).concat(req.query?.regime ?? []);
  const regimes = asked.filter((r): r is RegimeId => (REGIMES as readonly string[]).includes(r));
  try {
    const c: Comparison = await compare(req.body, regimes.length ? { regimes } : {});
    res.status(200).json({
      caseId: c.caseId,
      asOf: c.asOf,
      verdicts: c.regimes.map((r) => ({
        regime: r.regime,
        version: r.version.label,
        trafficking: r.trafficking.status,
        victim: r.victim.status,
        child: r.child.status,
        missingFacts: r.trafficking.missingFacts,
      })),
      divergences: c.divergences,
      receipt: c.receipt,
    });
  } catch (e) {
    // compare() throws FactsError and nothing else for bad input: a client error, not a crash.
    if (isFactsError(e)) res.status(400).json(e.toJSON());
    else throw e;
  }
}
