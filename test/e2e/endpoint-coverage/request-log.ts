/**
 * The e2e request log (`E2E_REQUEST_LOG=<file>`): one JSON line per Backend API request the app's
 * services sent during the run, from every test of every worker, and the coverage it proves: which
 * required seed endpoints a request made THROUGH THE UI (the page's bridge) reached with a 2xx.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { endpointKey, type Endpoint } from './seed-routes';

/** One request as the log records it. */
export interface LoggedRequest {
  method: string;
  /** The seed's route template the path matches, or null for a path the seed does not have. */
  route: string | null;
  /** The concrete path below `/v1`, without the query. */
  path: string;
  /** The answer's status, or null when there was none (the server could not be reached). */
  status: number | null;
  /** True when the call came from the page through its bridge, false for a test's own `dispatch(...)`. */
  throughUi: boolean;
  /** The test that sent it: `file › describe › title`. */
  test: string;
}

/** The environment variable naming the log file. */
export const REQUEST_LOG_ENV = 'E2E_REQUEST_LOG';

/** Appends one request (synchronously: two workers append to the same file, one whole line each). */
export function appendRequest(file: string, request: LoggedRequest): void {
  appendFileSync(file, `${JSON.stringify(request)}\n`);
}

/** Every request of the log; a missing file is an empty log. */
export function readRequestLog(file: string): LoggedRequest[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as LoggedRequest;
      } catch {
        throw new Error(`${file}:${index + 1} is not a JSON line: ${line.slice(0, 120)}`);
      }
    });
}

/** One required endpoint and the tests whose UI requests reached it with a 2xx. */
export interface EndpointCoverage {
  endpoint: string;
  tests: string[];
}

/** The coverage of `required` by the log: each endpoint with its tests (none = missing). */
export function coverageOf(requests: readonly LoggedRequest[], required: readonly Endpoint[]): EndpointCoverage[] {
  const tests = new Map<string, Set<string>>(required.map((endpoint) => [endpointKey(endpoint), new Set()]));
  for (const request of requests) {
    if (!request.throughUi || request.route === null || request.status === null || request.status < 200 || request.status > 299) continue;
    tests.get(`${request.method} ${request.route}`)?.add(request.test);
  }
  return [...tests].map(([endpoint, names]) => ({ endpoint, tests: [...names].sort() }));
}

/** The report printed at the end of the run, and the missing endpoints (empty when all are covered). */
export function coverageReport(coverage: readonly EndpointCoverage[], file: string): { text: string; missing: string[] } {
  const missing = coverage.filter((entry) => entry.tests.length === 0).map((entry) => entry.endpoint);
  const lines = coverage.map((entry) => (entry.tests.length ? `  ok       ${entry.endpoint}  (${entry.tests[0]}${entry.tests.length > 1 ? ` and ${entry.tests.length - 1} more` : ''})` : `  MISSING  ${entry.endpoint}`));
  const head = `Seed endpoints reached through the UI with a 2xx (${coverage.length - missing.length} of ${coverage.length} required; log: ${file}):`;
  return { text: [head, ...lines].join('\n'), missing };
}
