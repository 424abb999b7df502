/**
 * The command palette's entries and their order (kept apart from the component so both are
 * unit-tested). Every entry the palette offers is something the menus or a screen's buttons also
 * do: a menu command (sections, the front view's commands, tabs), a profile from the switcher, or
 * a record's tab (opened from its list or another record's tab).
 */
import Fuse from 'fuse.js';
import type { MenuCommand } from '@shared/ipc/types';
import { recordKindInfo, type RecordKind, type SectionInfo } from '@shared/sections';
import type { TabAction } from '../../composables/useTabShortcuts';
import type { ViewCommand } from '../../composables/useViewCommand';
import type { RecordRef } from './record-id';

/** The headings the entries are grouped under, in the order an empty palette lists them. */
export type PaletteGroup = 'record' | 'match' | 'action' | 'section' | 'profile';

/** How each group is headed in the list. */
export const GROUP_LABELS: Readonly<Record<PaletteGroup, string>> = {
  record: 'Open by id',
  match: 'Matches',
  action: 'Actions',
  section: 'Go to',
  profile: 'Switch profile',
};

/** What choosing an entry does (the component carries it out). */
export type PaletteEffect =
  | { type: 'command'; command: MenuCommand }
  | { type: 'open-record'; record: RecordKind; id: string; title: string }
  | { type: 'switch-profile'; profileId: string }
  /** One of the front tab's buttons' actions (its labelled shortcut, see useTabShortcuts). */
  | { type: 'tab-action'; run: () => void };

/** One line of the palette. */
export interface PaletteEntry {
  /** Unique among the entries (the option's DOM id is made from it). */
  key: string;
  group: PaletteGroup;
  label: string;
  /** A second, muted line (an email, the tab a command acts on, an environment). */
  detail?: string;
  /** The menu's shortcut for the same thing, shown on the right. */
  shortcut?: string;
  /** Extra words it is found by (not shown). */
  keywords?: readonly string[];
  /** Already matched by what was typed (an id, a server search): never fuzzy-filtered out (see {@link rankEntries}). */
  pinned?: boolean;
  /** Shown in the danger colour (its button is: ban, delete, …). */
  destructive?: boolean;
  /** Why it cannot be chosen now (shown as its detail); undefined when it can. */
  disabledReason?: string;
  effect: PaletteEffect;
}

/** The most entries listed at once (the rest are a more precise search away). */
export const MAX_ENTRIES = 40;

const GROUP_ORDER: readonly PaletteGroup[] = ['record', 'match', 'action', 'section', 'profile'];

// Fuse's scores run from 0 (exact) to 1; up to this one a match reads as meant.
const STRONG_SCORE = 0.2;
// Token search scores a text where only one word of several matches loosely; beyond this it is noise.
const LOOSEST_SCORE = 0.5;

/**
 * The entries to list for `query`, best first: the record an id names, then the close fuzzy
 * matches (Fuse on label, keywords and detail, best score first, ties in the given order), then
 * the server's matches (never filtered out: the server matched an email the label does not show),
 * then the loose fuzzy matches. An empty query lists everything by group, pinned entries first.
 */
export function rankEntries(entries: readonly PaletteEntry[], query: string): PaletteEntry[] {
  const text = query.trim();
  const pinned = entries.filter((entry) => entry.pinned);
  const rest = entries.filter((entry) => !entry.pinned);
  if (!text) {
    return [...pinned, ...GROUP_ORDER.flatMap((group) => rest.filter((entry) => entry.group === group))].slice(0, MAX_ENTRIES);
  }
  const fuse = new Fuse(rest, {
    keys: [
      { name: 'label', weight: 3 },
      { name: 'keywords', weight: 1 },
      { name: 'detail', weight: 0.5 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
    includeScore: true,
    // Each typed word matched on its own ("lock selected" finds "Lock… · 2 users selected", not "Ban… · …").
    useTokenSearch: true,
  });
  const found = fuse
    .search(text)
    .filter((result) => (result.score ?? 1) <= LOOSEST_SCORE)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0) || a.refIndex - b.refIndex);
  // A close match of a command or section ("refresh", "users") stays above the server's matches, which arrive later.
  const strong = found.filter((result) => (result.score ?? 1) <= STRONG_SCORE).map((result) => result.item);
  const weak = found.filter((result) => (result.score ?? 1) > STRONG_SCORE).map((result) => result.item);
  const byId = pinned.filter((entry) => entry.group === 'record');
  const matched = pinned.filter((entry) => entry.group !== 'record');
  return [...byId, ...strong, ...matched, ...weak].slice(0, MAX_ENTRIES);
}

