/** A profile as the renderer sees it, for renderer tests: a development profile with a test key, unless overridden. */
import type { ProfileView } from '../../../shared/ipc/types';

/** A {@link ProfileView} with plausible defaults and the given fields. */
export function profileView(fields: Partial<ProfileView> & Pick<ProfileView, 'id' | 'name'>): ProfileView {
  return {
    environment: 'development',
    apiUrl: 'https://api.clerk.com/v1',
    isSandbox: false,
    hasKey: true,
    keyHint: 'sk_test_…abcd',
    liveKey: false,
    productionClass: false,
    readOnly: false,
    createdAt: 1,
    updatedAt: 1,
    ...fields,
  };
}
