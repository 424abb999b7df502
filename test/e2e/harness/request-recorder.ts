/**
 * Records every Backend API request the app's services send during a test into the e2e request
 * log (`E2E_REQUEST_LOG`), each marked with whether it came THROUGH THE UI: the page's bridge
 * binding runs its dispatch inside {@link viaPage}, and the marker follows the call through the
 * handlers, the client pipeline and any job it starts (AsyncLocalStorage), down to `fetch`. A
 * test's own `app.services.dispatch(...)` runs outside it and is logged as not through the UI.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { REQUEST_LOG_ENV, appendRequest } from '../endpoint-coverage/request-log';
import { apiPath, matchRoute } from '../endpoint-coverage/seed-routes';

const pageCalls = new AsyncLocalStorage<true>();

/** Runs `work` as a call that came from the page (its requests count as through the UI). */
export function viaPage<T>(work: () => Promise<T>): Promise<T> {
  return pageCalls.run(true, work);
}

/** A `fetch` that logs each request of the test `test` when the request log is on (else `base` itself). */
export function recordingFetch(test: string, base: typeof fetch = globalThis.fetch): typeof fetch {
  const file = process.env[REQUEST_LOG_ENV];
  if (!file) return base;
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const path = apiPath(new URL(url).pathname);
    const entry = { method, route: matchRoute(method, path), path, throughUi: pageCalls.getStore() === true, test };
    try {
      const response = await base(input, init);
      appendRequest(file, { ...entry, status: response.status });
      return response;
    } catch (error) {
      appendRequest(file, { ...entry, status: null });
      throw error;
    }
  };
}
