/**
 * The Audit log section's long operations, run as background jobs in main: export (CSV, NDJSON,
 * OCSF) of the filtered changes, "Verify integrity", and the retention setting with its prune.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { useQueryCache } from '@pinia/colada';
import type { AuditExportFormat, AuditFilter } from '@shared/ipc/audit';
import { useApi } from '../api';
import { invalidate } from '../api/data-layer';
import { auditKeys } from '../api/query-keys';
import { cleanFilter } from './audit-log';
import { createJobTracker } from '../composables/job-tracker';

/** Export, verify and retention. */
export const useAuditTasksStore = defineStore('audit-tasks', () => {
  const exporting = createJobTracker('audit-export');
  const verifying = createJobTracker('audit-verify');
  const pruning = createJobTracker('audit-prune');
  const queryCache = useQueryCache();

  /** The format of the export shown (null: none). */
  const exportFormat = ref<AuditExportFormat | null>(null);
  /** Why an export or a verification could not even start. */
  const exportError = shallowRef<unknown>(null);
  const verifyError = shallowRef<unknown>(null);

  const retentionDays = ref<number | null>(null);
  const retentionLoaded = ref(false);
  const retentionError = shallowRef<unknown>(null);
  const savingRetention = ref(false);

  /**
   * Asks main for a destination and exports the changes matching `filter`. Resolves false when
   * the save dialog was cancelled (nothing is shown then), else once the export has ended.
   */
  async function startExport(filter: AuditFilter, format: AuditExportFormat): Promise<boolean> {
    exporting.reset();
    exportError.value = null;
    exportFormat.value = format;
    try {
      const started = await useApi().audit.export({ filter: cleanFilter(filter), format });
      if (!started) {
        exportFormat.value = null;
        return false;
      }
      await exporting.track(started.jobId);
    } catch (error) {
      exportError.value = error;
    }
    return true;
  }

  /** Forgets the export shown (closing its dialog). */
  function dismissExport(): void {
    exporting.reset();
    exportFormat.value = null;
    exportError.value = null;
  }

  /** Runs "Verify integrity" to the end. */
  async function startVerify(): Promise<void> {
    verifying.reset();
    verifyError.value = null;
    try {
      const { jobId } = await useApi().audit.verify();
      await verifying.track(jobId);
    } catch (error) {
      verifyError.value = error;
    }
  }

  /** Forgets the verification shown. */
  function dismissVerify(): void {
    verifying.reset();
    verifyError.value = null;
  }

  /** Reads the retention setting. */
  async function loadRetention(): Promise<void> {
    try {
      retentionDays.value = (await useApi().audit.retention()).days;
      retentionError.value = null;
      retentionLoaded.value = true;
    } catch (error) {
      retentionError.value = error;
    }
  }

  /** Saves the retention (null: keep forever) and follows the prune it starts. */
  async function saveRetention(days: number | null): Promise<void> {
    savingRetention.value = true;
    retentionError.value = null;
    pruning.reset();
    try {
      const saved = await useApi().audit.setRetention({ days });
      retentionDays.value = saved.days;
      savingRetention.value = false;
      if (saved.jobId) {
        await pruning.track(saved.jobId);
        // The prune removed records: the list, its total and the dropdowns show what is left.
        await invalidate(queryCache, { key: auditKeys.all() });
      }
    } catch (error) {
      retentionError.value = error;
    } finally {
      savingRetention.value = false;
    }
  }

  return {
    exporting,
    verifying,
    pruning,
    exportFormat,
    exportError,
    verifyError,
    retentionDays,
    retentionLoaded,
    retentionError,
    savingRetention,
    startExport,
    dismissExport,
    startVerify,
    dismissVerify,
    loadRetention,
    saveRetention,
  };
});
