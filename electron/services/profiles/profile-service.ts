/**
 * Instance profiles: add, edit, delete, switch. The secret key goes to the OS keychain only after
 * Clerk has accepted it, and the database row is written only after the keychain has it, so a
 * failure at any step leaves nothing half-saved and no key outside the keychain.
 */
import { randomUUID } from 'node:crypto';
import { AppError, type Environment, type ProfileView } from '../../../shared/ipc';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../storage/settings-store';
import { checkKeyShape, explainValidationFailure, keyFingerprint, keyHint, type KeyValidator } from './key-checks';
import type { ProfileRecord, ProfileStore } from './profile-store';

const ACTIVE_PROFILE = 'activeProfileId';

/** Fields of a new profile. */
export interface NewProfile {
  name: string;
  environment: Environment;
  apiUrl: string;
  secretKey: string;
  allowEnvironmentMismatch?: boolean;
}

/** Changes to a profile; `secretKey` replaces the stored key. */
export interface ProfileChanges {
  name?: string;
  environment?: Environment;
  apiUrl?: string;
  secretKey?: string;
  allowEnvironmentMismatch?: boolean;
}

/** Dependencies of {@link ProfileService}. */
export interface ProfileServiceDeps {
  store: ProfileStore;
  settings: SettingsStore;
  secrets: SecretStore;
  validateKey: KeyValidator;
  now?: () => number;
  /** Called after a profile changed or was deleted (drops cached API clients). */
  onChanged?: (profileId: string) => void;
}

/** The profile operations behind the `profiles:*` channels. */
export class ProfileService {
  private readonly now: () => number;

