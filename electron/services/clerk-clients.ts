/**
 * One Backend API client per profile, built on demand and dropped when the profile changes. The
 * key is read from the keychain for each request, so it lives in memory only while one is sent.
 * Every client refuses changes while its profile is read-only (clerk/read-only-guard.ts) and records
 * the changes it sends in the audit log (see audit/audit-recording.ts).
 */
import { auditRecorderFor, type AuditRecordingOptions } from './audit/audit-recording';
import { createClerkClient, type ClerkClient } from './clerk/client';
import { budgetFor, type RateBudget } from './clerk/rate-budget';
import { KeyBudget, keyPacing } from './clerk/key-budget';
import { readOnlyGuard } from './clerk/read-only-guard';
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
  // Per-user pacing windows per profile, kept when a client is rebuilt (a key or URL edit) so its waits stay honest.
  private readonly keyBudgets = new Map<string, KeyBudget>();

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
        budget: this.rememberBudget(profileId, budgetForProfile(profile)),
        userAgent: this.options.userAgent,
        // The read-only guard first: a refused change is never paced, recorded, nor sent. It reads
        // the stored switch at each call, so a toggle needs no new client.
        middleware: [readOnlyGuard(() => profiles.require(profileId)), keyPacing(this.keyBudgetFor(profileId)), auditRecorderFor(profile, { ...this.options.audit, keyFingerprint: (id) => profiles.keyFingerprint(id) })],
      });
      this.clients.set(profileId, client);
    }
    return client;
  }

  /** The profile's per-user pacing (Clerk's 10 updates per 10 s per user), shared by its clients and jobs. */
  keyBudgetFor(profileId: string): KeyBudget {
    let budget = this.keyBudgets.get(profileId);
    if (!budget) this.keyBudgets.set(profileId, (budget = new KeyBudget()));
    return budget;
  }

  // --- The rate budget of each client (issue 10: the bulk jobs' ETA and the budget meter read it) ---
  private readonly budgets = new Map<string, RateBudget>();

  private rememberBudget(profileId: string, budget: RateBudget): RateBudget {
    this.budgets.set(profileId, budget);
    return budget;
  }

  /** The rate budget of the profile's client (building the client if needed). */
  budgetOf(profileId: string): RateBudget {
    this.for(profileId);
    return this.budgets.get(profileId)!;
  }

  /** Forgets a profile's client (its URL, key or environment changed, or it was deleted). */
  invalidate(profileId: string): void {
    this.budgets.delete(profileId);
    this.clients.delete(profileId);
  }
}
