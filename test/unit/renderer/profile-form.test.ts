// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { AppError } from '../../../shared/ipc/errors';
import type { ProfileView } from '../../../shared/ipc/types';
import { installBridge } from '../../../renderer/src/api';
import ProfileForm from '../../../renderer/src/views/profiles/ProfileForm.vue';
import { deferred, fakeBridge, type FakeBridge, type FakeHandlers } from './fake-bridge';
import { profileView } from './profile-view';

const SAVED: ProfileView = profileView({ id: '00000000-0000-4000-8000-00000000000a', name: 'Acme', keyHint: 'sk_test_…a1b2' });

let main: FakeBridge;

function setup(handlers: FakeHandlers, profile?: ProfileView): VueWrapper {
  main = fakeBridge(handlers);
  installBridge(main.bridge);
  return mount(ProfileForm, { props: { profile }, global: { plugins: [createPinia()] }, attachTo: document.body });
}

async function type(wrapper: VueWrapper, testId: string, value: string): Promise<void> {
  await wrapper.find(`[data-testid="${testId}"] input`).setValue(value);
}

/** Types a name and a key the contract's schema accepts, so the submit reaches the fake main's handler. */
async function fillValid(wrapper: VueWrapper): Promise<void> {
  await type(wrapper, 'profile-name', 'Acme staging');
  await type(wrapper, 'profile-secret-key', 'sk_test_example');
}

async function submit(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

const text = (wrapper: VueWrapper, testId: string) => wrapper.find(`[data-testid="${testId}"]`);

describe('ProfileForm', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('puts a rejected key next to the key field and keeps what was typed', async () => {
    const wrapper = setup({
      'profiles:create': () => {
        throw new AppError({
          kind: 'validation',
          code: 'authentication_invalid',
          status: 401,
          message: 'This key was rejected by Clerk (authentication_invalid). Check that you copied the whole secret key.',
          paramName: 'secretKey',
          fields: [{ field: 'secretKey', message: 'This key was rejected by Clerk.' }],
        });
      },
    });
    await type(wrapper, 'profile-name', 'Acme staging');
    await type(wrapper, 'profile-secret-key', 'sk_test_wrong');
    await submit(wrapper);

    expect(text(wrapper, 'error-secretKey').text()).toContain('rejected by Clerk');
    expect(text(wrapper, 'error-apiUrl').exists()).toBe(false);
    expect(text(wrapper, 'profile-form-error').exists()).toBe(false);
    expect((wrapper.find('[data-testid="profile-name"] input').element as HTMLInputElement).value).toBe('Acme staging');
    expect((wrapper.find('[data-testid="profile-secret-key"] input').element as HTMLInputElement).value).toBe('sk_test_wrong');
    expect(wrapper.emitted('saved')).toBeUndefined();
    expect(main.inputs('profiles:create')[0]).toMatchObject({ name: 'Acme staging', apiUrl: 'https://api.clerk.com/v1', environment: 'development' });
  });

  it('puts an unreachable URL next to the URL field', async () => {
    const wrapper = setup({
      'profiles:create': () => {
        throw new AppError({
          kind: 'validation',
          message: 'Could not reach 127.0.0.1:9 to check the key: connection refused',
          paramName: 'apiUrl',
          fields: [{ field: 'apiUrl', message: 'Could not reach 127.0.0.1:9.' }],
        });
      },
    });
    await fillValid(wrapper);
    await submit(wrapper);
    expect(text(wrapper, 'error-apiUrl').text()).toContain('Could not reach 127.0.0.1:9');
    expect(text(wrapper, 'error-secretKey').exists()).toBe(false);
  });

  it('shows every schema problem on its own field, without the field-name prefix', async () => {
    const wrapper = setup({
      'profiles:create': () => {
        throw new AppError({
          kind: 'validation',
          code: 'invalid_input',
          message: 'name: Give the profile a name.',
          paramName: 'name',
          fields: [
            { field: 'name', message: 'Give the profile a name.' },
            { field: 'secretKey', message: 'Paste the secret key.' },
          ],
        });
      },
    });
    await submit(wrapper);
    expect(text(wrapper, 'error-name').text()).toBe('Give the profile a name.');
    expect(text(wrapper, 'error-secretKey').text()).toBe('Paste the secret key.');
  });

  it('offers "Use this key anyway" for a key of the wrong environment and resends with the confirmation', async () => {
    const wrapper = setup({
      'profiles:create': (input) => {
        if (!input.allowEnvironmentMismatch) {
          throw new AppError({
            kind: 'validation',
            code: 'key_environment_mismatch',
            message: 'This is a live (production) key, but the profile is marked development.',
            paramName: 'secretKey',
            fields: [{ field: 'secretKey', message: 'This is a live (production) key, but the profile is marked development.' }],
          });
        }
        return SAVED;
      },
      // The first profile ever becomes the active one.
      'profiles:activate': () => SAVED,
    });
    await type(wrapper, 'profile-name', 'Acme');
    await type(wrapper, 'profile-secret-key', 'sk_live_abcdef');
    expect(text(wrapper, 'profile-allow-mismatch').exists()).toBe(false);
    await submit(wrapper);
    expect(text(wrapper, 'error-secretKey').text()).toContain('live (production) key');
    await wrapper.find('[data-testid="profile-allow-mismatch"]').trigger('click');
    await submit(wrapper);
    expect(main.inputs('profiles:create').map((input) => input.allowEnvironmentMismatch)).toEqual([false, true]);
    expect(wrapper.emitted('saved')?.[0]).toEqual([SAVED]);
  });

  it('shows a keychain failure as a general error', async () => {
    const wrapper = setup({
      'profiles:create': () => {
        throw new AppError({ kind: 'keychain', code: 'keychain_unavailable', message: 'Could not save the secret key in the OS keychain.' });
      },
    });
    await fillValid(wrapper);
    await submit(wrapper);
    expect(text(wrapper, 'profile-form-error').text()).toContain('OS keychain');
  });

  it('shows a saving state while the key is checked', async () => {
    const answer = deferred<ProfileView>();
    const wrapper = setup({ 'profiles:create': () => answer.promise, 'profiles:activate': () => SAVED });
    await fillValid(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const button = wrapper.find('[data-testid="profile-save"]');
    expect(button.attributes('disabled')).toBeDefined();
    expect(button.text()).toContain('Checking the key');
    answer.resolve(SAVED);
    await flushPromises();
    expect(wrapper.find('[data-testid="profile-save"]').attributes('disabled')).toBeUndefined();
  });

  it('on edit, a blank key keeps the stored one and the hint is shown', async () => {
    const wrapper = setup({ 'profiles:update': (input) => ({ ...SAVED, name: input.name }) }, SAVED);
    expect(wrapper.find('[data-testid="profile-secret-key"] input').attributes('placeholder')).toContain('sk_test_…a1b2');
    await type(wrapper, 'profile-name', 'Acme renamed');
    await submit(wrapper);
    const [input] = main.inputs('profiles:update');
    expect(input).toMatchObject({ id: SAVED.id, name: 'Acme renamed', apiUrl: SAVED.apiUrl });
    expect(input).not.toHaveProperty('secretKey');
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });
});
