/**
 * The three export formats, one change at a time: CSV (one row per change, JSON-valued cells
 * for payloads), NDJSON (the stored records themselves with their hashes, so an export can be
 * re-verified) and OCSF 1.3 "API Activity" (class 6003) events for a SIEM. Payloads are copied
 * through as the stored JSON text (see raw-json.ts) rather than parsed and written again.
 *
 * An update's response is usually the record's new state: it is written once, as CSV `after`
 * (the `response` cell is then empty) and as OCSF `api.response.data` (`unmapped.after` is then
 * left out). Both are written when they differ, as for deletes.
 */
import { CLERK_API_VERSION } from '../clerk/client';
import { responseMember } from './changes';
import type { ChangeRow } from './query';
import { rawMembers } from './raw-json';
import type { AuditActor, AuditErrorInfo, AuditExportFormat, AuditInstanceRef, AuditProfileRef, AuditTarget } from './types';

/** The product named in exported events. */
export const PRODUCT_NAME = 'Clerk Admin Desktop';

/** Writes one file format: a header, one chunk per change, a footer. */
export interface ExportFormat {
  header: string;
  /** `first` tells formats with separators (the OCSF array) whether a comma is due. */
  line(row: ChangeRow, first: boolean): string;
  footer: string;
}

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'seq', 'time', 'actor_user', 'actor_host', 'app_version', 'profile_id', 'profile_name', 'environment',
  'api_url', 'key_fingerprint', 'action', 'method', 'route', 'path', 'target_type', 'target_id', 'bulk_id',
  'sensitive', 'outcome', 'status', 'error_code', 'error_message', 'trace_id', 'duration_ms', 'completed_at',
  'query', 'body', 'form', 'files', 'before', 'after', 'diff', 'response', 'intent_hash', 'outcome_hash',
] as const;

/** The writer for `format`. */
export function exportFormat(format: AuditExportFormat): ExportFormat {
  switch (format) {
    case 'csv':
      return { header: `${CSV_COLUMNS.join(',')}\r\n`, line: (row) => `${csvLine(new RawChange(row))}\r\n`, footer: '' };
    case 'ndjson':
      return { header: '', line: ndjsonLine, footer: '' };
    case 'ocsf':
      return { header: '[', line: (row, first) => `${first ? '' : ','}\n${ocsfEvent(new RawChange(row))}`, footer: '\n]\n' };
  }
}

// Stored JSON is spliced in as is: no parse, and the bytes are the ones the hashes cover.
function ndjsonLine(row: ChangeRow): string {
  const outcome = row.oj === null ? 'null' : row.oj;
  const outcomeHash = row.oh === null ? 'null' : `"${row.oh}"`;
  return `{"seq":${row.seq},"intent":${row.ij},"intentHash":"${row.ih}","outcome":${outcome},"outcomeHash":${outcomeHash}}\n`;
}

/** One change read from its records' raw members: small fields parsed, payloads kept as text. */
class RawChange {
  readonly seq: number;
  readonly intentHash: string;
  readonly outcomeHash: string | null;
  private readonly intent: Map<string, string>;
  private readonly outcome: Map<string, string> | null;
  // Parsed once per change: several columns read them.
  private readonly cache: { actor?: AuditActor; profile?: AuditProfileRef; instance?: AuditInstanceRef; error?: AuditErrorInfo } = {};

  constructor(row: ChangeRow) {
    this.seq = row.seq;
    this.intentHash = row.ih;
    this.outcomeHash = row.oh;
    this.intent = rawMembers(row.ij);
    this.outcome = row.oj === null ? null : rawMembers(row.oj);
  }

  /** A parsed intent member. */
  i<T>(key: string): T | undefined {
    return parse<T>(this.intent.get(key));
  }

  /** A parsed outcome member. */
  o<T>(key: string): T | undefined {
    return parse<T>(this.outcome?.get(key));
  }

  /** A payload as JSON text; null when absent or JSON null. */
  payload(side: 'intent' | 'outcome', key: string): string | null {
    const text = (side === 'intent' ? this.intent : this.outcome)?.get(key);
    return text === undefined || text === 'null' ? null : text;
  }

