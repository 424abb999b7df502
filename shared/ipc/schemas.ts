/** Reusable zod schemas for contract inputs. Structural checks only; business rules live in main. */
import { z } from 'zod';
import { ENVIRONMENTS, RECORD_KINDS, SECTION_IDS } from './types';

/** A local record id (profiles): UUID. */
export const localId = z.uuid({ message: 'Must be a profile id.' });

/** A Clerk object id such as `user_2g7np7Hrk0SN6kj5EDMLDaKNL0S`. */
export const clerkId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`), { message: `Must be a Clerk id starting with ${prefix}_.` });

/** Instance environment. */
export const environment = z.enum(['development', 'staging', 'production'] satisfies typeof ENVIRONMENTS);

// Control characters (C0, DEL, C1), bidirectional marks, embeddings, overrides and isolates, and
// other invisible format characters that can make a name read as something else.
const HIDDEN_OR_CONTROL = /[\p{Cc}\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

/** Why a text a person will read is not plain text, or undefined when it is. */
export function plainTextProblem(value: string): string | undefined {
  if (!value.isWellFormed()) return 'Remove the broken character (an unpaired surrogate): it cannot be shown reliably.';
  const hidden = HIDDEN_OR_CONTROL.exec(value);
  if (hidden) {
    const code = `U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `Remove the hidden control or direction character (${code}): names must be plain text.`;
  }
  return undefined;
}

/**
 * Free text that a person reads later (in the app, or stamped on audit records): trimmed, and
 * refused when it holds control characters, bidirectional overrides or lone surrogates.
 */
export const plainText = (max: number, tooLong = `Keep it under ${max} characters.`) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .superRefine((value, ctx) => {
      const problem = plainTextProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

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

/** Section id: one of the section registry's. */
export const sectionId = z.enum(SECTION_IDS);

/** Record kind: one of the section registry's. */
export const recordKind = z.enum(RECORD_KINDS);

/** One open tab. */
export const tab = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('section'), key: z.string().min(1).max(200), section: sectionId, title: z.string().max(200) }),
  z.object({
    kind: z.literal('record'),
    key: z.string().min(1).max(200),
    record: recordKind,
    id: z.string().min(1).max(200),
    title: z.string().max(200),
  }),
]);

/** No input. */
export const none = z.undefined();
