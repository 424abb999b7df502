/** The sessions channels. Their input is validated here, once. */

/** The channels. */
export const sessionChannels = {} as const;
