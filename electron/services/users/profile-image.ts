/**
 * A user's profile image upload: checked again in main (uploads/checked-image.ts) before anything
 * is sent as Clerk's multipart `file`.
 */
import type { User } from '../../../shared/clerk';
import { PROFILE_IMAGE_TYPES } from '../../../shared/image-upload';
import type { ClerkClient } from '../clerk/client';
import { operations } from '../clerk/operations';
import type { RunOptions } from '../clerk/operation';
import { checkedImage, type ImageUploadInput } from '../uploads/checked-image';

/** What an upload carries across the bridge. */
export interface ProfileImageInput extends ImageUploadInput {
  userId: string;
}

/** Decodes, re-checks and uploads a profile image; resolves with the user Clerk answers. `options`: a bulk job's id (bulk profile images). */
export async function setProfileImage(client: ClerkClient, input: ProfileImageInput, options: Pick<RunOptions, 'bulkId' | 'signal'> = {}): Promise<User> {
  const image = await checkedImage(input, PROFILE_IMAGE_TYPES);
  const form = new FormData();
  form.append('file', image.blob, image.fileName);
  return client.run(operations.users.setProfileImage, { user_id: input.userId }, { ...options, form });
}
