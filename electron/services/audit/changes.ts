/**
 * Merges an intent record with its outcome record (if any) into the one row per change the UI
 * shows, and into the full detail for the drawer.
 */
import type { ChangeRow } from './query';
import type { AuditChange, AuditChangeDetail, IntentRecord, OutcomeRecord } from '../../../shared/audit/types';

/** The parsed records of one change. */
export interface ChangeRecords {
  intent: IntentRecord;
  outcome: OutcomeRecord | null;
}

/** Parses a change row's JSON columns. */
export function parseChangeRow(row: ChangeRow): ChangeRecords {
  return {
    intent: JSON.parse(row.ij) as IntentRecord,
    outcome: row.oj === null ? null : (JSON.parse(row.oj) as OutcomeRecord),
  };
}

/** The table row of a change. */
export function toChange({ intent, outcome }: ChangeRecords): AuditChange {
  return {
    seq: intent.seq,
    time: intent.ts,
    actor: intent.actor,
    appVersion: intent.appVersion,
    profile: intent.profile,
    instance: intent.instance,
    action: intent.action,
    method: intent.method,
    route: intent.route,
    path: intent.path,
    target: targetOf(intent, outcome),
    targetName: intent.target ? targetNameOf([outcome?.after, intent.before, outcome?.response, intent.body]) : null,
    bulkId: intent.bulkId ?? null,
    sensitive: intent.sensitive === true,
    outcome: outcome?.outcome ?? 'unknown',
    status: outcome?.status ?? null,
    errorCode: outcome?.error?.code ?? null,
    errorMessage: outcome?.error?.message ?? null,
    traceId: outcome?.traceId ?? null,
    durationMs: outcome?.durationMs ?? null,
    completedAt: outcome?.ts ?? null,
    hasStates: intent.statePath !== undefined,
  };
}

/**
 * The change's target. A create has no id before it is sent (`POST /users`): it is the id of the
 * object of the target's type that the instance answered with, so "open target" opens the new record.
 */
function targetOf(intent: IntentRecord, outcome: OutcomeRecord | null): AuditChange['target'] {
  const target = intent.target;
  if (!target || target.id !== undefined) return target ?? null;
  const created = outcome?.response as { object?: unknown; id?: unknown } | null | undefined;
  return created && created.object === target.type && typeof created.id === 'string' ? { ...target, id: created.id } : target;
}

/** Everything recorded about a change. */
export function toChangeDetail(row: ChangeRow): AuditChangeDetail {
  const records = parseChangeRow(row);
  const { intent, outcome } = records;
  return {
    ...toChange(records),
    query: intent.query ?? null,
    body: intent.body ?? null,
    form: intent.form ?? null,
    files: intent.files ?? [],
    statePath: intent.statePath ?? null,
    before: intent.before ?? null,
    beforeError: intent.beforeError ?? null,
    after: outcome?.after ?? null,
    afterError: outcome?.afterError ?? null,
    diff: outcome?.diff ?? [],
    response: responseOf(outcome),
    error: outcome?.error ?? null,
    intentHash: row.ih,
    outcomeSeq: row.os,
    outcomeHash: row.oh,
  };
}

/**
 * The first name found in the target's recorded states or request: an organization's `name`, a
 * user's first and last name (else username, else first email); a membership's change targets its
 * organization, so it is named by the organization's name. Display only, never a key.
 */
export function targetNameOf(sources: unknown[]): string | null {
  for (const source of sources) {
    if (typeof source !== 'object' || source === null || Array.isArray(source)) continue;
    const value = organizationOfMembership(source as Record<string, unknown>);
    const text = (key: string) => (typeof value[key] === 'string' && (value[key] as string).trim() !== '' ? (value[key] as string).trim() : null);
    const person = [text('first_name'), text('last_name')].filter(Boolean).join(' ');
    const emails = Array.isArray(value.email_addresses) ? (value.email_addresses as unknown[]) : [];
    const email = emails.map((entry) => (typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).email_address : null)).find((e) => typeof e === 'string');
    const name = text('name') ?? (person || null) ?? text('username') ?? (typeof email === 'string' ? email : null);
    if (name) return name.length > 120 ? `${name.slice(0, 119)}…` : name;
  }
  return null;
}

// A membership (its state, or Clerk's answer to an add or remove) stands for its organization.
function organizationOfMembership(value: Record<string, unknown>): Record<string, unknown> {
  const organization = value.object === 'organization_membership' ? value.organization : undefined;
  return typeof organization === 'object' && organization !== null && !Array.isArray(organization) ? (organization as Record<string, unknown>) : value;
}

/** The response body; the recorder leaves it out when it is the same as the after state. */
export function responseOf(outcome: OutcomeRecord | null): unknown {
  const member = outcome ? responseMember(outcome) : null;
  return member && outcome ? outcome[member] : null;
}

/** Which outcome member holds the response (parsed records and raw member maps alike). */
export function responseMember(outcome: { response?: unknown; after?: unknown; outcome?: unknown }): 'response' | 'after' | null {
  if (outcome.response !== undefined) return 'response';
  return outcome.outcome === 'success' && outcome.after !== undefined ? 'after' : null;
}
