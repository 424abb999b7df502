/** The sign in tokens channels. Their input is validated here, once. */

/** The channels. */
export const signInTokenChannels = {} as const;
