/**
 * Which bulk job the renderer shows (issue 10): the draft whose dry-run preview is open, and the
 * job shown in the jobs drawer (which stays available from the status bar while other tabs are used).
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { BulkPreview } from '@shared/ipc/bulk-jobs';

/** What the preview dialog shows about the action (its verb and whether it destroys something). */
export interface PreviewContext {
  /** "Ban": the confirm button says "Ban 12 users". */
  verb: string;
  /** What one item is called in counts ("session"; default "user"). */
  noun?: string;
  /** What happens to each item, plainly (the guardrail's consequence). */
  consequence: string;
  destructive: boolean;
  /** The profile the job runs on when it is not the active one (a copy to another profile, issue 12): its guardrail applies. */
  profile?: { name: string; productionClass: boolean };
  /** A warning the preview and the confirmation show (a bulk removal that leaves an organization without any admin). */
  warning?: string;
}

/** The bulk jobs UI state. */
export const useBulkJobsStore = defineStore('bulk-jobs', () => {
  /** The dry run waiting for the administrator's decision. */
  const preview = shallowRef<{ preview: BulkPreview; context: PreviewContext } | null>(null);
  const drawerOpen = ref(false);
  /** The job the drawer shows (null: the jobs list). */
  const shownJobId = ref<string | null>(null);

  /** Opens the drawer on a job (or on the list). */
  function showJob(jobId: string | null): void {
    shownJobId.value = jobId;
    drawerOpen.value = true;
  }

  return { preview, drawerOpen, shownJobId, showJob };
});
