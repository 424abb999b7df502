/** The label/value rows of an organization's Details card. */
import type { Organization } from '@shared/clerk';
import type { Fact } from '../../components/fact';
import { formatTime } from '../../format';

const flag = (label: string, on: boolean | undefined, testId: string): Fact => ({ label, value: on ? 'Yes' : 'No', muted: !on, testId });

/** "0 (no limit)" or the number: Clerk reads 0 as unlimited. */
export function membershipLimitText(max: number): string {
  return max === 0 ? 'No limit (0)' : String(max);
}

/** What the organization is. */
export function organizationFacts(organization: Organization): Fact[] {
  return [
    { label: 'Name', value: organization.name, testId: 'organization-fact-name' },
    { label: 'Slug', value: organization.slug, mono: true, copy: true, testId: 'organization-fact-slug' },
    { label: 'Organization ID', value: organization.id, mono: true, copy: true, testId: 'organization-fact-id' },
    organization.created_by
      ? { label: 'Created by', value: organization.created_by, mono: true, copy: true }
      : { label: 'Created by', value: '—', muted: true },
  ];
}

/** Its membership settings and counts. */
export function membershipFacts(organization: Organization): Fact[] {
  return [
    typeof organization.members_count === 'number'
      ? { label: 'Members', value: String(organization.members_count), testId: 'organization-fact-members' }
      : { label: 'Members', value: '—', muted: true, testId: 'organization-fact-members' },
    { label: 'Max allowed memberships', value: membershipLimitText(organization.max_allowed_memberships), testId: 'organization-fact-max' },
    ...(typeof organization.pending_invitations_count === 'number' ? [{ label: 'Pending invitations', value: String(organization.pending_invitations_count) }] : []),
    flag('Admins can delete it', organization.admin_delete_enabled, 'organization-fact-admin-delete'),
    flag('Has a logo', organization.has_image, 'organization-fact-has-image'),
  ];
}

/** When things happened, in local time. */
export function organizationTimeFacts(organization: Organization): Fact[] {
  return [
    { label: 'Created', value: formatTime(organization.created_at) },
    { label: 'Updated', value: formatTime(organization.updated_at), testId: 'organization-fact-updated' },
    typeof organization.last_active_at === 'number' ? { label: 'Last active', value: formatTime(organization.last_active_at) } : { label: 'Last active', value: '—', muted: true },
  ];
}
