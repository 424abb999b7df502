/**
 * A user's profile image upload, checked again in main: the renderer's checks are a courtesy, so
 * the bytes are decoded here, their size measured and their type detected with file-type before
 * anything is sent as Clerk's multipart `file`.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { User } from '../../../shared/clerk';
import { IMAGE_UPLOAD_MAX_BYTES, imageUploadProblem, PROFILE_IMAGE_TYPES } from '../../../shared/image-upload';
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkClient } from '../clerk/client';
import { operations } from '../clerk/operations';
import type { RunOptions } from '../clerk/operation';

/** What an upload carries across the bridge. */
export interface ProfileImageInput {
  userId: string;
  fileName: string;
  dataBase64: string;
}

/** Decodes, re-checks and uploads a profile image; resolves with the user Clerk answers. `options`: a bulk job's id (bulk profile images). */
export async function setProfileImage(client: ClerkClient, input: ProfileImageInput, options: Pick<RunOptions, 'bulkId' | 'signal'> = {}): Promise<User> {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const detected = await fileTypeFromBuffer(bytes);
  const problem = imageUploadProblem({ name: input.fileName, size: bytes.byteLength }, detected, PROFILE_IMAGE_TYPES, IMAGE_UPLOAD_MAX_BYTES);
  if (problem) throw new AppError({ kind: 'validation', code: 'image_rejected', message: problem, paramName: 'file' });
  const form = new FormData();
  // The detected type, not one the name or the renderer claimed.
  form.append('file', new Blob([bytes], { type: detected!.mime }), safeName(input.fileName, detected!.ext));
  return client.run(operations.users.setProfileImage, { user_id: input.userId }, { ...options, form });
}

// A name without path parts or odd characters, ending in the detected extension.
function safeName(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '').replace(/[^\w .-]/g, '_').slice(0, 100) || 'image';
  return `${base}.${ext}`;
}
