/**
 * `users.set_profile_image` (issue 10, item 5): one item per matched user, its params the id of
 * its image in the blob store (electron/services/imports/image-blobs.ts) and the file's name. The
 * dry run reads the users (not found: skipped); the send reads the bytes from the store, checks
 * them again (type from the bytes, 10 MB) and uploads them as Clerk's multipart `file`, then
 * drops the bytes. Uploading the same image twice leaves the user as once does, so a resend after
 * a crash is harmless. No undo: Clerk keeps no earlier image to go back to.
 *
 * The store lives in the app database, which the operation registry (a plain table) does not
 * know: the import handlers hand it over once at start ({@link useImageBlobStore}).
 */
import { AppError } from '../../../../shared/ipc/errors';
import { setProfileImage } from '../../users/profile-image';
import type { ImageBlobStore } from '../../imports/image-blobs';
import { checkUsers, type BulkOperation, type BulkTarget } from './bulk-operation';

/** What a `users.set_profile_image` item carries. */
export interface ProfileImageItemParams {
  blobId: string;
  fileName: string;
}

let blobs: ImageBlobStore | null = null;

/** Gives the operation the app's blob store (called once by the import handlers). */
export function useImageBlobStore(store: ImageBlobStore): void {
  blobs = store;
}

function paramsOf(target: BulkTarget): ProfileImageItemParams {
  return target.params as unknown as ProfileImageItemParams;
}

/** `users.set_profile_image`: see the module comment. */
export const setProfileImageOperation: BulkOperation = {
  name: 'users.set_profile_image',
  title: 'Upload profile images',
  // The recorder's before-state read and the upload.
  requestsPerItem: 2,
  idempotent: true,
  check: checkUsers(() => ({ kind: 'change' })),
  async run(client, target, _params, options) {
    const { blobId, fileName } = paramsOf(target);
    const image = blobs?.read(blobId);
    if (!image) throw new AppError({ kind: 'validation', code: 'image_gone', message: `The image ${fileName} is no longer stored (its job ended earlier); drop it again.` });
    const user = await setProfileImage(client, { userId: target.targetId, fileName: image.fileName, dataBase64: Buffer.from(image.bytes).toString('base64') }, options);
    blobs?.delete(blobId);
    return user.has_image ? `image ${fileName} uploaded` : `${fileName} sent`;
  },
};
