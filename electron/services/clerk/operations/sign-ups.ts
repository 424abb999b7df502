/** The Backend API's operations on sign-up attempts, each declared once (scaffolding: filled in by issue 12's work). */

/** The operations. */
export const signUpOperations = {} as const;
