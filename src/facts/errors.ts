/**
 * One problem with one field of the input.
 *
 * @example
 * ```ts
 * // { path: 'victim.birthDate', code: 'invalid_date', message: '...' }
 * err.issues.map((i) => `${i.path}: ${i.message}`);
 * ```
 */
export interface FactsIssue {
  /** Dotted path of the field, e.g. `victim.birthDate` or `movement.transit.2`; `''` for the whole input. */
  path: string;
  /** Why it was rejected, in plain English, with the expected form where there is one. */
  message: string;
  /** A stable machine-readable code (`invalid_type`, `invalid_date`, `unrecognized_keys`, ...). */
  code: string;
}

/**
 * The only error the library raises for bad input. `issues` names every field that was rejected
 * and why, so a case system can show the user exactly what to fix.
 *
 * @example
 * ```ts
 * try {
 *   await compare({ victim: { birthDate: '2024-02-30' } });
 * } catch (e) {
 *   if (isFactsError(e)) for (const i of e.issues) console.log(i.path, i.message); // victim.birthDate ...
 * }
 * ```
 */
export class FactsError extends Error {
  override readonly name = 'FactsError';
  readonly issues: FactsIssue[];
  /** The record's `id`, when the input had a readable one (batch use). */
  readonly caseId?: string;

  constructor(issues: FactsIssue[], caseId?: string) {
    super(FactsError.summarise(issues));
    this.issues = issues;
    if (caseId !== undefined) this.caseId = caseId;
  }

  /**
   * One line naming the first five issues (the error's `message`).
   *
   * @example
   * ```ts
   * FactsError.summarise([{ path: 'acts', code: 'invalid_type', message: 'expected an array or an object' }]);
   * ```
   */
  static summarise(issues: FactsIssue[]): string {
    const head = issues
      .slice(0, 5)
      .map((i) => `${i.path || '(input)'}: ${i.message}`)
      .join('; ');
    const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
    return `Invalid case facts: ${head}${more}`;
  }

  /** A plain object for JSON output (NDJSON batch lines, HTTP responses). */
  toJSON(): { error: 'FactsError'; message: string; caseId?: string; issues: FactsIssue[] } {
    return {
      error: 'FactsError',
      message: this.message,
      ...(this.caseId !== undefined ? { caseId: this.caseId } : {}),
      issues: this.issues,
    };
  }
}

/**
 * True for a FactsError from this library (works across bundles, where `instanceof` may not).
 *
 * @example
 * ```ts
 * for await (const r of compareMany(records)) if (isFactsError(r)) console.error(r.caseId, r.issues);
 * ```
 */
export function isFactsError(value: unknown): value is FactsError {
  return (
    value instanceof FactsError ||
    (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'FactsError' && Array.isArray((value as { issues?: unknown }).issues))
  );
}
