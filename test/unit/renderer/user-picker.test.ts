// @vitest-environment happy-dom
/**
 * The shared user picker: what its list says while the admin types (never "no match" before the
 * answer), and the real component over a fake main: one debounced `users:list` search, matches
 * with name, email and id, picked by keyboard, the v-model and `pick` event, an error shown as one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import type { User } from '../../../shared/clerk';
import { AppError } from '../../../shared/ipc/errors';
import { installBridge } from '../../../renderer/src/api';
import UserPicker from '../../../renderer/src/components/user-picker/UserPicker.vue';
import { pickerState } from '../../../renderer/src/components/user-picker/user-picker-state';
import { useProfilesStore } from '../../../renderer/src/stores/profiles';
import { fakeBridge, type FakeBridge } from './fake-bridge';
import { profileView } from './profile-view';
import { dataLayerPlugins } from './with-data-layer';

const A = '00000000-0000-4000-8000-00000000000a';

const ada = {
  id: 'user_ada',
  first_name: 'Ada',
  last_name: 'Lovelace',
  username: null,
  primary_email_address_id: 'idn_1',
  email_addresses: [{ id: 'idn_1', email_address: 'ada@example.com' }],
  phone_numbers: [],
} as unknown as User;
const alan = { ...ada, id: 'user_alan', first_name: 'Alan', last_name: 'Turing', email_addresses: [{ id: 'idn_1', email_address: 'alan@example.com' }] } as unknown as User;

describe('pickerState', () => {
  const facts = { term: 'ada', sentTerm: 'ada', answeredTerm: 'ada', loading: false, failed: false, matchCount: 1 };
  it('is idle with nothing typed, searching until the term typed is answered', () => {
    expect(pickerState({ ...facts, term: '  ' })).toBe('idle');
    expect(pickerState({ ...facts, term: 'adam' })).toBe('searching');
    expect(pickerState({ ...facts, loading: true })).toBe('searching');
    expect(pickerState({ ...facts, answeredTerm: 'ad', matchCount: 0 })).toBe('searching');
  });
  it('says no match only for an answered term, and an error as one', () => {
    expect(pickerState({ ...facts, matchCount: 0 })).toBe('none');
    expect(pickerState(facts)).toBe('matches');
    expect(pickerState({ ...facts, failed: true, answeredTerm: undefined })).toBe('error');
  });
});

describe('UserPicker', () => {
  let main: FakeBridge;
  let wrapper: VueWrapper | undefined;
  let failSearch = false;
  const picked: (User | null)[] = [];
  const model = ref<string | null>(null);

  beforeEach(() => {
    document.body.innerHTML = '';
    failSearch = false;
    picked.length = 0;
    model.value = null;
    main = fakeBridge({
      'users:list': ({ query }) => {
        if (failSearch) throw new AppError({ kind: 'network', message: 'The instance did not answer.' });
        const users = [ada, alan].filter((user) => JSON.stringify(user).toLowerCase().includes(String(query).toLowerCase()));
        return { data: users, totalCount: users.length };
      },
      'users:get': ({ userId }) => [ada, alan].find((user) => user.id === userId)!,
    });
    installBridge(main.bridge);
    const { plugins } = dataLayerPlugins();
    const Host = defineComponent(() => {
      const profiles = useProfilesStore();
      profiles.list = [profileView({ id: A, name: 'Acme' })];
      profiles.activeId = A;
      return () =>
        h(UserPicker, {
          modelValue: model.value,
          'onUpdate:modelValue': (id: string | null) => (model.value = id),
          onPick: (user: User | null) => picked.push(user),
        });
    });
    wrapper = mount(Host, { global: { plugins }, attachTo: document.body });
  });
  afterEach(() => {
    wrapper?.unmount();
    wrapper = undefined;
    expect(main.rejected).toEqual([]);
  });

  const input = () => document.body.querySelector<HTMLInputElement>('[data-testid="user-picker"] input')!;
  const note = () => document.body.querySelector<HTMLElement>('[data-testid="user-picker-state"]');
  const options = () => [...document.body.querySelectorAll<HTMLElement>('[data-testid="user-picker-option"]')];

  /** Types `text` into the box and waits out the pause and the answer. */
  async function type(text: string): Promise<void> {
    input().focus();
    input().dispatchEvent(new FocusEvent('focus'));
    document.body.querySelector<HTMLElement>('[data-testid="user-picker"] .n-base-selection')!.click();
    await nextTick();
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
    await nextTick();
  }
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 350));
    await flushPromises();
  };

  it('searches once after the pause and picks a match with the keyboard', async () => {
    await type('a');
    await type('al');
    await type('alan');
    expect(note()?.dataset.state).toBe('searching');
    await settle();
    expect(main.inputs('users:list')).toEqual([expect.objectContaining({ profileId: A, query: 'alan', limit: 20, offset: 0 })]);
    expect(options().map((option) => option.dataset.userId)).toEqual(['user_alan']);
    expect(options()[0].textContent).toContain('Alan Turing');
    expect(options()[0].textContent).toContain('alan@example.com');
    input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true }));
    await flushPromises();
    expect(model.value).toBe('user_alan');
    expect(picked.map((user) => user?.id)).toEqual(['user_alan']);
  });

  it('says when nothing matches, and when the search failed', async () => {
    await type('nobody');
    await settle();
    expect(note()?.dataset.state).toBe('none');
    expect(note()?.textContent).toContain('No user matches “nobody”');
    failSearch = true;
    await type('grace');
    await settle();
    expect(note()?.dataset.state).toBe('error');
    expect(note()?.textContent).toContain('The instance did not answer.');
  });
});
