/**
 * The three export formats, one change at a time: CSV (one row per change, JSON-valued cells
 * for payloads), NDJSON (the stored records themselves with their hashes, so an export can be
 * re-verified) and OCSF 1.3 "API Activity" (class 6003) events for a SIEM.
 */
import { CLERK_API_VERSION } from '../clerk/client';
import type { ChangeRow } from './query';
import type { AuditChangeDetail, AuditExportFormat } from './types';

/** The product named in exported events. */
export const PRODUCT_NAME = 'Clerk Admin Desktop';

/** Writes one file format: a header, one chunk per change, a footer. */
export interface ExportFormat {
  header: string;
  /** `first` tells formats with separators (the OCSF array) whether a comma is due. */
  line(row: ChangeRow, detail: () => AuditChangeDetail, first: boolean): string;
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
      return { header: `${CSV_COLUMNS.join(',')}\r\n`, line: (_row, detail) => `${csvCells(detail()).map(csvCell).join(',')}\r\n`, footer: '' };
    case 'ndjson':
      return { header: '', line: (row) => ndjsonLine(row), footer: '' };
    case 'ocsf':
      return { header: '[', line: (_row, detail, first) => `${first ? '' : ','}\n${JSON.stringify(toOcsfEvent(detail()))}`, footer: '\n]\n' };
  }
}

// Stored JSON is spliced in as is: no parse, and the bytes are the ones the hashes cover.
function ndjsonLine(row: ChangeRow): string {
  const outcome = row.oj === null ? 'null' : row.oj;
  const outcomeHash = row.oh === null ? 'null' : `"${row.oh}"`;
  return `{"seq":${row.seq},"intent":${row.ij},"intentHash":"${row.ih}","outcome":${outcome},"outcomeHash":${outcomeHash}}\n`;
}

function csvCells(d: AuditChangeDetail): (string | number | boolean | null)[] {
  return [
    d.seq, new Date(d.time).toISOString(), d.actor.user, d.actor.host, d.appVersion, d.profile.id, d.profile.name,
    d.profile.environment, d.instance.apiUrl, d.instance.keyFingerprint, d.action, d.method, d.route, d.path,
    d.target?.type ?? null, d.target?.id ?? null, d.bulkId, d.sensitive, d.outcome, d.status, d.errorCode,
    d.errorMessage, d.traceId, d.durationMs, d.completedAt === null ? null : new Date(d.completedAt).toISOString(),
    json(d.query), json(d.body), json(d.form), d.files.length ? JSON.stringify(d.files) : null, json(d.before),
    json(d.after), d.diff.length ? JSON.stringify(d.diff) : null, json(d.response), d.intentHash, d.outcomeHash,
  ];
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

/** RFC 4180 quoting; text that a spreadsheet would run as a formula gets a leading `'`. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const ACTIVITY = { create: [1, 'Create'], read: [2, 'Read'], update: [3, 'Update'], delete: [4, 'Delete'] } as const;

/** One change as an OCSF 1.3 API Activity event. */
export function toOcsfEvent(d: AuditChangeDetail): Record<string, unknown> {
  const [activityId, activityName] = activityOf(d);
  const url = safeUrl(d.instance.apiUrl);
  const fullPath = `${url?.pathname.replace(/\/$/, '') ?? ''}${d.path}`;
  const status = d.outcome === 'success' ? [1, 'Success'] : d.outcome === 'unknown' ? [0, 'Unknown'] : [2, 'Failure'];
  return strip({
    class_uid: 6003,
    class_name: 'API Activity',
    category_uid: 6,
    category_name: 'Application Activity',
    activity_id: activityId,
    activity_name: activityName,
    type_uid: 6003 * 100 + activityId,
    type_name: `API Activity: ${activityName}`,
    severity_id: 1,
    severity: 'Informational',
    time: d.time,
    start_time: d.time,
    end_time: d.completedAt,
    duration: d.durationMs,
    status_id: status[0],
    status: status[1],
    status_code: d.errorCode ?? (d.status === null ? null : String(d.status)),
    status_detail: d.errorMessage,
    actor: { user: { name: d.actor.user, type_id: 1, type: 'User' }, app_name: PRODUCT_NAME },
    src_endpoint: { hostname: d.actor.host },
    dst_endpoint: { hostname: url?.hostname ?? null, port: url?.port ? Number(url.port) : null, svc_name: 'Clerk Backend API' },
    api: {
      operation: d.action,
      version: CLERK_API_VERSION,
      service: { name: 'Clerk Backend API' },
      request: { uid: String(d.seq), data: d.body ?? d.form ?? null },
      response: { code: d.status, error: d.errorCode, error_message: d.errorMessage, data: d.response },
    },
    http_request: {
      http_method: d.method,
      url: { url_string: url ? `${url.origin}${fullPath}` : `${d.instance.apiUrl}${d.path}`, scheme: url?.protocol.replace(':', '') ?? null, hostname: url?.hostname ?? null, path: fullPath },
    },
    resources: d.target ? [{ type: d.target.type, uid: d.target.id ?? null }] : null,
    cloud: { provider: 'Clerk' },
    metadata: {
      version: '1.3.0',
      uid: String(d.seq),
      event_code: d.action,
      correlation_uid: d.bulkId,
      log_name: 'audit',
      logged_time: d.time,
      product: { name: PRODUCT_NAME, vendor_name: PRODUCT_NAME, version: d.appVersion },
    },
    unmapped: {
      profile: d.profile,
      key_fingerprint: d.instance.keyFingerprint,
      route: d.route,
      trace_id: d.traceId,
      sensitive: d.sensitive || null,
      query: d.query,
      files: d.files.length ? d.files : null,
      before: d.before,
      after: d.after,
      diff: d.diff.length ? d.diff : null,
      intent_hash: d.intentHash,
      outcome_hash: d.outcomeHash,
    },
  });
}

function activityOf(d: AuditChangeDetail): readonly [number, string] {
  if (d.method === 'DELETE') return ACTIVITY.delete;
  if (d.method === 'GET') return ACTIVITY.read;
  // A POST on an existing record (ban, lock, logo) is an update; otherwise it creates something.
  if (d.method === 'PATCH' || d.method === 'PUT' || d.statePath !== null) return ACTIVITY.update;
  return ACTIVITY.create;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Drops null members (OCSF omits absent attributes), except inside payload data. */
function strip(value: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    const isPayload = key === 'data' || key === 'before' || key === 'after' || key === 'query' || key === 'profile';
    out[key] = !isPayload && depth < 3 && typeof item === 'object' && !Array.isArray(item) ? strip(item as Record<string, unknown>, depth + 1) : item;
  }
  return out;
}
