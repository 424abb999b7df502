/**
 * Places a failed save onto the profile form: each message next to the field it concerns
 * (`name`, `environment`, `apiUrl`, `secretKey`), anything else in one alert above the buttons.
 */
import { AppError } from '@shared/ipc/errors';

/** The form's fields, named as the contract names them. */
export const PROFILE_FIELDS = ['name', 'environment', 'apiUrl', 'secretKey'] as const;
/** One form field. */
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Where a failure's messages go. */
export interface PlacedErrors {
  fields: Partial<Record<ProfileField, string>>;
  /** A message that belongs to no field. */
  general: string | null;
  /** The key's kind contradicts the environment: offer "Use this key anyway". */
  environmentMismatch: boolean;
}

/** Splits an error into field messages and a general one. */
export function placeProfileErrors(error: unknown): PlacedErrors {
  if (!(error instanceof AppError)) {
    return { fields: {}, general: error instanceof Error ? error.message : String(error), environmentMismatch: false };
  }
  const fields: PlacedErrors['fields'] = {};
  for (const field of PROFILE_FIELDS) {
    // A rule checked in main (rejected key, unreachable URL) explains itself fully in `message`;
    // schema errors prefix the field name there, so their per-field message reads better.
    const message = error.code !== 'invalid_input' && error.paramName === field ? error.message : error.fieldMessage(field);
    if (message) fields[field] = message;
  }
  const placed = Object.keys(fields).length > 0;
  return { fields, general: placed ? null : error.message, environmentMismatch: error.code === 'key_environment_mismatch' };
}
