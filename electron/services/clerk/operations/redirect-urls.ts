/** The Backend API's operations on redirect URLs, each declared once (scaffolding: filled in by issue 12's work). */

/** The operations. */
export const redirectUrlOperations = {} as const;
