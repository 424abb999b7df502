import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { canonicalJson } from '../../../electron/services/audit/canonical-json';
import { CSV_COLUMNS, isoTime } from '../../../electron/services/audit/export-csv';
import { intentInput, steppingClock, successOutcome, tempLog, type TempLog } from './helpers';
import { exportChanges } from '../../../electron/services/audit/export';

let t: TempLog;
beforeEach(() => {
  t = tempLog({ clock: steppingClock(Date.UTC(2026, 2, 1, 12)) });
  const update = t.log.appendIntent(
    intentInput({ body: { first_name: 'Ann, "the" admin\nsecond line', password: 'hunter2' }, statePath: '/users/user_1', before: { id: 'user_1', first_name: 'An' } }),
  ).seq;
  t.log.appendOutcome(update, successOutcome({ response: undefined, after: { id: 'user_1', first_name: 'Ann' }, diff: [{ path: '/first_name', before: 'An', after: 'Ann' }] }));
  const ban = t.log.appendIntent(intentInput({ action: 'users.ban', method: 'POST', path: '/users/user_2/ban', target: { type: 'user', id: 'user_2' }, body: undefined })).seq;
  t.log.appendOutcome(ban, { outcome: 'clerk_error', status: 404, durationMs: 40, traceId: 'trace_404', error: { kind: 'clerk', code: 'resource_not_found', message: '=HYPERLINK("http://evil")' } });
  t.log.appendIntent(intentInput({ action: 'organizations.create', method: 'POST', route: '/organizations', path: '/organizations', target: { type: 'organization' }, body: { name: 'Globex' } }));
  const remove = t.log.appendIntent(intentInput({ action: 'users.delete', method: 'DELETE', body: undefined, statePath: '/users/user_1', before: { id: 'user_1' } })).seq;
  t.log.appendOutcome(remove, successOutcome({ response: { object: 'user', id: 'user_1', deleted: true }, after: null, diff: [{ path: '/', before: { id: 'user_1' }, after: null }] }));
});
afterEach(() => t.cleanup());

