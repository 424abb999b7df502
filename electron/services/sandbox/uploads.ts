/**
 * Image uploads (organization logos, profile images): the `file` part of a multipart body,
 * 10 MB at most, its type recognised from its first bytes (never from its name or declared type)
 * and the whole file checked to be an image of that type (see image-check.ts).
 */
import type { SandboxContext } from './context';
import { errors } from './errors';
import { ID_PREFIX, newId } from './ids';
import { imageProblem } from './image-check';

/** Clerk's upload limit. */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/** Content types accepted for organization logos (the seed list's set). */
export const LOGO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/x-icon', 'image/vnd.microsoft.icon'] as const;
/** Content types accepted for profile images. */
export const PROFILE_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** The image type of these bytes by their magic number, or undefined. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00]) && bytes.length >= 6 && (bytes[4] | bytes[5]) !== 0) return 'image/x-icon';
  return undefined;
}

/** An accepted upload. */
export interface UploadedImage {
  contentType: string;
  bytes: Uint8Array;
}

/** Takes the `file` part of a form and checks it (400 missing/wrong type, 413 too large). */
export async function readImageUpload(form: FormData | undefined, allowed: readonly string[]): Promise<UploadedImage> {
  const file = form?.get('file');
  if (!file || typeof file === 'string') throw errors.fileMissing();
  if (file.size > UPLOAD_LIMIT_BYTES) throw errors.fileTooLarge(UPLOAD_LIMIT_BYTES);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw errors.fileMissing();
  const sniffed = sniffImageType(bytes);
  if (!sniffed || !allowed.includes(sniffed)) throw errors.fileType(allowed);
  const problem = imageProblem(bytes, sniffed);
  if (problem) throw errors.fileType(allowed, `it starts like ${sniffed} but is not a whole ${sniffed} image: ${problem}`);
  return { contentType: sniffed, bytes };
}

/** Stores image bytes; returns the new image ID. */
export function storeImage(ctx: SandboxContext, image: UploadedImage, id = newId(ID_PREFIX.image, ctx.now(), ctx.random)): string {
  ctx.db.run('INSERT OR REPLACE INTO images (id, content_type, bytes, created_at) VALUES (?, ?, ?, ?)', [id, image.contentType, image.bytes, ctx.now()]);
  return id;
}
