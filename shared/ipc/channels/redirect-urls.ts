/** The channels of redirect URLs (issue 12, item 3). Their input is validated here, once. */

/** The redirect URLs channels (scaffolding: filled in by issue 12's work). */
export const redirectUrlChannels = {} as const;
