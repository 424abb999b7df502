/**
 * The Organizations list's view state (read back field by field, unreadable parts dropped to the
 * defaults) and the create form's body (slug suggested until edited, checked as typed, an emptied
 * slug left to Clerk, only what was filled in sent, metadata only as a non-empty object).
 */
import { describe, expect, it } from 'vitest';
import {
  createOrganizationBody,
  emptyOrganizationForm,
  typedSlugProblem,
  withName,
} from '../../../renderer/src/views/organizations/organization-create-model';
import {
  DEFAULT_ORGANIZATION_VIEW,
  describeOrganizationView,
  readOrganizationView,
} from '../../../renderer/src/views/organizations/organization-view-state';

describe('organization view state', () => {
  it('reads a stored view, keeping what is valid and defaulting the rest', () => {
    expect(readOrganizationView({ query: ' acme ', orderBy: '-members_count', pageSize: 100, columns: ['slug'] })).toEqual({
      query: 'acme',
      orderBy: '-members_count',
      pageSize: 100,
      columns: ['slug'],
    });
    expect(readOrganizationView({ query: 7, orderBy: '+username', pageSize: 33, columns: 'x' })).toEqual(DEFAULT_ORGANIZATION_VIEW);
    expect(readOrganizationView(undefined)).toEqual(DEFAULT_ORGANIZATION_VIEW);
    // A bare field is not what the list sends: the default instead.
    expect(readOrganizationView({ orderBy: 'name' }).orderBy).toBe('-created_at');
  });
  it('describes a view in words', () => {
    expect(describeOrganizationView({ ...DEFAULT_ORGANIZATION_VIEW, query: 'a', orderBy: '-members_count' })).toBe('Matching “a” · Members ↓');
    expect(describeOrganizationView(DEFAULT_ORGANIZATION_VIEW)).toBe('Every organization · Created ↓');
  });
});

describe('create organization form', () => {
  it('suggests the slug from the name until the slug is edited', () => {
    const form = emptyOrganizationForm();
    Object.assign(form, withName(form, 'Café Ünited Labs'));
    expect(form.slug).toBe('cafe-united-labs');
    form.slug = 'mine';
    form.slugEdited = true;
    expect(withName(form, 'Other').slug).toBe('mine');
  });
  it('checks the slug as typed; empty is left to Clerk', () => {
    expect(typedSlugProblem('Bad Slug')).toBe('Use only lowercase letters, digits and dashes (-).');
    expect(typedSlugProblem('good-slug-1')).toBeUndefined();
    expect(typedSlugProblem('')).toBeUndefined();
  });
  it('sends only what was filled in, and names each problem', () => {
    const form = { ...emptyOrganizationForm(), name: ' Acme ', slug: '', created_by: 'user_1', max_allowed_memberships: 0, public_metadata: '{"plan":"pro"}' };
    expect(createOrganizationBody(form)).toEqual({ body: { name: 'Acme', created_by: 'user_1', max_allowed_memberships: 0, public_metadata: { plan: 'pro' } }, issues: [] });
    const bad = { ...emptyOrganizationForm(), slug: 'A B', public_metadata: '[1]', private_metadata: '{' };
    expect(createOrganizationBody(bad).issues.map((issue) => issue.name)).toEqual(['name', 'slug', 'public_metadata', 'private_metadata']);
  });
});
