/**
 * The bulk membership operations (issue 11, item 7): add many users to one organization, change
 * the role of many of its members, remove many. A job acts on ONE organization (the job's
 * `organizationId` param); its items are users (target id = user id), each with its own params.
 *
 * The dry run reads the organization's memberships of the items' users (GET
 * /organizations/{id}/memberships?user_id=…, pages of 100) and keeps with each item what its
 * undo needs, so the undo never depends on anything read later:
 * - `memberships.add` (item: `role`, optional `public_metadata`/`private_metadata`): skips users
 *   not found and users already members; undo = `memberships.remove` of the added ones.
 * - `memberships.update_role` (item: `role`): skips non-members and members already in the role;
 *   keeps `previousRole`; undo = `memberships.update_role` of each back to its previous role
 *   (`expectRole`: an undo skips a member whose role changed again since the job).
 * - `memberships.remove`: skips non-members; keeps the member's `role` and membership metadata;
 *   undo = `memberships.add` re-adding each with them.
 * After an interrupted send (a crash, a timeout), the same check tells applied from not applied,
 * so nothing is sent twice.
 */
import type { OrganizationMembership } from '../../../../shared/clerk';
import { AppError } from '../../../../shared/ipc/errors';
import type { ClerkClient } from '../../clerk/client';
import { operations } from '../../clerk/operations';
import { CHECK_PAGE, readUsers, type BulkOperation, type BulkTarget, type BulkVerdict } from './bulk-operation';

/** A membership job's own params: the organization every item acts in. */
export type MembershipJobParams = {
  organizationId: string;
};

/** What a membership item carries (each operation uses its part; see the module comment). */
export type MembershipItemParams = {
  /** The role to add with or change to. */
  role?: string;
  public_metadata?: Record<string, unknown>;
  private_metadata?: Record<string, unknown>;
  /** update_role: the role the dry run found (kept for the undo). */
  previousRole?: string;
  /** An undo of update_role: the role the job left, so a member changed since is left alone. */
  expectRole?: string;
};

function organizationOf(params: Record<string, unknown>): string {
  const id = (params as Partial<MembershipJobParams>).organizationId;
  if (typeof id !== 'string' || id === '') throw new AppError({ kind: 'validation', code: 'organization_missing', paramName: 'organizationId', message: 'A membership job needs its organization.' });
  return id;
}

function itemOf(target: BulkTarget): MembershipItemParams {
  return (target.params ?? {}) as MembershipItemParams;
}

/** The memberships of `organizationId` held by the users among `userIds`, by user id (pages of {@link CHECK_PAGE}). */
export async function readMemberships(client: ClerkClient, organizationId: string, userIds: readonly string[], signal?: AbortSignal): Promise<Map<string, OrganizationMembership>> {
  const found = new Map<string, OrganizationMembership>();
  for (let start = 0; start < userIds.length; start += CHECK_PAGE) {
    const page = userIds.slice(start, start + CHECK_PAGE);
    const answer = await client.run(operations.memberships.list, { organization_id: organizationId }, { query: { user_id: page, limit: CHECK_PAGE }, signal });
    for (const membership of answer.data) {
      const userId = membership.public_user_data?.user_id;
      if (userId) found.set(userId, membership);
    }
  }
  return found;
}

// What a member is shown as in the result list: their identifier (email, phone, username).
function memberLabel(membership: OrganizationMembership | undefined): string | undefined {
  return membership?.public_user_data?.identifier || undefined;
}

// A membership's metadata as the undo re-adds it (private metadata may be absent in Clerk's answer).
function metadataOf(membership: OrganizationMembership): Pick<MembershipItemParams, 'public_metadata' | 'private_metadata'> {
  return { public_metadata: membership.public_metadata ?? {}, private_metadata: (membership.private_metadata as Record<string, unknown> | undefined) ?? {} };
}

function requireRole(item: MembershipItemParams): string {
  if (!item.role) throw new AppError({ kind: 'validation', code: 'role_missing', paramName: 'role', message: 'Each membership item needs its role.' });
  return item.role;
}

const keepOrganization = (params: Record<string, unknown>): MembershipJobParams => ({ organizationId: organizationOf(params) });

// The dry run of an operation on existing members: reads the targets' memberships, then asks
// `verdict` for each target with its membership (undefined: not a member).
async function checkMembers(
  client: ClerkClient,
  targets: readonly BulkTarget[],
  params: Record<string, unknown>,
  signal: AbortSignal | undefined,
  verdict: (target: BulkTarget, member: OrganizationMembership | undefined) => BulkVerdict,
): Promise<Map<string, BulkVerdict>> {
  const members = await readMemberships(client, organizationOf(params), targets.map((target) => target.targetId), signal);
  return new Map(targets.map((target) => [target.targetId, verdict(target, members.get(target.targetId))]));
}

