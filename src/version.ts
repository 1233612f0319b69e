/** The library's own version, quoted in receipts. Kept in step with package.json by a test. */
export const LIBRARY_VERSION = '0.1.0';
