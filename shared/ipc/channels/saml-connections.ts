/** The channels of SAML connections (issue 12, item 1). Their input is validated here, once. */

/** The SAML connections channels (scaffolding: filled in by issue 12's work). */
export const samlConnectionChannels = {} as const;
