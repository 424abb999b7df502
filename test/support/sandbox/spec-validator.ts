/**
 * Validates response bodies against the vendored Clerk BAPI spec (OpenAPI 3.0.3) with ajv: the
 * spec's schemas are converted to JSON Schema (`nullable` → a null alternative, `$ref`s kept and
 * resolved inside the spec document, OpenAPI-only keywords dropped) and compiled per operation
 * and status.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const SPEC_PATH = resolve(import.meta.dirname, '../../../shared/clerk/clerk-bapi-2026-05-12.yml');
const SPEC_ID = 'clerk-bapi';
const DROPPED_KEYWORDS = new Set(['discriminator', 'example', 'examples', 'deprecated', 'xml', 'externalDocs']);

type Json = unknown;

/** Converts an OpenAPI 3.0 schema (recursively) to JSON Schema. */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.$ref = `${SPEC_ID}${value}`;
    else if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
    } else out[key] = toJsonSchema(value);
  }
  // `nullable: true` admits null whatever else the schema says (also with oneOf/allOf/$ref).
  if ((node as Record<string, Json>).nullable === true) return { anyOf: [{ type: 'null' }, out] };
  return out;
}

interface Spec {
  paths: Record<string, Record<string, { responses: Record<string, Json> }>>;
  components: Record<string, Record<string, Json>>;
}

let cached: { spec: Spec; ajv: Ajv; validators: Map<string, ValidateFunction> } | undefined;

function load() {
  if (cached) return cached;
  const spec = parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  (addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
  ajv.addSchema({ $id: SPEC_ID, components: toJsonSchema(spec.components) as Json } as object);
  cached = { spec, ajv, validators: new Map() };
  return cached;
}

function resolveRef(spec: Spec, node: Json): Record<string, Json> {
  let current = node as Record<string, Json>;
  while (current && typeof current.$ref === 'string') {
    const path = (current.$ref as string).slice(2).split('/');
    current = path.reduce<Json>((value, key) => (value as Record<string, Json>)[key], spec) as Record<string, Json>;
  }
  return current;
}

/** The spec's response schema of an operation for a status, or undefined when none is listed. */
export function responseSchema(method: string, template: string, status: number): Json | undefined {
  const { spec } = load();
  const operation = spec.paths[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`the spec has no operation ${method} ${template}`);
  const response = operation.responses[String(status)];
  if (!response) return undefined;
  return (resolveRef(spec, response).content as Record<string, { schema: Json }> | undefined)?.['application/json']?.schema;
}

/** Statuses the spec lists for an operation. */
export function listedStatuses(method: string, template: string): number[] {
  const { spec } = load();
  return Object.keys(spec.paths[template]?.[method.toLowerCase()]?.responses ?? {}).map(Number);
}

/**
 * Validates a body against the spec. Error statuses the spec does not list for the operation are
 * checked against the spec's shared error schema (ClerkErrors), which every error response uses.
 * Returns the list of problems (empty when valid).
 */
export function specProblems(method: string, template: string, status: number, body: Json): string[] {
  const { ajv, validators } = load();
  let schema = responseSchema(method, template, status);
  let key = `${method} ${template} ${status}`;
  if (schema === undefined) {
    if (status < 400) return [`the spec lists no ${status} response for ${method} ${template}`];
    schema = { $ref: '#/components/schemas/ClerkErrors' };
    key = 'ClerkErrors';
  }
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema) as object);
    validators.set(key, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
}
