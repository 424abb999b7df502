/**
 * The create-organization form's state and the `POST /organizations` body it makes: the slug
 * follows the name (slugFromName) until the admin edits it, is checked as typed (slugProblem), and
 * an emptied slug is left to Clerk to make from the name; metadata only when a non-empty object.
 * Its fields are named as Clerk names them, so Clerk's `meta.param_name` lands on its field.
 */
import { slugFromName, slugProblem } from '@shared/ipc/channels/organizations';
import type { CreateOrganizationBody } from '../../api/organizations';
import { readJson, problemText } from '../../components/json-editor/json-problem';
import type { FieldMap, NamedMessage } from '../../components/forms/field-errors';

/** What the form holds. */
export interface CreateOrganizationForm {
  name: string;
  slug: string;
  /** True once the admin typed in the slug box: the name no longer suggests it. */
  slugEdited: boolean;
  /** The creator's user id (becomes the first admin); null for none. */
  created_by: string | null;
  /** null: the instance's default; 0: no limit. */
  max_allowed_memberships: number | null;
  public_metadata: string;
  private_metadata: string;
}

/** An empty form: no creator, the instance's member limit, metadata `{}`. */
export function emptyOrganizationForm(): CreateOrganizationForm {
  return { name: '', slug: '', slugEdited: false, created_by: null, max_allowed_memberships: null, public_metadata: '{}', private_metadata: '{}' };
}

/** The form's fields that errors can name. */
export const ORGANIZATION_CREATE_FIELDS = ['name', 'slug', 'created_by', 'max_allowed_memberships', 'public_metadata', 'private_metadata'] as const;
/** One of {@link ORGANIZATION_CREATE_FIELDS}. */
export type OrganizationCreateField = (typeof ORGANIZATION_CREATE_FIELDS)[number];

/** Clerk's and main's names for the form's fields. */
export const ORGANIZATION_CREATE_FIELD_MAP: FieldMap<OrganizationCreateField> = { fields: ORGANIZATION_CREATE_FIELDS };

/** A new name: the slug follows it unless the admin has edited the slug. */
export function withName(form: CreateOrganizationForm, name: string): Pick<CreateOrganizationForm, 'name' | 'slug'> {
  return { name, slug: form.slugEdited ? form.slug : slugFromName(name) };
}

/** The problem of the slug as typed, if any ('' is fine: Clerk makes one from the name). */
export function typedSlugProblem(slug: string): string | undefined {
  return slug === '' ? undefined : slugProblem(slug);
}

/** The body, and what is wrong with the form (nothing is sent while there is something). */
export function createOrganizationBody(form: CreateOrganizationForm): { body: CreateOrganizationBody; issues: NamedMessage[] } {
  const issues: NamedMessage[] = [];
  const name = form.name.trim();
  if (!name) issues.push({ name: 'name', message: 'Enter a name.' });
  else if (name.length > 256) issues.push({ name: 'name', message: 'Keep the name under 256 characters.' });
  const slug = form.slug;
  const slugIssue = typedSlugProblem(slug);
  if (slugIssue) issues.push({ name: 'slug', message: slugIssue });
  const max = form.max_allowed_memberships;
  if (max !== null && (!Number.isInteger(max) || max < 0)) issues.push({ name: 'max_allowed_memberships', message: 'A whole number: 0 for no limit.' });
  const metadata = (field: 'public_metadata' | 'private_metadata') => {
    const reading = readJson(form[field]);
    if (!reading.ok) return void issues.push({ name: field, message: problemText(reading.problem) });
    const value = reading.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return void issues.push({ name: field, message: 'Metadata must be a JSON object, e.g. {"plan": "pro"}.' });
    return Object.keys(value).length > 0 ? (value as Record<string, unknown>) : undefined;
  };
  const body: CreateOrganizationBody = {
    name,
    slug: slug || undefined,
    created_by: form.created_by || undefined,
    max_allowed_memberships: max ?? undefined,
    public_metadata: metadata('public_metadata'),
    private_metadata: metadata('private_metadata'),
  };
  // Only what was filled in is sent.
  const sent = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as CreateOrganizationBody;
  return { body: sent, issues };
}
