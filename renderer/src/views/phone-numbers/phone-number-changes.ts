/**
 * What a phone number's edit would change: the flags an administrator can set (verified, primary,
 * reserved for second factor), compared with the number's current state, as the guardrail's change
 * preview and as the PATCH input carrying only what changed.
 */
import type { PhoneNumber } from '@shared/clerk';
import { changeRows, type ChangeRow } from '../../components/guardrails/change-rows';

/** The editable flags of a phone number. */
export interface PhoneNumberFlags {
  verified: boolean;
  primary: boolean;
  reservedForSecondFactor: boolean;
}

/** The preview's labels. */
export const FLAG_LABELS: Readonly<Record<keyof PhoneNumberFlags, string>> = {
  verified: 'Verified',
  primary: 'Primary',
  reservedForSecondFactor: 'Reserved for second factor',
};

/** Whether a number counts as verified (admin- or OTP-verified). */
export function isVerified(phone: Pick<PhoneNumber, 'verification'>): boolean {
  return phone.verification?.status === 'verified';
}

/** A number's current flags; `primary` comes from its user (a phone number does not say). */
export function currentFlags(phone: PhoneNumber, primary: boolean): PhoneNumberFlags {
  return { verified: isVerified(phone), primary, reservedForSecondFactor: phone.reserved_for_second_factor === true };
}

/** Only the flags that differ (the PATCH sends nothing else). Clerk cannot un-make a primary: `primary: false` is never sent. */
export function changedFlags(before: PhoneNumberFlags, after: PhoneNumberFlags): Partial<PhoneNumberFlags> {
  const changed: Partial<PhoneNumberFlags> = {};
  if (after.verified !== before.verified) changed.verified = after.verified;
  if (after.primary && !before.primary) changed.primary = true;
  if (after.reservedForSecondFactor !== before.reservedForSecondFactor) changed.reservedForSecondFactor = after.reservedForSecondFactor;
  return changed;
}

const yesNo = (flags: Partial<PhoneNumberFlags>) => Object.fromEntries(Object.entries(flags).map(([key, on]) => [key, on ? 'Yes' : 'No']));

/** The change preview rows (field, before, after) of the flags that would change. */
export function flagChangeRows(before: PhoneNumberFlags, after: PhoneNumberFlags): ChangeRow[] {
  const changed = changedFlags(before, after);
  const beforeShown = Object.fromEntries(Object.keys(changed).map((key) => [key, before[key as keyof PhoneNumberFlags]]));
  return changeRows(yesNo(beforeShown), yesNo(changed), FLAG_LABELS);
}

/** Why the flags cannot be saved as they are (Clerk's rule), or undefined. */
export function flagsProblem(flags: PhoneNumberFlags): string | undefined {
  return flags.reservedForSecondFactor && !flags.verified ? 'Only a verified number can be reserved for second factor: mark it verified too.' : undefined;
}