  constructor(private readonly deps: ProfileServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Every profile, as the renderer may see it. */
  async list(): Promise<ProfileView[]> {
    return this.deps.store.list().map(toView);
  }

  /** One stored profile or a not-found error. */
  require(id: string): ProfileRecord {
    const record = this.deps.store.get(id);
    if (!record) throw new AppError({ kind: 'not_found', code: 'profile_not_found', message: 'That profile no longer exists.' });
    return record;
  }

  /** The profile's secret key, read from the keychain (main only; never returned over IPC). */
  async secretKey(id: string): Promise<string> {
    const record = this.require(id);
    const key = await this.deps.secrets.get(record.id);
    if (!key) {
      throw new AppError({
        kind: 'keychain',
        code: 'secret_key_missing',
        message: `The keychain has no secret key for "${record.name}". Edit the profile and paste the key again.`,
      });
    }
    return key;
  }

  /**
   * The fingerprint of the profile's key. Profiles saved before fingerprints existed get theirs
   * computed from the keychain once and stored.
   */
  async keyFingerprint(id: string): Promise<string> {
    const record = this.require(id);
    if (record.keyFingerprint) return record.keyFingerprint;
    const fingerprint = keyFingerprint(await this.secretKey(id));
    this.deps.store.update({ ...record, keyFingerprint: fingerprint });
    return fingerprint;
  }

  /** The active profile, falling back to the first one. */
  async active(): Promise<ProfileView | null> {
    const id = this.deps.settings.get<string>(ACTIVE_PROFILE);
    const record = (id && this.deps.store.get(id)) || this.deps.store.list()[0];
    return record ? toView(record) : null;
  }

  /** Makes a profile the active one. */
  async activate(id: string): Promise<ProfileView> {
    const record = this.require(id);
    this.deps.settings.set(ACTIVE_PROFILE, id);
    return toView(record);
  }

  /** Validates the key with the instance, stores it in the keychain, then saves the profile. */
  async create(input: NewProfile): Promise<ProfileView> {
    checkKeyShape(input.secretKey, input.environment, input.allowEnvironmentMismatch ?? false);
    await this.validate(input.apiUrl, input.secretKey);
    const now = this.now();
    const record: ProfileRecord = {
      id: randomUUID(),
      name: input.name,
      environment: input.environment,
      apiUrl: input.apiUrl,
      isSandbox: false,
      keyHint: keyHint(input.secretKey),
      keyFingerprint: keyFingerprint(input.secretKey),
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.secrets.set(record.id, input.secretKey);
    try {
      this.deps.store.insert(record);
    } catch (error) {
      await this.deps.secrets.delete(record.id).catch(() => false);
      throw error;
    }
    return toView(record);
  }

  /**
   * Applies changes. A new key, or a new API URL, is validated with a real call first; an
   * environment change re-checks the stored key's kind.
   */
  async update(id: string, changes: ProfileChanges): Promise<ProfileView> {
    const current = this.require(id);
    const next: ProfileRecord = {
      ...current,
      name: changes.name ?? current.name,
      environment: changes.environment ?? current.environment,
      apiUrl: changes.apiUrl ?? current.apiUrl,
      updatedAt: this.now(),
    };
    const newKey = changes.secretKey;
    const key = newKey ?? (await this.secretKey(id));
    if (newKey !== undefined || next.environment !== current.environment) {
      checkKeyShape(key, next.environment, changes.allowEnvironmentMismatch ?? false);
    }
    if (newKey !== undefined || next.apiUrl !== current.apiUrl) await this.validate(next.apiUrl, key);
    if (newKey !== undefined) {
      next.keyHint = keyHint(newKey);
      next.keyFingerprint = keyFingerprint(newKey);
      await this.deps.secrets.set(id, newKey);
    }
    this.deps.store.update(next);
    this.deps.onChanged?.(id);
    return toView(next);
  }

  /** Deletes the keychain entry, then the profile; if the keychain refuses, the profile stays. */
  async delete(id: string): Promise<{ id: string }> {
    this.require(id);
    await this.deps.secrets.delete(id);
    this.deps.store.delete(id);
    if (this.deps.settings.get<string>(ACTIVE_PROFILE) === id) this.deps.settings.delete(ACTIVE_PROFILE);
    this.deps.onChanged?.(id);
    return { id };
  }

  /**
   * Makes sure the built-in Sandbox profile exists on first launch (no profiles at all), with its
   * key in the keychain like any other, and keeps its API URL pointing at the running Sandbox.
   * Returns the Sandbox profile, or undefined when the administrator has other profiles and deleted it.
   */
  async ensureSandboxProfile(apiUrl: string, mintKey: () => string, registerKey: (key: string) => void): Promise<ProfileRecord | undefined> {
    const existing = this.deps.store.sandbox();
    if (existing) {
      let key = await this.deps.secrets.get(existing.id);
      // A keychain that lost the entry (reset, new machine) gets a fresh key rather than a dead profile.
      if (!key) {
        key = mintKey();
        await this.deps.secrets.set(existing.id, key);
      }
      registerKey(key);
      this.deps.store.update({ ...existing, apiUrl, keyHint: keyHint(key), keyFingerprint: keyFingerprint(key), updatedAt: this.now() });
      return this.deps.store.get(existing.id);
    }
    if (this.deps.store.count() > 0) return undefined;
    const key = mintKey();
    registerKey(key);
    const now = this.now();
    const record: ProfileRecord = {
      id: randomUUID(),
      name: 'Sandbox',
      environment: 'development',
      apiUrl,
      isSandbox: true,
      keyHint: keyHint(key),
      keyFingerprint: keyFingerprint(key),
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.secrets.set(record.id, key);
    this.deps.store.insert(record);
    this.deps.settings.set(ACTIVE_PROFILE, record.id);
    return record;
  }

  private async validate(apiUrl: string, secretKey: string): Promise<void> {
    try {
      await this.deps.validateKey(apiUrl, secretKey);
    } catch (error) {
      throw explainValidationFailure(error, apiUrl);
    }
  }
}

/** The renderer's view of a profile. */
export function toView(record: ProfileRecord): ProfileView {
  return {
    id: record.id,
    name: record.name,
    environment: record.environment,
    apiUrl: record.apiUrl,
    isSandbox: record.isSandbox,
    hasKey: record.keyHint !== null,
    keyHint: record.keyHint,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
