/**
 * Turns the contract into typed objects, so neither side writes channel names by hand.
 *
 * - {@link createBridge} (preload, or the e2e harness) gives one function per channel that returns
 *   the raw {@link IpcEnvelope}. Envelopes are plain data, so they survive the context bridge, which
 *   would strip an Error down to its message.
 * - {@link createClient} (renderer) wraps a bridge so each call resolves to the value or throws an
 *   {@link AppError} with Clerk's details intact.
 */
import { CHANNELS, type Channel, type ChannelInput, type ChannelResult, type EventName } from './contract';
import { AppError, type IpcEnvelope } from './errors';

type Domain<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbsOf<D extends string> = { [C in Channel]: C extends `${D}:${infer V}` ? V : never }[Channel];
type ChannelOf<D extends string, V extends string> = `${D}:${V}` & Channel;
type Args<C extends Channel> = undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

/** Sends one request to main (`ipcRenderer.invoke` in the preload). */
export type Invoke = (channel: Channel, input: unknown) => Promise<IpcEnvelope<unknown>>;
/** Subscribes to a main-to-renderer event; returns the unsubscribe function. */
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/** The object the preload exposes as `window.clerkAdmin`: one envelope-returning function per channel. */
export type Bridge = {
  [D in Domain<Channel>]: {
    [V in VerbsOf<D>]: (...args: Args<ChannelOf<D, V>>) => Promise<IpcEnvelope<ChannelResult<ChannelOf<D, V>>>>;
  };
} & {
  events: { on(event: EventName, listener: (payload: unknown) => void): () => void };
};

/** What renderer code calls: values, or a thrown {@link AppError}. */
export type Client = {
  [D in Domain<Channel>]: {
    [V in VerbsOf<D>]: (...args: Args<ChannelOf<D, V>>) => Promise<ChannelResult<ChannelOf<D, V>>>;
  };
} & {
  events: Bridge['events'];
};

function splitChannel(channel: Channel): [string, string] {
  const [domain, verb] = channel.split(':') as [string, string];
  return [domain, verb];
}

/** Builds the envelope-returning bridge from an invoke function. */
export function createBridge(invoke: Invoke, subscribe: Subscribe = () => () => {}): Bridge {
  const bridge: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = splitChannel(channel);
    bridge[domain] ??= {};
    bridge[domain][verb] = (input?: unknown) => invoke(channel, input);
  }
  bridge.events = { on: (event: EventName, listener: (payload: unknown) => void) => subscribe(event, listener) };
  return bridge as unknown as Bridge;
}

/** Unwraps an envelope: the value, or an {@link AppError} with the error's details. */
export function unwrap<T>(envelope: IpcEnvelope<T>): T {
  if (envelope && envelope.ok === true) return envelope.value;
  if (envelope && envelope.ok === false) throw new AppError(envelope.error);
  throw new AppError({ kind: 'internal', message: 'The app received an unreadable reply from its main process.' });
}

/** Wraps a bridge so every call resolves to its value or throws an {@link AppError}. */
export function createClient(bridge: Bridge): Client {
  const client: Record<string, Record<string, unknown>> = {};
  const raw = bridge as unknown as Record<string, Record<string, (input?: unknown) => Promise<IpcEnvelope<unknown>>>>;
  for (const channel of CHANNELS) {
    const [domain, verb] = splitChannel(channel);
    client[domain] ??= {};
    client[domain][verb] = async (input?: unknown) => unwrap(await raw[domain][verb](input));
  }
  client.events = bridge.events;
  return client as unknown as Client;
}
