/**
 * Stored documents hold absolute URLs on the Sandbox's own origin (image_url, sign-in token
 * urls, SAML SP URLs). When the Sandbox comes back on another port, those are rewritten once at
 * start-up, so reads stay a plain string copy of the stored JSON.
 */
import type { SandboxDatabase } from './db/database';

const TABLES_WITH_URLS = ['users', 'organizations', 'sign_in_tokens', 'saml_connections'] as const;

/** Rewrites `oldOrigin/…` to `newOrigin/…` in every stored document. */
export function rebaseOrigin(db: SandboxDatabase, oldOrigin: string, newOrigin: string): void {
  if (oldOrigin === newOrigin) return;
  const from = `${oldOrigin}/`;
  const to = `${newOrigin}/`;
  db.transaction(() => {
    for (const table of TABLES_WITH_URLS) {
      // User documents are UTF-8 bytes (BLOB): replace on their text, store bytes again.
      const doc = table === 'users' ? 'CAST(doc AS TEXT)' : 'doc';
      const back = (sql: string) => (table === 'users' ? `CAST(${sql} AS BLOB)` : sql);
      db.run(`UPDATE ${table} SET doc = ${back(`replace(${doc}, ?, ?)`)} WHERE instr(${doc}, ?) > 0`, [from, to, from]);
    }
  });
}
