/**
 * Clerk's metadata merge, one implementation for both sides: the Sandbox applies it to a
 * `PATCH …/metadata` and the renderer's metadata editor previews it. From the spec
 * (UpdateUserMetadata) and clerk-bapi-notes §7: nested objects merge recursively, `null` deletes
 * the key at any depth, arrays and scalars replace the old value.
 */

/** A JSON object (metadata is always one). */
export type JsonObject = { [key: string]: unknown };

/**
 * Clerk's cap on each metadata field: "Metadata is limited to 8KB maximum" (Clerk docs, Users →
 * extending), measured here as the UTF-8 bytes of its compact JSON.
 */
export const METADATA_MAX_BYTES = 8 * 1024;

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A new object: `target` deep-merged with `patch`; `null` in the patch removes a key. Neither input changes. */
export function deepMergeMetadata(target: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else if (isJsonObject(value) && isJsonObject(out[key])) {
      out[key] = deepMergeMetadata(out[key] as JsonObject, value);
    } else if (isJsonObject(value)) {
      // A fresh nested object: drop its null leaves too, since null means "absent".
      out[key] = deepMergeMetadata({}, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The size Clerk's limit applies to: the UTF-8 bytes of the value's compact JSON. */
export function metadataBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').byteLength;
}
