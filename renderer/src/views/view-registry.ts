/**
 * Which component renders a tab: the one table mapping section ids and record kinds (from the
 * section registry, `shared/sections.ts`) to their views. A section or record kind with no entry
 * here gets the "coming soon" page, so a section is added by its registry entry plus its view
 * folder, registered below.
 */
import type { Component } from 'vue';
import type { RecordKind, SectionId } from '@shared/sections';
import type { Tab } from '@shared/ipc/types';
import AuditLogView from './audit-log/AuditLogView.vue';
import ComingSoonView from './ComingSoonView.vue';
import PhoneNumberDetail from './phone-numbers/PhoneNumberDetail.vue';
import ProfilesView from './profiles/ProfilesView.vue';
import SessionDetail from './sessions/SessionDetail.vue';
// The Sessions section (issue 12, item 2).
import SessionsView from './sessions/SessionsView.vue';
import SignInTokenDetail from './sign-in-tokens/SignInTokenDetail.vue';
import SignInTokensView from './sign-in-tokens/SignInTokensView.vue';
import UserDetail from './users/UserDetail.vue';
import UsersView from './users/UsersView.vue';
import OrganizationsView from './organizations/OrganizationsView.vue';
import OrganizationDetail from './organizations/OrganizationDetail.vue';
// Redirect URLs and sign-up attempts (issue 12, items 3 and 4).
import RedirectUrlsView from './redirect-urls/RedirectUrlsView.vue';
import RedirectUrlDetail from './redirect-urls/RedirectUrlDetail.vue';
import SignUpDetail from './sign-ups/SignUpDetail.vue';
import SamlConnectionsView from './saml-connections/SamlConnectionsView.vue';
import SamlConnectionDetail from './saml-connections/SamlConnectionDetail.vue';

/** A component and its props for one tab. */
export interface TabView {
  component: Component;
  props: Record<string, unknown>;
}

/** The views of the sections and record kinds this version builds. */
export const VIEWS: {
  sections: Partial<Record<SectionId, Component>>;
  /** A record view and the props it takes the record's id in. */
  records: Partial<Record<RecordKind, { component: Component; props: (id: string) => Record<string, unknown> }>>;
} = {
  sections: {
    users: UsersView,
    'audit-log': AuditLogView,
    profiles: ProfilesView,
    'sign-in-tokens': SignInTokensView,
    organizations: OrganizationsView,
    // The Sessions section (issue 12, item 2).
    sessions: SessionsView,
    'redirect-urls': RedirectUrlsView,
    // Issue 12, item 1.
    'saml-connections': SamlConnectionsView,
  },
  records: {
    user: { component: UserDetail, props: (id) => ({ userId: id }) },
    'phone-number': { component: PhoneNumberDetail, props: (id) => ({ phoneNumberId: id }) },
    // The session's own tab (opened from the Sessions section, a user's Sessions and the audit log).
    session: { component: SessionDetail, props: (id) => ({ sessionId: id }) },
    'sign-in-token': { component: SignInTokenDetail, props: (id) => ({ tokenId: id }) },
    // An organization's tab: by ID (org_…) or slug.
    organization: { component: OrganizationDetail, props: (id) => ({ organizationId: id }) },
    'redirect-url': { component: RedirectUrlDetail, props: (id) => ({ redirectUrlId: id }) },
    // A sign-up attempt's tab (sua_…), opened by id from the Users section.
    'sign-up': { component: SignUpDetail, props: (id) => ({ signUpId: id }) },
    // A SAML connection's tab (issue 12, item 1).
    'saml-connection': { component: SamlConnectionDetail, props: (id) => ({ samlConnectionId: id }) },
  },
};

/** The view of a tab. */
export function viewForTab(tab: Tab): TabView {
  if (tab.kind === 'section') {
    const component = VIEWS.sections[tab.section];
    return component ? { component, props: {} } : { component: ComingSoonView, props: { section: tab.section } };
  }
  const view = VIEWS.records[tab.record];
  return view ? { component: view.component, props: view.props(tab.id) } : { component: ComingSoonView, props: { record: tab.record } };
}
