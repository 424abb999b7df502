/** The redirect URLs table's columns (a {@link ResourceColumn} list): the URL and its id, its kind (https, localhost, app scheme) and when it was added. */
import { h } from 'vue';
import { NTag } from 'naive-ui';
import type { RedirectURL } from '@shared/clerk';
import CopyableId from '../../components/CopyableId.vue';
import type { ResourceColumn } from '../../components/resource-table/resource-columns';
import { nowrapCell } from '../../components/table-cells';
import { formatDate, formatTime } from '../../format';
import { redirectUrlKind } from './redirect-url-display';

/** The columns. */
export function redirectUrlColumns(): ResourceColumn<RedirectURL>[] {
  return [
    {
      key: 'url',
      title: 'URL',
      minWidth: 320,
      required: true,
      render: (row) =>
        h('div', { class: 'cell-redirect' }, [
          h('div', { class: 'cell-redirect-url mono', title: row.url, 'data-testid': 'redirect-url-value' }, row.url),
          h('div', { class: 'cell-redirect-id' }, [h(CopyableId, { value: row.id, label: 'Copy redirect URL ID', mono: true, nowrap: true, focusable: false })]),
        ]),
    },
    {
      key: 'kind',
      title: 'Kind',
      width: 150,
      autoFrom: 0,
      render: (row) => {
        const kind = redirectUrlKind(row.url);
        return h(NTag, { size: 'small', bordered: false, type: kind.type }, () => kind.label);
      },
    },
    { key: 'created', title: 'Added', width: 120, autoFrom: 0, render: (row) => nowrapCell(formatDate(row.created_at), { title: formatTime(row.created_at) }) },
  ];
}
