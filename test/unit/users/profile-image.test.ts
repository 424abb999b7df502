import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discPng } from '../../../electron/services/sandbox/seed/png';
import { setProfileImage } from '../../../electron/services/users/profile-image';
import { IMAGE_UPLOAD_MAX_BYTES, imageUploadProblem, PROFILE_IMAGE_TYPES, LOGO_IMAGE_TYPES } from '../../../shared/image-upload';
import { json, scriptedClient, startScriptServer, type ScriptServer } from '../clerk/script-server';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('the upload rules (shared by the drop zone and main)', () => {
  const png = { mime: 'image/png', ext: 'png' };
  it('accepts an allowed type within the limit', () => {
    expect(imageUploadProblem({ name: 'a.png', size: 10 }, png, PROFILE_IMAGE_TYPES)).toBeUndefined();
  });
  it('names the real type of a non-image, whatever its name', () => {
    expect(imageUploadProblem({ name: 'a.png', size: 10 }, { mime: 'application/pdf', ext: 'pdf' }, PROFILE_IMAGE_TYPES)).toBe(
      'This is a PDF, not an image: “a.png” must be a PNG, JPEG, GIF or WebP image (its name does not count).',
    );
  });
  it('gives the size against the limit, checked before the type', () => {
    expect(imageUploadProblem({ name: 'big.png', size: IMAGE_UPLOAD_MAX_BYTES + 1 }, png, PROFILE_IMAGE_TYPES)).toMatch(/is 10485761 bytes; the limit is 10485760 bytes/);
    expect(imageUploadProblem({ name: 'big.png', size: 12.5 * 1024 * 1024 }, undefined, PROFILE_IMAGE_TYPES)).toMatch(/is 12.5 MB; the limit is 10 MB/);
  });
  it('refuses unrecognised bytes, empty files and image types not accepted; icons only where allowed', () => {
    expect(imageUploadProblem({ name: 'x.gif', size: 10 }, undefined, PROFILE_IMAGE_TYPES)).toMatch(/not a recognisable image/);
    expect(imageUploadProblem({ name: 'x.gif', size: 0 }, undefined, PROFILE_IMAGE_TYPES)).toMatch(/is empty/);
    const ico = { mime: 'image/x-icon', ext: 'ico' };
    expect(imageUploadProblem({ name: 'x.ico', size: 10 }, ico, PROFILE_IMAGE_TYPES)).toMatch(/This is an ICO image, which is not accepted/);
    expect(imageUploadProblem({ name: 'x.ico', size: 10 }, ico, LOGO_IMAGE_TYPES)).toBeUndefined();
  });
});

describe('setProfileImage in main re-checks the bytes', () => {
  let server: ScriptServer;
  beforeEach(async () => {
    server = await startScriptServer();
  });
  afterEach(() => server.close());

  it('sends a PNG as multipart `file` with the type detected from its bytes', async () => {
    const { client } = scriptedClient(server);
    server.script(json(200, { object: 'user', id: 'user_1', has_image: true }));
    const bytes = discPng(8, [10, 20, 30], [200, 200, 200]);
    const user = await setProfileImage(client, { userId: 'user_1', fileName: '../me.jpeg', dataBase64: bytes.toString('base64') });
    expect(user.has_image).toBe(true);
    const [request] = server.received;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/v1/users/user_1/profile_image');
    const body = request.body.toString('latin1');
    expect(body).toContain('name="file"; filename="me.png"');
    expect(body).toContain('Content-Type: image/png');
    expect(request.body.includes(bytes)).toBe(true);
  });

  it('refuses a PDF named .png and an oversize image without sending anything', async () => {
    const { client } = scriptedClient(server);
    await expect(setProfileImage(client, { userId: 'user_1', fileName: 'a.png', dataBase64: PDF.toString('base64') })).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('This is a PDF, not an image'),
    });
    const huge = Buffer.concat([discPng(8, [1, 2, 3], [4, 5, 6]), Buffer.alloc(IMAGE_UPLOAD_MAX_BYTES)]);
    await expect(setProfileImage(client, { userId: 'user_1', fileName: 'big.png', dataBase64: huge.toString('base64') })).rejects.toMatchObject({
      message: expect.stringContaining('the limit is 10485760 bytes'),
    });
    expect(server.received).toEqual([]);
  });
});
