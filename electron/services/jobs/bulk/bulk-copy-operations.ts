/**
 * Copy between profiles (issue 12, item 6): `redirect_urls.copy` and `saml_connections.copy`, one
 * item per entry of the SOURCE profile, run on the TARGET profile's client (so its rate budget,
 * its read-only guard and its audit log, with the job id as bulk id). Each item carries what is
 * copied in its params (made by the profileCompare:copy handler from a fresh read of the source):
 * its natural key and its configuration. The dry run reads the target's whole list and skips, with
 * why, an entry whose key the target already has. A SAML connection's configuration is its name,
 * domains, provider, IdP (metadata URL or XML, or entity id + SSO URL + certificate), attribute
 * mapping, login hint and flags; its SP side (ACS URL, SP entity id and metadata) is made by the
 * target instance, and its organization is not copied (organizations differ per instance).
 * Registered in bulk-operations.ts.
 */
import type { SAMLConnection } from '../../../../shared/clerk';
import { SAML_CONNECTION_FLAGS } from '../../../../shared/ipc/channels/saml-connections';
import { COMPARE_KIND_LABELS, entryKey, samlDifferences, type CompareKind } from '../../../../shared/profile-compare/compare-entries';
import type { ClerkClient } from '../../clerk/client';
import { operations } from '../../clerk/operations';
import { readAllOf } from '../../profile-compare/compare-reads';
import type { BulkOperation, BulkTarget, BulkVerdict } from './bulk-operation';

/** An item's params: the entry's natural key and what is sent to make it on the target. */
export interface CopyItemParams {
  key: string;
  /** `redirect_urls`: `{ url }`; `saml_connections`: {@link samlCopyConfig}. */
  config: Record<string, unknown>;
}

/** The configuration of a SAML connection that a copy sends (see the module comment). */
export function samlCopyConfig(connection: SAMLConnection): Record<string, unknown> {
  const config: Record<string, unknown> = {
    name: connection.name,
    domains: connection.domains?.length ? connection.domains : connection.domain ? [connection.domain] : [],
    provider: connection.provider,
  };
  for (const field of ['idp_entity_id', 'idp_sso_url', 'idp_certificate', 'idp_metadata_url', 'idp_metadata'] as const) {
    if (connection[field]) config[field] = connection[field];
  }
  if (connection.attribute_mapping) config.attribute_mapping = connection.attribute_mapping;
  if (connection.login_hint) config.login_hint = connection.login_hint;
  for (const flag of SAML_CONNECTION_FLAGS) config[flag] = connection[flag];
  return config;
}

// The create body of a SAML copy: everything but the flags POST does not take (sent by a PATCH after).
const CREATE_FLAGS = new Set<string>(['force_authn']);

/** The target's entries by natural key (read in full at the target's budget). */
async function targetEntries(kind: CompareKind, client: ClerkClient, signal?: AbortSignal): Promise<Map<string, unknown>> {
  const entries = await readAllOf(kind, client, signal);
  return new Map(entries.map((entry) => [entryKey(kind, entry as never), entry]));
}

/** The dry run both copies share: skip what the target already has, saying whether it is the same. */
function checkCopies(kind: CompareKind): BulkOperation['check'] {
  return async (client, targets, _jobParams, signal) => {
    const existing = await targetEntries(kind, client, signal);
    const verdicts = new Map<string, BulkVerdict>();
    for (const target of targets) verdicts.set(target.targetId, copyVerdict(kind, target, existing));
    return verdicts;
  };
}

/** What the dry run says about one entry given the target's entries by key. */
export function copyVerdict(kind: CompareKind, target: BulkTarget, existing: ReadonlyMap<string, unknown>): BulkVerdict {
  const params = target.params as CopyItemParams | null;
  if (!params) return { kind: 'skip', reason: 'nothing to copy (the entry was not read)', applied: false };
  const there = existing.get(params.key);
  if (!there) return { kind: 'change' };
  if (kind === 'redirect_urls') return { kind: 'skip', reason: 'the target already has this redirect URL', applied: true };
  const differing = samlDifferences(params.config as unknown as SAMLConnection, there as SAMLConnection);
  // The same configuration there is what the copy leaves (an interrupted send counts as done).
  if (differing.length === 0) return { kind: 'skip', reason: 'the target already has this connection, with the same configuration', applied: true };
  return {
    kind: 'skip',
    reason: `the target already has a connection for ${params.key.replace(/^name:/, '')}, differing in: ${differing.map((d) => d.label).join(', ')} (edit it there)`,
    applied: false,
  };
}

/** `redirect_urls.copy`: POST /redirect_urls with the source's url. */
export const copyRedirectUrlsOperation: BulkOperation = {
  name: 'redirect_urls.copy',
  title: `Copy ${COMPARE_KIND_LABELS.redirect_urls.noun}s`,
  // A create has no state before it to read.
  requestsPerItem: 1,
  // Clerk refuses a second identical URL, and the dry run confirms one in flight at a crash.
  idempotent: false,
  check: checkCopies('redirect_urls'),
  async run(client, target, _jobParams, options) {
    const { config } = target.params as unknown as CopyItemParams;
    const created = await client.run(operations.redirectUrls.create, {}, { ...options, body: { url: config.url } });
    return `created ${created.id}`;
  },
};

/** `saml_connections.copy`: POST /saml_connections with the configuration, then a PATCH of the flags POST does not take. */
export const copySamlConnectionsOperation: BulkOperation = {
  name: 'saml_connections.copy',
  title: `Copy ${COMPARE_KIND_LABELS.saml_connections.noun}s`,
  // The create, then the flags' PATCH with the recorder's before-state read.
  requestsPerItem: 3,
  idempotent: false,
  check: checkCopies('saml_connections'),
  async run(client, target, _jobParams, options) {
    const { config } = target.params as unknown as CopyItemParams;
    const flags = SAML_CONNECTION_FLAGS as readonly string[];
    const body = Object.fromEntries(Object.entries(config).filter(([field]) => !flags.includes(field) || CREATE_FLAGS.has(field)));
    const created = await client.run(operations.samlConnections.create, {}, { ...options, body });
    const patch = Object.fromEntries(flags.filter((flag) => !CREATE_FLAGS.has(flag) && config[flag] !== undefined && config[flag] !== created[flag as keyof SAMLConnection]).map((flag) => [flag, config[flag]]));
    if (Object.keys(patch).length === 0) return `created ${created.id}`;
    await client.run(operations.samlConnections.update, { saml_connection_id: created.id }, { ...options, body: patch });
    return `created ${created.id}, then set ${Object.keys(patch).join(', ')}`;
  },
};
