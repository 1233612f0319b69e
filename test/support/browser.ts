import { existsSync } from 'node:fs';
import { it } from 'vitest';

/**
 * Whether the browser suites (playground, output safety in Chromium) run, and why not (issue 17).
 * - CHROMIUM_PATH, default Debian's /usr/bin/chromium.
 * - NO_BROWSER=1: skipped on purpose.
 * - Chromium absent on a developer's machine (`npm ci && npm test` on a fresh checkout): skipped,
 *   with a loud message on stderr and the reason beside the skipped test in the closing lines.
 * - Chromium absent under CI=true (`.ci/run` sets it, after installing Chromium): NOT skipped; the
 *   suite's beforeAll fails naming the missing browser, and the run fails.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The launch flags every browser suite uses: headless, no sandbox (containers), no network of its own. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function browserSkipReason(): string | undefined {
  if (process.env.NO_BROWSER === '1') return 'NO_BROWSER=1 is set';
  if (!existsSync(CHROMIUM) && process.env.CI !== 'true') {
    return `Chromium not found at ${CHROMIUM} (install it: apt-get install -y chromium, or set CHROMIUM_PATH; CI=true makes this a failure)`;
  }
  return undefined;
}

/** Call at the top of a browser test file: when the suite cannot run, say so loudly and leave one skipped test carrying the reason. */
export function reportBrowserSkip(suite: string): string | undefined {
  const reason = browserSkipReason();
  if (reason) {
    process.stderr.write(`\n*** SKIPPED: ${suite}: ${reason} ***\n\n`);
    it(`${suite} (skipped: no browser)`, (ctx) => ctx.skip(reason));
  }
  return reason;
}

/** The error a browser suite's beforeAll throws when Chromium must run (CI=true) and is missing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `\n\n*** Chromium not found at ${CHROMIUM}: the browser tests cannot run, and CI=true requires them. ***\n` +
        `Install it (apt-get update && apt-get install -y chromium), set CHROMIUM_PATH, or set NO_BROWSER=1 to skip on purpose.\n`,
    );
  }
}
