/**
 * Runs a bulk action the one way every bulk feature does: create the job as a draft (the dry run,
 * nothing sent), show its preview, and once the administrator goes on, the guardrail's
 * confirmation (on a production-class profile the count is typed; main checks it again), then
 * start it and show it in the jobs drawer.
 */
import { useMessage } from 'naive-ui';
import type { BulkPreview } from '@shared/ipc/bulk-jobs';
import { useCancelBulkJob, useCreateBulkJob, useStartBulkJob, useUndoBulkJob, type CreateBulkJobVars } from '../../api/bulk-jobs';
import { useGuardrail } from '../../composables/useGuardrail';
import { useBulkJobsStore, type PreviewContext } from '../../stores/bulk-jobs';

/** "12 users", "1 user". */
export function countNoun(count: number, noun = 'user'): string {
  return `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
}

/** Creates, previews, confirms and starts bulk jobs (see the module comment). */
export function useBulkRun() {
  const store = useBulkJobsStore();
  const guardrail = useGuardrail();
  const message = useMessage();
  const create = useCreateBulkJob();
  const undoJob = useUndoBulkJob();
  const start = useStartBulkJob();
  const cancel = useCancelBulkJob();

  /** Dry-runs `vars` and opens the preview; rejects with the dry run's error. */
  async function preview(vars: CreateBulkJobVars, context: PreviewContext): Promise<BulkPreview> {
    const made = await create.mutateAsync(vars);
    store.preview = { preview: made, context };
    return made;
  }

  /** Makes the inverse draft of a finished job and opens its preview. */
  async function undo(jobId: string, context: PreviewContext): Promise<BulkPreview> {
    const made = await undoJob.mutateAsync({ jobId });
    store.preview = { preview: made, context };
    return made;
  }

  /** The preview's "go on": the guardrail, then the start; false when the administrator stopped at the guardrail. */
  async function confirmAndStart(): Promise<boolean> {
    const open = store.preview;
    if (!open) return false;
    const { preview: made, context } = open;
    const count = made.wouldChange;
    const phrase = made.job.confirmPhrase ?? String(count);
    const confirmed = await guardrail.confirm({
      title: `${context.verb} ${countNoun(count, context.noun)}?`,
      consequence: `${context.consequence} ${made.skipped.length ? `${countNoun(made.skipped.reduce((sum, s) => sum + s.count, 0), context.noun)} skipped as shown in the preview.` : ''}`.trim(),
      actionLabel: `${context.verb} ${countNoun(count, context.noun)}`,
      destructive: context.destructive,
      ...(context.warning ? { warning: context.warning } : {}),
      // A copy to another profile: that profile's typed confirmation, not the active one's (issue 12, item 6).
      ...(context.profile ? { profile: context.profile } : {}),
      confirmPhrase: phrase,
    });
    if (!confirmed) return false;
    await start.mutateAsync({ jobId: made.job.jobId, confirmPhrase: phrase });
    store.preview = null;
    store.showJob(made.job.jobId);
    return true;
  }

  /** Closes the preview and discards its draft. */
  async function discard(): Promise<void> {
    const open = store.preview;
    store.preview = null;
    if (open) await cancel.mutateAsync({ jobId: open.preview.job.jobId }).catch((error: unknown) => message.error(`Could not discard the preview: ${error instanceof Error ? error.message : String(error)}`));
  }

  return { preview, undo, confirmAndStart, discard, creating: create.isLoading, starting: start.isLoading, undoing: undoJob.isLoading };
}
