/**
 * An image upload checked again in main (a user's profile image, an organization's logo): the
 * renderer's checks are a courtesy, so the bytes are decoded here, their size measured and their
 * type detected with file-type before anything is sent. A refused image is a validation error on
 * the `file` field and nothing goes out.
 */
import { fileTypeFromBuffer } from 'file-type';
import { IMAGE_UPLOAD_MAX_BYTES, imageUploadProblem } from '../../../shared/image-upload';
import { AppError } from '../../../shared/ipc/errors';

/** What an upload carries across the bridge. */
export interface ImageUploadInput {
  fileName: string;
  dataBase64: string;
}

/** The image as it is sent: its bytes typed by what they are, under a safe name with the detected extension. */
export interface CheckedImage {
  blob: Blob;
  fileName: string;
}

/** Decodes and re-checks an upload against the accepted types and Clerk's 10 MB; throws `image_rejected` when it cannot go. */
export async function checkedImage(input: ImageUploadInput, accepted: readonly string[]): Promise<CheckedImage> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const detected = await fileTypeFromBuffer(bytes);
  const problem = imageUploadProblem({ name: input.fileName, size: bytes.byteLength }, detected, accepted, IMAGE_UPLOAD_MAX_BYTES);
  if (problem || !detected) throw new AppError({ kind: 'validation', code: 'image_rejected', message: problem ?? 'Not an image.', paramName: 'file' });
  // The detected type, not one the name or the renderer claimed.
  return { blob: new Blob([bytes], { type: detected.mime }), fileName: safeName(input.fileName, detected.ext) };
}

// A name without path parts or odd characters, ending in the detected extension.
function safeName(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '').replace(/[^\w .-]/g, '_').slice(0, 100) || 'image';
  return `${base}.${ext}`;
}
