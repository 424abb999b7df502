/**
 * The recorder: a client middleware that writes every mutating call (POST, PATCH, PUT, DELETE)
 * and every sensitive read to the audit log, write-ahead. The intent is committed before the call
 * is sent (if it cannot be, the call is not sent); the outcome follows the answer or the error.
 * Plain GETs pass through untouched.
 */
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkCall, ClerkMiddleware, ClerkResponse } from '../clerk/call';
import { osActor } from './actor';
import type { AuditLog } from './audit-log';
import { diffStates } from './diff';
import { redactSecrets } from './redact';
import type { AuditActor, AuditInstanceRef, AuditProfileRef, AuditStateError, IntentInput, OutcomeInput } from '../../../shared/audit/types';
import { describeForm } from './uploads';
import { DatabaseBusyError, retryWhileBusy, type BusyRetryOptions } from '../storage/busy-retry';

/** What a profile's recorder stamps on every record. */
export interface AuditContext {
  profile: AuditProfileRef;
  /** The API URL and a fingerprint of the key (computed by the caller; the key never comes here). */
  instance: AuditInstanceRef;
  appVersion: string;
  /** Default: the OS user and host name. */
  actor?: AuditActor;
  /** Default: `Date.now`. */
  clock?: () => number;
  /**
   * Told when an outcome could not be written after the call was sent: the change stands as
   * "outcome unknown" (default: logged to the console of main).
   */
  onRecordError?: (error: unknown, intentSeq: number) => void;
  /** How long a write waits out another process's lock on the database, off main's thread (default 5 s). */
  busyRetry?: BusyRetryOptions;
}

type Next = (call: ClerkCall) => Promise<ClerkResponse>;

/** A state read before or after a change: the state (null = not found) or why it could not be read. */
type StateRead = { state: unknown } | { error: AuditStateError };

/** Creates the recorder for one profile's client. */
export function createAuditMiddleware(log: AuditLog, context: AuditContext): ClerkMiddleware {
  const actor = context.actor ?? osActor();
  const clock = context.clock ?? Date.now;
  const onRecordError = context.onRecordError ?? ((error: unknown, seq: number) => console.error(`audit log: the outcome of change ${seq} was not recorded`, error));

  return async (call, next) => {
    if (call.method === 'GET' && call.sensitive !== true) return next(call);
    const tracksState = call.statePath !== undefined && call.method !== 'GET';
    const beforeRead = tracksState ? await readState(call, next) : undefined;
    const intentSeq = await recordIntent(log, call, beforeRead, { ...context, actor, ts: clock() });
    const record = (write: () => void) => tryRecord(write, log, intentSeq, onRecordError, context.busyRetry);
    const started = clock();
    let response: ClerkResponse;
    try {
      response = await next(call);
    } catch (error) {
      await record(() => log.appendOutcome(intentSeq, failure(error, clock() - started, clock())));
      throw error;
    }
    const durationMs = clock() - started;
    const afterRead = tracksState && call.method === 'DELETE' ? await readState(call, next) : undefined;
    const before = beforeRead && 'state' in beforeRead ? beforeRead.state : undefined;
    await record(() => log.appendOutcome(intentSeq, success(call, response, durationMs, clock(), beforeRead !== undefined, before, afterRead)));
    return response;
  };
}

