/**
 * The identity of a Sandbox instance: its `ins_` ID, its domain (for proxy checks) and the RSA key
 * pair it signs session and sign-in tokens with. Created once per database and kept by a reset.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { SandboxDatabase } from './db/database';
import { ID_PREFIX, newId } from './ids';
import { readMeta, writeMeta } from './settings';

/** The instance's identity. */
export interface InstanceInfo {
  id: string;
  domainId: string;
  domainName: string;
  /** `kid` of the signing key, as published in the JWKS. */
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Loads the instance identity, creating it on first use. */
export function loadOrCreateInstance(db: SandboxDatabase, now: number): InstanceInfo {
  const existing = readMeta<InstanceInfo>(db, 'instance');
  if (existing) return existing;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const instance: InstanceInfo = {
    id: newId(ID_PREFIX.instance, now),
    domainId: newId(ID_PREFIX.domain, now),
    domainName: 'sandbox.clerk.test',
    keyId: `ins_key_${randomBytes(8).toString('hex')}`,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  writeMeta(db, 'instance', instance);
  return instance;
}
