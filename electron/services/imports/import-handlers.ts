/**
 * The `imports:*` channels: an import's rows become a `users.create` bulk job (its dry run flags
 * the clashes), and its failed or skipped rows go back to a CSV: the file's own columns as they
 * were, then `import_status` and `import_error`, so the administrator fixes them and imports the
 * same file again (the extra columns are left unmapped).
 */
import { writeFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { AppError, type IpcError } from '../../../shared/ipc/errors';
import type { importChannels } from '../../../shared/ipc/channels/imports';
import type { HandlersFor } from '../dispatch';
import type { BulkJobEngine } from '../jobs/bulk/bulk-engine';
import { isCheckable, type CreateItemParams } from '../jobs/bulk/bulk-user-create';
import type { Platform } from '../platform';
import { useImageBlobStore } from '../jobs/bulk/bulk-profile-image';
import type { ImageBlobStore } from './image-blobs';

/** What the import handlers need. */
export interface ImportHandlerDeps {
  bulk: BulkJobEngine;
  /** The bulk profile images' blob store. */
  blobs: ImageBlobStore;
  platform?: Platform;
}

/** The columns added after the file's own in the failed-rows export. */
export const FAILED_ROW_COLUMNS = ['import_row', 'import_status', 'import_error'] as const;

/** The imports' part of the handler table. */
export function createImportHandlers(deps: ImportHandlerDeps): HandlersFor<typeof importChannels> {
  useImageBlobStore(deps.blobs);
  // What the last run left of ended jobs' images.
  deps.blobs.sweep();
  return {
    'imports:stageImage': async ({ profileId, fileName, dataBase64 }) => ({ stageId: await deps.blobs.stage(profileId, fileName, Buffer.from(dataBase64, 'base64')) }),
    'imports:profileImages': async ({ profileId, items }) => {
      const staged = deps.blobs.unboundOf(profileId, items.map((item) => item.stageId));
      const missing = items.find((item) => !staged.has(item.stageId));
      if (missing) throw new AppError({ kind: 'validation', code: 'image_not_staged', message: `The image ${missing.fileName} is not waiting to be uploaded (another job used it, or it was dropped over an hour ago): drop it again.` });
      const preview = await deps.bulk.create({
        profileId,
        operation: 'users.set_profile_image',
        items: items.map((item) => ({ targetId: item.userId, label: item.fileName, params: { blobId: item.stageId, fileName: item.fileName } })),
      });
      deps.blobs.bind(preview.job.jobId, items.map((item) => item.stageId));
      return preview;
    },
    'imports:users': async ({ profileId, rows }) => {
      // A row the instance cannot be searched for could not be checked after a crash (see bulk-user-create.ts).
      const unfindable = rows.find((row) => !isCheckable(row.body));
      if (unfindable) {
        throw new AppError({
          kind: 'validation',
          message: `Row ${unfindable.rowNumber} has no email, phone number, username or external id: give it one, so the import can tell whether it was created.`,
          fields: [{ field: `rows.${unfindable.rowNumber}`, message: 'Needs an email, phone number, username or external id.' }],
        });
      }
      return deps.bulk.create({
        profileId,
        operation: 'users.create',
        items: rows.map((row) => ({
          targetId: `row_${row.rowNumber}`,
          label: row.body.email_address?.[0] ?? row.body.username ?? row.body.external_id ?? row.body.phone_number?.[0] ?? undefined,
          params: { body: row.body, row: row.row, rowNumber: row.rowNumber } satisfies CreateItemParams,
        })),
      });
    },
    'imports:exportFailedRows': async ({ jobId }) => {
      const job = deps.bulk.store.require(jobId);
      if (job.operation !== 'users.create') throw new AppError({ kind: 'validation', message: 'Only an import job has rows to export.' });
      if (!deps.platform) throw new AppError({ kind: 'internal', message: 'This app has no file dialog to choose where the rows go.' });
      const results = deps.bulk.store.items(jobId, { states: ['failed', 'skipped', 'cancelled'] }).rows;
      if (results.length === 0) throw new AppError({ kind: 'validation', code: 'nothing_to_export', message: 'Every row of this import was created: there are no failed rows to export.' });
      const params = new Map(deps.bulk.store.workItems(jobId, ['failed', 'skipped', 'cancelled']).map((item) => [item.ordinal, item.params as unknown as CreateItemParams]));
      const path = await deps.platform.chooseSavePath({ title: 'Export the rows that were not imported', defaultName: 'users-import-failed-rows.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] });
      if (!path) return null;
      const fileColumns = [...new Set(results.flatMap((result) => Object.keys(params.get(result.ordinal)?.row ?? {})))].filter((c) => !(FAILED_ROW_COLUMNS as readonly string[]).includes(c));
      const data = results.map((result) => {
        const item = params.get(result.ordinal);
        return [...fileColumns.map((column) => item?.row[column] ?? ''), item?.rowNumber ?? '', result.state, result.skipReason ?? describeError(result.error)];
      });
      await writeFile(path, Papa.unparse({ fields: [...fileColumns, ...FAILED_ROW_COLUMNS], data }, { newline: '\r\n', escapeFormulae: /^(?:[=@\t\r]|[+-](?!\d+$))/ }), 'utf8');
      return { path, rows: data.length };
    },
  };
}

// Clerk's error with the fields it names ("email_address: That email address is taken.").
function describeError(error: IpcError | null): string {
  if (!error) return '';
  const fields = error.fields?.map((issue) => `${issue.field}: ${issue.message}`) ?? [];
  return fields.length > 0 ? fields.join('; ') : error.message;
}
