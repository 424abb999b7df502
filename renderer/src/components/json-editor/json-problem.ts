/** JSON text checked the way an editor's reader needs it: parsed, or why not, in words and with where. */

/** A parse problem: what is wrong and where (1-based), for the message under the editor. */
export interface JsonProblem {
  message: string;
  line?: number;
  column?: number;
}

/** The outcome of reading editor text as JSON. */
export type JsonReading = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

/** Parses `text`; on failure says what is wrong in a sentence, with its line and column when the parser gave a position. */
export function readJson(text: string): JsonReading {
  if (text.trim() === '') return { ok: false, problem: { message: 'Nothing to read: type a JSON object, for example {}.' } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: describe(text, error instanceof Error ? error.message : String(error)) };
  }
}

/** The problem as one line: "Line 2, column 9: Expected ',' or '}' after property value." */
export function problemText(problem: JsonProblem): string {
  return problem.line === undefined ? problem.message : `Line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

// V8 says e.g. "Expected ',' or '}' after property value in JSON at position 9 (line 1 column 10)",
// "Unexpected token 'x', "{x}" is not valid JSON" or "Unexpected end of JSON input".
function describe(text: string, raw: string): JsonProblem {
  const position = /at position (\d+)/.exec(raw);
  let message = raw
    .replace(/\s*in JSON at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .trim();
  if (/Unexpected end of JSON input/.test(raw)) message = 'The JSON ends too early: a bracket, brace or quote is not closed';
  message = message.replace(/^\w/, (c) => c.toUpperCase()).replace(/\.?$/, '.');
  const at = position ? Number(position[1]) : /Unexpected end/.test(raw) ? text.length : undefined;
  if (at === undefined) return { message };
  const before = text.slice(0, at).split('\n');
  return { message, line: before.length, column: before.at(-1)!.length + 1 };
}
