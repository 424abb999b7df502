/** The one helper every channel file declares its channels with. */
import type { z } from 'zod';

/** A channel's definition: its input schema, and its result type carried as a phantom. */
export interface ChannelDef<I extends z.ZodType, R> {
  input: I;
  /** Never set at runtime; only carries the result type. */
  readonly result?: R;
}

/** Declares a channel: `channel(inputSchema).returns<Result>()`. */
export function channel<I extends z.ZodType>(input: I) {
  return { returns: <R>(): ChannelDef<I, R> => ({ input }) };
}
