/**
 * An organization's logo upload: the image checked again in main (uploads/checked-image.ts, the
 * logo's types with ICO), then sent as Clerk's multipart `file` with the uploading member's
 * `uploader_user_id`.
 */
import type { Organization } from '../../../shared/clerk';
import { LOGO_IMAGE_TYPES } from '../../../shared/image-upload';
import type { ClerkClient } from '../clerk/client';
import { operations } from '../clerk/operations';
import { checkedImage, type ImageUploadInput } from '../uploads/checked-image';

/** What a logo upload carries across the bridge. */
export interface LogoInput extends ImageUploadInput {
  organizationId: string;
  uploaderUserId: string;
}

/** Decodes, re-checks and uploads a logo; resolves with the organization Clerk answers. */
export async function setOrganizationLogo(client: ClerkClient, input: LogoInput): Promise<Organization> {
  const image = await checkedImage(input, LOGO_IMAGE_TYPES);
  const form = new FormData();
  form.append('file', image.blob, image.fileName);
  form.append('uploader_user_id', input.uploaderUserId);
  return client.run(operations.organizations.setLogo, { organization_id: input.organizationId }, { form });
}
