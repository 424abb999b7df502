/**
 * The offline audit log: the log itself (append, query, verify, signing) at the core, export and
 * retention built on it, its recorder middleware for the Clerk client, and the types the IPC layer
 * and the UI share.
 */
export { AuditLog, type AuditLogOptions } from './audit-log';
export { exportChanges } from './export';
export { pruneExpired } from './retention';
export { defaultExportWorker, type AuditExportWorkerOptions } from './export-worker-location';
export { openAuditLog, type OwnedAuditLog } from './open';
export { createAuditMiddleware, type AuditContext } from './middleware';
export { osActor } from './actor';
export { REDACTED, redactSecrets } from './redact';
export type * from '../../../shared/audit/types';
