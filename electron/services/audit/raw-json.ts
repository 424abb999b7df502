/**
 * Reads the top-level members of a record's JSON text without parsing the payloads inside them,
 * so an export can copy `before`, `after`, `body` and `response` through as the exact text that
 * was hashed. Parsing and re-serialising those payloads was most of an export's cost.
 */

const QUOTE = 34; // "
const BACKSLASH = 92; // \
const COLON = 58; // :
const COMMA = 44; // ,
const OPEN_BRACE = 123; // {
const CLOSE_BRACE = 125; // }
const OPEN_BRACKET = 91; // [
const CLOSE_BRACKET = 93; // ]

/**
 * A record's top-level members, in order. A flat key/value list: for the twenty-odd members of a
 * record it is cheaper to build than a Map (no hashing of every fresh key), and as quick to read.
 */
export class RawMembers implements Iterable<[string, string]> {
  private readonly entries: string[] = [];

  /** Appends a member. */
  add(key: string, raw: string): void {
    this.entries.push(key, raw);
  }

  /** The raw JSON text of member `key` (the last one, as JSON.parse would take, if repeated). */
  get(key: string): string | undefined {
    const entries = this.entries;
    for (let i = entries.length - 2; i >= 0; i -= 2) if (entries[i] === key) return entries[i + 1];
    return undefined;
  }

  /** How many members there are. */
  get size(): number {
    return this.entries.length / 2;
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    for (let i = 0; i < this.entries.length; i += 2) yield [this.entries[i], this.entries[i + 1]];
  }
}

/** Each top-level member of a JSON object text, as raw JSON text (`{"a":{"b":1}}` → a: `{"b":1}`). */
export function rawMembers(json: string): RawMembers {
  const members = new RawMembers();
  if (json.charCodeAt(0) !== OPEN_BRACE) throw new TypeError('rawMembers: not a JSON object');
  let depth = 0;
  let keyStart = -1;
  let keyEnd = -1;
  let keyEscaped = false;
  let valueStart = -1;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    let end = -1;
    if (c === QUOTE) {
      // Most of a record's bytes are inside strings: jump to the closing quote natively.
      const isKey = depth === 1 && keyStart < 0;
      if (isKey) keyStart = i;
      i = closingQuote(json, i);
      if (isKey) {
        keyEnd = i;
        for (let k = keyStart + 1; k < keyEnd; k++) if (json.charCodeAt(k) === BACKSLASH) keyEscaped = true;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) end = i;
    } else if (depth === 1) {
      if (c === COLON && valueStart < 0) valueStart = i + 1;
      else if (c === COMMA) end = i;
    }
    if (end >= 0 && keyStart >= 0 && valueStart >= 0) {
      // Keys are plain names in our records; only an escaped one needs a real parse.
      const key = keyEscaped ? (JSON.parse(json.slice(keyStart, keyEnd + 1)) as string) : json.slice(keyStart + 1, keyEnd);
      members.add(key, json.slice(valueStart, end));
      keyStart = keyEnd = valueStart = -1;
      keyEscaped = false;
    }
  }
  return members;
}

/** The index of the quote closing the string that opens at `start` (skipping escaped quotes). */
function closingQuote(json: string, start: number): number {
  let end = json.indexOf('"', start + 1);
  while (end > 0) {
    let backslashes = 0;
    while (json.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = json.indexOf('"', end + 1);
  }
  throw new TypeError('rawMembers: unterminated string');
}
