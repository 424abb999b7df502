/**
 * Errors cross the IPC boundary as plain data: Electron's `ipcMain.handle` keeps only an Error's
 * message, so main turns every failure into an {@link IpcError} and the bridge turns it back into
 * an {@link AppError} the renderer can map onto form fields.
 */

/** What kind of failure this is; decides how the UI presents it. */
export type ErrorKind =
  | 'validation' // the input was malformed (zod) or failed a business rule before any call
  | 'clerk' // Clerk (or the Sandbox) answered with its error envelope
  | 'network' // the API could not be reached, timed out or answered with something unreadable
  | 'keychain' // the OS keychain is missing, locked or refused the operation
  | 'not_found' // a local record (profile, tab state) does not exist
  | 'audit' // the audit log could not record the change, so it was not sent
  | 'forbidden' // the IPC sender is not our window
  | 'internal'; // a bug: the message is generic, details stay in main's log

/** One entry of Clerk's `errors[]`, in camelCase. */
export interface ClerkErrorItem {
  code: string;
  message: string;
  longMessage?: string;
  paramName?: string;
  meta?: Record<string, unknown>;
}

/** A validation problem tied to one input field (path joined with dots). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** The error half of the IPC envelope. */
export interface IpcError {
  kind: ErrorKind;
  message: string;
  status?: number;
  code?: string;
  longMessage?: string;
  paramName?: string;
  traceId?: string;
  retryAfter?: number;
  errors?: ClerkErrorItem[];
  fields?: FieldIssue[];
}

/** What every channel returns over IPC. */
export type IpcEnvelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** A typed error carrying {@link IpcError} details; thrown by services and by the bridge. */
export class AppError extends Error implements IpcError {
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly longMessage?: string;
  readonly paramName?: string;
  readonly traceId?: string;
  readonly retryAfter?: number;
  readonly errors?: ClerkErrorItem[];
  readonly fields?: FieldIssue[];

  constructor(detail: IpcError) {
    super(detail.message);
    this.name = 'AppError';
    this.kind = detail.kind;
    this.status = detail.status;
    this.code = detail.code;
    this.longMessage = detail.longMessage;
    this.paramName = detail.paramName;
    this.traceId = detail.traceId;
    this.retryAfter = detail.retryAfter;
    this.errors = detail.errors;
    this.fields = detail.fields;
  }

  /** The plain-data form sent over IPC (undefined fields dropped). */
  toIpcError(): IpcError {
    const out: IpcError = { kind: this.kind, message: this.message };
    for (const key of ['status', 'code', 'longMessage', 'paramName', 'traceId', 'retryAfter', 'errors', 'fields'] as const) {
      if (this[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = this[key];
    }
    return out;
  }

  /** The message for one form field, from local validation or Clerk's `meta.param_name`. */
  fieldMessage(field: string): string | undefined {
    const local = this.fields?.find((f) => f.field === field);
    if (local) return local.message;
    const remote = this.errors?.find((e) => e.paramName === field);
    if (remote) return remote.longMessage ?? remote.message;
    if (this.paramName === field) return this.longMessage ?? this.message;
    return undefined;
  }
}

/** A field-level validation error, for rules checked in main before any call. */
export function fieldError(field: string, message: string, code = 'form_param_value_invalid'): AppError {
  return new AppError({ kind: 'validation', message, code, paramName: field, fields: [{ field, message }] });
}
