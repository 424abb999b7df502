/**
 * Multipart bodies in the audit log: text fields are kept (redacted later like any body), files
 * are described by name, type, size and SHA-256; their bytes are never stored.
 */
import { createHash } from 'node:crypto';
import type { AuditFile } from '../../../shared/audit/types';

/** A form's text fields (repeated names become arrays) and its files' descriptions. */
export async function describeForm(form: FormData): Promise<{ fields: Record<string, unknown>; files: AuditFile[] }> {
  const fields: Record<string, unknown> = {};
  const files: AuditFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      const existing = fields[field];
      fields[field] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    } else {
      const bytes = new Uint8Array(await value.arrayBuffer());
      files.push({
        field,
        name: value.name || 'blob',
        type: value.type || 'application/octet-stream',
        size: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
  }
  return { fields, files };
}
