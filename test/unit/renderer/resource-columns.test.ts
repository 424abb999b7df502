import { describe, expect, it } from 'vitest';
import { columnsWidth, shownColumns, toNaiveColumns, type ResourceColumn } from '../../../renderer/src/components/resource-table/resource-columns';

interface Row {
  id: string;
}

const columns: ResourceColumn<Row>[] = [
  { key: 'id', title: 'ID', width: 200, required: true, render: (row) => row.id },
  { key: 'name', title: 'Name', minWidth: 150, sortField: 'name', autoFrom: 0, render: () => 'n' },
  { key: 'created', title: 'Created', width: 100, sortField: 'created_at', autoFrom: 500, render: () => 'c' },
  { key: 'extra', title: 'Extra', width: 80, render: () => 'e' },
];

describe('resource table columns', () => {
  it('fits the width when nothing is chosen, and shows exactly the choice (plus required) otherwise', () => {
    expect(shownColumns(columns, null, 400).map((c) => c.key)).toEqual(['id', 'name']);
    expect(shownColumns(columns, null, 500).map((c) => c.key)).toEqual(['id', 'name', 'created']);
    expect(shownColumns(columns, ['extra'], 400).map((c) => c.key)).toEqual(['id', 'extra']);
    expect(columnsWidth(columns)).toBe(530);
  });

  it('shows each sortable column’s direction for the order_by, and puts a checkbox column first when selectable', () => {
    const plain = toNaiveColumns(columns, '-created_at', false);
    expect(plain.map((c) => ('sortOrder' in c ? c.sortOrder : undefined))).toEqual([undefined, false, 'descend', undefined]);
    const selectable = toNaiveColumns(columns, '+name', true);
    expect(selectable[0]).toMatchObject({ type: 'selection', fixed: 'left' });
    expect(selectable).toHaveLength(5);
    expect('sortOrder' in selectable[2] && selectable[2].sortOrder).toBe('ascend');
  });
});
