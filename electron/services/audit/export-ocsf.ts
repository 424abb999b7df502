/**
 * OCSF 1.3 "API Activity" (class 6003, category 6) events, written as JSON text: top-level
 * scalars and payloads are spliced in as stored, absent attributes are left out. An update's
 * response is usually its new state: it is written once, as `api.response.data`, and
 * `unmapped.after` is then left out (deletes have both).
 */
import { CLERK_API_VERSION } from '../clerk/client';
import type { RawChange } from './raw-change';

/** The product named in exported events. */
export const PRODUCT_NAME = 'Clerk Admin Desktop';

/** A member `,"key":json`, or nothing when the value is null (OCSF leaves absent attributes out). */
function m(key: string, json: string | null): string {
  return json === null ? '' : `,"${key}":${json}`;
}

/** A JSON object text from {@link m} members; null when it has none. */
function object(...members: string[]): string | null {
  const body = members.join('');
  return body ? `{${body.slice(1)}}` : null;
}

/** A scalar as JSON text; null for null and undefined. */
function j(value: string | number | boolean | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return String(value);
  // Most strings need no escaping, and testing for that is cheaper than JSON.stringify.
  return PLAIN_STRING.test(value) ? `"${value}"` : JSON.stringify(value);
}

/** Strings JSON.stringify writes as they are: no quote, backslash, control character or surrogate. */
const PLAIN_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

const ACTIVITY = { create: [1, 'Create'], read: [2, 'Read'], update: [3, 'Update'], delete: [4, 'Delete'] } as const;

/** One change as an OCSF 1.3 API Activity event (JSON text). */
export function ocsfEvent(c: RawChange): string {
  // Top-level scalars are spliced in as their stored JSON text; only small objects are parsed.
  const method = c.i<string>('method') ?? '';
  const [activityId, activityName] = activityOf(method, c.payload('intent', 'statePath') !== null);
  const url = safeUrl(c.instance.apiUrl);
  const path = c.i<string>('path') ?? '';
  const fullPath = `${url?.pathname.replace(/\/$/, '') ?? ''}${path}`;
  const outcome = c.outcomeKind;
  const status = outcome === 'success' ? '1,"status":"Success"' : outcome === 'unknown' ? '0,"status":"Unknown"' : '2,"status":"Failure"';
  const httpStatus = c.payload('outcome', 'status');
  const error = c.error;
  const errorCode = j(error?.code);
  const errorMessage = j(error?.message);
  const time = c.payload('intent', 'ts');
  const action = c.payload('intent', 'action');
  const actor = c.actor;
  const target = c.target;
  const files = c.payload('intent', 'files');
  const diff = c.payload('outcome', 'diff');
  const seq = `"${c.seq}"`;
  // Array joins, not concatenation: one flat string encodes much faster than a rope.
  return [
    `{"class_uid":6003,"class_name":"API Activity","category_uid":6,"category_name":"Application Activity",`,
    `"activity_id":${activityId},"activity_name":"${activityName}","type_uid":${6003 * 100 + activityId},`,
    `"type_name":"API Activity: ${activityName}","severity_id":1,"severity":"Informational","time":${time},"start_time":${time}`,
    m('end_time', c.payload('outcome', 'ts')),
    m('duration', c.payload('outcome', 'durationMs')),
    `,"status_id":${status}`,
    m('status_code', errorCode ?? (httpStatus === null ? null : `"${httpStatus}"`)),
    m('status_detail', errorMessage),
    `,"actor":{"user":{"name":${j(actor.user)},"type_id":1,"type":"User"},"app_name":"${PRODUCT_NAME}"}`,
    `,"src_endpoint":{"hostname":${j(actor.host)}}`,
    `,"dst_endpoint":${object(m('hostname', j(url?.hostname)), m('port', url?.port ? url.port : null), ',"svc_name":"Clerk Backend API"')}`,
    `,"api":{"operation":${action},"version":"${CLERK_API_VERSION}","service":{"name":"Clerk Backend API"}`,
    `,"request":${object(`,"uid":${seq}`, m('data', c.payload('intent', 'body') ?? c.payload('intent', 'form')))}`,
    m('response', object(m('code', httpStatus), m('error', errorCode), m('error_message', errorMessage), m('data', c.response))),
    `},"http_request":{"http_method":${j(method)},"url":${object(
      m('url_string', j(url ? `${url.origin}${fullPath}` : `${c.instance.apiUrl}${path}`)),
      m('scheme', j(url?.protocol.replace(':', ''))),
      m('hostname', j(url?.hostname)),
      m('path', j(fullPath)),
    )}}`,
    m('resources', target ? `[${object(m('type', j(target.type)), m('uid', j(target.id)))}]` : null),
    `,"cloud":{"provider":"Clerk"},"metadata":{"version":"1.3.0","uid":${seq},"event_code":${action}`,
    m('correlation_uid', c.payload('intent', 'bulkId')),
    `,"log_name":"audit","logged_time":${time},"product":${object(`,"name":"${PRODUCT_NAME}","vendor_name":"${PRODUCT_NAME}"`, m('version', c.payload('intent', 'appVersion')))}}`,
    `,"unmapped":${object(
      m('profile', c.payload('intent', 'profile')),
      m('key_fingerprint', j(c.instance.keyFingerprint)),
      m('route', c.payload('intent', 'route')),
      m('trace_id', c.payload('outcome', 'traceId')),
      m('sensitive', c.payload('intent', 'sensitive') === 'true' ? 'true' : null),
      m('query', c.payload('intent', 'query')),
      m('files', files === '[]' ? null : files),
      m('before', c.payload('intent', 'before')),
      m('after', c.payload('outcome', 'response') === null ? null : c.payload('outcome', 'after')),
      m('diff', diff === '[]' ? null : diff),
      m('intent_hash', `"${c.intentHash}"`),
      m('outcome_hash', c.outcomeHash === null ? null : `"${c.outcomeHash}"`),
    )}}`,
  ].join('');
}

function activityOf(method: string, hasState: boolean): readonly [number, string] {
  if (method === 'DELETE') return ACTIVITY.delete;
  if (method === 'GET') return ACTIVITY.read;
  // A POST on an existing record (ban, lock, logo) is an update; otherwise it creates something.
  if (method === 'PATCH' || method === 'PUT' || hasState) return ACTIVITY.update;
  return ACTIVITY.create;
}

const urls = new Map<string, URL | null>();

/** The parsed API URL (a log has a handful; parsing one per change was a measurable cost). */
function safeUrl(text: string): URL | null {
  let url = urls.get(text);
  if (url === undefined) {
    try {
      url = new URL(text);
    } catch {
      url = null;
    }
    if (urls.size < 1000) urls.set(text, url);
  }
  return url;
}
