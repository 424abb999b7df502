/** The Backend API's phone numbers operations the app uses, each declared once. */

/** The operations. */
export const phoneNumberOperations = {} as const;
