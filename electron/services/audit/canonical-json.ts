/**
 * Canonical JSON for hashing: object keys sorted by UTF-16 code units, no whitespace, numbers and
 * strings as `JSON.stringify` writes them (the same output as RFC 8785 for the values we store), so
 * anyone can recompute a record's hash from its text.
 */

/** Serialises plain JSON data canonically; `undefined` members are dropped, as JSON does. */
export function canonicalJson(value: unknown): string {
  const out = write(value);
  if (out === undefined) throw new TypeError('canonicalJson: the value is not representable as JSON');
  return out;
}

function write(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      return undefined; // undefined, functions, symbols: skipped like JSON.stringify
  }
}

function writeArray(items: unknown[]): string {
  return `[${items.map((item) => write(item) ?? 'null').join(',')}]`;
}

function writeObject(record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = write(record[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}
