/** The Backend API's organization and organization membership operations the app uses, each declared once. */
import type { DeletedObject, Organization, OrganizationMembership, Paginated } from '../../../../shared/clerk';
import { operation } from '../operation';

// Every change to an organization or one of its memberships is recorded against the organization,
// so "open target" in the audit log opens the organization; a membership's user id stays in the
// record's path (and body, for an add).
const organizationTarget = { type: 'organization', idParam: 'organization_id' } as const;
const organizationState = '/organizations/{organization_id}';
// A membership has no GET of its own: its state is the one item of its organization's list
// filtered by the user.
const membershipState = {
  stateRoute: '/organizations/{organization_id}/memberships',
  stateQuery: { user_id: 'user_id' },
  stateItem: true,
} as const;

/** The organization and membership operations. */
export const organizationOperations = {
  /** `GET /organizations`: always `{ data, total_count }`. */
  list: operation<Paginated<Organization>>()({ method: 'GET', route: '/organizations', destructive: false }),
  /** `GET /organizations/{organization_id}`: by ID or slug. */
  get: operation<Organization>()({ method: 'GET', route: '/organizations/{organization_id}', target: organizationTarget, destructive: false }),
  /** `POST /organizations`: the new id is in the answer; `created_by` becomes its first admin. */
  create: operation<Organization>()({ method: 'POST', route: '/organizations', action: 'organizations.create', target: { type: 'organization' }, destructive: false }),
  /** `PATCH /organizations/{organization_id}`: the fields sent. */
  update: operation<Organization>()({
    method: 'PATCH',
    route: '/organizations/{organization_id}',
    action: 'organizations.update',
    target: organizationTarget,
    stateRoute: organizationState,
    destructive: false,
  }),
  /** `DELETE /organizations/{organization_id}`: its memberships and invitations go with it, for good. */
  delete: operation<DeletedObject>()({
    method: 'DELETE',
    route: '/organizations/{organization_id}',
    action: 'organizations.delete',
    target: organizationTarget,
    stateRoute: organizationState,
    destructive: true,
  }),
  /** `PATCH /organizations/{organization_id}/metadata`: deep merge (`null` deletes a key). */
  updateMetadata: operation<Organization>()({
    method: 'PATCH',
    route: '/organizations/{organization_id}/metadata',
    action: 'organizations.update_metadata',
    target: organizationTarget,
    stateRoute: organizationState,
    destructive: false,
  }),
  /** `PUT /organizations/{organization_id}/logo`: multipart `file` and `uploader_user_id`. */
  setLogo: operation<Organization>()({
    method: 'PUT',
    route: '/organizations/{organization_id}/logo',
    action: 'organizations.set_logo',
    target: organizationTarget,
    stateRoute: organizationState,
    destructive: false,
  }),
  /** `DELETE /organizations/{organization_id}/logo`: answers with the organization. */
  deleteLogo: operation<Organization>()({
    method: 'DELETE',
    route: '/organizations/{organization_id}/logo',
    action: 'organizations.delete_logo',
    target: organizationTarget,
    stateRoute: organizationState,
    destructive: true,
  }),
} as const;

/** The membership operations (their audit actions are `memberships.*`; their target is the organization). */
export const membershipOperations = {
  /** `GET /organizations/{organization_id}/memberships`: always `{ data, total_count }`. */
  list: operation<Paginated<OrganizationMembership>>()({
    method: 'GET',
    route: '/organizations/{organization_id}/memberships',
    target: organizationTarget,
    destructive: false,
  }),
  /** `POST /organizations/{organization_id}/memberships`: `user_id` and `role` in the body. */
  add: operation<OrganizationMembership>()({
    method: 'POST',
    route: '/organizations/{organization_id}/memberships',
    action: 'memberships.add',
    target: organizationTarget,
    destructive: false,
  }),
  /** `PATCH /organizations/{organization_id}/memberships/{user_id}`: the role. */
  updateRole: operation<OrganizationMembership>()({
    method: 'PATCH',
    route: '/organizations/{organization_id}/memberships/{user_id}',
    action: 'memberships.update_role',
    target: organizationTarget,
    ...membershipState,
    destructive: false,
  }),
  /** `DELETE /organizations/{organization_id}/memberships/{user_id}`: answers with the removed membership. */
  remove: operation<OrganizationMembership>()({
    method: 'DELETE',
    route: '/organizations/{organization_id}/memberships/{user_id}',
    action: 'memberships.remove',
    target: organizationTarget,
    ...membershipState,
    destructive: true,
  }),
  /** `PATCH /organizations/{organization_id}/memberships/{user_id}/metadata`: the membership's own metadata (deep merge). */
  updateMetadata: operation<OrganizationMembership>()({
    method: 'PATCH',
    route: '/organizations/{organization_id}/memberships/{user_id}/metadata',
    action: 'memberships.update_metadata',
    target: organizationTarget,
    ...membershipState,
    destructive: false,
  }),
} as const;
