/**
 * The `profileCompare:*` channels (issue 12, item 6): a comparison reads both profiles' lists in
 * full (each through its own client and rate budget, at the same time) and classifies them by
 * natural key; a copy re-reads the source for the chosen entries' configuration and makes a draft
 * bulk job on the target (jobs/bulk/bulk-copy-operations.ts), which `bulkJobs:start` runs.
 */
import type { SAMLConnection } from '../../../shared/clerk';
import { AppError } from '../../../shared/ipc/errors';
import type { profileCompareChannels } from '../../../shared/ipc/channels/profile-compare';
import { compareEntries, entryKey, COMPARE_KIND_LABELS, type CompareKind } from '../../../shared/profile-compare/compare-entries';
import type { ClerkClients } from '../clerk-clients';
import type { HandlersFor } from '../dispatch';
import type { BulkJobEngine } from '../jobs/bulk/bulk-engine';
import { samlCopyConfig, type CopyItemParams } from '../jobs/bulk/bulk-copy-operations';
import type { ProfileService } from '../profiles/profile-service';
import { readAllOf } from './compare-reads';

/** What the handlers need. */
export interface ProfileCompareHandlerDeps {
  clients: Pick<ClerkClients, 'for'>;
  profiles: Pick<ProfileService, 'require'>;
  bulk: BulkJobEngine;
}

/** The bulk operation that copies entries of `kind`. */
const COPY_OPERATION = { redirect_urls: 'redirect_urls.copy', saml_connections: 'saml_connections.copy' } as const;

/** This part of the handler table. */
export function createProfileCompareHandlers({ clients, profiles, bulk }: ProfileCompareHandlerDeps): HandlersFor<typeof profileCompareChannels> {
  const read = (kind: CompareKind, profileId: string) => readAllOf(kind, clients.for(profiles.require(profileId).id));
  return {
    'profileCompare:run': async ({ kind, profileA, profileB }) => {
      const [a, b] = [profiles.require(profileA), profiles.require(profileB)];
      const [left, right] = await Promise.all([read(kind, a.id), read(kind, b.id)]);
      return {
        kind,
        a: { profileId: a.id, profileName: a.name, total: left.length },
        b: { profileId: b.id, profileName: b.name, total: right.length },
        rows: compareEntries(kind, left, right),
        comparedAt: Date.now(),
      };
    },
    'profileCompare:copy': async ({ kind, sourceProfileId, targetProfileId, keys }) => {
      profiles.require(targetProfileId);
      const source = await read(kind, sourceProfileId);
      const byKey = new Map(source.map((entry) => [entryKey(kind, entry as never), entry]));
      const missing = keys.filter((key) => !byKey.has(key));
      if (missing.length) {
        throw new AppError({
          kind: 'validation',
          code: 'compare_entry_gone',
          paramName: 'keys',
          message: `${missing.length === 1 ? `${missing[0]} is` : `${missing.length} entries are`} no longer in the source profile's ${COMPARE_KIND_LABELS[kind].title.toLowerCase()}: compare again.`,
        });
      }
      return bulk.create({
        profileId: targetProfileId,
        operation: COPY_OPERATION[kind],
        params: { sourceProfileId },
        items: keys.map((key) => {
          const entry = byKey.get(key)!;
          const saml = kind === 'saml_connections' ? (entry as SAMLConnection) : null;
          const config = saml ? samlCopyConfig(saml) : { url: (entry as { url: string }).url };
          const label = saml ? `${saml.name} (${key.replace(/^name:/, '')})` : key;
          return { targetId: entry.id, label, params: { key, config } satisfies CopyItemParams as unknown as Record<string, unknown> };
        }),
      });
    },
  };
}
