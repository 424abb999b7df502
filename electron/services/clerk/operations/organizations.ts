/** The Backend API's organization and organization membership operations the app uses, each declared once. */
import { operation } from '../operation';

/** The organization and membership operations (issue 11: filled in by the organizations work). */
export const organizationOperations = {} as const;
