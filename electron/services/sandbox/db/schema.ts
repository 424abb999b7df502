/**
 * The Sandbox's tables. Each resource keeps its API document (`doc`, the exact JSON Clerk would
 * return) next to the columns it is filtered and ordered by, so a list is a query plus a string
 * join, with no per-request JSON parsing. Indexes are created after the seed (faster bulk load).
 */
import type { SandboxDatabase } from './database';

/** Bumped when the layout changes; an older file is rebuilt from the seed. */
export const SCHEMA_VERSION = 3;

const META_TABLES = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS secret_keys (hash TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
`;

/** Tables holding the instance's data (dropped and rebuilt by a reset). */
export const DATA_TABLES = [
  'users',
  'identifiers',
  'organizations',
  'memberships',
  'saml_connections',
  'sessions',
  'sign_in_tokens',
  'sign_ups',
  'redirect_urls',
  'proxy_checks',
  'oauth_tokens',
  'jwt_templates',
  'images',
] as const;

const DATA_TABLE_DDL = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  external_id TEXT,
  username TEXT,
  first_name TEXT,
  last_name TEXT,
  email TEXT,
  phone TEXT,
  web3 TEXT,
  banned INTEGER NOT NULL DEFAULT 0,
  last_active_at INTEGER,
  last_sign_in_at INTEGER,
  locked_until INTEGER,
  search TEXT NOT NULL,
  doc BLOB NOT NULL
);
CREATE TABLE identifiers (
  id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  value TEXT NOT NULL
);
CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE memberships (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  role TEXT NOT NULL,
  public_metadata TEXT NOT NULL,
  private_metadata TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (organization_id, user_id)
);
CREATE TABLE saml_connections (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  organization_id TEXT,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE sign_in_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE sign_ups (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE redirect_urls (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE proxy_checks (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE oauth_tokens (
  external_account_id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  doc TEXT NOT NULL
);
CREATE TABLE jwt_templates (
  name TEXT PRIMARY KEY,
  id TEXT NOT NULL,
  claims TEXT NOT NULL,
  lifetime_seconds INTEGER NOT NULL,
  clock_skew_seconds INTEGER NOT NULL
);
CREATE TABLE images (
  id TEXT PRIMARY KEY,
  content_type TEXT NOT NULL,
  bytes BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
`;

const INDEX_DDL = `
-- search rides along so a query filter is evaluated on the index, not by reading every ~2 KB row.
CREATE INDEX IF NOT EXISTS users_created ON users (created_at, id, search);
CREATE INDEX IF NOT EXISTS users_updated ON users (updated_at, id);
CREATE INDEX IF NOT EXISTS users_last_active ON users (last_active_at, id);
CREATE INDEX IF NOT EXISTS users_last_sign_in ON users (last_sign_in_at, id);
CREATE INDEX IF NOT EXISTS users_first_name ON users (first_name, id);
CREATE INDEX IF NOT EXISTS users_last_name ON users (last_name, id);
CREATE INDEX IF NOT EXISTS users_username ON users (username, id);
CREATE INDEX IF NOT EXISTS users_email ON users (email, id);
CREATE INDEX IF NOT EXISTS users_phone ON users (phone, id);
CREATE INDEX IF NOT EXISTS users_web3 ON users (web3, id);
CREATE UNIQUE INDEX IF NOT EXISTS users_external_id ON users (external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS identifiers_value ON identifiers (kind, value);
CREATE INDEX IF NOT EXISTS identifiers_user ON identifiers (user_id);
-- Covers the *_query LIKE scans (value) and their user lookups without touching the table.
CREATE INDEX IF NOT EXISTS identifiers_lookup ON identifiers (kind, value, user_id);
CREATE INDEX IF NOT EXISTS identifiers_id ON identifiers (id);
CREATE INDEX IF NOT EXISTS organizations_created ON organizations (created_at, id);
CREATE INDEX IF NOT EXISTS memberships_org ON memberships (organization_id, created_at);
CREATE INDEX IF NOT EXISTS memberships_user ON memberships (user_id, created_at);
CREATE INDEX IF NOT EXISTS sessions_user ON sessions (user_id, created_at);
CREATE INDEX IF NOT EXISTS sessions_client ON sessions (client_id, created_at);
CREATE INDEX IF NOT EXISTS sign_in_tokens_user ON sign_in_tokens (user_id);
CREATE INDEX IF NOT EXISTS oauth_tokens_user ON oauth_tokens (user_id, provider);
`;

/** Creates the meta tables (settings, key hashes) if missing. */
export function createMetaTables(db: SandboxDatabase): void {
  db.raw.exec(META_TABLES);
}

/** Drops and recreates the data tables, empty and without secondary indexes. */
export function recreateDataTables(db: SandboxDatabase): void {
  db.clearStatements();
  for (const table of DATA_TABLES) db.raw.exec(`DROP TABLE IF EXISTS ${table}`);
  db.raw.exec(DATA_TABLE_DDL);
}

/** Creates the secondary indexes (after a bulk load). */
export function createIndexes(db: SandboxDatabase): void {
  db.raw.exec(INDEX_DDL);
  db.raw.exec('ANALYZE');
}
