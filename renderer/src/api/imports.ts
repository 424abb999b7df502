/**
 * The users import and export (issue 10, items 3 and 4): dry-run an import as a bulk job, export
 * an import's failed rows, and start a users export (a background job followed with
 * composables/job-tracker.ts). Main writes every file (it asks where).
 */
import { useMutation } from '@pinia/colada';
import type { BulkPreview } from '@shared/ipc/bulk-jobs';
import type { RecordExportFormat } from '@shared/ipc/exports';
import type { ImportRow } from '../views/users/import/import-mapping';
import { useApi } from './client';

/** Dry-runs the rows as a `users.create` job: answers with its preview (clashing rows skipped). */
export function useImportUsers() {
  return useMutation({
    mutation: ({ profileId, rows, fileName }: { profileId: string; rows: ImportRow[]; fileName?: string }): Promise<BulkPreview> =>
      // Plain copies: reactive proxies cannot cross the IPC boundary.
      useApi().imports.users({ profileId, fileName, rows: JSON.parse(JSON.stringify(rows)) as ImportRow[] }),
  });
}

/** Writes an import's failed and skipped rows to a CSV main asks a place for; null when the dialog was cancelled. */
export function useExportFailedRows() {
  return useMutation({
    mutation: ({ jobId }: { jobId: string }) => useApi().imports.exportFailedRows({ jobId }),
  });
}

/** Starts a users export of the list's filters (none: every user); null when the save dialog was cancelled. */
export function useExportUsers() {
  return useMutation({
    mutation: ({ profileId, filters, format }: { profileId: string; filters: Record<string, unknown>; format: RecordExportFormat }) =>
      useApi().exports.users({ profileId, format, filters: JSON.parse(JSON.stringify(filters)) as Record<string, never> }),
  });
}

/** Bulk profile images: stages one image in main (checked there again) and answers its id. */
export async function stageImage(profileId: string, file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return (await useApi().imports.stageImage({ profileId, fileName: file.name, dataBase64: btoa(binary) })).stageId;
}

/** Dry-runs a `users.set_profile_image` job over staged images (one per user). */
export function useProfileImagesJob() {
  return useMutation({
    mutation: ({ profileId, items }: { profileId: string; items: { userId: string; stageId: string; fileName: string }[] }): Promise<BulkPreview> =>
      useApi().imports.profileImages({ profileId, items: items.map((item) => ({ ...item })) }),
  });
}
