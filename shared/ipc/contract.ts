/**
 * The IPC contract: the single source of truth for what the renderer may ask of main. Each resource
 * declares its channels (`domain:verb`, an input schema and a result type) in its own file under
 * channels/; they are spread into the one table here. Main registers exactly these channels; the
 * preload exposes exactly these functions (see bridge.ts). Channel-name unions are derived from the
 * table (or a resource's part of it), never written by hand.
 */
import { z } from 'zod';
import type { ChannelDef } from './channel';
import { appChannels } from './channels/app';
import { auditChannels } from './channels/audit';
import { jobChannels } from './channels/jobs';
import { profileChannels } from './channels/profiles';
import { sandboxChannels } from './channels/sandbox';
import { tabChannels } from './channels/tabs';
import { userChannels } from './channels/users';
import { phoneNumberChannels } from './channels/phone-numbers';
import { signInTokenChannels } from './channels/sign-in-tokens';
import { sessionChannels } from './channels/sessions';
import { savedViewChannels } from './channels/saved-views';
import { bulkJobChannels } from './channels/bulk-jobs';
// Record exports (issue 10, item 4).
import { exportChannels } from './channels/exports';
// The users import (issue 10, item 3).
import { importChannels } from './channels/imports';
// The Organizations workspace (issue 11).
import { organizationChannels } from './channels/organizations';
// Bulk membership work (issue 11, item 7).
import { membershipJobChannels } from './channels/membership-jobs';
// The membership overview across organizations (issue 11, item 9).
import { membershipOverviewChannels } from './channels/membership-overview';
// Issue 12: SAML connections, redirect URLs, sign-ups, proxy checks.
import { samlConnectionChannels } from './channels/saml-connections';
import { redirectUrlChannels } from './channels/redirect-urls';
import { signUpChannels } from './channels/sign-ups';
import { proxyCheckChannels } from './channels/proxy-checks';
// Compare and copy between profiles (issue 12, item 6).
import { profileCompareChannels } from './channels/profile-compare';
import type { AppInfo, ProfileView, TabState, Tab, SectionId, RecordKind } from './types';

export const contract = {
  ...appChannels,
  ...profileChannels,
  ...tabChannels,
  ...userChannels,
  ...phoneNumberChannels,
  ...signInTokenChannels,
  ...sessionChannels,
  ...savedViewChannels,
  ...sandboxChannels,
  ...auditChannels,
  ...jobChannels,
  ...bulkJobChannels,
  ...exportChannels,
  ...importChannels,
  ...organizationChannels,
  ...membershipJobChannels,
  ...membershipOverviewChannels,
  ...samlConnectionChannels,
  ...redirectUrlChannels,
  ...signUpChannels,
  ...proxyCheckChannels,
  ...profileCompareChannels,
} as const;

/** The contract's type. */
export type Contract = typeof contract;
/** Every channel name. */
export type Channel = keyof Contract;
/** The channel names of one resource's part of the table (e.g. `ChannelsOf<typeof userChannels>`). */
export type ChannelsOf<Part> = keyof Part & Channel;
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

export type { ChannelDef } from './channel';
export type { UserPage } from './channels/users';
export type { ConnectionCheck } from './channels/profiles';
export type { AppInfo, ProfileView, TabState, Tab, SectionId, RecordKind };
