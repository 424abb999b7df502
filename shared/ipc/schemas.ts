/** Reusable zod schemas for contract inputs. Structural checks only; business rules live in main. */
import { z } from 'zod';
import { ENVIRONMENTS, SECTION_IDS, type SectionId } from './types';

/** A local record id (profiles): UUID. */
export const localId = z.uuid({ message: 'Must be a profile id.' });

/** A Clerk object id such as `user_2g7np7Hrk0SN6kj5EDMLDaKNL0S`. */
export const clerkId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`), { message: `Must be a Clerk id starting with ${prefix}_.` });

/** Instance environment. */
export const environment = z.enum(['development', 'staging', 'production'] satisfies typeof ENVIRONMENTS);

/** Profile name as typed by the administrator. */
export const profileName = z.string().trim().min(1, 'Give the profile a name.').max(60, 'Keep the name under 60 characters.');

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

/** Section id. */
export const sectionId = z.enum(SECTION_IDS as [SectionId, ...SectionId[]]);

/** One open tab. */
export const tab = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('section'), key: z.string().min(1).max(200), section: sectionId, title: z.string().max(200) }),
  z.object({
    kind: z.literal('record'),
    key: z.string().min(1).max(200),
    record: z.enum(['user', 'organization', 'saml-connection', 'session', 'redirect-url', 'sign-in-token', 'sign-up']),
    id: z.string().min(1).max(200),
    title: z.string().max(200),
  }),
]);

/** No input. */
export const none = z.undefined();
