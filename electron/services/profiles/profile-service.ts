/**
 * Instance profiles: add, edit, delete, switch. The secret key goes to the OS keychain only after
 * Clerk has accepted it, and the database row is written only after the keychain has it, so a
 * failure at any step leaves nothing half-saved and no key outside the keychain.
 */
import { randomUUID } from 'node:crypto';
import { AppError, fieldError, type ConnectionCheck, type Environment, type ProfileView } from '../../../shared/ipc';
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

  /**
   * The profile's secret key, read from the keychain (main only; never returned over IPC), for a
   * request to `origin`. A key is only ever handed out for the origin of the API URL it was entered
   * with (an origin change needs the key typed again, see {@link update}), so no code path can send
   * a stored key to another host.
   */
  async secretKey(id: string, origin: string): Promise<string> {
    const record = this.require(id);
    const refuse = () =>
      new AppError({
        kind: 'forbidden',
        code: 'key_origin_mismatch',
        message: `The secret key of "${record.name}" is only sent to ${originOf(record.apiUrl)}; a request to ${origin} was refused.`,
      });
    if (originOf(record.apiUrl) !== origin) throw refuse();
    const key = await this.storedKey(record);
    // The keychain must still hold the key this row was saved with: a change of URL and key that
    // landed while it was read, or a save that stopped half-way, never sends a key to the old origin.
    if (record.keyFingerprint !== null && keyFingerprint(key) !== record.keyFingerprint) throw refuse();
    return key;
  }

  private async storedKey(record: ProfileRecord): Promise<string> {
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
    const fingerprint = keyFingerprint(await this.storedKey(record));
    this.deps.store.update({ ...record, keyFingerprint: fingerprint });
    return fingerprint;
  }

  /**
   * The active profile, or null when none is chosen. There is deliberately no fallback to another
   * profile: after the active one is deleted the administrator picks the next one, so a production
   * instance is never opened without a word.
   */
  async active(): Promise<ProfileView | null> {
    const id = this.deps.settings.get<string>(ACTIVE_PROFILE);
    const record = id ? this.deps.store.get(id) : undefined;
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
    this.checkNameFree(input.name);
    checkKeyShape(input.secretKey, input.environment, input.allowEnvironmentMismatch ?? false);
    await this.validate(input.apiUrl, input.secretKey);
    const now = this.now();
    const record: ProfileRecord = {
      id: randomUUID(),
      name: input.name,
      environment: input.environment,
      apiUrl: normaliseApiUrl(input.apiUrl),
      isSandbox: false,
      keyHint: keyHint(input.secretKey),
      keyFingerprint: keyFingerprint(input.secretKey),
      readOnly: false,
      createdAt: now,
      updatedAt: now,
    };
    // A new production-class profile starts read-only: its first change is a deliberate decision.
    record.readOnly = isProductionClass(record);
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
   * environment change re-checks the stored key's kind. The stored key is never sent to another
   * origin: a URL on a different origin needs the key entered again in the same request. The
   * Sandbox profile belongs to the app, so its name, URL, environment and key are not changeable.
   */
  async update(id: string, changes: ProfileChanges): Promise<ProfileView> {
    const current = this.require(id);
    if (current.isSandbox) refuseSandboxChanges(current, changes);
    if (changes.name !== undefined) this.checkNameFree(changes.name, id);
    const next: ProfileRecord = {
      ...current,
      name: changes.name ?? current.name,
      environment: changes.environment ?? current.environment,
      apiUrl: changes.apiUrl === undefined ? current.apiUrl : normaliseApiUrl(changes.apiUrl),
      updatedAt: this.now(),
    };
    const newKey = changes.secretKey;
    if (newKey === undefined && originOf(next.apiUrl) !== originOf(current.apiUrl)) {
      throw fieldError('secretKey', 'Enter the secret key again to use it with a new API URL.', 'key_required_for_new_origin');
    }
    const key = newKey ?? (await this.storedKey(current));
    if (newKey !== undefined || next.environment !== current.environment) {
      checkKeyShape(key, next.environment, changes.allowEnvironmentMismatch ?? false);
    }
    if (newKey !== undefined || next.apiUrl !== current.apiUrl) await this.validate(next.apiUrl, key);
    const previousKey = newKey === undefined ? null : await this.deps.secrets.get(id);
    if (newKey !== undefined) {
      next.keyHint = keyHint(newKey);
      next.keyFingerprint = keyFingerprint(newKey);
      await this.deps.secrets.set(id, newKey);
    }
    try {
      this.deps.store.update(next);
    } catch (error) {
      // The row keeps the old URL: the keychain goes back to the old key, so nothing is half-saved.
      if (newKey !== undefined) {
        await (previousKey === null ? this.deps.secrets.delete(id) : this.deps.secrets.set(id, previousKey)).catch(() => undefined);
      }
      throw error;
    }
    this.deps.onChanged?.(id);
    return toView(next);
  }

  /**
   * Turns a profile's read-only switch on or off. It is read at every request (see
   * clerk/read-only-guard.ts), so it takes effect with the next call; the Sandbox's may be changed too.
   */
  async setReadOnly(id: string, readOnly: boolean): Promise<ProfileView> {
    this.require(id);
    this.deps.store.setReadOnly(id, readOnly, this.now());
    return toView(this.require(id));
  }

  /** Refuses a name another profile already has (ignoring case), next to the name field. */
  private checkNameFree(name: string, exceptId?: string): void {
    const wanted = foldName(name);
    const taken = this.deps.store.list().find((profile) => profile.id !== exceptId && foldName(profile.name) === wanted);
    if (taken) throw fieldError('name', `A profile called "${taken.name}" already exists. Choose another name.`, 'profile_name_taken');
  }

  /**
   * Checks a URL and key with a real call and saves nothing. With no key given, the stored key of
   * profile `id` is used, and only when the URL is on the origin that key was entered for.
   */
  async testConnection(input: { id?: string; apiUrl: string; secretKey?: string }): Promise<ConnectionCheck> {
    const apiUrl = normaliseApiUrl(input.apiUrl);
    let key = input.secretKey;
    if (key === undefined) {
      const stored = input.id ? this.require(input.id) : undefined;
      if (!stored) throw fieldError('secretKey', 'Paste the secret key to test it.', 'key_required');
      if (originOf(apiUrl) !== originOf(stored.apiUrl)) {
        throw fieldError('secretKey', 'Enter the secret key again to use it with a new API URL.', 'key_required_for_new_origin');
      }
      key = await this.storedKey(stored);
    } else {
      checkKeyShape(key, 'development', true);
    }
    const started = this.now();
    await this.validate(apiUrl, key);
    return { host: new URL(apiUrl).host, latencyMs: Math.max(0, this.now() - started) };
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
      readOnly: false,
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

/** The origin (scheme, host, port) of an API URL: the only place the profile's key is sent. */
export function originOf(apiUrl: string): string {
  return new URL(apiUrl).origin;
}

/** Stores API URLs without trailing slashes, so the same URL is always the same string. */
export function normaliseApiUrl(apiUrl: string): string {
  const url = new URL(apiUrl.trim());
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href.replace(/\/+$/, '');
}

function foldName(name: string): string {
  return name.trim().normalize('NFKC').toLocaleLowerCase('en-US');
}

function refuseSandboxChanges(current: ProfileRecord, changes: ProfileChanges): void {
  const refuse = (field: string, what: string) => {
    throw fieldError(field, `The built-in Sandbox profile belongs to the app: its ${what} cannot be changed. Add a profile of your own instead.`, 'sandbox_profile_locked');
  };
  if (changes.name !== undefined && changes.name !== current.name) refuse('name', 'name');
  if (changes.environment !== undefined && changes.environment !== current.environment) refuse('environment', 'environment');
  if (changes.apiUrl !== undefined && normaliseApiUrl(changes.apiUrl) !== current.apiUrl) refuse('apiUrl', 'API URL');
  if (changes.secretKey !== undefined) refuse('secretKey', 'secret key');
}

/** Whether the profile holds a live key, which always belongs to a production instance in Clerk. */
export function holdsLiveKey(record: ProfileRecord): boolean {
  return record.keyHint?.startsWith('sk_live_') ?? false;
}

/** Production whatever its label: marked production, or holding a live key. */
export function isProductionClass(record: ProfileRecord): boolean {
  return record.environment === 'production' || holdsLiveKey(record);
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
    liveKey: holdsLiveKey(record),
    productionClass: isProductionClass(record),
    readOnly: record.readOnly,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
