/**
 * The audit log's signing key: an Ed25519 key pair created on first run, its private key kept in
 * the OS keychain (the SecretStore, under its own account, never a profile id) and only ever held
 * here as a KeyObject, never written to disk nor sent to the renderer. Also the head anchor: the
 * newest signed record's seq, hash and signature, kept in the keychain too, so deleting the newest
 * records of the file (truncation) is detected down to the last digest.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, hash, sign, verify, type KeyObject } from 'node:crypto';
import type { SecretStore } from '../secrets/secret-store';
import type { AuditSigningKeyInfo } from '../../../shared/audit/types';

/** The keychain account of the private key (PKCS#8 PEM). */
export const AUDIT_SIGNING_KEY_ACCOUNT = 'audit-signing-key';
/** The keychain account of the head anchor (JSON of {@link AuditAnchor}); see {@link anchorAccountFor}. */
export const AUDIT_ANCHOR_ACCOUNT = 'audit-anchor';

/**
 * The anchor's account for the database at `dbPath`: one anchor per database file, so two data
 * folders (a development run, parallel test runs) never overwrite each other's. The path is the
 * app's own choice, not something in the file, so it cannot be used to dodge the anchor.
 */
export function anchorAccountFor(dbPath: string): string {
  return `${AUDIT_ANCHOR_ACCOUNT}:${hash('sha256', dbPath, 'hex').slice(0, 16)}`;
}

/** Signs and checks with the audit key; the private key cannot be read back out of it. */
export interface AuditSigner {
  readonly info: AuditSigningKeyInfo;
  /** Ed25519 signature of `text` (UTF-8), base64. */
  sign(text: string): string;
  /** True when `signature` is this key's signature of `text`. */
  verify(text: string, signature: string): boolean;
}

/** The newest signed record, as remembered outside the database file. */
export interface AuditAnchor {
  seq: number;
  hash: string;
  signature: string;
}

/** Reads and writes the anchor; writes are queued and coalesced (the newest wins). */
export interface AnchorStore {
  read(): Promise<AuditAnchor | null>;
  /** Queues `anchor` to be written; never rejects (a failure goes to `onError`). */
  save(anchor: AuditAnchor): void;
  /** Resolves when every queued write has been attempted. */
  flush(): Promise<void>;
}

/** The key and the anchor store, as the log uses them. */
export interface AuditSigning {
  signer: AuditSigner;
  anchors: AnchorStore;
}

/** The fingerprint of a public key: SHA-256 of its SPKI DER, hex in groups of four. */
export function publicKeyFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return hash('sha256', der, 'hex').match(/.{4}/g)!.join(' ');
}

/** A verifier for a public key given as PEM (SPKI): what an auditor's tool uses, with no private key. */
export function publicVerifier(publicKeyPem: string): { fingerprint: string; verify(text: string, signature: string): boolean } {
  const key = createPublicKey(publicKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the public key is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519`);
  return { fingerprint: publicKeyFingerprint(key), verify: (text, signature) => verifyWith(key, text, signature) };
}

/** A signer over a private key (PKCS#8 PEM). */
export function signerFromPem(privateKeyPem: string): AuditSigner {
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key in the keychain is not an Ed25519 key');
  const publicKey = createPublicKey(privateKey);
  const info: AuditSigningKeyInfo = {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
  return {
    info,
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
    verify: (text, signature) => verifyWith(publicKey, text, signature),
  };
}

/**
 * The app's signer: the key pair from the keychain, created and stored there on first run. A
 * keychain that cannot be read rejects (never a key on disk instead).
 */
export async function loadAuditSigner(secrets: SecretStore): Promise<AuditSigner> {
  const stored = await secrets.get(AUDIT_SIGNING_KEY_ACCOUNT);
  if (stored) return signerFromPem(stored);
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await secrets.set(AUDIT_SIGNING_KEY_ACCOUNT, pem);
  return signerFromPem(pem);
}

/** The anchor in the keychain. */
export function keychainAnchorStore(secrets: SecretStore, onError: (error: unknown) => void = () => {}, account = AUDIT_ANCHOR_ACCOUNT): AnchorStore {
  let pending: AuditAnchor | null = null;
  let writing: Promise<void> = Promise.resolve();
  const drain = async () => {
    while (pending) {
      const next = pending;
      pending = null;
      try {
        await secrets.set(account, JSON.stringify(next));
      } catch (error) {
        onError(error);
      }
    }
  };
  return {
    async read() {
      await writing;
      const text = await secrets.get(account);
      if (!text) return null;
      const anchor = JSON.parse(text) as AuditAnchor;
      if (!Number.isSafeInteger(anchor.seq) || typeof anchor.hash !== 'string' || typeof anchor.signature !== 'string') {
        throw new Error('the audit anchor in the keychain cannot be read');
      }
      return anchor;
    },
    save(anchor) {
      const idle = pending === null;
      pending = anchor;
      // One writer at a time; a save while one is in flight only replaces what it writes next.
      if (idle) writing = writing.then(drain);
    },
    flush: () => writing,
  };
}

/** How the app's signing is set up. */
export interface AuditSigningSetup {
  /** The anchor's keychain account (default {@link AUDIT_ANCHOR_ACCOUNT}; the app uses {@link anchorAccountFor}). */
  anchorAccount?: string;
  /** An anchor that could not be written (main's log). */
  onAnchorError?: (error: unknown) => void;
}

/** The key and the keychain anchor: what the app attaches to its audit log. */
export async function loadAuditSigning(secrets: SecretStore, setup: AuditSigningSetup = {}): Promise<AuditSigning> {
  return { signer: await loadAuditSigner(secrets), anchors: keychainAnchorStore(secrets, setup.onAnchorError, setup.anchorAccount) };
}

function verifyWith(key: KeyObject, text: string, signature: string): boolean {
  if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
  try {
    return verify(null, Buffer.from(text, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
