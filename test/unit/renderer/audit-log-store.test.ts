import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditChange, AuditChangeDetail, AuditListResult } from '../../../shared/ipc/audit';
import { AppError } from '../../../shared/ipc/errors';
import { installBridge } from '../../../renderer/src/api';
import { AUDIT_PAGE_SIZE, cleanFilter, useAuditLogStore } from '../../../renderer/src/stores/audit-log';
import { deferred, fakeBridge, type FakeBridge } from './fake-bridge';
import { activeDataLayer } from './with-data-layer';

const change = (seq: number) => ({ seq, action: 'users.ban', outcome: 'success' }) as AuditChange;

/** A fake main with `total` changes, seq 1 … total, listed newest first by keyset or offset. */
function auditMain(total = 250): FakeBridge {
  return fakeBridge({
    'audit:list': ({ limit = 100, before, offset = 0, includeTotal }) => {
      const all = Array.from({ length: total }, (_, i) => total - i);
      const start = before !== undefined ? all.findIndex((seq) => seq < before) : offset;
      const rows = start < 0 ? [] : all.slice(start, start + limit).map(change);
      const more = start >= 0 && start + limit < all.length;
      return { rows, nextBefore: more ? rows[rows.length - 1].seq : null, total: includeTotal ? total : null };
    },
    'audit:facets': () => ({ profiles: [{ id: 'p', name: 'Sandbox', environment: 'development' }], actors: ['ada'], actions: ['users.ban'] }),
    'audit:get': ({ seq }) => ({ ...change(seq), diff: [] }) as unknown as AuditChangeDetail,
  });
}

describe('audit log store', () => {
  let main: FakeBridge;

  beforeEach(() => {
    activeDataLayer();
    main = auditMain();
    installBridge(main.bridge);
  });

  it('loads the newest page with the total, then older pages by keyset as the table scrolls', async () => {
    const audit = useAuditLogStore();
    await audit.load();
    expect(main.inputs('audit:list')).toEqual([{ filter: {}, limit: AUDIT_PAGE_SIZE, includeTotal: true }]);
    expect(audit.rows.map((row) => row.seq).slice(0, 2)).toEqual([250, 249]);
    expect(audit.total).toBe(250);
    expect(audit.hasMore).toBe(true);

    await audit.loadMore();
    expect(main.inputs('audit:list')[1]).toEqual({ filter: {}, limit: AUDIT_PAGE_SIZE, before: 151 });
    await audit.loadMore();
    expect(audit.rows).toHaveLength(250);
    expect(audit.rows.at(-1)?.seq).toBe(1);
    expect(audit.hasMore).toBe(false);
    await audit.loadMore();
    expect(main.inputs('audit:list')).toHaveLength(3);
  });

  it('does not load the same page twice while one is on its way', async () => {
    const audit = useAuditLogStore();
    await audit.load();
    await Promise.all([audit.loadMore(), audit.loadMore(), audit.loadMore()]);
    expect(main.inputs('audit:list')).toHaveLength(2);
  });

  it('sends only the filters that are set, trimmed, and restarts from the newest change', async () => {
    const audit = useAuditLogStore();
    await audit.load();
    await audit.loadMore();
    await audit.setFilter({ text: '  ada  ', targetId: '', outcome: 'clerk_error' });
    expect(main.inputs('audit:list').at(-1)).toEqual({ filter: { text: 'ada', outcome: 'clerk_error' }, limit: AUDIT_PAGE_SIZE, includeTotal: true });
    expect(audit.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(audit.hasFilters).toBe(true);
    await audit.setFilter({ text: undefined, outcome: undefined });
    expect(audit.hasFilters).toBe(false);
    await audit.setFilter({ from: 10, to: 20 });
    await audit.clearFilters();
    expect(main.inputs('audit:list').at(-1)).toMatchObject({ filter: {} });
    expect(cleanFilter({ actor: ' ', action: 'users.*', from: 0 })).toEqual({ action: 'users.*', from: 0 });
  });

  it('keeps the newest filter’s answer when an older one answers late, and drops a stale older page', async () => {
    const slow = deferred<AuditListResult>();
    let calls = 0;
    installBridge(
      fakeBridge({
        'audit:list': ({ filter }) => (++calls === 1 ? slow.promise : { rows: [change(7)], nextBefore: null, total: filter.text ? 1 : 9 }),
      }).bridge,
    );
    const audit = useAuditLogStore();
    const first = audit.load();
    await audit.setFilter({ text: 'seven' });
    slow.resolve({ rows: [change(1), change(2)], nextBefore: 1, total: 99 });
    await first;
    expect(audit.rows.map((row) => row.seq)).toEqual([7]);
    expect(audit.total).toBe(1);
    expect(audit.loading).toBe(false);
  });

  it('keeps the error of a failed load and clears it on the next success', async () => {
    let fail = true;
    installBridge(
      fakeBridge({
        'audit:list': () => {
          if (fail) throw new AppError({ kind: 'audit', code: 'audit_unavailable', message: 'the audit log could not be opened (disk I/O error).' });
          return { rows: [], nextBefore: null, total: 0 };
        },
      }).bridge,
    );
    const audit = useAuditLogStore();
    await audit.load();
    expect(audit.error).toBeInstanceOf(AppError);
    expect((audit.error as AppError).kind).toBe('audit');
    expect(audit.loaded).toBe(false);
    fail = false;
    await audit.load();
    expect(audit.error).toBeNull();
    expect(audit.loaded).toBe(true);
    expect(audit.total).toBe(0);
  });

  it('loads the filter dropdowns’ values', async () => {
    const audit = useAuditLogStore();
    await audit.loadFacets();
    expect(audit.facets.actors).toEqual(['ada']);
  });

  it('opens one change in the drawer, ignoring a slower answer for a change no longer selected', async () => {
    const slow = deferred<AuditChangeDetail>();
    installBridge(fakeBridge({ 'audit:get': ({ seq }) => (seq === 1 ? slow.promise : ({ ...change(seq), diff: [] } as unknown as AuditChangeDetail)) }).bridge);
    const audit = useAuditLogStore();
    const first = audit.select(1);
    await audit.select(5);
    slow.resolve({ ...change(1), diff: [] } as unknown as AuditChangeDetail);
    await first;
    expect(audit.selectedSeq).toBe(5);
    expect(audit.detail?.seq).toBe(5);
    audit.closeDetail();
    expect(audit.selectedSeq).toBeNull();
    expect(audit.detail).toBeNull();
  });
});
