/** The Backend API's operations on proxy checks, each declared once (scaffolding: filled in by issue 12's work). */

/** The operations. */
export const proxyCheckOperations = {} as const;
