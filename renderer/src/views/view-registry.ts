/** Which component renders a tab: built sections and records get their view, the rest a "coming soon" page. */
import type { Component } from 'vue';
import type { Tab } from '@shared/ipc/types';
import AuditLogView from './audit-log/AuditLogView.vue';
import ComingSoonView from './ComingSoonView.vue';
import ProfilesView from './profiles/ProfilesView.vue';
import UserDetail from './users/UserDetail.vue';
import UsersView from './users/UsersView.vue';

/** A component and its props for one tab. */
export interface TabView {
  component: Component;
  props: Record<string, unknown>;
}

/** The view of a tab. */
export function viewForTab(tab: Tab): TabView {
  if (tab.kind === 'section') {
    if (tab.section === 'users') return { component: UsersView, props: {} };
    if (tab.section === 'profiles') return { component: ProfilesView, props: {} };
    if (tab.section === 'audit-log') return { component: AuditLogView, props: {} };
    return { component: ComingSoonView, props: { section: tab.section } };
  }
  if (tab.record === 'user') return { component: UserDetail, props: { userId: tab.id } };
  return { component: ComingSoonView, props: { record: tab.record } };
}
