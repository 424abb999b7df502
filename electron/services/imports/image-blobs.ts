/**
 * Where a bulk profile-image job keeps its images' bytes (issue 10, item 5): in the app database
 * (table bulk_blobs), not in memory and not as file paths (the renderer never learns a dropped
 * file's path). Each image is staged on its own call, after main re-checked its type (file-type)
 * and size; the job then binds the staged ids, so a job resumed after a crash or a quit still has
 * every image it has not uploaded. An image is deleted once uploaded; whatever is left of an
 * ended job, or staged and never used for an hour, is swept. Bounded: at most
 * {@link STAGED_MAX_BYTES} staged per profile at once.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { fileTypeFromBuffer } from 'file-type';
import { IMAGE_UPLOAD_MAX_BYTES, imageUploadProblem, PROFILE_IMAGE_TYPES } from '../../../shared/image-upload';
import { AppError } from '../../../shared/ipc/errors';

/** The most image bytes one profile may have waiting (staged or in unfinished jobs). */
export const STAGED_MAX_BYTES = 1024 * 1024 * 1024;
/** Staged images no job took are dropped after this long. */
export const STAGED_KEEP_MS = 60 * 60_000;

/** One stored image. */
export interface StoredImage {
  fileName: string;
  bytes: Uint8Array;
}

/** Reads and writes the bulk_blobs table (see the module comment). */
export class ImageBlobStore {
  constructor(
    private readonly db: DatabaseSync,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Checks the image's type (from its bytes) and size, and stores it; answers its id. */
  async stage(profileId: string, fileName: string, bytes: Uint8Array): Promise<string> {
    const detected = await fileTypeFromBuffer(bytes);
    const problem = imageUploadProblem({ name: fileName, size: bytes.byteLength }, detected, PROFILE_IMAGE_TYPES, IMAGE_UPLOAD_MAX_BYTES);
    if (problem) throw new AppError({ kind: 'validation', code: 'image_rejected', message: problem, paramName: 'file' });
    this.sweep();
    const held = (this.db.prepare('SELECT COALESCE(SUM(length(bytes)), 0) AS n FROM bulk_blobs WHERE profile_id = ?').get(profileId) as { n: number }).n;
    if (held + bytes.byteLength > STAGED_MAX_BYTES) {
      throw new AppError({ kind: 'validation', code: 'images_too_many', message: 'Too many images are waiting to be uploaded (1 GB): let the running image job finish, or upload fewer at once.' });
    }
    const id = randomUUID();
    this.db.prepare('INSERT INTO bulk_blobs (id, profile_id, file_name, bytes, created_at) VALUES (?, ?, ?, ?, ?)').run(id, profileId, fileName, bytes, this.clock());
    return id;
  }

  /** The staged images among `ids` that belong to `profileId` and no job yet. */
  unboundOf(profileId: string, ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set();
    const rows = this.db.prepare(`SELECT id FROM bulk_blobs WHERE profile_id = ? AND job_id IS NULL AND id IN (${ids.map(() => '?').join(', ')})`).all(profileId, ...ids) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  /** Ties staged images to their job (they then live as long as it runs). */
  bind(jobId: string, ids: readonly string[]): void {
    const update = this.db.prepare('UPDATE bulk_blobs SET job_id = ? WHERE id = ? AND job_id IS NULL');
    for (const id of ids) update.run(jobId, id);
  }

  /** An image, or null when it is gone (uploaded, or swept). */
  read(id: string): StoredImage | null {
    const row = this.db.prepare('SELECT file_name, bytes FROM bulk_blobs WHERE id = ?').get(id) as { file_name: string; bytes: Uint8Array } | undefined;
    return row ? { fileName: row.file_name, bytes: row.bytes } : null;
  }

  /** Drops an image (uploaded). */
  delete(id: string): void {
    this.db.prepare('DELETE FROM bulk_blobs WHERE id = ?').run(id);
  }

  /** Drops the images of ended jobs and the staged ones left unused for {@link STAGED_KEEP_MS}. */
  sweep(): number {
    const result = this.db
      .prepare(
        `DELETE FROM bulk_blobs WHERE (job_id IS NULL AND created_at < ?)
           OR job_id IN (SELECT id FROM bulk_jobs WHERE state IN ('done', 'cancelled', 'failed'))`,
      )
      .run(this.clock() - STAGED_KEEP_MS);
    return Number(result.changes);
  }

  /** How many images are stored (tests). */
  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM bulk_blobs').get() as { n: number }).n;
  }
}
