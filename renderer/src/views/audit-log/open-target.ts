/**
 * "Open target": from an audit record to the tab of what it changed, switching to the record's
 * profile first when it is another one that still exists.
 */
import type { AuditChange } from '@shared/ipc/audit';
import { useProfilesStore } from '../../stores/profiles';
import { useTabsStore } from '../../stores/tabs';
import { targetRecord } from './audit-display';

/** Whether a change's target can be opened, and if not, why. */
export type TargetAvailability = { ok: true } | { ok: false; reason: string };

/** Opens audit targets in their tabs. */
export function useOpenTarget() {
  const profiles = useProfilesStore();
  const tabs = useTabsStore();

  function availability(change: Pick<AuditChange, 'target' | 'profile'>): TargetAvailability {
    if (!targetRecord(change.target)) return { ok: false, reason: 'This change has no target that opens in a tab.' };
    if (!profiles.list.some((profile) => profile.id === change.profile.id)) {
      return { ok: false, reason: `The profile “${change.profile.name}” no longer exists in this app.` };
    }
    return { ok: true };
  }

  async function open(change: Pick<AuditChange, 'target' | 'profile'>): Promise<void> {
    const target = targetRecord(change.target);
    if (!target || !availability(change).ok) return;
    const title = target.id;
    if (change.profile.id === profiles.activeId) {
      tabs.openRecord(target.record, target.id, title);
      return;
    }
    // The other profile's tabs load after the switch; the record opens among them.
    tabs.openRecordIn(change.profile.id, target.record, target.id, title);
    await profiles.activate(change.profile.id);
  }

  return { availability, open };
}
