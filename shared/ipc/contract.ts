/**
 * The IPC contract: the single source of truth for what the renderer may ask of main.
 * Each channel (`domain:verb`) has a zod schema for its input and a result type. Main registers
 * exactly these channels; the preload exposes exactly these functions (see bridge.ts).
 */
import { z } from 'zod';
import type { User } from '../clerk';
import { USER_ORDER_BY } from '../clerk/user-order';
import { AUDIT_EXPORT_FORMATS, AUDIT_MAX_PAGE, auditFilter, retentionDays, type AuditChangeDetail, type AuditFacets, type AuditListResult, type AuditRetention, type AuditSigningStatus } from './audit';
import type { JobStarted, JobStatus } from './jobs';
import * as s from './schemas';
import type { AppInfo, ProfileView, TabState, Tab, SectionId, RecordKind } from './types';

/** A channel's definition: its input schema, and its result type carried as a phantom. */
export interface ChannelDef<I extends z.ZodType, R> {
  input: I;
  /** Never set at runtime; only carries the result type. */
  readonly result?: R;
}

function channel<I extends z.ZodType>(input: I) {
  return { returns: <R>(): ChannelDef<I, R> => ({ input }) };
}


/** A page of users with the total matching the same filters. */
export interface UserPage {
  data: User[];
  totalCount: number;
}

/** What "Test connection" found: the instance answered and accepted the key. */
export interface ConnectionCheck {
  /** The host that answered. */
  host: string;
  /** How long the check took, in milliseconds. */
  latencyMs: number;
}

/** Input of the one-step user actions (ban, unban, lock, unlock). */
const userAction = z.object({ profileId: s.localId, userId: s.clerkId('user') });

/** A job id handed out by `audit:export`, `audit:verify` or `audit:setRetention`. */
const jobRef = z.object({ jobId: z.uuid({ message: 'Must be a job id.' }) });

export const contract = {
  'app:info': channel(s.none).returns<AppInfo>(),

  'profiles:list': channel(s.none).returns<ProfileView[]>(),
  'profiles:active': channel(s.none).returns<ProfileView | null>(),
  'profiles:activate': channel(z.object({ id: s.localId })).returns<ProfileView>(),
  'profiles:create': channel(
    z.object({
      name: s.profileName,
      environment: s.environment,
      apiUrl: s.apiUrl.default('https://api.clerk.com/v1'),
      secretKey: s.secretKey,
      /** The administrator confirmed a key whose prefix does not match the environment. */
      allowEnvironmentMismatch: z.boolean().default(false),
    }),
  ).returns<ProfileView>(),
  'profiles:update': channel(
    z.object({
      id: s.localId,
      name: s.profileName.optional(),
      environment: s.environment.optional(),
      apiUrl: s.apiUrl.optional(),
      /** A replacement key; omitted keeps the stored one. */
      secretKey: s.secretKey.optional(),
      allowEnvironmentMismatch: z.boolean().default(false),
    }),
  ).returns<ProfileView>(),
  'profiles:delete': channel(z.object({ id: s.localId })).returns<{ id: string }>(),
  /**
   * Checks a URL and key with a real call, saving nothing. Without a key, a saved profile's own key
   * is used, but only on the origin it was entered for.
   */
  'profiles:test': channel(z.object({ id: s.localId.optional(), apiUrl: s.apiUrl, secretKey: s.secretKey.optional() })).returns<ConnectionCheck>(),

  'tabs:load': channel(z.object({ profileId: s.localId })).returns<TabState>(),
  'tabs:save': channel(
    z.object({ profileId: s.localId, tabs: z.array(s.tab).max(100), activeKey: z.string().max(200).nullable() }),
  ).returns<TabState>(),

  'users:list': channel(
    z.object({
      profileId: s.localId,
      limit: z.number().int().min(1).max(500).default(10),
      offset: z.number().int().min(0).default(0),
      query: z.string().trim().max(200).optional(),
      orderBy: z
        .string()
        .regex(USER_ORDER_BY, 'Unknown sort field.')
        .optional(),
    }),
  ).returns<UserPage>(),
  'users:get': channel(z.object({ profileId: s.localId, userId: s.clerkId('user') })).returns<User>(),
  'users:ban': channel(userAction).returns<User>(),
  'users:unban': channel(userAction).returns<User>(),
  'users:lock': channel(userAction).returns<User>(),
  'users:unlock': channel(userAction).returns<User>(),

  /** Wipes the built-in Sandbox's data and re-seeds it (not audited: no Backend API call). */
  'sandbox:reset': channel(s.none).returns<{ resetAt: number }>(),

  'audit:list': channel(
    // Strict: every field is optional, so a stray key is the only sign of a confused caller.
    z.strictObject({
      filter: auditFilter.default({}),
      limit: z.number().int().min(1).max(AUDIT_MAX_PAGE).default(100),
      /** Keyset paging: changes older than this seq (the previous page's `nextBefore`). */
      before: z.number().int().min(0).optional(),
      /** Offset paging; ignored when `before` is given. */
      offset: z.number().int().min(0).optional(),
      /** Also count the matches (costs a scan of them; ask on the first page only). */
      includeTotal: z.boolean().default(false),
    }),
  ).returns<AuditListResult>(),
  'audit:get': channel(z.object({ seq: z.number().int().min(1) })).returns<AuditChangeDetail>(),
  'audit:facets': channel(s.none).returns<AuditFacets>(),
  /** Asks for a destination file, then exports in the background; null when the dialog was cancelled. */
  'audit:export': channel(z.object({ filter: auditFilter.default({}), format: z.enum(AUDIT_EXPORT_FORMATS) })).returns<JobStarted | null>(),
  'audit:verify': channel(s.none).returns<JobStarted>(),
  /** The audit log's signing key: its public key (PEM) and fingerprint, never the private key. */
  'audit:signingKey': channel(s.none).returns<AuditSigningStatus>(),
  'audit:retention': channel(s.none).returns<AuditRetention>(),
  /** Saves the retention and applies it at once (a prune job, when records are kept for N days). */
  'audit:setRetention': channel(z.object({ days: retentionDays })).returns<AuditRetention & { jobId: string | null }>(),

  'jobs:status': channel(jobRef).returns<JobStatus>(),
  'jobs:cancel': channel(jobRef).returns<JobStatus>(),
} as const;

/** The contract's type. */
export type Contract = typeof contract;
/** Every channel name. */
export type Channel = keyof Contract;
/** What a caller passes (before defaults are applied). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing and defaults). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
/** What a channel resolves to. */
export type ChannelResult<C extends Channel> = Contract[C] extends ChannelDef<z.ZodType, infer R> ? R : never;

/** Every channel name, at runtime. */
export const CHANNELS = Object.keys(contract) as Channel[];

/** Events main pushes to the renderer (not requests): name -> payload schema. */
export const events = {
  'menu:command': z.string(),
} as const;

/** Event names. */
export type EventName = keyof typeof events;

export type { AppInfo, ProfileView, TabState, Tab, SectionId, RecordKind };
