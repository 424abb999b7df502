import { describe, expect, it } from 'vitest';
import { userColumns, userColumnsLevel, userColumnsWidth } from '../../../renderer/src/views/users/user-columns';

const keys = (level: 'full' | 'medium' | 'compact') => userColumns({ direction: () => false, level }).map((column) => ('key' in column ? column.key : ''));

describe('users table columns', () => {
  it('pins the user column on the left', () => {
    const [user] = userColumns({ direction: () => false });
    expect(user).toMatchObject({ key: 'name', fixed: 'left' });
  });

  it('fits the main area of a 1000 px window (about 720 px) and of a 1280 px one (about 1000 px)', () => {
    expect(userColumnsLevel(718)).toBe('compact');
    expect(userColumnsWidth('compact')).toBeLessThanOrEqual(718);
    expect(keys('compact')).toEqual(['name', 'email', 'createdAt', 'status']);
    expect(userColumnsLevel(996)).toBe('medium');
    expect(keys('medium')).toEqual(['name', 'email', 'username', 'createdAt', 'lastSignInAt', 'status']);
    expect(userColumnsLevel(1100)).toBe('full');
    expect(keys('full')).toContain('phone');
  });
});
