/**
 * The organization tab's rules without a screen: the Edit body holds only the changed fields (the
 * slug checked with the contract's rule), its preview, the delete's wording, the confirm phrase,
 * the logo's initials and the default uploader (the first admin).
 */
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../shared/clerk';
import { defaultUploader, logoUrl, orgConfirmPhrase, orgInitials } from '../../../renderer/src/views/organizations/organization-display';
import { editSlugProblem, orgEditFormOf, orgEditPreview, updateOrganizationBody } from '../../../renderer/src/views/organizations/organization-edit-model';
import { membershipFacts } from '../../../renderer/src/views/organizations/organization-facts';
import { deleteLogoRequest, deleteOrganizationRequest } from '../../../renderer/src/views/organizations/organization-requests';

const ORG = {
  object: 'organization', id: 'org_1', name: 'Acme Labs', slug: 'acme-labs', has_image: false, image_url: 'http://127.0.0.1/default.png',
  members_count: 3, pending_invitations_count: 1, max_allowed_memberships: 0, admin_delete_enabled: true,
  public_metadata: {}, private_metadata: {}, created_at: 1, updated_at: 2,
} as Organization;

describe('the organization Edit form model', () => {
  it('sends only the fields that changed, trimmed', () => {
    const before = orgEditFormOf(ORG);
    expect(updateOrganizationBody(before, { ...before })).toEqual({ body: {}, issues: [] });
    expect(updateOrganizationBody(before, { ...before, name: ' Acme Labs ', slug: 'acme-labs ' }).body).toEqual({});
    expect(updateOrganizationBody(before, { ...before, name: 'Acme', max_allowed_memberships: 10, admin_delete_enabled: false }).body).toEqual({
      name: 'Acme',
      max_allowed_memberships: 10,
      admin_delete_enabled: false,
    });
    expect(updateOrganizationBody(before, { ...before, slug: 'acme' }).body).toEqual({ slug: 'acme' });
  });

  it('names each problem with its field before anything is sent', () => {
    const before = orgEditFormOf(ORG);
    const { body, issues } = updateOrganizationBody(before, { ...before, name: '  ', slug: 'Acme Labs', max_allowed_memberships: null });
    expect(body).toEqual({ name: '', slug: 'Acme Labs' });
    expect(issues).toEqual([
      { name: 'name', message: 'Enter a name.' },
      { name: 'slug', message: 'Use only lowercase letters, digits and dashes (-).' },
      { name: 'max_allowed_memberships', message: 'Enter a number: 0 for no limit.' },
    ]);
    expect(editSlugProblem('')).toBe('Enter a slug: every organization has one.');
    expect(editSlugProblem('ok-slug-2')).toBeUndefined();
  });

  it('previews each sent field with its label and readable values', () => {
    const before = orgEditFormOf(ORG);
    expect(orgEditPreview(before, { slug: 'acme', max_allowed_memberships: 5, admin_delete_enabled: false })).toEqual([
      { field: 'Slug', before: 'acme-labs', after: 'acme' },
      { field: 'Max allowed memberships', before: 'No limit (0)', after: '5' },
      { field: 'Admins can delete it', before: 'Yes', after: 'No' },
    ]);
  });
});

describe('the organization guardrails', () => {
  it('says that memberships and invitations go with a delete, for good, and asks for the slug', () => {
    const request = deleteOrganizationRequest(ORG);
    expect(request).toMatchObject({ title: 'Delete Acme Labs?', destructive: true, confirmPhrase: 'acme-labs', actionLabel: 'Delete organization' });
    expect(request.consequence).toContain('with its 3 memberships and its 1 pending invitation, and none of them can come back');
    const unknownCounts = deleteOrganizationRequest({ ...ORG, members_count: undefined, pending_invitations_count: undefined });
    expect(unknownCounts.consequence).toContain('with its memberships and its invitations');
  });

  it('asks before deleting a logo, as a destructive change', () => {
    expect(deleteLogoRequest({ ...ORG, has_image: true })).toMatchObject({ destructive: true, confirmPhrase: 'acme-labs' });
  });

  it('types the slug, else the name', () => {
    expect(orgConfirmPhrase(ORG)).toBe('acme-labs');
    expect(orgConfirmPhrase({ name: 'Acme', slug: '' })).toBe('Acme');
  });
});

describe('how an organization is shown', () => {
  it('has initials and a logo only when one was uploaded', () => {
    expect(orgInitials(ORG)).toBe('AL');
    expect(orgInitials({ name: 'globex', slug: 'globex' })).toBe('G');
    expect(logoUrl(ORG)).toBeUndefined();
    expect(logoUrl({ has_image: true, image_url: 'http://127.0.0.1/logo.png' })).toBe('http://127.0.0.1/logo.png');
  });

  it('uploads as the first admin, else the first member, else nobody', () => {
    expect(defaultUploader([{ role: 'org:member', id: 'a' }, { role: 'org:admin', id: 'b' }, { role: 'org:admin', id: 'c' }])?.id).toBe('b');
    expect(defaultUploader([{ role: 'org:member', id: 'a' }])?.id).toBe('a');
    expect(defaultUploader([])).toBeUndefined();
  });

  it('reads 0 memberships allowed as no limit', () => {
    const facts = membershipFacts(ORG);
    expect(facts.find((fact) => fact.label === 'Max allowed memberships')?.value).toBe('No limit (0)');
    expect(facts.find((fact) => fact.label === 'Members')?.value).toBe('3');
  });
});