  get actor(): AuditActor {
    return (this.cache.actor ??= parseRepeated<AuditActor>(this.intent.get('actor')) as AuditActor);
  }
  get profile(): AuditProfileRef {
    return (this.cache.profile ??= parseRepeated<AuditProfileRef>(this.intent.get('profile')) as AuditProfileRef);
  }
  get instance(): AuditInstanceRef {
    return (this.cache.instance ??= parseRepeated<AuditInstanceRef>(this.intent.get('instance')) as AuditInstanceRef);
  }
  get target(): AuditTarget | undefined {
    return this.i<AuditTarget>('target');
  }
  get error(): AuditErrorInfo | undefined {
    return (this.cache.error ??= this.o<AuditErrorInfo>('error'));
  }
  get outcomeKind(): string {
    return this.o<string>('outcome') ?? 'unknown';
  }
  get response(): string | null {
    if (!this.outcome) return null;
    const member = responseMember({ response: this.outcome.get('response'), after: this.outcome.get('after'), outcome: this.outcomeKind });
    return member && this.payload('outcome', member);
  }
}

// The same actor, profile and instance appear on thousands of records: parse each text once.
const repeated = new Map<string, unknown>();

function parseRepeated<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  let value = repeated.get(text);
  if (value === undefined) {
    value = JSON.parse(text);
    if (repeated.size < 10_000) repeated.set(text, value);
  }
  return value as T;
}

function parse<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  const first = text.charCodeAt(0);
  // Most members are plain strings and integers: skip the general parser for them.
  if (first === 34 && !text.includes('\\')) return text.slice(1, -1) as T;
  if (first >= 48 && first <= 57 && /^\d+$/.test(text)) return Number(text) as T;
  return JSON.parse(text) as T;
}

/** One CSV record (without the line break): scalar cells quoted as needed, payload cells as JSON. */
function csvLine(c: RawChange): string {
  const ts = c.i<number>('ts') as number;
  const completedAt = c.o<number>('ts');
  const files = c.payload('intent', 'files');
  const diff = c.payload('outcome', 'diff');
  const { actor, profile, instance, target, error } = c;
  return [
    c.seq, new Date(ts).toISOString(), csvCell(actor.user), csvCell(actor.host), csvCell(c.i<string>('appVersion') ?? null),
    csvCell(profile.id), csvCell(profile.name), csvCell(profile.environment), csvCell(instance.apiUrl), csvCell(instance.keyFingerprint),
    csvCell(c.i<string>('action') ?? null), csvCell(c.i<string>('method') ?? null), csvCell(c.i<string>('route') ?? null),
    csvCell(c.i<string>('path') ?? null), csvCell(target?.type ?? null), csvCell(target?.id ?? null), csvCell(c.i<string>('bulkId') ?? null),
    c.i<boolean>('sensitive') === true, c.outcomeKind, c.o<number>('status') ?? '', csvCell(error?.code ?? null), csvCell(error?.message ?? null),
    csvCell(c.o<string>('traceId') ?? null), c.o<number>('durationMs') ?? '', completedAt === undefined ? '' : new Date(completedAt).toISOString(),
    jsonCell(c.payload('intent', 'query')), jsonCell(c.payload('intent', 'body')), jsonCell(c.payload('intent', 'form')),
    jsonCell(files === '[]' ? null : files), jsonCell(c.payload('intent', 'before')), jsonCell(c.payload('outcome', 'after')),
    jsonCell(diff === '[]' ? null : diff), jsonCell(c.payload('outcome', 'response')), c.intentHash, c.outcomeHash ?? '',
  ].join(',');
}

/** A JSON payload cell: always quoted (JSON text has quotes), never read as a formula. */
function jsonCell(json: string | null): string {
  return json === null ? '' : `"${json.replaceAll('"', '""')}"`;
}

/** RFC 4180 quoting; text that a spreadsheet would run as a formula gets a leading `'`. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

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
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const ACTIVITY = { create: [1, 'Create'], read: [2, 'Read'], update: [3, 'Update'], delete: [4, 'Delete'] } as const;

/** One change as an OCSF 1.3 API Activity event (JSON text). */
function ocsfEvent(c: RawChange): string {
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