/** A strict RFC 4180 parser (quoted fields, doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  return rows;
}

const file = (name: string) => join(t.dir, name);

describe('export', () => {
  it('writes CSV that parses back to one row per change, oldest first', async () => {
    const progress: { done: number; total: number }[] = [];
    const result = await exportChanges(t.log, {}, { format: 'csv', path: file('out.csv'), onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ format: 'csv', changes: 4 });
    const text = readFileSync(file('out.csv'), 'utf8');
    expect(result.bytes).toBe(Buffer.byteLength(text));
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    const records = rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
    expect(records.map((r) => r.seq)).toEqual(['1', '3', '5', '6']);
    expect(records[0]).toMatchObject({
      time: '2026-03-01T12:00:00.000Z',
      actor_user: 'alice',
      actor_host: 'alice-laptop',
      profile_id: 'prof_1',
      environment: 'production',
      key_fingerprint: '3f9a0c4be172',
      action: 'users.update',
      method: 'PATCH',
      target_id: 'user_1',
      outcome: 'success',
      status: '200',
      duration_ms: '120',
    });
    expect(JSON.parse(records[0].body)).toEqual({ first_name: 'Ann, "the" admin\nsecond line', password: '[redacted]' });
    expect(JSON.parse(records[0].before)).toEqual({ id: 'user_1', first_name: 'An' });
    expect(JSON.parse(records[0].after)).toEqual({ id: 'user_1', first_name: 'Ann' });
    expect(JSON.parse(records[0].diff)).toEqual([{ path: '/first_name', before: 'An', after: 'Ann' }]);
    expect(records[0].response).toBe(''); // the same as `after`, written once
    expect(records[1]).toMatchObject({ outcome: 'clerk_error', status: '404', error_code: 'resource_not_found', trace_id: 'trace_404' });
    // A spreadsheet must not run it as a formula.
    expect(records[1].error_message).toBe(`'=HYPERLINK("http://evil")`);
    expect(records[2]).toMatchObject({ outcome: 'unknown', status: '', completed_at: '' });
    // A delete keeps both: the response (the deleted object) differs from the after state (gone).
    expect(records[3]).toMatchObject({ action: 'users.delete', after: '', response: '{"deleted":true,"id":"user_1","object":"user"}' });
    expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
  });

  it('writes NDJSON of the stored records, which re-verify against their hashes', async () => {
    await exportChanges(t.log, {}, { format: 'ndjson', path: file('out.ndjson') });
    const lines = readFileSync(file('out.ndjson'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.seq, line.outcome?.seq ?? null])).toEqual([
      [1, 2],
      [3, 4],
      [5, null],
      [6, 7],
    ]);
    expect(lines[0].intent).toMatchObject({ kind: 'intent', action: 'users.update', body: { password: '[redacted]' } });
    const records = lines
      .flatMap((line) => [
        { record: line.intent, hash: line.intentHash },
        ...(line.outcome ? [{ record: line.outcome, hash: line.outcomeHash }] : []),
      ])
      .sort((a, b) => a.record.seq - b.record.seq);
    let prev = '0'.repeat(64);
    for (const { record, hash } of records) {
      prev = createHash('sha256').update(prev + canonicalJson(record)).digest('hex');
      expect(hash).toBe(prev);
    }
  });

  it('writes OCSF API Activity (class 6003) events', async () => {
    await exportChanges(t.log, {}, { format: 'ocsf', path: file('out.json') });
    const events = JSON.parse(readFileSync(file('out.json'), 'utf8')) as Record<string, any>[];
    expect(events).toHaveLength(4);
    for (const event of events) {
      expect(event).toMatchObject({ class_uid: 6003, class_name: 'API Activity', category_uid: 6, severity_id: 1, cloud: { provider: 'Clerk' } });
      expect(event.type_uid).toBe(600300 + event.activity_id);
    }
    expect(events[0]).toMatchObject({
      activity_id: 3,
      activity_name: 'Update',
      time: Date.UTC(2026, 2, 1, 12),
      status_id: 1,
      status: 'Success',
      actor: { user: { name: 'alice' } },
      src_endpoint: { hostname: 'alice-laptop' },
      dst_endpoint: { hostname: 'api.clerk.com', svc_name: 'Clerk Backend API' },
      http_request: { http_method: 'PATCH', url: { url_string: 'https://api.clerk.com/v1/users/user_1', hostname: 'api.clerk.com', path: '/v1/users/user_1', scheme: 'https' } },
      api: { operation: 'users.update', request: { uid: '1', data: { password: '[redacted]' } }, response: { code: 200, data: { id: 'user_1', first_name: 'Ann' } } },
      resources: [{ type: 'user', uid: 'user_1' }],
      metadata: { version: '1.3.0', uid: '1', product: { name: 'Clerk Admin Desktop', version: '1.2.3' } },
      unmapped: { key_fingerprint: '3f9a0c4be172', before: { first_name: 'An' }, trace_id: 'trace_ok' },
    });
    expect(events[0].unmapped.after).toBeUndefined(); // the same as api.response.data, written once
    expect(events[1]).toMatchObject({ activity_id: 1, status_id: 2, status: 'Failure', status_code: 'resource_not_found', api: { response: { code: 404, error: 'resource_not_found' } } });
    expect(events[2]).toMatchObject({ activity_id: 1, activity_name: 'Create', status_id: 0, status: 'Unknown' });
    expect(events[2].end_time).toBeUndefined();
    expect(events[3]).toMatchObject({ activity_id: 4, activity_name: 'Delete', api: { response: { data: { deleted: true } } }, unmapped: { before: { id: 'user_1' } } });
  });

  it('writes text that needs escaping exactly, in OCSF and CSV', async () => {
    // Quotes, backslashes, control characters, a lone surrogate, an emoji, a line separator.
    const nasty = 'a "b" \\ c\u0001\n\ud800 🚀 \u2028 é';
    const seq = t.log.appendIntent(intentInput({ actor: { user: nasty, host: 'h\t1' }, target: { type: 'user', id: nasty }, bulkId: 'bulk_nasty' })).seq;
    t.log.appendOutcome(seq, { outcome: 'clerk_error', status: 400, durationMs: 5, error: { kind: 'clerk', code: 'x"y', message: nasty } });
    await exportChanges(t.log, { bulkId: 'bulk_nasty' }, { format: 'ocsf', path: file('nasty.json') });
    const [event] = JSON.parse(readFileSync(file('nasty.json'), 'utf8')) as Record<string, any>[];
    expect(event).toMatchObject({ actor: { user: { name: nasty } }, src_endpoint: { hostname: 'h\t1' }, status_code: 'x"y', status_detail: nasty, resources: [{ uid: nasty }] });
    await exportChanges(t.log, { bulkId: 'bulk_nasty' }, { format: 'csv', path: file('nasty.csv') });
    const [header, row] = parseCsv(readFileSync(file('nasty.csv'), 'utf8'));
    const record = Object.fromEntries(header.map((name, i) => [name, row[i]]));
    // CSV is plain UTF-8 text: a lone surrogate can only be written as U+FFFD.
    const written = nasty.replace('\ud800', '\ufffd');
    expect(record).toMatchObject({ actor_user: written, actor_host: 'h\t1', target_id: written, error_code: 'x"y', error_message: written });
  });

  it('exports only the filtered changes', async () => {
    const result = await exportChanges(t.log, { outcome: 'clerk_error' }, { format: 'ndjson', path: file('errors.ndjson') });
    expect(result.changes).toBe(1);
    expect(JSON.parse(readFileSync(file('errors.ndjson'), 'utf8')).seq).toBe(3);
  });

  it('leaves no file behind when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(exportChanges(t.log, {}, { format: 'csv', path: file('x.csv'), signal: controller.signal })).rejects.toThrow();
    expect(readdirSync(t.dir).filter((name) => name.startsWith('x.csv'))).toEqual([]);
  });

  it('reports a folder that does not exist and rejects an unknown format', async () => {
    await expect(exportChanges(t.log, {}, { format: 'csv', path: join(t.dir, 'missing', 'out.csv') })).rejects.toMatchObject({
      kind: 'validation',
      code: 'ENOENT',
      message: expect.stringContaining('could not be written'),
    });
    expect(existsSync(join(t.dir, 'missing'))).toBe(false);
    await expect(exportChanges(t.log, {}, { format: 'xml' as never, path: file('out.xml') })).rejects.toBeInstanceOf(AppError);
  });
});

describe('isoTime', () => {
  it('writes what toISOString writes, across days, years and the edges of its fast path', () => {
    const times = [0, 1, 999, 1000, 59_999, 86_399_999, 86_400_000, Date.UTC(2026, 2, 1, 12), Date.UTC(2024, 1, 29, 23, 59, 59, 999)];
    for (let ms = Date.UTC(1999, 11, 31); ms < Date.UTC(2001, 0, 2); ms += 3_599_999) times.push(ms);
    times.push(253_402_300_799_999, 253_402_300_800_000, -1, -86_400_001, 1.5, 8.64e15);
    for (const ms of times) expect(isoTime(ms), String(ms)).toBe(new Date(ms).toISOString());
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
  });
});
