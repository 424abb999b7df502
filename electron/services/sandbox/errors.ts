/**
 * Clerk's error envelope and the errors the Sandbox answers with. Codes are lower-case as Clerk
 * sends them; messages follow Clerk's published error index where it gives them.
 */
import { randomBytes } from 'node:crypto';

/** One entry of Clerk's `errors[]`. */
export interface ClerkErrorItem {
  message: string;
  long_message: string;
  code: string;
  meta?: Record<string, unknown>;
}

/** An error that becomes an HTTP response in Clerk's envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ClerkErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors.map((e) => e.long_message).join('; '));
    this.name = 'ApiError';
  }
}

/** A fresh trace ID, like Clerk's `clerk_trace_id`. */
export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** Serializes an error in Clerk's envelope `{errors, meta, clerk_trace_id}`. */
export function errorEnvelope(error: ApiError, traceId: string = newTraceId()): string {
  return JSON.stringify({ errors: error.errors, meta: {}, clerk_trace_id: traceId });
}

function single(status: number, code: string, message: string, longMessage: string, meta?: Record<string, unknown>): ApiError {
  return new ApiError(status, [{ message, long_message: longMessage, code, ...(meta ? { meta } : {}) }]);
}

function param(name: string): Record<string, unknown> {
  return { param_name: name };
}

/** Constructors for every error the Sandbox sends. */
export const errors = {
  missingAuthorization: () =>
    single(401, 'authentication_invalid', 'Invalid authentication', 'Unable to authenticate the request, you need to supply an active API key'),
  malformedAuthorization: () =>
    single(401, 'authorization_header_format_invalid', 'Invalid Authorization header format', "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'"),
  unknownKey: () =>
    single(401, 'clerk_key_invalid', 'Secret Key is invalid', 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.'),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      [{ code: 'too_many_requests', message: 'Too many requests', long_message: `Too many requests, retry after ${retryAfterSeconds} seconds.` }],
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  paymentRequired: (feature: string) =>
    single(402, 'payment_required', 'Payment required', `${feature} are not included in this instance's plan. Upgrade the plan (the Sandbox's plan setting) to use them.`),
  notFound: (longMessage: string, message = 'not found') => single(404, 'resource_not_found', message, longMessage),
  routeNotFound: (method: string, path: string) =>
    single(404, 'resource_not_found', 'not found', `No endpoint matches ${method} ${path}.`),
  bodyInvalid: (why: string) => single(400, 'request_body_invalid', 'Request body invalid', `The request body is invalid: ${why}`),
  bodyTooLarge: (limitBytes: number) =>
    single(413, 'request_body_too_large', 'Request body too large', `The request body exceeds the limit of ${limitBytes} bytes.`),
  unsupportedContentType: (contentType: string) =>
    single(415, 'unsupported_content_type', 'Unsupported content type', `The content type ${contentType} is not supported; send application/json or multipart/form-data.`),
  paramMissing: (name: string) => single(422, 'form_param_missing', 'missing', `${name} must be included.`, param(name)),
  paramNil: (name: string) => single(422, 'form_param_nil', 'cannot be null', `${name} cannot be null.`, param(name)),
  paramUnknown: (name: string) => single(422, 'form_param_unknown', 'is unknown', `${name} is not a valid parameter for this request.`, param(name)),
  paramType: (name: string, expected: string) =>
    single(422, 'form_param_type_invalid', `must be ${expected}`, `${name} must be ${expected}.`, param(name)),
  paramValue: (name: string, longMessage: string) => single(422, 'form_param_value_invalid', 'is invalid', longMessage, param(name)),
  paramFormat: (name: string, longMessage: string) => single(422, 'form_param_format_invalid', 'is invalid', longMessage, param(name)),
  paramTooLong: (name: string, max: number) =>
    single(422, 'form_param_max_length_exceeded', `is too long`, `${name} must be at most ${max} characters long.`, param(name)),
  arrayTooLarge: (name: string, max: number) =>
    single(422, 'form_param_array_size_exceeded', 'too many values', `${name} accepts at most ${max} values.`, param(name)),
  duplicateParam: (name: string, value: string) =>
    single(422, 'form_param_duplicate', 'is duplicated', `${value} appears more than once in ${name}.`, param(name)),
  invalidTime: (name: string) =>
    single(422, 'form_param_invalid_time', 'is invalid', `${name} must be a date and time in RFC3339 format, e.g. 2012-10-20T07:15:20.902Z.`, param(name)),
  identifierExists: (name: string, message: string) => single(422, 'form_identifier_exists', message, message, param(name)),
  conditionalParamMissing: (name: string, because: string) =>
    single(422, 'form_conditional_param_missing', 'missing', `${name} must be included when ${because}.`, param(name)),
  dataMissing: (longMessage: string) => single(422, 'form_data_missing', 'missing data', longMessage),
  passwordTooShort: () =>
    single(422, 'form_password_length_too_short', 'Passwords must be 8 characters or more.', 'Passwords must be 8 characters or more.', param('password')),
  passwordTooLong: () =>
    single(422, 'form_password_length_too_long', 'Passwords must be less than 72 characters.', 'Passwords must be less than 72 characters.', param('password')),
  usernameLength: () =>
    single(422, 'form_username_invalid_length', 'Usernames must be between 4 and 64 characters long.', 'Usernames must be between 4 and 64 characters long.', param('username')),
  usernameCharacter: () =>
    single(
      422,
      'form_username_invalid_character',
      'Usernames can only contain letters, numbers and - or _.',
      'Usernames can only contain letters, numbers and - or _.',
      param('username'),
    ),
  fileMissing: () => single(400, 'form_param_missing', 'missing', 'Image file missing.', param('file')),
  fileType: (allowed: readonly string[], why?: string) =>
    single(
      400,
      'form_param_format_invalid',
      'is invalid',
      `The file is not a supported image${why ? ` (${why})` : ''}; supported types: ${allowed.join(', ')}.`,
      param('file'),
    ),
  fileTooLarge: (limitBytes: number) =>
    single(413, 'request_body_too_large', 'File too large', `The file exceeds the limit of ${limitBytes / 1024 / 1024} MB.`, param('file')),
  badRequest: (code: string, message: string, longMessage: string, meta?: Record<string, unknown>) => single(400, code, message, longMessage, meta),
  forbidden: (code: string, message: string, longMessage: string) => single(403, code, message, longMessage),
  conflict: (code: string, message: string, longMessage: string, meta?: Record<string, unknown>) => single(409, code, message, longMessage, meta),
  unprocessable: (code: string, message: string, longMessage: string, meta?: Record<string, unknown>) =>
    single(422, code, message, longMessage, meta),
  internal: () => single(500, 'internal_clerk_error', 'Oops, an unexpected error occurred', 'There was an internal error on our servers. The Sandbox logged it.'),
};
