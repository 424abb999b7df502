/** The Backend API's sessions operations the app uses, each declared once. */

/** The operations. */
export const sessionOperations = {} as const;
