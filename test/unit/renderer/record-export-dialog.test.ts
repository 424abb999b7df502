// @vitest-environment happy-dom
/**
 * The export dialog over a fake main: a failed export job shows Clerk's (or main's) message with
 * its details, never "[object Object]" (the job's error arrives as plain IPC data).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import type { JobStatus } from '../../../shared/ipc/jobs';
import { AppError } from '../../../shared/ipc/errors';
import { installBridge } from '../../../renderer/src/api';
import RecordExportDialog from '../../../renderer/src/components/record-export/RecordExportDialog.vue';
import { fakeBridge } from './fake-bridge';
import { dataLayerPlugins } from './with-data-layer';

const JOB = '00000000-0000-4000-8000-0000000000e1';

describe('RecordExportDialog', () => {
  let wrapper: VueWrapper | undefined;

  beforeEach(() => {
    document.body.innerHTML = '';
    const failed = { jobId: JOB, kind: 'records-export', state: 'failed', progress: { done: 0, total: 0 }, startedAt: 1, finishedAt: 2 };
    const error = new AppError({ kind: 'network', message: 'The instance did not answer.' }).toIpcError();
    installBridge(fakeBridge({ 'jobs:status': () => ({ ...failed, error }) as unknown as JobStatus }).bridge);
  });
  afterEach(() => wrapper?.unmount());

  it("shows a failed export job's error by its message, not [object Object]", async () => {
    const { plugins } = dataLayerPlugins();
    const Host = defineComponent(() => {
      const show = ref(true);
      return () =>
        h(RecordExportDialog, {
          show: show.value,
          'onUpdate:show': (open: boolean) => (show.value = open),
          title: 'Export organizations',
          noun: 'organizations',
          filterSentence: '',
          matching: 0,
          formatHints: { csv: 'CSV', json: 'JSON' },
          testId: 'export-dialog',
          start: async () => ({ jobId: JOB }),
        });
    });
    wrapper = mount(Host, { global: { plugins }, attachTo: document.body });
    await flushPromises();
    document.body.querySelector<HTMLElement>('[data-testid="export-start"]')!.click();
    for (let i = 0; i < 10 && !document.body.querySelector('[data-testid="export-error"]'); i++) await flushPromises();
    const shown = document.body.querySelector('[data-testid="export-error"]')?.textContent ?? '';
    expect(shown).toContain('The instance did not answer.');
    expect(shown).not.toContain('[object Object]');
  });
});
