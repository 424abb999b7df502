/**
 * The one place a contract call is executed: validate the input with the channel's schema, run the
 * handler, and turn the outcome into an envelope. Electron's IPC glue (which adds the sender check)
 * and the e2e harness both call this, so what the tests exercise is what the app runs.
 */
import { z } from 'zod';
import { AppError, contract, type Channel, type ChannelResult, type ChannelsOf, type IpcEnvelope, type IpcError, type ParsedInput } from '../../shared/ipc';

/** The contract's implementation: one async function per channel. */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<ChannelResult<C>> };

/** One resource's part of the handler table, for its part of the contract (`HandlersFor<typeof userChannels>`). */
export type HandlersFor<Part> = Pick<Handlers, ChannelsOf<Part>>;

/** Runs a channel by name with untrusted input; never throws. */
export type Dispatch = (channel: string, input: unknown) => Promise<IpcEnvelope<unknown>>;

/** Options for {@link createDispatch}. */
export interface DispatchOptions {
  /** Where unexpected errors are reported (main's log); their details never reach the renderer. */
  onInternalError?: (channel: string, error: unknown) => void;
}

/** Builds the dispatcher over a handler table. */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, input) => {
    if (!Object.hasOwn(contract, channel)) {
      return failure({ kind: 'validation', message: `Unknown channel "${String(channel).slice(0, 80)}".`, code: 'unknown_channel' });
    }
    const name = channel as Channel;
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) return failure(validationError(parsed.error));
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.toIpcError());
      options.onInternalError?.(name, error);
      return failure({ kind: 'internal', message: 'Something went wrong in the app. The details were written to its log.' });
    }
  };
}

function failure(error: IpcError): IpcEnvelope<never> {
  return { ok: false, error };
}

/** A zod failure as a validation error with one issue per field. */
export function validationError(error: z.ZodError): IpcError {
  const fields = error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(input)', message: issue.message }));
  const first = fields[0];
  return {
    kind: 'validation',
    code: 'invalid_input',
    message: first ? `${first.field === '(input)' ? 'Invalid input' : first.field}: ${first.message}` : 'Invalid input.',
    paramName: first && first.field !== '(input)' ? first.field : undefined,
    fields,
  };
}

/** The result type of a channel, re-exported for handler authors. */
export type { ChannelResult };
