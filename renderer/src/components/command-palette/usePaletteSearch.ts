/**
 * The palette's "open by search": what is typed (after a short pause) searches the active
 * profile's users (`users:list` query: email, name, username, id) and organizations
 * (`organizations:list` query: id, name, slug), a few of each, newest first.
 */
import { computed, type Ref } from 'vue';
import { refDebounced } from '@vueuse/core';
import { useQuery } from '@pinia/colada';
import type { RecordKind } from '@shared/sections';
import { USER_QUERY_MAX } from '@shared/ipc/channels/users';
import { organizationsListQuery } from '../../api/organizations';
import { usersListQuery } from '../../api/users';
import { displayName, primaryEmail } from '../../views/users/user-display';

/** How many users and how many organizations one search shows. */
export const SEARCH_PAGE_SIZE = 5;
/** Shorter texts are not sent (one letter matches nearly everyone). */
export const SEARCH_MIN_LENGTH = 2;

/** One record a search found. */
export interface SearchMatch {
  record: RecordKind;
  id: string;
  title: string;
  detail?: string;
}

/** idle: nothing to search; searching: asked, or typed and not yet asked; error: a search failed; done. */
export type SearchState = 'idle' | 'searching' | 'error' | 'done';

/** Searches users and organizations for `text` (skipped while `enabled` is false, e.g. the text is an id). */
export function usePaletteSearch(profileId: Ref<string | null>, text: Ref<string>, enabled: Ref<boolean>) {
  const wanted = computed(() => (enabled.value ? text.value.trim().slice(0, USER_QUERY_MAX) : ''));
  // Each keystroke restarts the pause, so a name typed fast is one request per list.
  const sent = refDebounced(wanted, 250);
  const active = computed(() => Boolean(profileId.value) && sent.value.length >= SEARCH_MIN_LENGTH);

  const users = useQuery(() => ({
    ...usersListQuery({ profileId: profileId.value ?? '', params: { limit: SEARCH_PAGE_SIZE, offset: 0, orderBy: '-created_at', query: sent.value } }),
    enabled: active.value,
  }));
  const organizations = useQuery(() => ({
    ...organizationsListQuery({ profileId: profileId.value ?? '', params: { limit: SEARCH_PAGE_SIZE, offset: 0, orderBy: '-created_at', query: sent.value } }),
    enabled: active.value,
  }));

  /** The matches of the text typed now (none while an older answer is at hand). */
  const matches = computed<SearchMatch[]>(() => {
    if (!active.value || wanted.value !== sent.value) return [];
    const found: SearchMatch[] = [];
    const userPage = users.data.value;
    if (userPage && userPage.query === sent.value) {
      for (const user of userPage.data) found.push({ record: 'user', id: user.id, title: displayName(user), detail: primaryEmail(user) ?? user.id });
    }
    const orgPage = organizations.data.value;
    if (orgPage && orgPage.query === sent.value) {
      for (const org of orgPage.data) found.push({ record: 'organization', id: org.id, title: org.name, detail: org.slug ?? org.id });
    }
    return found;
  });

  const state = computed<SearchState>(() => {
    if (wanted.value.length < SEARCH_MIN_LENGTH || !profileId.value) return 'idle';
    if (wanted.value !== sent.value || users.isLoading.value || organizations.isLoading.value) return 'searching';
    if (users.error.value || organizations.error.value) return 'error';
    return 'done';
  });
  const errorMessage = computed(() => {
    const error = users.error.value ?? organizations.error.value;
    return error instanceof Error ? error.message : error ? String(error) : '';
  });

  return { matches, state, errorMessage };
}
