/**
 * Playwright global setup for the request log: with `E2E_REQUEST_LOG=<file>` it empties the file
 * before any test runs, and its teardown (after the last test) checks that every required seed
 * endpoint (required-endpoints.ts) was reached through the UI with a 2xx. A missing one fails the
 * run: the teardown throws, Playwright reports it and exits non-zero. Without the variable, nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { REQUEST_LOG_ENV, coverageOf, coverageReport, readRequestLog } from './request-log';
import { requiredEndpoints } from './required-endpoints';

/** Playwright's global setup; the returned function is the teardown. */
export default async function requestCoverageSetup(): Promise<(() => Promise<void>) | undefined> {
  const named = process.env[REQUEST_LOG_ENV];
  if (!named) return undefined;
  // Absolute, so every worker (whatever its cwd) appends to the same file.
  const file = resolve(named);
  process.env[REQUEST_LOG_ENV] = file;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  return async () => {
    const { text, missing } = coverageReport(coverageOf(readRequestLog(file), requiredEndpoints()), file);
    console.log(`\n${text}\n`);
    if (missing.length) {
      throw new Error(`${missing.length} required seed endpoint(s) were not reached through the UI with a 2xx answer:\n${missing.map((endpoint) => `  ${endpoint}`).join('\n')}`);
    }
  };
}
