/**
 * The history of proxy checks the app ran, per profile, in the app database (migration 9): Clerk
 * keeps no list of checks, so this is where an administrator sees what was tried and what failed.
 */
import type { DatabaseSync } from 'node:sqlite';
import { PROXY_HISTORY_MAX, type ProxyCheckRecord } from '../../../shared/ipc/channels/proxy-checks';

interface Row {
  id: number;
  profile_id: string;
  domain_id: string;
  proxy_url: string;
  successful: number;
  check_id: string | null;
  reason: string | null;
  code: string | null;
  checked_at: number;
}

const COLUMNS = 'id, profile_id, domain_id, proxy_url, successful, check_id, reason, code, checked_at';

function recordOf(row: Row): ProxyCheckRecord {
  return {
    id: row.id,
    profileId: row.profile_id,
    domainId: row.domain_id,
    proxyUrl: row.proxy_url,
    successful: row.successful === 1,
    checkId: row.check_id,
    reason: row.reason,
    code: row.code,
    checkedAt: row.checked_at,
  };
}

/** Reads and writes the proxy check history. */
export class ProxyCheckHistory {
  constructor(private readonly db: DatabaseSync) {}

  /** Records one check and drops the profile's oldest beyond {@link PROXY_HISTORY_MAX}. */
  add(entry: Omit<ProxyCheckRecord, 'id'>): ProxyCheckRecord {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO proxy_checks (profile_id, domain_id, proxy_url, successful, check_id, reason, code, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.profileId, entry.domainId, entry.proxyUrl, entry.successful ? 1 : 0, entry.checkId, entry.reason, entry.code, entry.checkedAt);
    this.db
      .prepare('DELETE FROM proxy_checks WHERE profile_id = ? AND id NOT IN (SELECT id FROM proxy_checks WHERE profile_id = ? ORDER BY checked_at DESC, id DESC LIMIT ?)')
      .run(entry.profileId, entry.profileId, PROXY_HISTORY_MAX);
    return recordOf(this.db.prepare(`SELECT ${COLUMNS} FROM proxy_checks WHERE id = ?`).get(lastInsertRowid) as unknown as Row);
  }

  /** A profile's checks, newest first. */
  list(profileId: string): ProxyCheckRecord[] {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM proxy_checks WHERE profile_id = ? ORDER BY checked_at DESC, id DESC`).all(profileId) as unknown as Row[];
    return rows.map(recordOf);
  }
}
