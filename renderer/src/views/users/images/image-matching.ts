/**
 * Bulk profile images (issue 10, item 5), without UI: the files of a drop (several files, or a
 * folder read through `webkitGetAsEntry`), each file's name without its extension as the entry
 * to match (a user id, an email or an external id; users:resolve looks each up in main), each
 * file checked before anything is sent (size, then the type its bytes show: shared/image-upload.ts),
 * and the table of matches, misses and refusals.
 */
import { imageSizeProblem, imageTypeProblem, PROFILE_IMAGE_TYPES, type DetectedType } from '@shared/image-upload';
import type { UserResolution } from '@shared/ipc/channels/users';

/** The most files one drop takes. */
export const IMAGES_DROP_MAX = 1_000;

/** One dropped file and what became of it. */
export interface ImageMatch {
  file: File;
  /** The name without its extension: what is matched. */
  entry: string;
  state: 'matched' | 'miss' | 'refused';
  userId?: string;
  /** Why it is a miss or refused. */
  reason?: string;
}

/** A file's name without its extension (`ada@example.com.png` → `ada@example.com`). */
export function entryOf(fileName: string): string {
  return fileName.replace(/\.[^.]*$/, '').trim();
}

/** Every file of a drop: plain files, and the files inside dropped folders (all levels). */
export async function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter((entry): entry is FileSystemEntry => Boolean(entry));
  if (entries.length === 0) return [...transfer.files];
  const files: File[] = [];
  for (const entry of entries) await collect(entry, files);
  return files;
}

async function collect(entry: FileSystemEntry, into: File[]): Promise<void> {
  if (into.length >= IMAGES_DROP_MAX) return;
  if (entry.isFile) {
    into.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches until it answers an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await collect(child, into);
  }
}

/** Why a file cannot be a profile image (size first, then the type its bytes show), or undefined. */
export async function imageProblem(file: File): Promise<string | undefined> {
  const sized = imageSizeProblem({ name: file.name, size: file.size }, PROFILE_IMAGE_TYPES);
  if (sized) return sized;
  const { fileTypeFromBlob } = await import('file-type');
  const detected: DetectedType | undefined = await fileTypeFromBlob(file);
  return imageTypeProblem({ name: file.name }, detected, PROFILE_IMAGE_TYPES);
}

/** The table: each checked file matched through `resolution`, or a miss (no user, several users, a user already given a file). */
export function matchFiles(checked: { file: File; problem?: string }[], resolution: UserResolution | null): ImageMatch[] {
  const byEntry = new Map((resolution?.matched ?? []).map((match) => [match.entry.toLowerCase(), match.userIds]));
  const given = new Set<string>();
  return checked.map(({ file, problem }): ImageMatch => {
    const entry = entryOf(file.name);
    if (problem) return { file, entry, state: 'refused', reason: problem };
    const ids = byEntry.get(entry.toLowerCase()) ?? [];
    if (ids.length === 0) return { file, entry, state: 'miss', reason: 'No user has this id, email or external id.' };
    if (ids.length > 1) return { file, entry, state: 'miss', reason: `Matches ${ids.length} users (a username and an external id): rename the file to the user id.` };
    if (given.has(ids[0])) return { file, entry, state: 'miss', reason: 'Another file already goes to this user.' };
    given.add(ids[0]);
    return { file, entry, state: 'matched', userId: ids[0] };
  });
}
