import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/services/sandbox/errors';
import { LOGO_TYPES, PROFILE_IMAGE_TYPES, UPLOAD_LIMIT_BYTES, readImageUpload, sniffImageType } from '../../../electron/services/sandbox/uploads';
import { discPng } from '../../../electron/services/sandbox/seed/png';

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)]);

describe('image type sniffing from bytes', () => {
  it('recognises the seed list types by magic number', () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageType(discPng(4, [0, 0, 0], [255, 255, 255]))).toBe('image/png');
    expect(sniffImageType(new TextEncoder().encode('GIF89a......'))).toBe('image/gif');
    expect(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(bytes(0, 0, 1, 0, 1, 0))).toBe('image/x-icon');
  });
  it('recognises nothing else (SVG, PDF, text, empty)', () => {
    for (const text of ['<svg xmlns="http://www.w3.org/2000/svg"/>', '%PDF-1.7', 'hello', '']) {
      expect(sniffImageType(new TextEncoder().encode(text))).toBeUndefined();
    }
  });
});

describe('reading the uploaded file', () => {
  const form = (blob: Blob | string | undefined, name = 'x.png') => {
    const f = new FormData();
    if (typeof blob === 'string') f.append('file', blob);
    else if (blob) f.append('file', blob, name);
    return f;
  };
  const failure = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return [(error as ApiError).status, (error as ApiError).errors[0].code];
    }
    return 'accepted';
  };

  it('trusts the bytes, not the name or declared type', async () => {
    const png = discPng(4, [1, 2, 3], [4, 5, 6]);
    const upload = await readImageUpload(form(new Blob([png], { type: 'text/plain' }), 'notes.txt'), PROFILE_IMAGE_TYPES);
    expect(upload.contentType).toBe('image/png');
    expect(await failure(readImageUpload(form(new Blob(['<svg/>'], { type: 'image/png' }), 'logo.png'), LOGO_TYPES))).toEqual([400, 'form_param_format_invalid']);
  });

  it('accepts icons for logos but not for profile images', async () => {
    // A whole icon file: its directory and one embedded PNG.
    const png = discPng(4, [1, 2, 3], [4, 5, 6]);
    const entry = Buffer.alloc(16);
    entry.set([4, 4], 0);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(22, 12);
    const ico = new Blob([Buffer.concat([Buffer.from([0, 0, 1, 0, 1, 0]), entry, png])]);
    expect((await readImageUpload(form(ico), LOGO_TYPES)).contentType).toBe('image/x-icon');
    expect(await failure(readImageUpload(form(ico), PROFILE_IMAGE_TYPES))).toEqual([400, 'form_param_format_invalid']);
  });

  it('answers 400 for a missing file and 413 above 10 MB', async () => {
    expect(await failure(readImageUpload(form(undefined), LOGO_TYPES))).toEqual([400, 'form_param_missing']);
    expect(await failure(readImageUpload(form('just text'), LOGO_TYPES))).toEqual([400, 'form_param_missing']);
    const big = new Uint8Array(UPLOAD_LIMIT_BYTES + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await failure(readImageUpload(form(new Blob([big])), LOGO_TYPES))).toEqual([413, 'request_body_too_large']);
  });
});
