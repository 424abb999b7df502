import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc';

const exposed: Record<string, any> = {};
const invoked: Array<[string, unknown]> = [];
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return { ok: true, value: channel };
    },
    on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
    removeListener: (event: string) => listeners.delete(event),
  },
}));

beforeEach(async () => {
  await import('../../../electron/preload/index');
});

describe('preload', () => {
  it('exposes only window.clerkAdmin', () => {
    expect(Object.keys(exposed)).toEqual(['clerkAdmin']);
  });

  it('exposes exactly one function per contract channel, plus the event subscription', () => {
    const api = exposed.clerkAdmin;
    const exposedChannels = Object.entries(api)
      .filter(([domain]) => domain !== 'events')
      .flatMap(([domain, verbs]) => Object.keys(verbs as object).map((verb) => `${domain}:${verb}`));
    expect(exposedChannels.sort()).toEqual([...CHANNELS].sort());
    for (const [domain, verbs] of Object.entries(api)) {
      for (const fn of Object.values(verbs as object)) expect(typeof fn, domain).toBe('function');
    }
    expect(Object.keys(api.events)).toEqual(['on']);
  });

  it('never exposes ipcRenderer or a generic invoke', () => {
    const text = JSON.stringify(Object.keys(exposed.clerkAdmin)) + JSON.stringify(Object.keys(exposed.clerkAdmin.events));
    expect(text).not.toMatch(/ipcRenderer|invoke|send/);
  });

  it('forwards a call to its own channel and returns the envelope as data', async () => {
    const reply = await exposed.clerkAdmin.users.list({ profileId: 'p' });
    expect(invoked.at(-1)).toEqual(['users:list', { profileId: 'p' }]);
    expect(reply).toEqual({ ok: true, value: 'users:list' });
  });

  it('subscribes to known events only, and can unsubscribe', () => {
    const seen: unknown[] = [];
    const off = exposed.clerkAdmin.events.on('menu:command', (payload: unknown) => seen.push(payload));
    listeners.get('menu:command')!({}, 'close-tab');
    expect(seen).toEqual(['close-tab']);
    off();
    expect(listeners.has('menu:command')).toBe(false);
    exposed.clerkAdmin.events.on('not-an-event', () => {});
    expect(listeners.has('not-an-event')).toBe(false);
  });
});
