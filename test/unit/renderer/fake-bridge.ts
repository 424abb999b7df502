/**
 * A fake main process for renderer tests: the real `createBridge` over an invoke that parses each
 * input with the contract's zod schema (as main's dispatcher does, so a view sending what main
 * would refuse gets main's validation error and its test fails), runs in-memory handlers and
 * wraps their outcome in the IPC envelope.
 */
import { validationError } from '../../../electron/services/dispatch';
import { createBridge, type Bridge } from '../../../shared/ipc/bridge';
import { contract, type Channel, type ChannelResult } from '../../../shared/ipc/contract';
import { AppError, type IpcEnvelope, type IpcError } from '../../../shared/ipc/errors';

/** Handlers for the channels a test uses; input arrives parsed by the channel's schema, as in main. */
export type FakeHandlers = { [C in Channel]?: (input: any) => ChannelResult<C> | Promise<ChannelResult<C>> };

/** One call the renderer made (its input as sent, before parsing). */
export interface FakeCall {
  channel: Channel;
  input: unknown;
}

/** A call main would have refused: its input failed the channel's schema. */
export interface FakeRejection extends FakeCall {
  error: IpcError;
}

/** A bridge plus the calls made through it. */
export interface FakeBridge {
  bridge: Bridge;
  calls: FakeCall[];
  /** The calls whose input the contract's schema refused (a test expects none, unless it tests that). */
  rejected: FakeRejection[];
  /** The inputs of one channel's calls, in order. */
  inputs(channel: Channel): any[];
  /** Pushes a main-to-renderer event. */
  emit(event: 'menu:command', payload: unknown): void;
}

/** Builds a fake bridge; an unhandled channel answers with an internal error. */
export function fakeBridge(handlers: FakeHandlers): FakeBridge {
  const calls: FakeCall[] = [];
  const rejected: FakeRejection[] = [];
  const listeners = new Set<(payload: unknown) => void>();
  const bridge = createBridge(
    async (channel, input): Promise<IpcEnvelope<unknown>> => {
      // Like the real boundary, the input must survive structured cloning (no reactive proxies).
      const sent = structuredClone(input);
      calls.push({ channel, input: sent });
      const parsed = contract[channel].input.safeParse(sent);
      if (!parsed.success) {
        const error = validationError(parsed.error);
        rejected.push({ channel, input: sent, error });
        return { ok: false, error };
      }
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      try {
        if (!handler) throw new AppError({ kind: 'internal', message: `No fake handler for ${channel}` });
        return { ok: true, value: await handler(parsed.data) };
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
    rejected,
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
