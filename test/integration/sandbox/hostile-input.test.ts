/**
 * Bad input a hostile or broken client can send the Sandbox: metadata nested far deeper than
 * Clerk allows (a 422 with Clerk's error, not a stack overflow), and files that start like an
 * image but are something else (refused at upload; never served; every answer `nosniff`).
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileForm, tinyPng } from '../../support/sandbox/fixtures';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox/test-sandbox';
import { imageProblem } from '../../../electron/services/sandbox/image-check';
import { JSON_MAX_DEPTH } from '../../../electron/services/sandbox/validation/json-depth';
import { METADATA_MAX_BYTES } from '../../../electron/services/sandbox/metadata';

let t: TestSandbox;
let userId: string;
let orgId: string;

beforeAll(async () => {
  t = await startTestSandbox({ seedUsers: 3 });
  userId = (await t.api('GET', '/users')).body[0].id;
  orgId = (await t.api('GET', '/organizations')).body.data[0].id;
});
afterAll(() => t.cleanup());

const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('deeply nested metadata', () => {
  it('the depth cap is what 8 KB of metadata can hold', () => {
    expect(JSON_MAX_DEPTH).toBe(METADATA_MAX_BYTES / 2);
  });

  for (const [route, method] of [
    ['/users/{id}/metadata', 'PATCH'],
    ['/users/{id}/metadata', 'PUT'],
    ['/organizations/{id}/metadata', 'PATCH'],
  ] as const) {
    it(`${method} ${route}: 100,000 levels are a 422 form_param_value_too_large naming the field`, async () => {
      const path = route.replace('{id}', route.startsWith('/users') ? userId : orgId);
      for (const nested of [deepObject(100_000), `{"x":${deepArray(100_000)}}`]) {
        const response = await t.api(method, path, { body: `{"public_metadata":${nested}}` });
        expect(response.status).toBe(422);
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(response.body.errors[0]).toMatchObject({ code: 'form_param_value_too_large', meta: { param_name: 'public_metadata' } });
        expect(typeof response.body.clerk_trace_id).toBe('string');
      }
    });
  }

  it('a deep value in another field of a create is refused the same way, and the Sandbox keeps answering', async () => {
    const response = await t.api('POST', '/users', { body: `{"email_address":["deep@example.com"],"unsafe_metadata":${deepObject(50_000)}}` });
    expect(response.status).toBe(422);
    expect(response.body.errors[0]).toMatchObject({ code: 'form_param_value_too_large', meta: { param_name: 'unsafe_metadata' } });
    expect((await t.api('GET', `/users/${userId}`)).status).toBe(200);
  });

  it('metadata as deep as fits in 8 KB is still accepted', async () => {
    const response = await t.api('PATCH', `/users/${userId}/metadata`, { body: `{"private_metadata":${deepObject(1000)}}` });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.body.private_metadata.a)).toBe(deepObject(999));
  });
});

/** A whole 1×1 GIF (header, screen, colour table, graphic control, one image, trailer). */
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const HTML = Buffer.from('<html><body><script>document.title="pwned"</script></body></html>');

/** A small baseline JPEG: SOI, APP0, DQT, SOF0, DHT, SOS, scan data, EOI. */
function tinyJpeg(): Buffer {
  const segment = (marker: number, data: number[]) => [0xff, marker, (data.length + 2) >> 8, (data.length + 2) & 0xff, ...data];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    ...segment(0xdb, [0x00, ...new Array(64).fill(1)]),
    ...segment(0xc0, [0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00]),
    ...segment(0xc4, [0x00, 0x01, ...new Array(15).fill(0), 0x00]),
    ...segment(0xda, [0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]),
    0x00, 0xff, 0x00, 0x12,
    0xff, 0xd9,
  ]);
}

/** A lossless WebP container holding a (minimal) VP8L bitstream. */
function tinyWebp(): Buffer {
  const vp8l = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const chunk = Buffer.concat([Buffer.from('VP8L'), u32le(vp8l.length), vp8l]);
  return Buffer.concat([Buffer.from('RIFF'), u32le(4 + chunk.length), Buffer.from('WEBP'), chunk]);
}

/** An icon file whose one image is a PNG. */
function tinyIco(): Buffer {
  const png = tinyPng();
  const entry = Buffer.alloc(16);
  entry.set([2, 2, 0, 0], 0);
  entry.writeUInt16LE(1, 4);
  entry.writeUInt16LE(32, 6);
  entry.writeUInt32LE(png.length, 8);
  entry.writeUInt32LE(22, 12);
  return Buffer.concat([Buffer.from([0, 0, 1, 0, 1, 0]), entry, png]);
}

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

