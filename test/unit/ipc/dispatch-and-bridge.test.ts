import { describe, expect, it } from 'vitest';
import { AppError, CHANNELS, createBridge, createClient, type IpcEnvelope } from '../../../shared/ipc';
import { createDispatch, type Handlers } from '../../../electron/services/dispatch';

const PROFILE = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

/** A handler table where every channel echoes its parsed input; one channel can be made to fail. */
function echoHandlers(overrides: Partial<Record<string, (input: any) => Promise<any>>> = {}): Handlers {
  return Object.fromEntries(CHANNELS.map((channel) => [channel, overrides[channel] ?? (async (input: unknown) => ({ channel, input }))])) as Handlers;
}

describe('dispatch', () => {
  it('parses input with the channel schema and applies defaults', async () => {
    const dispatch = createDispatch(echoHandlers());
    const reply = (await dispatch('users:list', { profileId: PROFILE })) as IpcEnvelope<any>;
    expect(reply).toEqual({ ok: true, value: { channel: 'users:list', input: { profileId: PROFILE, limit: 10, offset: 0 } } });
  });

  it('rejects malformed input field by field, without calling the handler', async () => {
    let called = false;
    const dispatch = createDispatch(echoHandlers({ 'users:list': async () => (called = true) }));
    const reply = (await dispatch('users:list', { profileId: 'nope', limit: 501, orderBy: 'password' })) as any;
    expect(called).toBe(false);
    expect(reply.ok).toBe(false);
    expect(reply.error.kind).toBe('validation');
    expect(reply.error.fields.map((f: any) => f.field).sort()).toEqual(['limit', 'orderBy', 'profileId']);
  });

  it('refuses unknown channels and prototype keys', async () => {
    const dispatch = createDispatch(echoHandlers());
    for (const name of ['users:drop', '__proto__', 'constructor', 'toString']) {
      const reply = (await dispatch(name, undefined)) as any;
      expect(reply.ok, name).toBe(false);
      expect(reply.error.code).toBe('unknown_channel');
    }
  });

  it('keeps Clerk error details and hides internal errors', async () => {
    const internal: unknown[] = [];
    const dispatch = createDispatch(
      echoHandlers({
        'users:get': async () => {
          throw new AppError({ kind: 'clerk', status: 404, code: 'resource_not_found', message: 'not found', traceId: 'trace_1', paramName: 'user_id' });
        },
        'app:info': async () => {
          throw new TypeError('secret internals at /home/me/file.ts:12');
        },
      }),
      { onInternalError: (_channel, error) => internal.push(error) },
    );
    const clerk = (await dispatch('users:get', { profileId: PROFILE, userId: 'user_abc' })) as any;
    expect(clerk.error).toEqual({ kind: 'clerk', status: 404, code: 'resource_not_found', message: 'not found', traceId: 'trace_1', paramName: 'user_id' });
    const crash = (await dispatch('app:info', undefined)) as any;
    expect(crash.error.kind).toBe('internal');
    expect(crash.error.message).not.toContain('secret internals');
    expect(internal).toHaveLength(1);
  });
});

describe('bridge and client', () => {
  it('the client resolves values and rethrows AppError with every detail', async () => {
    const dispatch = createDispatch(
      echoHandlers({
        'profiles:create': async () => {
          throw new AppError({ kind: 'validation', message: 'rejected', fields: [{ field: 'secretKey', message: 'This key was rejected by Clerk.' }] });
        },
      }),
    );
    const client = createClient(createBridge((channel, input) => dispatch(channel, input)));
    expect(await client.users.list({ profileId: PROFILE, limit: 25 })).toMatchObject({ channel: 'users:list' });
    const error = await client.profiles
      .create({ name: 'n', environment: 'development', secretKey: 'sk_test_x' })
      .catch((e: unknown) => e as AppError);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldMessage('secretKey')).toBe('This key was rejected by Clerk.');
  });
});