/** `memberships.add`: see the module comment. */
export const addMembershipsOperation: BulkOperation = {
  name: 'memberships.add',
  title: 'Add members',
  // No state read for an add (nothing exists before): the POST itself.
  requestsPerItem: 1,
  // A second POST answers "already a member": the engine checks an interrupted add instead of resending it.
  idempotent: false,
  inverse: 'memberships.remove',
  undoParams: keepOrganization,
  validateParams: (params) => void organizationOf(params),
  async check(client, targets, params, signal) {
    const ids = targets.map((target) => target.targetId);
    const users = await readUsers(client, ids, signal);
    const members = await readMemberships(client, organizationOf(params), ids, signal);
    return new Map(
      targets.map(({ targetId }): [string, BulkVerdict] => {
        const member = members.get(targetId);
        // applied: after an interrupted add, the membership found is the add's own.
        if (member) return [targetId, { kind: 'skip', reason: 'already a member', applied: true, label: memberLabel(member) }];
        if (!users.has(targetId)) return [targetId, { kind: 'skip', reason: 'user not found', applied: false }];
        return [targetId, { kind: 'change' }];
      }),
    );
  },
  async run(client, target, params, options) {
    const item = itemOf(target);
    const role = requireRole(item);
    const body = { user_id: target.targetId, role, ...(item.public_metadata ? { public_metadata: item.public_metadata } : {}), ...(item.private_metadata ? { private_metadata: item.private_metadata } : {}) };
    await client.run(operations.memberships.add, { organization_id: organizationOf(params) }, { ...options, body });
    return `added as ${role}`;
  },
  undoItems: (done) => done.map(({ targetId, label }) => ({ targetId, label: label ?? undefined })),
};

/** `memberships.update_role`: see the module comment. */
export const updateMembershipRolesOperation: BulkOperation = {
  name: 'memberships.update_role',
  title: 'Change members\u2019 role',
  // The recorder's state read (the membership) and the PATCH.
  requestsPerItem: 2,
  idempotent: true,
  inverse: 'memberships.update_role',
  undoParams: keepOrganization,
  validateParams: (params) => void organizationOf(params),
  check: (client, targets, params, signal) =>
    checkMembers(client, targets, params, signal, (target, member) => {
      const item = itemOf(target);
      const label = memberLabel(member);
      if (!member) return { kind: 'skip', reason: 'not a member', applied: false };
      if (member.role === item.role) return { kind: 'skip', reason: `already ${member.role}`, applied: true, label };
      if (item.expectRole && member.role !== item.expectRole) return { kind: 'skip', reason: 'role changed since the job', applied: false, label };
      return { kind: 'change', keep: { previousRole: member.role }, label };
    }),
  async run(client, target, params, options) {
    const item = itemOf(target);
    const role = requireRole(item);
    await client.run(operations.memberships.updateRole, { organization_id: organizationOf(params), user_id: target.targetId }, { ...options, body: { role } });
    return item.previousRole ? `${item.previousRole} \u2192 ${role}` : `now ${role}`;
  },
  undoItems: (done) =>
    done.flatMap(({ targetId, label, params }) => {
      const item = (params ?? {}) as MembershipItemParams;
      // Every done item kept its previous role; one without it (never made by this module) has nothing to go back to.
      return item.previousRole ? [{ targetId, label: label ?? undefined, params: { role: item.previousRole, expectRole: item.role } satisfies MembershipItemParams }] : [];
    }),
};

/** `memberships.remove`: see the module comment. */
export const removeMembershipsOperation: BulkOperation = {
  name: 'memberships.remove',
  title: 'Remove members',
  // The recorder's state read (the membership) and the DELETE.
  requestsPerItem: 2,
  // A second DELETE answers 404, which the engine records as skipped (not found): nothing removed twice.
  idempotent: true,
  inverse: 'memberships.add',
  undoParams: keepOrganization,
  validateParams: (params) => void organizationOf(params),
  check: (client, targets, params, signal) =>
    checkMembers(client, targets, params, signal, (_target, member) =>
      member ? { kind: 'change', keep: { role: member.role, ...metadataOf(member) } satisfies MembershipItemParams, label: memberLabel(member) } : { kind: 'skip', reason: 'not a member', applied: true },
    ),
  async run(client, target, params, options) {
    const removed = await client.run(operations.memberships.remove, { organization_id: organizationOf(params), user_id: target.targetId }, options);
    return `removed (was ${removed.role})`;
  },
  undoItems: (done) =>
    done.flatMap(({ targetId, label, params }) => {
      const item = (params ?? {}) as MembershipItemParams;
      return item.role ? [{ targetId, label: label ?? undefined, params: { role: item.role, public_metadata: item.public_metadata ?? {}, private_metadata: item.private_metadata ?? {} } satisfies MembershipItemParams }] : [];
    }),
};
