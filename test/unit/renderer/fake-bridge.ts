/**
 * A fake main process for renderer tests: the real `createBridge` over an invoke that runs
 * in-memory handlers and wraps their outcome in the IPC envelope, as main's dispatcher does.
 */
import { createBridge, type Bridge } from '../../../shared/ipc/bridge';
import type { Channel, ChannelResult } from '../../../shared/ipc/contract';
import { AppError, type IpcEnvelope } from '../../../shared/ipc/errors';

/** Handlers for the channels a test uses; input arrives as the renderer sent it. */
export type FakeHandlers = { [C in Channel]?: (input: any) => ChannelResult<C> | Promise<ChannelResult<C>> };

/** One call the renderer made. */
export interface FakeCall {
  channel: Channel;
  input: unknown;
}

/** A bridge plus the calls made through it. */
export interface FakeBridge {
  bridge: Bridge;
  calls: FakeCall[];
  /** The inputs of one channel's calls, in order. */
  inputs(channel: Channel): any[];
  /** Pushes a main-to-renderer event. */
  emit(event: 'menu:command', payload: unknown): void;
}

/** Builds a fake bridge; an unhandled channel answers with an internal error. */
export function fakeBridge(handlers: FakeHandlers): FakeBridge {
  const calls: FakeCall[] = [];
  const listeners = new Set<(payload: unknown) => void>();
  const bridge = createBridge(
    async (channel, input): Promise<IpcEnvelope<unknown>> => {
      // Like the real boundary, the input must survive structured cloning (no reactive proxies).
      calls.push({ channel, input: structuredClone(input) });
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      try {
        if (!handler) throw new AppError({ kind: 'internal', message: `No fake handler for ${channel}` });
        return { ok: true, value: await handler(input) };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toIpcError() };
        throw error;
      }
    },
    (_event, listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  );
  return {
    bridge,
    calls,
    inputs: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.input),
    emit: (_event, payload) => listeners.forEach((listener) => listener(payload)),
  };
}

/** A promise with its resolve function exposed (to answer calls out of order). */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
