/**
 * How deep a parsed JSON value nests, measured without recursion: a body nested 100,000 levels
 * deep parses fine (V8's JSON.parse is iterative) but overflows the stack of anything recursive
 * that touches it afterwards (JSON.stringify, a deep merge).
 */
import { nestsDeeperThan } from '../../../../shared/json-depth';
import { errors } from '../errors';

/**
 * The deepest nesting a body field may have: 4096 levels. Metadata is capped at 8 KB of JSON
 * (METADATA_MAX_BYTES) and each level takes at least two bytes (`[]`), so nothing deeper can be
 * valid metadata; no other field of the Backend API nests more than a few levels.
 */
export const JSON_MAX_DEPTH = 4096;

/**
 * Rejects a body field nested deeper than {@link JSON_MAX_DEPTH} with Clerk's 422
 * `form_param_value_too_large` (what Clerk answers for metadata over its size limit).
 */
export function assertNestingDepth(name: string, value: unknown, max = JSON_MAX_DEPTH): void {
  if (!nestsDeeperThan(value, max)) return;
  throw errors.unprocessable(
    'form_param_value_too_large',
    'is too large',
    `${name} is nested more than ${max} levels deep; metadata must be at most 8192 bytes of JSON.`,
    { param_name: name },
  );
}
