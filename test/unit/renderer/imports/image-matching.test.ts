/** Bulk profile images' matching and checks (renderer/src/views/users/images/image-matching.ts). */
import { describe, expect, it } from 'vitest';
import { entryOf, imageProblem, matchFiles } from '../../../../renderer/src/views/users/images/image-matching';

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
