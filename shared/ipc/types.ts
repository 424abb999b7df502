/** Plain data types that cross the IPC boundary (no secrets ever appear in them). */
import type { RecordKind, SectionId } from '../sections';
import type { ViewState } from './view-state';

/** An instance's environment; decides colours, warnings and the rate budget. */
export type Environment = 'development' | 'staging' | 'production';

/** The environments in display order. */
export const ENVIRONMENTS: readonly Environment[] = ['development', 'staging', 'production'];

/** An instance profile as the renderer sees it: never the key, only whether one is set and a hint. */
export interface ProfileView {
  id: string;
  name: string;
  environment: Environment;
  apiUrl: string;
  /** The built-in Sandbox profile (its API URL follows the Sandbox's port). */
  isSandbox: boolean;
  hasKey: boolean;
  /** Prefix and last four characters, e.g. `sk_live_…a1b2`. */
  keyHint: string | null;
  /** The stored key is a live (`sk_live_`) key: it always belongs to a production instance in Clerk. */
  liveKey: boolean;
  /**
   * Treated as production whatever its label says: marked production, or holding a live key. Such a
   * profile gets production's banner, rate budget and guardrails.
   */
  productionClass: boolean;
  /**
   * Main refuses every change (every non-GET Backend API call) of this profile while this is on. On
   * for newly added production-class profiles, off for the Sandbox and development; `profiles:setReadOnly`.
   */
  readOnly: boolean;
  createdAt: number;
  updatedAt: number;
}

// Sections and record kinds come from the one section registry.
export { SECTION_IDS, RECORD_KINDS, type RecordKind, type SectionId } from '../sections';

/** One open tab: a section, or one record of the active profile. */
export type Tab =
  | { kind: 'section'; key: string; section: SectionId; title: string; view?: ViewState }
  | { kind: 'record'; key: string; record: RecordKind; id: string; title: string };

/** The open tabs of one profile, kept across restarts. */
export interface TabState {
  tabs: Tab[];
  activeKey: string | null;
}

/** Facts about the running app for the About box and the status bar. */
export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** The built-in Sandbox's API URL, or null when it is not running. */
  sandboxApiUrl: string | null;
  /** Problems found while starting, phrased for the administrator (e.g. the keychain is missing). */
  startupProblems: string[];
}

/** Commands the native menu sends to the renderer. */
export type MenuCommand =
  | 'new-profile'
  // New… (issue 11): the front list's create form (New organization, …).
  | 'new-record'
  | 'switch-profile'
  // The command palette (issue 12, item 7): View > Command Palette…, Ctrl/Cmd+K.
  | 'command-palette'
  | 'close-tab'
  | 'next-tab'
  | 'previous-tab'
  | 'refresh'
  | 'find'
  | `open-section:${SectionId}`
  // Compare with another profile (issue 12, item 6): the lists' button and the palette.
  | `compare-profiles:${'redirect_urls' | 'saml_connections'}`;
