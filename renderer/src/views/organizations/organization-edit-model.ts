/**
 * The organization's Edit form (`PATCH /organizations/{id}`): its state read from the record, the
 * body of only the fields that changed, the rule issues found before anything is sent (the slug
 * with the contract's own `slugProblem`, as typed), and the change preview of that body.
 */
import type { Organization } from '@shared/clerk';
import { slugProblem } from '@shared/ipc/channels/organizations';
import type { UpdateOrganizationBody } from '../../api/organizations';
import type { FieldMap, NamedMessage } from '../../components/forms/field-errors';
import { changeRows, type ChangeRow } from '../../components/guardrails/change-rows';
import { membershipLimitText } from './organization-facts';

/** What the form holds. */
export interface EditOrganizationForm {
  name: string;
  slug: string;
  /** null while the field is cleared (refused: 0 is "no limit"). */
  max_allowed_memberships: number | null;
  admin_delete_enabled: boolean;
}

/** The form's fields, as Clerk names them (its `meta.param_name` lands on them as is). */
export const ORG_EDIT_FIELDS = ['name', 'slug', 'max_allowed_memberships', 'admin_delete_enabled'] as const;
/** One of {@link ORG_EDIT_FIELDS}. */
export type OrgEditField = (typeof ORG_EDIT_FIELDS)[number];
/** How errors find the fields. */
export const ORG_EDIT_FIELD_MAP: FieldMap<OrgEditField> = { fields: ORG_EDIT_FIELDS };

/** The form as the organization is now. */
export function orgEditFormOf(organization: Organization): EditOrganizationForm {
  return {
    name: organization.name,
    slug: organization.slug,
    max_allowed_memberships: organization.max_allowed_memberships,
    admin_delete_enabled: organization.admin_delete_enabled,
  };
}

/** Why the slug as typed is refused, or undefined (an edit cannot leave it empty: every organization has one). */
export function editSlugProblem(slug: string): string | undefined {
  if (slug.trim() === '') return 'Enter a slug: every organization has one.';
  return slugProblem(slug.trim());
}

/** The issues of the form as it is: each names its field. */
export function orgEditIssues(form: EditOrganizationForm): NamedMessage[] {
  const issues: NamedMessage[] = [];
  if (form.name.trim() === '') issues.push({ name: 'name', message: 'Enter a name.' });
  else if (form.name.trim().length > 256) issues.push({ name: 'name', message: 'Keep the name under 256 characters.' });
  const slug = editSlugProblem(form.slug);
  if (slug) issues.push({ name: 'slug', message: slug });
  if (form.max_allowed_memberships === null) issues.push({ name: 'max_allowed_memberships', message: 'Enter a number: 0 for no limit.' });
  return issues;
}

/** The body of the fields that differ from `before` (trimmed), and the issues that stop it from being sent. */
export function updateOrganizationBody(before: EditOrganizationForm, form: EditOrganizationForm): { body: UpdateOrganizationBody; issues: NamedMessage[] } {
  const body: UpdateOrganizationBody = {};
  const name = form.name.trim();
  const slug = form.slug.trim();
  if (name !== before.name) body.name = name;
  if (slug !== before.slug) body.slug = slug;
  if (form.max_allowed_memberships !== null && form.max_allowed_memberships !== before.max_allowed_memberships) body.max_allowed_memberships = form.max_allowed_memberships;
  if (form.admin_delete_enabled !== before.admin_delete_enabled) body.admin_delete_enabled = form.admin_delete_enabled;
  return { body, issues: orgEditIssues(form) };
}

const LABELS: Record<OrgEditField, string> = {
  name: 'Name',
  slug: 'Slug',
  max_allowed_memberships: 'Max allowed memberships',
  admin_delete_enabled: 'Admins can delete it',
};

/** How a field's value reads in the preview. */
function shown(field: string, value: unknown): unknown {
  if (field === 'max_allowed_memberships' && typeof value === 'number') return membershipLimitText(value);
  if (field === 'admin_delete_enabled' && typeof value === 'boolean') return value ? 'Yes' : 'No';
  return value;
}

/** The change preview of `body`: one row per field sent, before and after. */
export function orgEditPreview(before: EditOrganizationForm, body: UpdateOrganizationBody): ChangeRow[] {
  const fields = Object.keys(body) as OrgEditField[];
  const from = Object.fromEntries(fields.map((field) => [field, shown(field, before[field])]));
  const to = Object.fromEntries(fields.map((field) => [field, shown(field, body[field])]));
  return changeRows(from, to, LABELS);
}
