import { relative } from 'node:path';
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/**
 * Prints one plain closing line, `tests: N passed, N failed[, N skipped]`, which this workplace's CI
 * reads to count the tests (vitest's own summary is not in that form; see toolchain.md).
 *
 * "failed" counts everything that made the run fail, not only failed tests (issue 17): a failed
 * test; a suite whose hook (`beforeAll`, `afterAll`) threw, whose tests then never ran; a test file
 * that failed to load or threw outside any test; an unhandled error. So the line can never say
 * `0 failed` when the run failed: if vitest ended the run as failed or interrupted and none of the
 * above was seen, one failure is counted. Tests skipped with a reason (`ctx.skip('why')`, e.g. the
 * browser suites without Chromium) are listed with it above the line.
 */
export default class PlainCountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = [], reason?: TestRunEndReason): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const notes: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed += 1;
        else if (result.state === 'failed') failed += 1;
        else {
          skipped += 1;
          if (result.state === 'skipped' && result.note) notes.push(`skipped: ${relative(mod.project.config.root, mod.moduleId)}: ${test.fullName}: ${result.note}`);
        }
      }
      // A hook that threw fails its suite; the tests under it are reported as skipped, not failed.
      for (const suite of mod.children.allSuites()) if (suite.errors().length > 0) failed += 1;
      // A file that failed to load, or threw outside any test.
      if (mod.errors().length > 0 || (mod.state() === 'failed' && [...mod.children.allTests()].length === 0)) failed += 1;
    }
    failed += unhandledErrors.length;
    if (failed === 0 && (reason === 'failed' || reason === 'interrupted')) failed = 1;
    const lines = [...new Set(notes)].map((n) => `${n}\n`).join('');
    process.stdout.write(`\n${lines}tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
