// @vitest-environment happy-dom
/**
 * The user tab's actions bar with the real guardrail dialog and data layer over a fake main: each
 * action asks first (consequence, preview, typed identifier on production), sends only when
 * confirmed, reports failures, is disabled on a read-only profile, and has a shortcut.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { NMessageProvider } from 'naive-ui';
import type { User } from '../../../shared/clerk';
import { AppError } from '../../../shared/ipc/errors';
import type { ProfileView } from '../../../shared/ipc/types';
import { installBridge } from '../../../renderer/src/api';
import GuardrailDialog from '../../../renderer/src/components/guardrails/GuardrailDialog.vue';
import { useProfilesStore } from '../../../renderer/src/stores/profiles';
import UserActions from '../../../renderer/src/views/users/UserActions.vue';
import { userActionRequest } from '../../../renderer/src/views/users/user-action-requests';
import { deferred, fakeBridge, type FakeBridge, type FakeHandlers } from './fake-bridge';
import { profileView } from './profile-view';
import { dataLayerPlugins } from './with-data-layer';

const PROFILE = '00000000-0000-4000-8000-00000000000a';
const ada = {
  id: 'user_ada',
  first_name: 'Ada',
  last_name: 'Lovelace',
  banned: false,
  locked: false,
  two_factor_enabled: false,
  totp_enabled: false,
  backup_code_enabled: false,
  primary_email_address_id: 'idn_1',
  email_addresses: [{ id: 'idn_1', email_address: 'ada@example.com' }],
  phone_numbers: [],
} as unknown as User;

let main: FakeBridge;
let changed: User[];
let closed: number;
let wrapper: VueWrapper | undefined;

/** Mounts the actions bar and the guardrail dialog, with the given active profile. */
async function setup(handlers: FakeHandlers, user: User = ada, profile: Partial<ProfileView> = {}): Promise<VueWrapper> {
  main = fakeBridge(handlers);
  installBridge(main.bridge);
  changed = [];
  closed = 0;
  const { plugins } = dataLayerPlugins();
  const Host = defineComponent(() => {
    const profiles = useProfilesStore();
    profiles.list = [profileView({ id: PROFILE, name: 'Acme', ...profile })];
    profiles.activeId = PROFILE;
    return () =>
      h(NMessageProvider, () => [
        h(UserActions, { user, profileId: PROFILE, onChanged: (u: User) => changed.push(u), onCloseTab: () => (closed += 1) }),
        h(GuardrailDialog),
      ]);
  });
  // Real transitions (not test-utils' stubs), so a closed dialog animates away and is gone, as in the app.
  wrapper = mount(Host, { global: { plugins, stubs: { transition: false } }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const el = (testId: string) => document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const button = (testId: string) => el(testId) as HTMLButtonElement;

async function click(testId: string): Promise<void> {
  button(testId).click();
  await flushPromises();
}

async function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): Promise<void> {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  await flushPromises();
}

beforeEach(() => {
  document.body.innerHTML = '';
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  expect(main.rejected).toEqual([]);
});

describe('UserActions', () => {
  it('asks before banning, with the consequence and the preview, then bans', async () => {
    await setup({ 'users:ban': () => ({ ...ada, banned: true }) });
    await click('user-ban');
    expect(el('guardrail-consequence')?.textContent).toContain('revokes every session');
    expect(el('guardrail-consequence')?.textContent).toContain('blocks signing in');
    expect(el('change-preview-row')?.dataset.field).toBe('Banned');
    expect(main.inputs('users:ban')).toEqual([]);
    await click('guardrail-confirm');
    expect(main.inputs('users:ban')).toEqual([{ profileId: PROFILE, userId: 'user_ada' }]);
    expect(changed.map((u) => u.banned)).toEqual([true]);
    expect(document.body.textContent).toContain('Banned Ada Lovelace.');
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    await setup({ 'users:lock': () => ({ ...ada, locked: true }) });
    await click('user-lock');
    expect(el('guardrail-consequence')?.textContent).toContain('lockout duration');
    await click('guardrail-cancel');
    expect(main.calls.filter((call) => call.channel === 'users:lock')).toEqual([]);
  });

  it('on a production profile asks for the email typed before a ban, MFA disable or delete, but not an unlock', async () => {
    await setup({ 'users:unlock': () => ({ ...ada, locked: false }) }, { ...ada, locked: true, two_factor_enabled: true } as User, { environment: 'production', productionClass: true });
    for (const action of ['user-ban', 'user-disable-mfa', 'user-delete']) {
      await click(action);
      expect(el('guardrail-phrase')?.textContent, action).toBe('ada@example.com');
      expect(button('guardrail-confirm').disabled, action).toBe(true);
      await click('guardrail-cancel');
      await vi.waitFor(() => expect(el('guardrail-dialog')).toBeNull());
    }
    await click('user-unlock');
    expect(el('guardrail-typed-input')).toBeNull();
    await click('guardrail-confirm');
    expect(main.inputs('users:unlock')).toHaveLength(1);
  });

  it('deletes after confirming, then closes the tab', async () => {
    await setup({ 'users:delete': () => ({ object: 'user', id: 'user_ada', deleted: true }) });
    await click('user-delete');
    expect(el('guardrail-consequence')?.textContent).toContain('cannot be undone');
    await click('guardrail-confirm');
    expect(main.inputs('users:delete')).toEqual([{ profileId: PROFILE, userId: 'user_ada' }]);
    expect(closed).toBe(1);
    expect(document.body.textContent).toContain('Deleted Ada Lovelace.');
  });

  it('disables MFA only for a user who has a second factor, previewing what goes', async () => {
    await setup({ 'users:disableMfa': () => ({ user_id: 'user_ada' }) });
    expect(button('user-disable-mfa').disabled).toBe(true);
    expect(button('user-disable-mfa').title).toBe('This user has no second factor to remove.');
    wrapper!.unmount();
    document.body.innerHTML = '';

    await setup({ 'users:disableMfa': () => ({ user_id: 'user_ada' }), 'users:get': () => ada }, { ...ada, two_factor_enabled: true, totp_enabled: true } as User);
    await click('user-disable-mfa');
    expect(el('guardrail-consequence')?.textContent).toContain('removes every second factor');
    const fields = [...document.body.querySelectorAll<HTMLElement>('[data-testid="change-preview-row"]')].map((row) => row.dataset.field);
    expect(fields).toEqual(['Two-factor enabled', 'Authenticator app (TOTP)']);
    await click('guardrail-confirm');
    expect(main.inputs('users:disableMfa')).toEqual([{ profileId: PROFILE, userId: 'user_ada' }]);
    expect(document.body.textContent).toContain('Disabled MFA for Ada Lovelace.');
  });

  it('on a read-only profile disables every action with the reason, and its shortcuts open nothing', async () => {
    await setup({}, { ...ada, two_factor_enabled: true } as User, { readOnly: true });
    for (const id of ['user-ban', 'user-lock', 'user-disable-mfa', 'user-delete']) {
      expect(button(id).disabled, id).toBe(true);
      expect(button(id).title, id).toBe('“Acme” is read-only: turn off Read-only in Profiles to make changes.');
    }
    expect(el('user-actions-read-only')?.textContent).toContain('is read-only');
    await press('b');
    expect(el('guardrail-dialog')).toBeNull();
    expect(main.calls.filter((call) => call.channel.startsWith('users:'))).toEqual([]);
  });

  it('opens each confirmation from its shortcut, shown in the tooltip, but not while typing in a field', async () => {
    await setup({}, { ...ada, two_factor_enabled: true } as User);
    expect(button('user-ban').title).toContain('(B)');
    expect(button('user-lock').title).toContain('(L)');
    expect(button('user-disable-mfa').title).toContain('(M)');
    expect(button('user-delete').title).toMatch(/\(Del or Ctrl\+Backspace\)/);
    for (const [key, init, title] of [
      ['b', {}, 'Ban Ada Lovelace?'],
      ['l', {}, 'Lock Ada Lovelace?'],
      ['m', {}, 'Disable every second factor of Ada Lovelace?'],
      ['Delete', {}, 'Delete Ada Lovelace?'],
      ['Backspace', { ctrlKey: true }, 'Delete Ada Lovelace?'],
    ] as const) {
      await press(key, init);
      expect(el('guardrail-dialog')?.getAttribute('aria-label'), key).toBe(title);
      await click('guardrail-cancel');
      await vi.waitFor(() => expect(el('guardrail-dialog')).toBeNull());
    }
    // Not with another modifier, nor from a text field.
    // (The last dialog may still be animating away: no new one may have opened.)
    const dialogs = () => [...document.querySelectorAll('[data-testid="guardrail-dialog"]')].map((d) => d.getAttribute('aria-label'));
    const before = dialogs();
    await press('b', { ctrlKey: true });
    expect(dialogs()).toEqual(before);
    const input = document.createElement('input');
    document.body.append(input);
    await press('b', {}, input);
    expect(dialogs()).toEqual(before);
  });

  it('shows the loading state while an action runs, and no success message when it fails', async () => {
    const answer = deferred<User>();
    await setup({ 'users:lock': () => answer.promise });
    await click('user-lock');
    await click('guardrail-confirm');
    expect(el('user-actions')?.dataset.pending).toBe('lock');
    expect(button('user-ban').disabled).toBe(true);
    answer.resolve({ ...ada, locked: true });
    await flushPromises();
    expect(el('user-actions')?.dataset.pending).toBe('');
    expect(changed.map((u) => u.locked)).toEqual([true]);
  });

  it('explains Clerk’s refusal with its code and trace id', async () => {
    await setup(
      {
        'users:unlock': () => {
          throw new AppError({ kind: 'clerk', status: 403, code: 'operation_not_allowed', message: 'Not allowed', traceId: 'trace_abc' });
        },
      },
      { ...ada, locked: true } as User,
    );
    await click('user-unlock');
    await click('guardrail-confirm');
    const error = el('user-action-error')!;
    expect(error.textContent).toContain('Clerk refused to unlock this user');
    expect(error.querySelector('[data-testid="error-code"]')?.textContent).toBe('operation_not_allowed');
    expect(error.querySelector('[data-testid="error-trace-id"]')?.textContent).toBe('trace_abc');
    expect(error.querySelector('[data-testid="user-action-close-tab"]')).toBeNull();
    expect(changed).toEqual([]);
  });

  it('says a user deleted meanwhile no longer exists, with Close tab', async () => {
    await setup({
      'users:delete': () => {
        throw new AppError({ kind: 'clerk', status: 404, code: 'resource_not_found', message: 'User not found', traceId: 'trace_abc' });
      },
    });
    await click('user-delete');
    await click('guardrail-confirm');
    const error = el('user-action-error')!;
    expect(error.textContent).toContain('Could not delete this user: it no longer exists');
    expect(error.querySelector('[data-testid="user-action-close-tab"]')).not.toBeNull();
    expect(closed).toBe(0);
    expect(document.body.textContent).not.toContain('Deleted Ada');
  });

  it('says plainly that a change main refused for a read-only profile, or the audit log could not record, was not sent', async () => {
    await setup({
      'users:lock': () => {
        throw new AppError({ kind: 'validation', code: 'profile_read_only', message: 'Not sent: the profile "Acme" is read-only.' });
      },
      'users:ban': () => {
        throw new AppError({ kind: 'audit', message: 'The change was not sent: the audit log could not record it (disk full).' });
      },
    });
    await click('user-lock');
    await click('guardrail-confirm');
    expect(el('user-action-error')?.textContent).toContain('Not sent: this profile is read-only');
    await click('user-ban');
    await click('guardrail-confirm');
    expect(el('user-action-error')?.dataset.kind).toBe('audit');
    expect(el('user-action-error')?.textContent).toContain('Not sent: the audit log could not record this change');
    expect(el('user-action-error')?.textContent).toContain('disk full');
  });
});

describe('userActionRequest', () => {
  it('states each consequence and types the primary email, else the username, else the id', () => {
    expect(userActionRequest('ban', ada)).toMatchObject({ destructive: true, confirmPhrase: 'ada@example.com', preview: [{ field: 'Banned', before: false, after: true }] });
    expect(userActionRequest('unban', { ...ada, banned: true } as User)).toMatchObject({ destructive: false, typed: false, preview: [{ field: 'Banned', before: true, after: false }] });
    expect(userActionRequest('lock', { ...ada, lockout_expires_in_seconds: 1800 } as User).consequence).toContain('for 30 minutes');
    expect(userActionRequest('delete', ada)).toMatchObject({ destructive: true, actionLabel: 'Delete user' });
    expect(userActionRequest('delete', ada).preview).toBeUndefined();
    const noEmail = { ...ada, email_addresses: [], primary_email_address_id: null } as unknown as User;
    expect(userActionRequest('ban', { ...noEmail, username: 'ada' } as User).confirmPhrase).toBe('ada');
    expect(userActionRequest('ban', { ...noEmail, username: null } as User).confirmPhrase).toBe('user_ada');
  });
});
