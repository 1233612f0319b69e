/**
 * The library's own version, quoted in receipts. Kept in step with package.json by a test.
 *
 * @example
 * ```ts
 * console.log(LIBRARY_VERSION); // '0.1.0', also in every receipt as 'tip-harmonise@0.1.0'
 * ```
 */
export const LIBRARY_VERSION = '0.1.0';