describe('image uploads are whole images of the type they claim', () => {
  const wholeImages: [string, Buffer][] = [
    ['image/png', tinyPng()],
    ['image/gif', GIF],
    ['image/jpeg', tinyJpeg()],
    ['image/webp', tinyWebp()],
  ];

  it('the fixtures are whole images, and each truncated or extended by HTML is not', () => {
    for (const [type, bytes] of [...wholeImages, ['image/x-icon', tinyIco()] as [string, Buffer]]) {
      expect(imageProblem(bytes, type), type).toBeUndefined();
      expect(imageProblem(bytes.subarray(0, bytes.length - 3), type), `${type} truncated`).toBeDefined();
      expect(imageProblem(Buffer.concat([bytes, HTML]), type), `${type} + HTML`).toBeDefined();
    }
  });

  it('accepts each whole image as a profile image and serves it as its type, with nosniff', async () => {
    for (const [type, bytes] of wholeImages) {
      const upload = await t.api('POST', `/users/${userId}/profile_image`, { form: fileForm(bytes, 'avatar.bin', 'application/octet-stream') });
      expect(upload.status, type).toBe(200);
      const served = await fetch(upload.body.image_url);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(type);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it('accepts an icon as a logo', async () => {
    const upload = await t.api('PUT', `/organizations/${orgId}/logo`, { form: fileForm(tinyIco(), 'favicon.ico') });
    expect(upload.status).toBe(200);
    expect((await fetch(upload.body.image_url)).headers.get('content-type')).toBe('image/x-icon');
  });

  it('refuses GIF magic bytes followed by HTML (and the same trick for every type) with Clerk 400 form_param_format_invalid', async () => {
    const polyglots: [string, Buffer][] = [
      ['GIF magic + HTML', Buffer.concat([Buffer.from('GIF89a'), HTML])],
      ['a whole GIF + HTML', Buffer.concat([GIF, HTML])],
      ['PNG signature + HTML', Buffer.concat([tinyPng().subarray(0, 8), HTML])],
      ['a whole PNG + HTML', Buffer.concat([tinyPng(), HTML])],
      ['JPEG SOI + HTML', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML])],
      ['a RIFF WEBP header + HTML', Buffer.concat([Buffer.from('RIFF'), u32le(4 + HTML.length), Buffer.from('WEBP'), HTML])],
      ['a PNG whose IDAT CRC is wrong', Buffer.from(tinyPng().map((byte, i, all) => (i === all.length - 13 ? byte ^ 1 : byte)))],
    ];
    for (const [label, bytes] of polyglots) {
      const response = await t.api('POST', `/users/${userId}/profile_image`, { form: fileForm(bytes, 'avatar.gif', 'image/gif') });
      expect(response.status, label).toBe(400);
      expect(response.body.errors[0], label).toMatchObject({ code: 'form_param_format_invalid', meta: { param_name: 'file' } });
    }
    const logo = await t.api('PUT', `/organizations/${orgId}/logo`, { form: fileForm(Buffer.concat([tinyIco(), HTML]), 'favicon.ico') });
    expect(logo.status).toBe(400);
  });

  it('never serves stored bytes that are not a whole image of their type (stored before uploads were checked)', async () => {
    const polyglot = Buffer.concat([Buffer.from('GIF89a'), HTML]);
    withSandboxFile((db) =>
      db.prepare('INSERT INTO images (id, content_type, bytes, created_at) VALUES (?, ?, ?, ?)').run('img_polyglot', 'image/gif', polyglot, Date.now()),
    );
    const served = await t.raw('/images/img_polyglot');
    expect(served.status).toBe(404);
    expect(served.headers.get('content-type')).toBe('application/json');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await served.text()).not.toContain('<script>');
  });

  it('serves every seeded image (they are whole PNGs)', async () => {
    const ids = withSandboxFile((db) => db.prepare("SELECT id FROM images WHERE id LIKE 'img_seed%' OR id LIKE 'img_default%'").all() as { id: string }[]);
    expect(ids.length).toBeGreaterThan(2);
    for (const { id } of ids) expect((await t.raw(`/images/${id}`)).status, id).toBe(200);
  });
});

/** Runs `use` on a second connection to the Sandbox's own database file. */
function withSandboxFile<T>(use: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(join(t.dataDir, 'sandbox.sqlite'));
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    return use(db);
  } finally {
    db.close();
  }
}
