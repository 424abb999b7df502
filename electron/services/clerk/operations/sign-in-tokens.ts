/** The Backend API's sign in tokens operations the app uses, each declared once. */

/** The operations. */
export const signInTokenOperations = {} as const;
