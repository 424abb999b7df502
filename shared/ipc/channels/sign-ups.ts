/** The channels of sign-up attempts (issue 12, item 4). Their input is validated here, once. */

/** The sign-up attempts channels (scaffolding: filled in by issue 12's work). */
export const signUpChannels = {} as const;
