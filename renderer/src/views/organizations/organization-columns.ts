/**
 * The Organizations table's columns (a {@link ResourceColumn} list): what each shows and which
 * `order_by` field it sorts by, so every documented sort field (name, created_at, members_count) has
 * a column. In a 1000 px window it shows Organization, Slug, Members and Created; Max members and
 * Creator when there is room (or chosen); everything else is in the organization's tab.
 */
import { h } from 'vue';
import type { Organization } from '@shared/clerk';
import CopyableId from '../../components/CopyableId.vue';
import RecordAvatar from '../../components/RecordAvatar.vue';
import type { ResourceColumn } from '../../components/resource-table/resource-columns';
import { mutedCell as muted, nowrapCell } from '../../components/table-cells';
import { formatCount, formatDate, formatTime } from '../../format';
import { logoUrl, orgInitials } from './organization-display';

/** A copyable value in a cell: the table keeps one tab stop, so its copy buttons are not Tab stops. */
const copyable = (value: string, label: string, mono: boolean, testId?: string) =>
  h(CopyableId, { value, label, mono, nowrap: true, focusable: false, valueTestId: testId });

/** Column widths (px). */
const WIDTH = { organization: 320, slugMin: 160, members: 104, limit: 128, created: 112, creator: 230 } as const;

/** From this table width on (px), Max members shows while the table fits itself. */
export const ORGANIZATION_MEDIUM_WIDTH = WIDTH.organization + WIDTH.slugMin + WIDTH.members + WIDTH.created + WIDTH.limit;
/** From this width on, the creator's id shows too. */
export const ORGANIZATION_FULL_WIDTH = ORGANIZATION_MEDIUM_WIDTH + WIDTH.creator;

/** Every column of the Organizations table, in order. */
export const ORGANIZATION_COLUMNS: ResourceColumn<Organization>[] = [
  {
    key: 'name',
    title: 'Organization',
    sortField: 'name',
    width: WIDTH.organization,
    fixed: 'left',
    required: true,
    render: (org) =>
      h('div', { class: 'cell-org' }, [
        h(RecordAvatar, { seed: org.id, initials: orgInitials(org), imageUrl: logoUrl(org), size: 28, square: true }),
        h('div', { class: 'cell-org-text' }, [
          h('div', { class: 'cell-org-name', title: org.name, 'data-testid': 'organization-name' }, org.name),
          h('div', { class: 'cell-org-id' }, [copyable(org.id, 'Copy organization ID', true, 'organization-id')]),
        ]),
      ]),
  },
  {
    key: 'slug',
    title: 'Slug',
    minWidth: WIDTH.slugMin,
    autoFrom: 0,
    render: (org) => (org.slug ? copyable(org.slug, 'Copy slug', true, 'organization-slug') : muted('—')),
  },
  {
    key: 'members',
    title: 'Members',
    sortField: 'members_count',
    width: WIDTH.members,
    align: 'right',
    autoFrom: 0,
    render: (org) => (org.members_count === undefined ? muted('—') : nowrapCell(formatCount(org.members_count), { 'data-testid': 'organization-members-count' })),
  },
  {
    key: 'limit',
    title: 'Max members',
    width: WIDTH.limit,
    align: 'right',
    autoFrom: ORGANIZATION_MEDIUM_WIDTH,
    // Clerk's 0 means no limit.
    render: (org) => (org.max_allowed_memberships > 0 ? nowrapCell(formatCount(org.max_allowed_memberships)) : muted('No limit')),
  },
  {
    key: 'created',
    title: 'Created',
    sortField: 'created_at',
    width: WIDTH.created,
    autoFrom: 0,
    render: (org) => nowrapCell(formatDate(org.created_at), { title: formatTime(org.created_at), 'data-testid': 'organization-created' }),
  },
  {
    key: 'creator',
    title: 'Created by',
    width: WIDTH.creator,
    autoFrom: ORGANIZATION_FULL_WIDTH,
    render: (org) => (org.created_by ? copyable(org.created_by, 'Copy creator’s user ID', true) : muted('—')),
  },
];
