/**
 * Finds seeded objects in a test Sandbox through its own API (so tests do not depend on IDs),
 * and small bodies tests upload (real PNG bytes).
 */
import { deflateSync, crc32 } from 'node:zlib';
import type { TestSandbox } from './test-sandbox';

/** Seeded objects a test can act on. */
export interface SeedHandles {
  userId: string;
  orgId: string;
  orgSlug: string;
  memberUserId: string;
  phoneNumberId: string;
  activeSessionId: string;
  pendingSignInTokenId: string;
  openSignUpId: string;
  redirectUrlId: string;
  samlConnectionId: string;
}

/** Looks up one of each seeded object. */
export async function findSeedHandles(t: TestSandbox): Promise<SeedHandles> {
  const users = (await t.api('GET', '/users', { query: { limit: 100 } })).body as any[];
  const withPhone = users.find((u) => u.phone_numbers.length > 0 && !u.banned);
  const orgs = (await t.api('GET', '/organizations', { query: { limit: 100, include_members_count: true } })).body.data as any[];
  const org = orgs.find((o) => o.members_count >= 3 && o.max_allowed_memberships === 0);
  const members = (await t.api('GET', `/organizations/${org.id}/memberships`, { query: { limit: 100 } })).body.data as any[];
  let activeSessionId: string | undefined;
  for (const user of users) {
    const sessions = (await t.api('GET', '/sessions', { query: { user_id: user.id, status: 'active' } })).body as any[];
    if (sessions.length > 0) {
      activeSessionId = sessions[0].id;
      break;
    }
  }
  const signUps = (await t.api('GET', '/__sandbox/sign_ups', { query: { limit: 100 } })).body.data as any[];
  const redirects = (await t.api('GET', '/redirect_urls')).body as any[];
  const saml = (await t.api('GET', '/saml_connections')).body.data as any[];
  const token = await t.api('POST', '/sign_in_tokens', { body: { user_id: users[0].id } });
  return {
    userId: users[0].id,
    orgId: org.id,
    orgSlug: org.slug,
    memberUserId: members.find((m) => m.role !== 'org:admin')?.public_user_data.user_id ?? members[0].public_user_data.user_id,
    phoneNumberId: withPhone.phone_numbers[0].id,
    activeSessionId: activeSessionId!,
    pendingSignInTokenId: token.body.id,
    openSignUpId: signUps.find((s) => s.status === 'missing_requirements').id,
    redirectUrlId: redirects[0].id,
    samlConnectionId: saml[0].id,
  };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
  return out;
}

/** A real 2×2 red PNG. */
export function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A multipart form with `file` holding `bytes` under `name` and declared `type`. */
export function fileForm(bytes: Uint8Array, name = 'image.png', type = 'image/png', extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  for (const [key, value] of Object.entries(extra)) form.append(key, value);
  return form;
}
