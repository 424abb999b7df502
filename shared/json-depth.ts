/**
 * How deep a parsed JSON value nests, measured without recursion: V8's JSON.parse copes with any
 * depth, but anything recursive that touches the value afterwards (JSON.stringify, a deep merge,
 * redaction, a structured clone) overflows the stack somewhere past a thousand levels.
 */

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
