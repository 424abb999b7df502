/**
 * What the metadata editor will send and what it will lead to: each kind's patch text read as JSON,
 * checked (a JSON object; the patch and the merged result within Clerk's 8 KB), merged into the
 * current value with the shared deep merge (the one the Sandbox applies), and the request body
 * made of the kinds that change something.
 */
import { deepMergeMetadata, isJsonObject, METADATA_MAX_BYTES, metadataBytes, type JsonObject } from '@shared/metadata-merge';
import { sizesToCompare } from '@shared/image-upload';
import { problemText, readJson } from '../json-editor/json-problem';
import type { MetadataKind } from './metadata-kinds';

/** One kind's patch, read. */
export interface KindPatch {
  kind: MetadataKind;
  /** The value now (an empty object when the record has none). */
  current: JsonObject;
  /** Why this patch cannot be sent (a parse error, not an object, too large), or null. */
  problem: string | null;
  /** The parse error alone (the editor shows it itself); null when the text is JSON. */
  parseProblem: string | null;
  /** The patch object when it reads, else null. */
  patch: JsonObject | null;
  /** The value after the merge (the current value when the patch does not read). */
  merged: JsonObject;
  /** True when the patch has at least one key (an empty `{}` sends nothing). */
  sends: boolean;
  /** True when the merge would delete a key that exists now (a `null` somewhere). */
  deletes: boolean;
}

/** Reads the patch text of `kind` against the record's current value of it. */
export function readKindPatch(kind: MetadataKind, currentValue: unknown, text: string): KindPatch {
  const current = isJsonObject(currentValue) ? currentValue : {};
  const base = { kind, current, patch: null, merged: current, sends: false, deletes: false };
  if (text.trim() === '') return { ...base, problem: null, parseProblem: null, patch: {} };
  const reading = readJson(text);
  if (!reading.ok) {
    const parseProblem = problemText(reading.problem);
    return { ...base, problem: parseProblem, parseProblem };
  }
  if (!isJsonObject(reading.value)) {
    const what = Array.isArray(reading.value) ? 'an array' : reading.value === null ? 'null' : `a ${typeof reading.value}`;
    return { ...base, problem: `The patch must be a JSON object ({ … }), not ${what}.`, parseProblem: null };
  }
  const patch = reading.value;
  const merged = deepMergeMetadata(current, patch);
  const sends = Object.keys(patch).length > 0;
  let problem: string | null = null;
  if (metadataBytes(patch) > METADATA_MAX_BYTES) {
    const [size, limit] = sizesToCompare(metadataBytes(patch), METADATA_MAX_BYTES);
    problem = `The patch is ${size}; Clerk takes at most ${limit} of ${kind.label.toLowerCase()} metadata.`;
  } else if (metadataBytes(merged) > METADATA_MAX_BYTES) {
    const [size, limit] = sizesToCompare(metadataBytes(merged), METADATA_MAX_BYTES);
    problem = `After the merge, ${kind.label.toLowerCase()} metadata would be ${size}; Clerk allows at most ${limit}.`;
  }
  return { kind, current, problem, parseProblem: null, patch, merged, sends, deletes: sends && deletesSomething(current, patch) };
}

/** The request body: every kind whose patch reads and has a key. */
export function patchBody(patches: readonly KindPatch[]): Record<string, JsonObject> {
  const body: Record<string, JsonObject> = {};
  for (const entry of patches) if (entry.patch && entry.sends) body[entry.kind.field] = entry.patch;
  return body;
}

// True when a null in the patch names a key the current value has (at the same path).
function deletesSomething(current: JsonObject, patch: JsonObject): boolean {
  return Object.entries(patch).some(([key, value]) => {
    if (!(key in current)) return false;
    if (value === null) return true;
    return isJsonObject(value) && isJsonObject(current[key]) && deletesSomething(current[key] as JsonObject, value);
  });
}

/** One changed leaf of a merge, for the change preview: `prefs.beta` from true to absent. */
export interface LeafChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** The leaves a merge changes, by dotted path: objects are walked, arrays and values compared whole. */
export function leafChanges(before: JsonObject, after: JsonObject, prefix = ''): LeafChange[] {
  const changes: LeafChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const path = prefix ? `${prefix}.${key}` : key;
    const [was, now] = [before[key], after[key]];
    if (isJsonObject(was) && isJsonObject(now)) changes.push(...leafChanges(was, now, path));
    else if (JSON.stringify(was) !== JSON.stringify(now)) changes.push({ path, before: was, after: now });
  }
  return changes;
}
