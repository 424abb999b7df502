/** One sentence for an error inside the drop zone's small status. */
import { AppError } from '@shared/ipc/errors';

/** The error's message (Clerk's long message when it has one), without a trailing period doubled. */
export function errorMessage(error: unknown): string {
  if (error instanceof AppError) return error.longMessage && error.longMessage !== error.message ? error.longMessage : error.message;
  if (error instanceof DOMException || error instanceof Error) return error.message;
  return String(error);
}
