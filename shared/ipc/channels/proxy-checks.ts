/** The channels of proxy checks (issue 12, item 5). Their input is validated here, once. */

/** The proxy checks channels (scaffolding: filled in by issue 12's work). */
export const proxyCheckChannels = {} as const;
