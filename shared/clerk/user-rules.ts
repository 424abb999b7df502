/**
 * Clerk's rules for user identifiers that are known well enough to check before sending, so a
 * form can say what is wrong next to the field instead of waiting for a 422. Plain functions,
 * imported by the renderer's forms and by the channel schemas alike.
 */

/**
 * E.164: a `+`, a country code that does not start with 0, and 7 to 15 digits in all, with no
 * spaces or punctuation (the form Clerk stores and matches phone numbers in).
 */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** True when `value` is a phone number in E.164 form, e.g. `+14155550100`. */
export function isE164(value: string): boolean {
  return E164_PATTERN.test(value);
}

/** Why `value` is not an E.164 phone number (a sentence for the field), or undefined when it is one. */
export function e164Problem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'Enter a phone number.';
  if (isE164(trimmed)) return undefined;
  if (!trimmed.startsWith('+')) return 'Start with + and the country code, e.g. +14155550100 (E.164).';
  if (/[^\d+]/.test(trimmed)) return 'Digits only after the +: no spaces, dashes or brackets (E.164, e.g. +14155550100).';
  return 'Use the E.164 format: + and 7 to 15 digits, the first not 0, e.g. +14155550100.';
}
