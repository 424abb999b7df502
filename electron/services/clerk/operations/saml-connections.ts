/** The Backend API's operations on SAML connections, each declared once (scaffolding: filled in by issue 12's work). */

/** The operations. */
export const samlConnectionOperations = {} as const;
