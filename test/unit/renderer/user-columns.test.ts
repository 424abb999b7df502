import { describe, expect, it } from 'vitest';
import { columnsWidth, shownColumns } from '../../../renderer/src/components/resource-table/resource-columns';
import { USER_COLUMNS, USER_FULL_WIDTH, USER_MEDIUM_WIDTH } from '../../../renderer/src/views/users/user-columns';

const keys = (width: number, visible: string[] | null = null) => shownColumns(USER_COLUMNS, visible, width).map((column) => column.key);

describe('users table columns', () => {
  it('pins the user column first, and the chooser cannot hide it', () => {
    expect(USER_COLUMNS[0]).toMatchObject({ key: 'name', fixed: 'left', required: true });
    expect(keys(1200, ['email'])).toEqual(['name', 'email']);
  });

  it('fits a 1000 px window (about 718 px of table) with User, Primary email, Created and Status', () => {
    expect(keys(718)).toEqual(['name', 'email', 'createdAt', 'status']);
    expect(columnsWidth(shownColumns(USER_COLUMNS, null, 718))).toBeLessThanOrEqual(718);
  });

  it('adds Username and Last sign-in at 1280 px, and Phone when there is room', () => {
    expect(keys(USER_MEDIUM_WIDTH)).toEqual(['name', 'email', 'username', 'createdAt', 'lastSignInAt', 'status']);
    expect(keys(USER_FULL_WIDTH)).toContain('phone');
    expect(keys(0)).toContain('phone');
  });

  it('shows exactly the chosen columns, in the table’s order', () => {
    expect(keys(718, ['lastActiveAt', 'web3Wallet', 'externalId'])).toEqual(['name', 'web3Wallet', 'externalId', 'lastActiveAt']);
  });
});
