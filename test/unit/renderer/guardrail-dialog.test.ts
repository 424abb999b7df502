// @vitest-environment happy-dom
/**
 * The guardrail's one confirmation dialog, driven through `useGuardrail().confirm` as every caller
 * does: the consequence and change preview, the typed confirmation on a production-class profile,
 * Cancel and Escape answering "no", a newer confirmation replacing an older one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import GuardrailDialog from '../../../renderer/src/components/guardrails/GuardrailDialog.vue';
import { changeRows, previewValue } from '../../../renderer/src/components/guardrails/change-rows';
import { useGuardrail } from '../../../renderer/src/composables/useGuardrail';
import type { ConfirmRequest } from '../../../renderer/src/stores/guardrail';
import { useProfilesStore } from '../../../renderer/src/stores/profiles';
import { profileView } from './profile-view';
import { dataLayerPlugins } from './with-data-layer';

let wrapper: VueWrapper | undefined;
let guardrail: ReturnType<typeof useGuardrail>;

/** Mounts the dialog with the active profile given; `guardrail` is the composable as a caller gets it. */
async function setup(profile: Partial<Parameters<typeof profileView>[0]> = {}): Promise<void> {
  const { plugins } = dataLayerPlugins();
  const Host = defineComponent(() => {
    const profiles = useProfilesStore();
    profiles.list = [profileView({ id: '00000000-0000-4000-8000-00000000000a', name: 'Acme', ...profile })];
    profiles.activeId = '00000000-0000-4000-8000-00000000000a';
    guardrail = useGuardrail();
    return () => h(GuardrailDialog);
  });
  wrapper = mount(Host, { global: { plugins }, attachTo: document.body });
  await flushPromises();
}

const BAN: ConfirmRequest = {
  title: 'Ban Ada Lovelace?',
  consequence: 'A ban revokes every session Ada has.',
  actionLabel: 'Ban user',
  destructive: true,
  preview: changeRows({ banned: false }, { banned: true }, { banned: 'Banned' }),
  confirmPhrase: 'ada@example.com',
};

const el = (testId: string) => document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const confirmButton = () => el('guardrail-confirm') as HTMLButtonElement;

