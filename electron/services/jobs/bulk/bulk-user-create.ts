/**
 * `users.create` (issue 10, item 3: the CSV/JSON import): one item per file row, its params the
 * row's POST /users body (checked by the users:import channel with the create form's rules) and
 * the original row (for exporting the failed rows). The item's target id is `row_<n>` (the row
 * number; there is no user yet).
 *
 * The dry run reads, in pages of 100 values (GET /users?email_address=…, ?username=…,
 * ?external_id=…, ?phone_number=…), which of the rows' identifiers are already taken on the
 * instance: such a row is skipped with the reason ("email … is already taken by user_…").
 *
 * Creating is NOT idempotent: sending a row twice makes two users (or a 422 once the first holds
 * the email). So the engine never resends a row that was in flight at a crash or a timeout: it
 * runs this same check on it first (verifyUnknown). Found → the earlier send went through (the
 * dry run proved the identifiers free before the job started), so the row is done; not found →
 * it is sent again. A row with no email, username, external id or phone cannot be checked, so
 * the import refuses it before the job is made.
 */
import type { User } from '../../../../shared/clerk';
import type { ClerkClient } from '../../clerk/client';
import { operations } from '../../clerk/operations';
import { CHECK_PAGE, type BulkOperation, type BulkTarget, type BulkVerdict } from './bulk-operation';

/** What a `users.create` item carries: the body sent and the file's row as it was. */
export interface CreateItemParams {
  body: Record<string, unknown> & { email_address?: string[]; phone_number?: string[]; username?: string | null; external_id?: string | null };
  row: Record<string, string>;
  /** The row's number in the file (1 = the first data row). */
  rowNumber: number;
}

/** The identifiers a clash is looked up by: the query param, and how a value is compared. */
const IDENTIFIERS = [
  { param: 'external_id', noun: 'external id', values: (b: CreateItemParams['body']) => (b.external_id ? [b.external_id] : []), ofUser: (u: User) => (u.external_id ? [u.external_id] : []), fold: (v: string) => v },
  { param: 'email_address', noun: 'email', values: (b: CreateItemParams['body']) => b.email_address ?? [], ofUser: (u: User) => u.email_addresses.map((e) => e.email_address), fold: (v: string) => v.toLowerCase() },
  { param: 'username', noun: 'username', values: (b: CreateItemParams['body']) => (b.username ? [b.username] : []), ofUser: (u: User) => (u.username ? [u.username] : []), fold: (v: string) => v.toLowerCase() },
  { param: 'phone_number', noun: 'phone number', values: (b: CreateItemParams['body']) => b.phone_number ?? [], ofUser: (u: User) => u.phone_numbers.map((p) => p.phone_number), fold: (v: string) => v },
] as const;

/** The rows' identifiers already held by users of the instance: per identifier kind, folded value → user id. */
export async function takenIdentifiers(client: ClerkClient, bodies: readonly CreateItemParams['body'][], signal?: AbortSignal): Promise<Map<string, Map<string, string>>> {
  const taken = new Map<string, Map<string, string>>();
  for (const identifier of IDENTIFIERS) {
    const holders = new Map<string, string>();
    taken.set(identifier.param, holders);
    const wanted = [...new Set(bodies.flatMap((body) => identifier.values(body)))];
    for (let start = 0; start < wanted.length; start += CHECK_PAGE) {
      const page = wanted.slice(start, start + CHECK_PAGE);
      const users = await client.run(operations.users.list, {}, { query: { [identifier.param]: page, limit: CHECK_PAGE }, signal });
      for (const user of users) for (const value of identifier.ofUser(user)) holders.set(identifier.fold(value), user.id);
    }
  }
  return taken;
}

/** The first identifier of `body` that a user already holds, as a skip reason. */
export function clashOf(body: CreateItemParams['body'], taken: Map<string, Map<string, string>>): string | null {
  for (const identifier of IDENTIFIERS) {
    for (const value of identifier.values(body)) {
      const holder = taken.get(identifier.param)?.get(identifier.fold(value));
      if (holder) return `${identifier.noun} ${value} is already taken by ${holder}`;
    }
  }
  return null;
}

/** True when the body has an identifier the clash check (and the after-crash check) can find it by. */
export function isCheckable(body: CreateItemParams['body']): boolean {
  return IDENTIFIERS.some((identifier) => identifier.values(body).length > 0);
}

function paramsOf(target: BulkTarget): CreateItemParams {
  return target.params as unknown as CreateItemParams;
}

/** `users.create`: see the module comment. */
export const createUsersOperation: BulkOperation = {
  name: 'users.create',
  title: 'Import users',
  // No recorder read for a create (nothing exists before): the POST itself.
  requestsPerItem: 1,
  idempotent: false,
  async check(client, targets, _params, signal) {
    const taken = await takenIdentifiers(
      client,
      targets.map((target) => paramsOf(target).body),
      signal,
    );
    return new Map(
      targets.map((target): [string, BulkVerdict] => {
        const clash = clashOf(paramsOf(target).body, taken);
        // applied: after an interrupted send, a holder found is this row's own user (see the module comment).
        return [target.targetId, clash ? { kind: 'skip', reason: clash, applied: true } : { kind: 'change' }];
      }),
    );
  },
  async run(client, target, _params, options) {
    const user = await client.run(operations.users.create, {}, { ...options, body: paramsOf(target).body });
    return `created ${user.id}`;
  },
};
