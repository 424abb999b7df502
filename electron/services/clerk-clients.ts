/**
 * One Backend API client per profile, built on demand and dropped when the profile changes. The
 * key is read from the keychain for each request, so it lives in memory only while one is sent.
 * Every client records its changes in the audit log (see audit/audit-recording.ts).
 */
import { auditRecorderFor, type AuditRecordingOptions } from './audit/audit-recording';
import { createClerkClient, type ClerkClient } from './clerk/client';
import { budgetFor, type RateBudget } from './clerk/rate-budget';
import { isProductionClass, type ProfileService } from './profiles/profile-service';
import type { ProfileRecord } from './profiles/profile-store';

/** Options shared by every client. */
export interface ClerkClientsOptions {
  profiles: ProfileService;
  /** How each client records its changes. */
  audit: Omit<AuditRecordingOptions, 'keyFingerprint'>;
  fetch?: typeof fetch;
  userAgent?: string;
}

/** A profile's rate budget: production's for every production-class profile (a live key included). */
export function budgetForProfile(profile: ProfileRecord): RateBudget {
  return budgetFor(isProductionClass(profile) ? 'production' : profile.environment);
}

/** Hands out the client of a profile. */
export class ClerkClients {
  private readonly clients = new Map<string, ClerkClient>();

  constructor(private readonly options: ClerkClientsOptions) {}

  /** The client for a profile (created on first use). */
  for(profileId: string): ClerkClient {
    let client = this.clients.get(profileId);
    if (!client) {
      const { profiles } = this.options;
      const profile = profiles.require(profileId);
      client = createClerkClient({
        apiUrl: profile.apiUrl,
        secretKey: (origin) => profiles.secretKey(profileId, origin),
        fetch: this.options.fetch,
        budget: budgetForProfile(profile),
        userAgent: this.options.userAgent,
        middleware: [auditRecorderFor(profile, { ...this.options.audit, keyFingerprint: (id) => profiles.keyFingerprint(id) })],
      });
      this.clients.set(profileId, client);
    }
    return client;
  }

  /** Forgets a profile's client (its URL, key or environment changed, or it was deleted). */
  invalidate(profileId: string): void {
    this.clients.delete(profileId);
  }
}
