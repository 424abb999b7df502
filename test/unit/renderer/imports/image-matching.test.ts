/** Bulk profile images' matching and checks (renderer/src/views/users/images/image-matching.ts). */
import { describe, expect, it } from 'vitest';
import { droppedFiles, entryOf, IMAGES_DROP_MAX, imageProblem, matchFiles } from '../../../../renderer/src/views/users/images/image-matching';

const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const file = (name: string, bytes: Uint8Array<ArrayBuffer> = PNG) => new File([bytes], name, { type: 'image/png' });

describe('bulk profile image matching', () => {
  it('matches a file by its name without the extension, keeping dots of an email', () => {
    expect(entryOf('ada@example.com.png')).toBe('ada@example.com');
    expect(entryOf('user_2abc.jpeg')).toBe('user_2abc');
  });

  it('says matched, miss (nobody, several users, a user given twice) or refused', () => {
    const resolution = {
      matched: [
        { entry: 'ada@example.com', kind: 'email_address' as const, userIds: ['user_a'] },
        { entry: 'grace', kind: 'username_or_external_id' as const, userIds: ['user_g', 'user_h'] },
        { entry: 'user_a', kind: 'user_id' as const, userIds: ['user_a'] },
      ],
      unmatched: ['nobody'],
      userIds: ['user_a', 'user_g', 'user_h'],
    };
    const table = matchFiles(
      [{ file: file('ADA@example.com.png') }, { file: file('grace.png') }, { file: file('nobody.png') }, { file: file('user_a.png') }, { file: file('x.png'), problem: 'This is a PDF' }],
      resolution,
    );
    expect(table.map((m) => [m.state, m.userId ?? m.reason])).toEqual([
      ['matched', 'user_a'],
      ['miss', 'Matches 2 users (a username and an external id): rename the file to the user id.'],
      ['miss', 'No user has this id, email or external id.'],
      ['miss', 'Another file already goes to this user.'],
      ['refused', 'This is a PDF'],
    ]);
  });

  it('refuses a PDF named .png by its bytes, and an empty file by its size', async () => {
    expect(await imageProblem(file('a.png'))).toBeUndefined();
    expect(await imageProblem(file('r.png', Uint8Array.from(new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'))))).toContain('PDF, not an image');
    expect(await imageProblem(file('e.png', new Uint8Array()))).toContain('is empty');
  });
});

/**
 * A folder drop. Chromium gives a page's synthetic DataTransfer no file-system entries (the e2e
 * test drops several files, the `files` path), so the folder walk runs here on entries shaped as
 * Chromium's: a directory's reader answers in batches and then an empty one.
 */
describe('bulk profile images from a dropped folder', () => {
  type Entry = { isFile: boolean; isDirectory: boolean; name: string; file?: (ok: (f: File) => void) => void; createReader?: () => { readEntries: (ok: (batch: Entry[]) => void) => void } };
  const fileEntry = (name: string): Entry => ({ isFile: true, isDirectory: false, name, file: (ok) => ok(file(name)) });
  const folder = (name: string, ...batches: Entry[][]): Entry => ({
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      const left = [...batches, []];
      return { readEntries: (ok) => setTimeout(() => ok(left.shift() ?? []), 0) };
    },
  });
  const transfer = (...entries: Entry[]) => ({ items: entries.map((entry) => ({ webkitGetAsEntry: () => entry })), files: [] }) as unknown as DataTransfer;

  it('takes every file of the folder, its subfolders and every batch, beside files dropped with it', async () => {
    const drop = transfer(folder('avatars', [fileEntry('user_a.png'), folder('team', [fileEntry('ada@example.com.png')])], [fileEntry('nobody.jpg')]), fileEntry('grace.png'));
    const files = await droppedFiles(drop);
    expect(files.map((f) => f.name)).toEqual(['user_a.png', 'ada@example.com.png', 'nobody.jpg', 'grace.png']);

    // Then matched as any drop: the folder's files by id and email, a miss for the one nobody has.
    const resolution = {
      matched: [
        { entry: 'user_a', kind: 'user_id' as const, userIds: ['user_a'] },
        { entry: 'ada@example.com', kind: 'email_address' as const, userIds: ['user_b'] },
        { entry: 'grace', kind: 'username_or_external_id' as const, userIds: ['user_g'] },
      ],
      unmatched: ['nobody'],
      userIds: ['user_a', 'user_b', 'user_g'],
    };
    expect(matchFiles(files.map((f) => ({ file: f })), resolution).map((m) => [m.file.name, m.state, m.userId ?? null])).toEqual([
      ['user_a.png', 'matched', 'user_a'],
      ['ada@example.com.png', 'matched', 'user_b'],
      ['nobody.jpg', 'miss', null],
      ['grace.png', 'matched', 'user_g'],
    ]);
  });

  it('stops at the most files one drop takes', async () => {
    const many = Array.from({ length: IMAGES_DROP_MAX + 5 }, (_, i) => fileEntry(`user_${i}.png`));
    expect(await droppedFiles(transfer(folder('big', many.slice(0, 600), many.slice(600))))).toHaveLength(IMAGES_DROP_MAX);
  });

  it('falls back to the plain file list when the drop has no entries', async () => {
    const plain = { items: [], files: [file('user_a.png')] } as unknown as DataTransfer;
    expect((await droppedFiles(plain)).map((f) => f.name)).toEqual(['user_a.png']);
  });
});
