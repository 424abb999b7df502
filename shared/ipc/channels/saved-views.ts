/** The saved views channels. Their input is validated here, once. */

/** The channels. */
export const savedViewChannels = {} as const;
