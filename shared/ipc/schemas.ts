/**
 * Zod schemas shared by several channel files (ids, plain text, no input). A schema of one resource
 * lives in its channel file (channels/<resource>.ts). Structural checks only; business rules live in main.
 */
import { z } from 'zod';

/** A local record id (profiles): UUID. */
export const localId = z.uuid({ message: 'Must be a profile id.' });

/** A Clerk object id such as `user_2g7np7Hrk0SN6kj5EDMLDaKNL0S`. */
export const clerkId = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`), { message: `Must be a Clerk id starting with ${prefix}_.` });

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

/** No input. */
export const none = z.undefined();