/** What the entries are built from: the app's state when the palette opens. */
export interface PaletteContext {
  /** A profile is active (records and the instance's sections need one). */
  hasProfile: boolean;
  /** Every section of the registry. */
  sections: readonly SectionInfo[];
  /** The native menu's shortcut of a command (`Ctrl+R`, `Ctrl+1` …), if it has one. */
  shortcutOf: (command: MenuCommand) => string | undefined;
  /** The title of the tab in front, if any. */
  activeTabTitle: string | null;
  /** How many tabs are open. */
  tabCount: number;
  /** The commands the view in front handles, with their menu labels. */
  viewCommands: readonly { command: ViewCommand; label: string }[];
  /** The actions of the tab in front (its buttons, by their labelled shortcuts). */
  tabActions: readonly TabAction[];
  /** Every profile, and which one is active. */
  profiles: readonly { id: string; name: string; environmentLabel: string }[];
  activeProfileId: string | null;
  /** The record the typed text names by id, if any, and whether its kind has a tab in this version. */
  idRecord: RecordRef | null;
  canOpen: (kind: RecordKind) => boolean;
  /** The users and organizations the server search found for the typed text. */
  matches: readonly { record: RecordKind; id: string; title: string; detail?: string }[];
}

/** Every entry the palette can offer now (unranked). */
export function buildEntries(context: PaletteContext): PaletteEntry[] {
  const entries: PaletteEntry[] = [];
  const { idRecord } = context;
  if (idRecord) {
    const label = recordKindInfo(idRecord.kind).label;
    entries.push({
      key: `record:${idRecord.id}`,
      group: 'record',
      label: `Open ${label} ${idRecord.id}`,
      pinned: true,
      disabledReason: !context.hasProfile
        ? 'Choose a profile first: records belong to an instance.'
        : context.canOpen(idRecord.kind)
          ? undefined
          : `A ${label} has no tab in this version.`,
      effect: { type: 'open-record', record: idRecord.kind, id: idRecord.id, title: idRecord.id },
    });
  }
  for (const match of context.matches) {
    entries.push({
      key: `match:${match.id}`,
      group: 'match',
      label: match.title,
      detail: match.detail ? `${recordKindInfo(match.record).label} · ${match.detail}` : recordKindInfo(match.record).label,
      pinned: true,
      effect: { type: 'open-record', record: match.record, id: match.id, title: match.title },
    });
  }
  const front = context.activeTabTitle ? `In the tab “${context.activeTabTitle}”` : undefined;
  const command = (name: MenuCommand, label: string, extra: Partial<PaletteEntry> = {}): PaletteEntry => ({
    key: `command:${name}`,
    group: 'action',
    label,
    shortcut: context.shortcutOf(name),
    effect: { type: 'command', command: name },
    ...extra,
  });
  for (const { command: name, label } of context.viewCommands) {
    entries.push(command(name, label, { detail: name === 'new-profile' ? undefined : front }));
  }
  context.tabActions.forEach((action, index) => {
    entries.push({
      key: `tab-action:${index}`,
      group: 'action',
      label: action.label,
      detail: front,
      shortcut: action.keys || undefined,
      destructive: action.destructive,
      disabledReason: action.disabledReason,
      effect: { type: 'tab-action', run: action.run },
    });
  });
  // The File menu's New Profile… works from anywhere (it opens the Profiles section first).
  if (!context.viewCommands.some((entry) => entry.command === 'new-profile')) entries.push(command('new-profile', 'New Profile…', { keywords: ['add profile', 'instance'] }));
  if (context.hasProfile && context.activeTabTitle) entries.push(command('close-tab', 'Close Tab', { detail: front }));
  if (context.hasProfile && context.tabCount > 1) entries.push(command('next-tab', 'Next Tab'), command('previous-tab', 'Previous Tab'));
  for (const section of context.sections) {
    // Only built sections, and without a profile only those that need none (as the navigation allows).
    if (!section.available || (section.needsProfile && !context.hasProfile)) continue;
    entries.push({
      key: `section:${section.id}`,
      group: 'section',
      label: section.label,
      detail: section.description,
      keywords: ['go to', 'open'],
      shortcut: context.shortcutOf(`open-section:${section.id}`),
      effect: { type: 'command', command: `open-section:${section.id}` },
    });
  }
  for (const profile of context.profiles) {
    if (profile.id === context.activeProfileId) continue;
    entries.push({
      key: `profile:${profile.id}`,
      group: 'profile',
      label: `Switch to ${profile.name}`,
      detail: profile.environmentLabel,
      keywords: [profile.name, 'profile'],
      effect: { type: 'switch-profile', profileId: profile.id },
    });
  }
  return entries;
}
