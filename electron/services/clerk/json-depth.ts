/**
 * How deep an answer nests, measured without recursion. JSON.parse copes with any depth, but
 * what main does next is recursive (redacting secrets, canonical JSON for the audit chain, the
 * structured clone that carries a value over IPC) and overflows the stack at about 1,400 levels.
 */

/**
 * The deepest answer the client accepts: far beyond any real Backend API document (a user in a
 * list is three levels, plus its metadata) and safely below where main's recursive code fails.
 */
export const MAX_RESPONSE_DEPTH = 1000;

/** True when `value` has objects or arrays nested more than `max` levels deep. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    const depth = item.depth + 1;
    if (depth > max) return true;
    for (const child of Object.values(item.value)) if (typeof child === 'object' && child !== null) stack.push({ value: child, depth });
  }
  return false;
}
