/** How a user is named and summarised in lists, tabs and the detail view. */
import type { User } from '@shared/clerk';

/** First and last name, else username, else primary email, else the id. */
export function displayName(user: User): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim();
  return name || user.username || primaryEmail(user) || user.id;
}

/** The primary email address, or the first one. */
export function primaryEmail(user: User): string | null {
  const primary = user.email_addresses.find((email) => email.id === user.primary_email_address_id) ?? user.email_addresses[0];
  return primary?.email_address ?? null;
}

/**
 * The identifier a production-class profile types to confirm a change to this user (the primary
 * email, else the username, else the id): the same for every action on a user.
 */
export function confirmPhraseOf(user: User): string {
  return primaryEmail(user) ?? user.username ?? user.id;
}

/** The primary phone number, or the first one. */
export function primaryPhone(user: User): string | null {
  const primary = user.phone_numbers.find((phone) => phone.id === user.primary_phone_number_id) ?? user.phone_numbers[0];
  return primary?.phone_number ?? null;
}

/** Up to two initials for an avatar placeholder. */
export function initials(user: User): string {
  const fromName = [user.first_name, user.last_name].filter(Boolean).map((part) => part!.trim()[0]);
  if (fromName.length) return fromName.join('').slice(0, 2).toUpperCase();
  const fallback = user.username || primaryEmail(user) || '?';
  return fallback[0].toUpperCase();
}

/** The image to show, only when the user uploaded one (default avatars are generic and remote). */
export function avatarUrl(user: User): string | undefined {
  return user.has_image && user.image_url ? user.image_url : undefined;
}
