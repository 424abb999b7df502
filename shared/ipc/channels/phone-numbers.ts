/** The phone numbers channels. Their input is validated here, once. */

/** The channels. */
export const phoneNumberChannels = {} as const;