/** Writes the intent; any failure becomes an `audit` error and the call is not sent. */
async function recordIntent(
  log: AuditLog,
  call: ClerkCall,
  before: StateRead | undefined,
  stamp: AuditContext & { actor: AuditActor; ts: number },
): Promise<number> {
  try {
    const uploads = call.form ? await describeForm(call.form) : undefined;
    const input: IntentInput = {
      ts: stamp.ts,
      actor: stamp.actor,
      appVersion: stamp.appVersion,
      profile: stamp.profile,
      instance: stamp.instance,
      action: call.action ?? `${call.method} ${call.route}`,
      method: call.method,
      route: call.route,
      path: call.path,
      query: call.query,
      target: call.target,
      bulkId: call.bulkId,
      sensitive: call.sensitive || undefined,
      body: call.body,
      form: uploads?.fields,
      files: uploads?.files.length ? uploads.files : undefined,
      statePath: before ? call.statePath : undefined,
      before: before && 'state' in before ? before.state : undefined,
      beforeError: before && 'error' in before ? before.error : undefined,
    };
    // Another process holding the file's lock is waited out between short attempts, so main
    // keeps running; the call goes out only once the intent is committed.
    return (await retryWhileBusy(() => log.appendIntent(input), databaseFile(log), stamp.busyRetry)).seq;
  } catch (error) {
    if (error instanceof DatabaseBusyError) {
      throw new AppError({
        kind: 'audit',
        code: 'audit_log_locked',
        message:
          `The change was not sent: the audit log could not record it, because ${error.message} ` +
          `(${error.file ?? 'the app database'}). Close that program or end that process (a database browser or a ` +
          'second copy of the app, for example), then try the change again.',
      });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError({ kind: 'audit', message: `The change was not sent: the audit log could not record it (${reason}).` });
  }
}

function success(
  call: ClerkCall,
  response: ClerkResponse,
  durationMs: number,
  ts: number,
  tracksState: boolean,
  before: unknown,
  afterRead: StateRead | undefined,
): OutcomeInput {
  const outcome: OutcomeInput = { ts, outcome: 'success', status: response.status, durationMs, traceId: traceIdOf(response) };
  const body = redactSecrets(response.body);
  if (!tracksState) return { ...outcome, response: body };
  // Deletes: the state is re-read (null once gone); other changes answer with the new state.
  const after = afterRead === undefined ? body : 'state' in afterRead ? afterRead.state : undefined;
  return {
    ...outcome,
    response: call.method === 'DELETE' ? body : undefined,
    after,
    afterError: afterRead && 'error' in afterRead ? afterRead.error : undefined,
    diff: after !== undefined && before !== undefined ? diffStates(before, after) : undefined,
  };
}

function failure(error: unknown, durationMs: number, ts: number): OutcomeInput {
  if (error instanceof AppError && error.kind === 'clerk') {
    return {
      ts,
      outcome: 'clerk_error',
      status: error.status,
      durationMs,
      traceId: error.traceId,
      error: {
        kind: 'clerk',
        message: error.message,
        code: error.code,
        longMessage: error.longMessage,
        paramName: error.paramName,
        errors: error.errors?.map(({ code, message, longMessage, paramName }) => ({ code, message, longMessage, paramName })),
      },
    };
  }
  const kind = error instanceof AppError ? error.kind : 'internal';
  const code = error instanceof AppError ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return { ts, outcome: 'network_error', durationMs, error: { kind, message, code } };
}

/** GETs the record's state (redacted) through the rest of the pipeline; failures are recorded, not thrown. */
async function readState(call: ClerkCall, next: Next): Promise<StateRead> {
  const path = call.statePath as string;
  try {
    // The operation names its state route; a hand-built call without one is logged by its path.
    const response = await next({ method: 'GET', path, route: call.stateRoute ?? path, query: call.stateQuery, signal: call.signal });
    return { state: redactSecrets(call.stateItem ? onlyItem(response.body) : response.body) };
  } catch (error) {
    if (error instanceof AppError && error.status === 404) return { state: null };
    return {
      error: {
        kind: error instanceof AppError ? error.kind : 'internal',
        message: error instanceof Error ? error.message : String(error),
        status: error instanceof AppError ? error.status : undefined,
        code: error instanceof AppError ? error.code : undefined,
      },
    };
  }
}

// A filtered page's one item (a membership read from its organization's list), or null when gone.
function onlyItem(body: unknown): unknown {
  const data = (body as { data?: unknown[] } | null)?.data;
  return Array.isArray(data) ? (data[0] ?? null) : body;
}

function traceIdOf(response: ClerkResponse): string | undefined {
  const headers = response.headers as Headers | undefined;
  return headers?.get?.('x-clerk-trace-id') ?? headers?.get?.('cf-ray') ?? undefined;
}

async function tryRecord(
  write: () => void,
  log: AuditLog,
  intentSeq: number,
  onRecordError: (error: unknown, seq: number) => void,
  busyRetry: BusyRetryOptions | undefined,
): Promise<void> {
  try {
    await retryWhileBusy(write, databaseFile(log), busyRetry);
  } catch (error) {
    onRecordError(error, intentSeq);
  }
}

/** The log's database file, or undefined for an in-memory database. */
function databaseFile(log: AuditLog): string | undefined {
  try {
    return log.db.location() || undefined;
  } catch {
    return undefined; // A closed database: the write itself reports that.
  }
}
