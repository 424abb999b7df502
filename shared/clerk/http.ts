/** HTTP shapes of a Backend API call, shared by the client (main) and the audit records the UI shows. */

/** HTTP methods the Backend API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A query value; arrays are sent as repeated keys, `undefined`/`null` are dropped. */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;

/** Query parameters of a call. */
export type QueryParams = Record<string, QueryValue>;
