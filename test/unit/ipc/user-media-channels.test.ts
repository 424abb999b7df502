import { describe, expect, it } from 'vitest';
import { userChannels } from '../../../shared/ipc/channels/users';
import { IMAGE_UPLOAD_MAX_BASE64 } from '../../../shared/image-upload';

const profileId = '6f1c2b8e-4a1d-4c57-9a53-2f1f7f7f2a11';
const userId = 'user_2g7np7Hrk0SN6kj5EDMLDaKNL0S';
const metadata = userChannels['users:updateMetadata'].input;
const image = userChannels['users:setProfileImage'].input;

describe('users:updateMetadata input', () => {
  it('takes a patch of known kinds, each an object, with nulls inside', () => {
    expect(metadata.safeParse({ profileId, userId, patch: { public_metadata: { a: null, b: { c: null } } } }).success).toBe(true);
  });
  it('refuses an empty patch, an unknown kind, a non-object kind and a kind over 8 KB', () => {
    for (const patch of [{}, { secret_metadata: {} }, { public_metadata: [1] }, { private_metadata: null }, { unsafe_metadata: { x: 'y'.repeat(8200) } }]) {
      expect(metadata.safeParse({ profileId, userId, patch }).success, JSON.stringify(patch).slice(0, 40)).toBe(false);
    }
  });
});

describe('users:setProfileImage input', () => {
  it('takes base64 up to 10 MB decoded, and refuses anything else', () => {
    expect(image.safeParse({ profileId, userId, fileName: 'a.png', dataBase64: 'iVBORw0KGgo=' }).success).toBe(true);
    expect(image.safeParse({ profileId, userId, fileName: 'a.png', dataBase64: 'not base64!' }).success).toBe(false);
    expect(image.safeParse({ profileId, userId, fileName: '', dataBase64: 'AAAA' }).success).toBe(false);
    expect(image.safeParse({ profileId, userId, fileName: 'a.png', dataBase64: 'A'.repeat(IMAGE_UPLOAD_MAX_BASE64 + 4) }).success).toBe(false);
  });
});
