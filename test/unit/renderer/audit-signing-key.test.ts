// @vitest-environment happy-dom
/** The signing key in the Audit log's Verify dialog: the fingerprint with a copy button, the public key on demand, or why there is none. */
import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { installBridge } from '../../../renderer/src/api';
import AuditSigningKey from '../../../renderer/src/views/audit-log/AuditSigningKey.vue';
import { fakeBridge } from './fake-bridge';

const KEY = {
  publicKeyPem: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAexample=\n-----END PUBLIC KEY-----\n',
  fingerprint: 'dbda 2183 ecb4 9ff0 e29f 41ff 1b5a 3e1a 15cd d1ab c319 9fa9 f046 3f05 f6b0 4675',
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('AuditSigningKey', () => {
  it('shows the fingerprint, copies it, and shows the public key on demand', async () => {
    installBridge(fakeBridge({ 'audit:signingKey': () => ({ available: true, key: KEY }) }).bridge);
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) }, configurable: true });
    const wrapper = mount(AuditSigningKey, { attachTo: document.body });
    await flushPromises();
    expect(wrapper.get('[data-testid="audit-signing-key"]').attributes('data-state')).toBe('available');
    expect(wrapper.get('[data-testid="audit-signing-fingerprint"]').text()).toBe(KEY.fingerprint);
    await wrapper.get('[data-testid="audit-signing-copy"]').trigger('click');
    await flushPromises();
    expect(copied).toEqual([KEY.fingerprint]);
    expect(wrapper.get('[data-testid="audit-signing-copy"]').text()).toBe('Copied');
    expect(wrapper.find('[data-testid="audit-signing-public-key"]').exists()).toBe(false);
    await wrapper.get('[data-testid="audit-signing-show-key"]').trigger('click');
    expect(wrapper.get('[data-testid="audit-signing-public-key"]').text()).toContain('BEGIN PUBLIC KEY');
    wrapper.unmount();
  });

  it('says why the log is not signed', async () => {
    installBridge(fakeBridge({ 'audit:signingKey': () => ({ available: false, problem: 'Could not read the secret key in the OS keychain.' }) }).bridge);
    const wrapper = mount(AuditSigningKey, { attachTo: document.body });
    await flushPromises();
    expect(wrapper.get('[data-testid="audit-signing-problem"]').text()).toContain('not being signed: Could not read the secret key');
    wrapper.unmount();
  });
});