async function type(text: string): Promise<void> {
  const input = el('guardrail-typed-input') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await nextTick();
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe('GuardrailDialog', () => {
  it('shows the consequence and the change preview, and resolves true on confirm', async () => {
    await setup();
    const answer = guardrail.confirm(BAN);
    await flushPromises();
    expect(el('guardrail-dialog')?.getAttribute('aria-label')).toBe('Ban Ada Lovelace?');
    expect(el('guardrail-consequence')?.textContent).toBe('A ban revokes every session Ada has.');
    const row = el('change-preview-row')!;
    expect(row.dataset.field).toBe('Banned');
    expect([row.querySelector('[data-testid="change-before"]')?.textContent, row.querySelector('[data-testid="change-after"]')?.textContent]).toEqual(['false', 'true']);
    // Not production-class: nothing to type.
    expect(el('guardrail-typed-input')).toBeNull();
    expect(confirmButton().disabled).toBe(false);
    expect(confirmButton().className).toContain('error');
    confirmButton().click();
    await expect(answer).resolves.toBe(true);
  });

  // Issue 11: a side effect beyond the target (the organization's last admin) shows as a warning above the consequence.
  it('shows a warning only when the request has one', async () => {
    await setup();
    const warned = guardrail.confirm({ ...BAN, warning: 'Removing Ada leaves Acme without any admin.' });
    await flushPromises();
    expect(el('guardrail-warning')?.textContent).toContain('Removing Ada leaves Acme without any admin.');
    el('guardrail-cancel')!.click();
    await expect(warned).resolves.toBe(false);
    const plain = guardrail.confirm(BAN);
    await flushPromises();
    expect(el('guardrail-warning')).toBeNull();
    el('guardrail-cancel')!.click();
    await expect(plain).resolves.toBe(false);
  });

  it('resolves false on Cancel and on Escape', async () => {
    await setup();
    const cancelled = guardrail.confirm(BAN);
    await flushPromises();
    el('guardrail-cancel')!.click();
    await expect(cancelled).resolves.toBe(false);

    const escaped = guardrail.confirm(BAN);
    await flushPromises();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }));
    await expect(escaped).resolves.toBe(false);
  });

  it('on a production-class profile keeps the button disabled until the phrase is typed exactly', async () => {
    await setup({ name: 'Acme production', environment: 'production', productionClass: true });
    const answer = guardrail.confirm(BAN);
    await flushPromises();
    expect(el('guardrail-typed')?.textContent).toContain('“Acme production” is a production profile');
    expect(el('guardrail-phrase')?.textContent).toBe('ada@example.com');
    expect(confirmButton().disabled).toBe(true);

    await type('ada@example.co');
    expect(confirmButton().disabled).toBe(true);
    // A correct beginning is not flagged; a wrong character is.
    expect(el('guardrail-typed-hint')?.textContent).not.toContain('does not match');
    await type('ada@exampel');
    expect(confirmButton().disabled).toBe(true);
    expect(el('guardrail-typed-hint')?.textContent).toContain('does not match');
    confirmButton().click();
    await type('ADA@example.com');
    expect(confirmButton().disabled).toBe(true);

    await type('  ada@example.com ');
    expect(confirmButton().disabled).toBe(false);
    // Enter in the field submits it.
    el('guardrail-typed')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await expect(answer).resolves.toBe(true);
  });

  it('asks a batch for its count, and skips typing for a request that says so', async () => {
    await setup({ liveKey: true, productionClass: true });
    const batch = guardrail.confirm({ ...BAN, title: 'Ban 12 users?', confirmPhrase: '12', preview: undefined });
    await flushPromises();
    expect(el('guardrail-phrase')?.textContent).toBe('12');
    expect(el('change-preview')).toBeNull();
    await type('12');
    confirmButton().click();
    await expect(batch).resolves.toBe(true);

    const unban = guardrail.confirm({ ...BAN, title: 'Unban?', destructive: false, typed: false });
    await flushPromises();
    expect(el('guardrail-typed-input')).toBeNull();
    expect(confirmButton().className).not.toContain('error');
    confirmButton().click();
    await expect(unban).resolves.toBe(true);
  });

  it('a newer confirmation answers the older one "no" and starts with an empty field', async () => {
    await setup({ environment: 'production', productionClass: true });
    const first = guardrail.confirm(BAN);
    await flushPromises();
    await type('ada@example.com');
    const second = guardrail.confirm({ ...BAN, title: 'Delete Ada?', confirmPhrase: 'user_ada' });
    await expect(first).resolves.toBe(false);
    await flushPromises();
    expect(el('guardrail-dialog')?.getAttribute('aria-label')).toBe('Delete Ada?');
    expect((el('guardrail-typed-input') as HTMLInputElement).value).toBe('');
    expect(confirmButton().disabled).toBe(true);
    el('guardrail-cancel')!.click();
    await expect(second).resolves.toBe(false);
  });

  it('uses the profile a request names instead of the active one', async () => {
    await setup();
    const answer = guardrail.confirm({ ...BAN, profile: { name: 'Other prod', productionClass: true } });
    await flushPromises();
    expect(el('guardrail-typed')?.textContent).toContain('“Other prod”');
    el('guardrail-cancel')!.click();
    await expect(answer).resolves.toBe(false);
  });
});

describe('change rows', () => {
  it('lists only the fields whose value changes, labelled, in the after order', () => {
    expect(changeRows({ a: 1, b: { x: 1 }, c: 'same' }, { c: 'same', b: { x: 2 }, a: 1, d: true }, { b: 'Bee' })).toEqual([
      { field: 'Bee', before: { x: 1 }, after: { x: 2 } },
      { field: 'd', before: undefined, after: true },
    ]);
  });

  it('shows nothing as (none) and values as text or compact JSON', () => {
    expect([previewValue(undefined), previewValue(null), previewValue(''), previewValue('x'), previewValue(false), previewValue({ a: [1] })]).toEqual([
      '(none)',
      '(none)',
      '(none)',
      'x',
      'false',
      '{"a":[1]}',
    ]);
  });
});
