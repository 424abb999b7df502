/** How an organization is named, pictured and confirmed in its tab (and wherever else it shows). */
import type { Organization } from '@shared/clerk';

/**
 * What a production-class profile types to confirm a change to this organization: its slug (what
 * an administrator copies from a URL), else its name.
 */
export function orgConfirmPhrase(organization: Pick<Organization, 'slug' | 'name'>): string {
  return organization.slug || organization.name;
}

/** Up to two initials of the name, for the logo placeholder: "Acme Labs" → "AL". */
export function orgInitials(organization: Pick<Organization, 'name' | 'slug'>): string {
  const words = (organization.name || organization.slug || '?').trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? words.slice(0, 2).map((word) => word[0]) : [...(words[0] ?? '?')].slice(0, 1);
  return letters.join('').toUpperCase();
}

/** The logo to show, only when one was uploaded (the default logo is generic). */
export function logoUrl(organization: Pick<Organization, 'has_image' | 'image_url'>): string | undefined {
  return organization.has_image && organization.image_url ? organization.image_url : undefined;
}

/**
 * Who uploads a new logo by default (Clerk records an uploader, who must be a member): the first
 * admin of `members` (in the order given, oldest first), else the first member, else nobody.
 */
export function defaultUploader<M extends { role: string }>(members: readonly M[]): M | undefined {
  return members.find((member) => member.role === 'org:admin') ?? members[0];
}
