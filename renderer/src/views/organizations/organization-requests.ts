/**
 * What the organization's destructive changes ask before they are sent: the guardrail's title,
 * consequence, button, preview and the phrase a production-class profile types (the slug, else the
 * name). Pure, so the wording is tested without a dialog.
 */
import type { Organization } from '@shared/clerk';
import type { ConfirmRequest } from '../../stores/guardrail';
import { orgConfirmPhrase } from './organization-display';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Deleting the organization: its memberships and invitations go with it, for good. */
export function deleteOrganizationRequest(organization: Organization): ConfirmRequest {
  const members = typeof organization.members_count === 'number' ? plural(organization.members_count, 'membership', 'memberships') : 'memberships';
  const invitations =
    typeof organization.pending_invitations_count === 'number' ? plural(organization.pending_invitations_count, 'pending invitation', 'pending invitations') : 'invitations';
  return {
    title: `Delete ${organization.name}?`,
    consequence:
      `A delete cannot be undone: ${organization.name} is removed from the instance with its ${members} and its ${invitations}, ` +
      `and none of them can come back. The members keep their user accounts. The audit log keeps the organization's last state.`,
    actionLabel: 'Delete organization',
    destructive: true,
    preview: [{ field: 'Organization', before: `${organization.name} (${organization.slug})`, after: '(deleted)' }],
    confirmPhrase: orgConfirmPhrase(organization),
  };
}

/** Deleting the logo: Clerk shows its default logo instead. */
export function deleteLogoRequest(organization: Organization): ConfirmRequest {
  return {
    title: `Delete the logo of ${organization.name}?`,
    consequence: `Clerk deletes the uploaded logo and shows its default logo instead; the image cannot be restored from here. The change is recorded in the audit log.`,
    actionLabel: 'Delete logo',
    destructive: true,
    preview: [{ field: 'Logo', before: organization.image_url, after: '(Clerk’s default logo)' }],
    confirmPhrase: orgConfirmPhrase(organization),
  };
}
