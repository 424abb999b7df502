/**
 * How deep an answer may nest. JSON.parse copes with any depth, but what main does next is
 * recursive (redacting secrets, canonical JSON for the audit chain, the structured clone that
 * carries a value over IPC) and overflows the stack at about 1,400 levels.
 */
export { nestsDeeperThan } from '../../../shared/json-depth';

/**
 * The deepest answer the client accepts: far beyond any real Backend API document (a user in a
 * list is three levels, plus its metadata) and safely below where main's recursive code fails.
 */
export const MAX_RESPONSE_DEPTH = 1000;
