/**
 * Reads a request body with a size cap and parses it: JSON (which must be an object) or
 * multipart/form-data (uploads, parsed by the platform's `Request.formData()`).
 */
import type { IncomingMessage } from 'node:http';
import { errors } from '../errors';
import type { JsonObject } from '../types';
import { assertNestingDepth } from '../validation/json-depth';

/** Largest JSON body accepted. */
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;
/** Largest upload: Clerk's 10 MB file limit plus room for the multipart framing. */
export const MULTIPART_BODY_LIMIT = 10 * 1024 * 1024 + 64 * 1024;
/** Beyond this the connection is cut instead of draining the upload. */
const HARD_LIMIT = 64 * 1024 * 1024;

/** A parsed request body. */
export interface ParsedBody {
  json: JsonObject;
  form?: FormData;
}

function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > HARD_LIMIT) {
        req.destroy();
        reject(errors.bodyTooLarge(limit));
        return;
      }
      // Keep draining past the limit so the client gets to read the 413.
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(errors.bodyTooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** Reads and parses the body of a request. */
export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const multipart = contentType.startsWith('multipart/form-data');
  if (req.headers['content-length'] === '0') return { json: {} };
  const raw = await readRaw(req, multipart ? MULTIPART_BODY_LIMIT : JSON_BODY_LIMIT);
  if (multipart) return { json: {}, form: await parseMultipart(raw, req.headers['content-type']!) };
  if (raw.length === 0 || raw.toString('utf8').trim() === '') return { json: {} };
  if (contentType !== '' && !contentType.startsWith('application/json')) throw errors.unsupportedContentType(contentType);
  return { json: parseJsonObject(raw.toString('utf8')) };
}

/** Parses a JSON body that must be an object (400 otherwise). */
export function parseJsonObject(text: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw errors.bodyInvalid(`malformed JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw errors.bodyInvalid('the body must be a JSON object');
  }
  // Before any handler walks the body: a field nested too deep is a 422 here, not a stack overflow later.
  for (const [name, field] of Object.entries(value)) assertNestingDepth(name, field);
  return value as JsonObject;
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<FormData> {
  try {
    return await new Request('http://sandbox.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
  } catch (error) {
    throw errors.bodyInvalid(`malformed multipart/form-data (${(error as Error).message})`);
  }
}
