/**
 * One Backend API client per profile, built on demand and dropped when the profile changes. The
 * key is read from the keychain for each request, so it lives in memory only while one is sent.
 */
import { createClerkClient, type ClerkClient } from './clerk/client';
import { budgetFor } from './clerk/rate-budget';
import type { ProfileService } from './profiles/profile-service';

/** Options shared by every client. */
export interface ClerkClientsOptions {
  profiles: ProfileService;
  fetch?: typeof fetch;
  userAgent?: string;
}

/** Hands out the client of a profile. */
export class ClerkClients {
  private readonly clients = new Map<string, ClerkClient>();

  constructor(private readonly options: ClerkClientsOptions) {}

  /** The client for a profile (created on first use). */
  for(profileId: string): ClerkClient {
    let client = this.clients.get(profileId);
    if (!client) {
      const profile = this.options.profiles.require(profileId);
      client = createClerkClient({
        apiUrl: profile.apiUrl,
        secretKey: () => this.options.profiles.secretKey(profileId),
        fetch: this.options.fetch,
        budget: budgetFor(profile.environment),
        userAgent: this.options.userAgent,
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
