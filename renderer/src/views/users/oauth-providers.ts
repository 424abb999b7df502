/**
 * The OAuth providers whose access tokens a user's tab can read: one per provider among the user's
 * external accounts, in Clerk's path form (`oauth_google`), with a readable name (`Google`).
 */
import type { User } from '@shared/clerk';

/** One provider to read tokens from. */
export interface OAuthProviderEntry {
  /** Clerk's id, as `GET /users/{id}/oauth_access_tokens/{provider}` expects it: `oauth_google`. */
  provider: string;
  /** `Google`, `GitHub`. */
  label: string;
  /** How many of the user's external accounts use it. */
  accounts: number;
}

const NAMES: Readonly<Record<string, string>> = { github: 'GitHub', gitlab: 'GitLab', linkedin_oidc: 'LinkedIn', x: 'X', tiktok: 'TikTok', hubspot: 'HubSpot' };

/** `oauth_google` → `Google`, `oauth_github` → `GitHub`, `oauth_custom_acme` → `Custom acme`. */
export function providerLabel(provider: string): string {
  const bare = provider.replace(/^oauth_/, '');
  const known = NAMES[bare];
  if (known) return known;
  const words = bare.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The providers of a user's external accounts, each once, in the order of the accounts. A provider
 * stored without Clerk's `oauth_` prefix gets it (the path needs it); ones that are not OAuth are left out.
 */
export function oauthProviders(user: Pick<User, 'external_accounts'>): OAuthProviderEntry[] {
  const byProvider = new Map<string, OAuthProviderEntry>();
  for (const account of user.external_accounts) {
    const raw = String(account.provider ?? '').trim().toLowerCase();
    if (!raw || raw.startsWith('saml_') || raw.startsWith('enterprise_')) continue;
    const provider = raw.startsWith('oauth_') ? raw : `oauth_${raw}`;
    if (!/^oauth_[a-z0-9_]{1,60}$/.test(provider)) continue;
    const entry = byProvider.get(provider);
    if (entry) entry.accounts += 1;
    else byProvider.set(provider, { provider, label: providerLabel(provider), accounts: 1 });
  }
  return [...byProvider.values()];
}

/** What a hidden token shows instead of its value (nothing of the token itself). */
export const MASKED_TOKEN = '••••••••••••••••';

/**
 * A token as the tab shows it: the value only while revealed, else the mask. The mask is fixed, so
 * it says nothing about the token's length or characters.
 */
export function shownToken(token: string, revealed: boolean): string {
  return revealed ? token : MASKED_TOKEN;
}
