/** The `profiles:*` channels: instance profiles (their keys stay in main) and their input schemas. */
import { z } from 'zod';
import { channel } from '../channel';
import { localId, none, plainText } from '../schemas';
import { ENVIRONMENTS, type ProfileView } from '../types';

/** Instance environment. */
export const environment = z.enum(['development', 'staging', 'production'] satisfies typeof ENVIRONMENTS);

/** Profile name as typed by the administrator. */
export const profileName = plainText(60, 'Keep the name under 60 characters.').pipe(z.string().min(1, 'Give the profile a name.'));

/** The Backend API base URL; http only on loopback (the Sandbox), https everywhere else. */
export const apiUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.username || url.password || url.search || url.hash) return false;
      if (url.protocol === 'https:') return true;
      return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    } catch {
      return false;
    }
  }, 'Enter an https:// URL such as https://api.clerk.com/v1 (plain http is allowed only on this computer).');

/** A secret key as pasted; its prefix and validity are checked in main. */
export const secretKey = z.string().trim().min(1, 'Paste the secret key.').max(512, 'That is too long to be a Clerk secret key.');

/** What "Test connection" found: the instance answered and accepted the key. */
export interface ConnectionCheck {
  /** The host that answered. */
  host: string;
  /** How long the check took, in milliseconds. */
  latencyMs: number;
}

/** The profiles' channels. */
export const profileChannels = {
  'profiles:list': channel(none).returns<ProfileView[]>(),
  'profiles:active': channel(none).returns<ProfileView | null>(),
  'profiles:activate': channel(z.object({ id: localId })).returns<ProfileView>(),
  'profiles:create': channel(
    z.object({
      name: profileName,
      environment,
      apiUrl: apiUrl.default('https://api.clerk.com/v1'),
      secretKey,
      /** The administrator confirmed a key whose prefix does not match the environment. */
      allowEnvironmentMismatch: z.boolean().default(false),
    }),
  ).returns<ProfileView>(),
  'profiles:update': channel(
    z.object({
      id: localId,
      name: profileName.optional(),
      environment: environment.optional(),
      apiUrl: apiUrl.optional(),
      /** A replacement key; omitted keeps the stored one. */
      secretKey: secretKey.optional(),
      allowEnvironmentMismatch: z.boolean().default(false),
    }),
  ).returns<ProfileView>(),
  'profiles:delete': channel(z.object({ id: localId })).returns<{ id: string }>(),
  /** Turns the profile's read-only switch on or off (the Sandbox's too); main reads it at every request. */
  'profiles:setReadOnly': channel(z.object({ id: localId, readOnly: z.boolean() })).returns<ProfileView>(),
  /**
   * Checks a URL and key with a real call, saving nothing. Without a key, a saved profile's own key
   * is used, but only on the origin it was entered for.
   */
  'profiles:test': channel(z.object({ id: localId.optional(), apiUrl, secretKey: secretKey.optional() })).returns<ConnectionCheck>(),
} as const;
