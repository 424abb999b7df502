/**
 * Checks on a secret key before it is saved: its prefix, whether it matches the profile's
 * environment, and whether Clerk accepts it (a real call).
 */
import { createHash } from 'node:crypto';
import { AppError, fieldError, type Environment } from '../../../shared/ipc';

/** Which kind of instance a key belongs to, from its prefix. */
export type KeyKind = 'test' | 'live';

/** The kind of key, or undefined when the prefix is not a Clerk secret key's. */
export function keyKind(secretKey: string): KeyKind | undefined {
  if (/^sk_test_[A-Za-z0-9]+$/.test(secretKey)) return 'test';
  if (/^sk_live_[A-Za-z0-9]+$/.test(secretKey)) return 'live';
  return undefined;
}

/** The masked hint the renderer may see: prefix and last four characters. */
export function keyHint(secretKey: string): string {
  const prefix = secretKey.startsWith('sk_live_') ? 'sk_live_' : secretKey.startsWith('sk_test_') ? 'sk_test_' : secretKey.slice(0, 3);
  return `${prefix}…${secretKey.slice(-4)}`;
}

/**
 * Names a key without revealing it: the first 16 hex characters of its SHA-256. Stored with the
 * profile and stamped on every audit record, so a record says which key made a change.
 */
export function keyFingerprint(secretKey: string): string {
  return createHash('sha256').update(secretKey, 'utf8').digest('hex').slice(0, 16);
}

/**
 * Rejects a key that is not a Clerk secret key, and a key whose kind contradicts the environment
 * (a live key on a development profile, a test key on production) unless the administrator confirmed it.
 */
export function checkKeyShape(secretKey: string, environment: Environment, allowEnvironmentMismatch: boolean): void {
  const kind = keyKind(secretKey);
  if (!kind) {
    throw fieldError(
      'secretKey',
      'This is not a Clerk secret key: it should start with sk_test_ (development) or sk_live_ (production). Publishable keys (pk_…) do not work here.',
      'key_prefix_invalid',
    );
  }
  if (allowEnvironmentMismatch) return;
  if (kind === 'live' && environment === 'development') {
    throw fieldError(
      'secretKey',
      'This is a live (production) key, but the profile is marked development. Change the environment, or confirm that you really want a live key here.',
      'key_environment_mismatch',
    );
  }
  if (kind === 'test' && environment === 'production') {
    throw fieldError(
      'secretKey',
      'This is a test (development) key, but the profile is marked production. Change the environment, or confirm the key.',
      'key_environment_mismatch',
    );
  }
}

function hostOf(apiUrl: string): string {
  try {
    return new URL(apiUrl).host;
  } catch {
    return apiUrl;
  }
}

/** Asks the instance whether it accepts the key; resolves when it does. */
export type KeyValidator = (apiUrl: string, secretKey: string) => Promise<void>;

/**
 * Maps a failure of the validation call onto the form: a rejected key onto the key field, an
 * unreachable URL onto the URL field, anything else as it came.
 */
export function explainValidationFailure(error: unknown, apiUrl: string): AppError {
  if (error instanceof AppError) {
    if (error.kind === 'clerk' && (error.status === 401 || error.status === 403)) {
      return new AppError({
        ...error.toIpcError(),
        kind: 'validation',
        message: `This key was rejected by Clerk${error.code ? ` (${error.code})` : ''}. Check that you copied the whole secret key of this instance from the Clerk dashboard (API keys).`,
        paramName: 'secretKey',
        fields: [{ field: 'secretKey', message: 'This key was rejected by Clerk.' }],
      });
    }
    if (error.kind === 'network' && (error.code === 'redirected' || error.code === 'response_too_large')) {
      // The host answered, with something that is not the Backend API: its own message says what.
      return new AppError({ ...error.toIpcError(), kind: 'validation', paramName: 'apiUrl', fields: [{ field: 'apiUrl', message: error.message }] });
    }
    if (error.kind === 'network') {
      const host = hostOf(apiUrl);
      // The client's message names the host again; it stays in longMessage so it is not said twice.
      return new AppError({
        ...error.toIpcError(),
        kind: 'validation',
        message: `Could not reach ${host} to check the key. Check the URL and your connection.`,
        longMessage: error.message,
        paramName: 'apiUrl',
        fields: [{ field: 'apiUrl', message: `Could not reach ${host}. Check the URL and your connection.` }],
      });
    }
    if (error.kind === 'clerk' && (error.status === 404 || error.status === 405)) {
      const message = `${hostOf(apiUrl)} answered, but this does not look like a Backend API URL (GET /users/count was not found there). Clerk's is https://api.clerk.com/v1.`;
      return new AppError({ ...error.toIpcError(), kind: 'validation', message, paramName: 'apiUrl', fields: [{ field: 'apiUrl', message }] });
    }
    return error;
  }
  return new AppError({ kind: 'internal', message: 'Checking the key failed unexpectedly.' });
}
