/**
 * The three export formats, one change at a time: CSV (one row per change, JSON-valued cells
 * for payloads), NDJSON (the stored records themselves with their hashes, so an export can be
 * re-verified) and OCSF 1.3 "API Activity" (class 6003) events for a SIEM. Payloads are copied
 * through as the stored JSON text (see raw-json.ts) rather than parsed and written again.
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
      return { header: `${CSV_COLUMNS.join(',')}\r\n`, line: (row) => `${csvCells(new RawChange(row)).map(csvCell).join(',')}\r\n`, footer: '' };
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
    return (this.cache.actor ??= this.i<AuditActor>('actor') as AuditActor);
  }
  get profile(): AuditProfileRef {
    return (this.cache.profile ??= this.i<AuditProfileRef>('profile') as AuditProfileRef);
  }
  get instance(): AuditInstanceRef {
    return (this.cache.instance ??= this.i<AuditInstanceRef>('instance') as AuditInstanceRef);
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

function parse<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  const first = text.charCodeAt(0);
  // Most members are plain strings and integers: skip the general parser for them.
  if (first === 34 && !text.includes('\\')) return text.slice(1, -1) as T;
  if (first >= 48 && first <= 57 && /^\d+$/.test(text)) return Number(text) as T;
  return JSON.parse(text) as T;
}

function csvCells(c: RawChange): (string | number | boolean | null)[] {
  const ts = c.i<number>('ts') as number;
  const completedAt = c.o<number>('ts');
  const files = c.payload('intent', 'files');
  const diff = c.payload('outcome', 'diff');
  return [
    c.seq, new Date(ts).toISOString(), c.actor.user, c.actor.host, c.i<string>('appVersion') ?? null, c.profile.id, c.profile.name,
    c.profile.environment, c.instance.apiUrl, c.instance.keyFingerprint, c.i<string>('action') ?? null, c.i<string>('method') ?? null,
    c.i<string>('route') ?? null, c.i<string>('path') ?? null, c.target?.type ?? null, c.target?.id ?? null, c.i<string>('bulkId') ?? null,
    c.i<boolean>('sensitive') === true, c.outcomeKind, c.o<number>('status') ?? null, c.error?.code ?? null, c.error?.message ?? null,
    c.o<string>('traceId') ?? null, c.o<number>('durationMs') ?? null, completedAt === undefined ? null : new Date(completedAt).toISOString(),
    c.payload('intent', 'query'), c.payload('intent', 'body'), c.payload('intent', 'form'), files === '[]' ? null : files,
    c.payload('intent', 'before'), c.payload('outcome', 'after'), diff === '[]' ? null : diff, c.response, c.intentHash, c.outcomeHash,
  ];
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
  const method = c.i<string>('method') ?? '';
  const [activityId, activityName] = activityOf(method, c.i<string>('statePath') !== undefined);
  const url = safeUrl(c.instance.apiUrl);
  const path = c.i<string>('path') ?? '';
  const fullPath = `${url?.pathname.replace(/\/$/, '') ?? ''}${path}`;
  const outcome = c.outcomeKind;
  const [statusId, status] = outcome === 'success' ? [1, 'Success'] : outcome === 'unknown' ? [0, 'Unknown'] : [2, 'Failure'];
  const httpStatus = c.o<number>('status');
  const error = c.error;
  const time = c.i<number>('ts') as number;
  const action = c.i<string>('action');
  const target = c.target;
  const files = c.payload('intent', 'files');
  const diff = c.payload('outcome', 'diff');
  const actor = c.actor;
  return object(
    m('class_uid', '6003'),
    m('class_name', '"API Activity"'),
    m('category_uid', '6'),
    m('category_name', '"Application Activity"'),
    m('activity_id', String(activityId)),
    m('activity_name', j(activityName)),
    m('type_uid', String(6003 * 100 + activityId)),
    m('type_name', j(`API Activity: ${activityName}`)),
    m('severity_id', '1'),
    m('severity', '"Informational"'),
    m('time', j(time)),
    m('start_time', j(time)),
    m('end_time', j(c.o<number>('ts'))),
    m('duration', j(c.o<number>('durationMs'))),
    m('status_id', String(statusId)),
    m('status', j(status)),
    m('status_code', j(error?.code ?? (httpStatus === undefined ? null : String(httpStatus)))),
    m('status_detail', j(error?.message)),
    m('actor', object(m('user', object(m('name', j(actor.user)), m('type_id', '1'), m('type', '"User"'))), m('app_name', j(PRODUCT_NAME)))),
    m('src_endpoint', object(m('hostname', j(actor.host)))),
    m('dst_endpoint', object(m('hostname', j(url?.hostname)), m('port', url?.port ? url.port : null), m('svc_name', '"Clerk Backend API"'))),
    m(
      'api',
      object(
        m('operation', j(action)),
        m('version', j(CLERK_API_VERSION)),
        m('service', '{"name":"Clerk Backend API"}'),
        m('request', object(m('uid', j(String(c.seq))), m('data', c.payload('intent', 'body') ?? c.payload('intent', 'form')))),
        m('response', object(m('code', j(httpStatus)), m('error', j(error?.code)), m('error_message', j(error?.message)), m('data', c.response))),
      ),
    ),
    m(
      'http_request',
      object(
        m('http_method', j(method)),
        m(
          'url',
          object(
            m('url_string', j(url ? `${url.origin}${fullPath}` : `${c.instance.apiUrl}${path}`)),
            m('scheme', j(url?.protocol.replace(':', ''))),
            m('hostname', j(url?.hostname)),
            m('path', j(fullPath)),
          ),
        ),
      ),
    ),
    m('resources', target ? `[${object(m('type', j(target.type)), m('uid', j(target.id)))}]` : null),
    m('cloud', '{"provider":"Clerk"}'),
    m(
      'metadata',
      object(
        m('version', '"1.3.0"'),
        m('uid', j(String(c.seq))),
        m('event_code', j(action)),
        m('correlation_uid', j(c.i<string>('bulkId'))),
        m('log_name', '"audit"'),
        m('logged_time', j(time)),
        m('product', object(m('name', j(PRODUCT_NAME)), m('vendor_name', j(PRODUCT_NAME)), m('version', j(c.i<string>('appVersion'))))),
      ),
    ),
    m(
      'unmapped',
      object(
        m('profile', c.payload('intent', 'profile')),
        m('key_fingerprint', j(c.instance.keyFingerprint)),
        m('route', j(c.i<string>('route'))),
        m('trace_id', j(c.o<string>('traceId'))),
        m('sensitive', c.i<boolean>('sensitive') === true ? 'true' : null),
        m('query', c.payload('intent', 'query')),
        m('files', files === '[]' ? null : files),
        m('before', c.payload('intent', 'before')),
        m('after', c.payload('outcome', 'after')),
        m('diff', diff === '[]' ? null : diff),
        m('intent_hash', j(c.intentHash)),
        m('outcome_hash', j(c.outcomeHash)),
      ),
    ),
  ) as string;
}

function activityOf(method: string, hasState: boolean): readonly [number, string] {
  if (method === 'DELETE') return ACTIVITY.delete;
  if (method === 'GET') return ACTIVITY.read;
  // A POST on an existing record (ban, lock, logo) is an update; otherwise it creates something.
  if (method === 'PATCH' || method === 'PUT' || hasState) return ACTIVITY.update;
  return ACTIVITY.create;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
