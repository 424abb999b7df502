/**
 * The one field-error mapping every form uses: it places a failure (a thrown AppError from main or
 * Clerk, or the form's own rule issues) onto the form's fields, and keeps what names no field of the
 * form for a summary shown in the form itself (never only in a toast).
 *
 * Names are resolved from the most specific part of a path: Clerk's `meta.param_name`
 * (`email_address`), a zod path from the channel schema (`body.email_address.2`) or a rule issue
 * (`email_address.2`) all find the form field `params` maps them to, and a trailing index marks
 * one entry of a list field.
 */
import { AppError } from '@shared/ipc/errors';

/** How a form's fields are named. */
export interface FieldMap<F extends string> {
  /** The form's fields. A name equal to one of them needs no entry in `params`. */
  fields: readonly F[];
  /** Other names (Clerk's param names, schema paths) and the field each belongs to. */
  params?: Readonly<Partial<Record<string, F>>>;
}

/** Where a failure's messages go. */
export interface PlacedErrors<F extends string> {
  /** One message per field (a list field's entries have theirs in `items`). */
  fields: Partial<Record<F, string>>;
  /** Messages of single entries of a list field (the 2nd email address: `items.emails[1]`). */
  items: Partial<Record<F, Record<number, string>>>;
  /** Messages that name no field of the form, for the form's summary. */
  summary: string[];
}

/** A message and the name it gives (a param name or a path), before it is placed. */
export interface NamedMessage {
  name?: string;
  message: string;
}

/** The form field (and list index) a name belongs to, or undefined when it names none. */
export function resolveField<F extends string>(name: string, map: FieldMap<F>): { field: F; index?: number } | undefined {
  const segments = name.split('.');
  const lookup = (key: string): F | undefined => map.params?.[key] ?? ((map.fields as readonly string[]).includes(key) ? (key as F) : undefined);
  // The longest run of segments that names a field wins, leftmost first: `body.email_address.2` → email_address.
  for (let start = 0; start < segments.length; start++) {
    for (let end = segments.length; end > start; end--) {
      const field = lookup(segments.slice(start, end).join('.'));
      if (!field) continue;
      const index = segments[end] !== undefined && /^\d+$/.test(segments[end]) ? Number(segments[end]) : undefined;
      return index === undefined ? { field } : { field, index };
    }
  }
  return undefined;
}

/** Places named messages: the first message for a field (or an entry) wins, the rest go to the summary. */
export function placeMessages<F extends string>(messages: readonly NamedMessage[], map: FieldMap<F>): PlacedErrors<F> {
  const placed: PlacedErrors<F> = { fields: {}, items: {}, summary: [] };
  for (const { name, message } of messages) {
    const target = name ? resolveField(name, map) : undefined;
    if (!target) {
      placed.summary.push(name && !message.includes(name) ? `${name}: ${message}` : message);
    } else if (target.index !== undefined) {
      // An entry's message shows under that entry, not again for the whole field.
      const entries = (placed.items[target.field] ??= {});
      entries[target.index] ??= message;
    } else {
      placed.fields[target.field] ??= message;
    }
  }
  return placed;
}

/**
 * The named messages a failure carries: main's own field checks (`fields`), each of Clerk's
 * `errors[]` with its `paramName`, or the error's single `paramName`. A rule checked in main
 * (not the schema, not Clerk) explains itself fully in `message`, so that message is used for its field.
 */
export function errorMessages(error: unknown): NamedMessage[] {
  if (!(error instanceof AppError)) return [{ message: error instanceof Error ? error.message : String(error) }];
  const mainRule = error.kind !== 'clerk' && error.code !== 'invalid_input' ? error.paramName : undefined;
  const out: NamedMessage[] = [];
  for (const issue of error.fields ?? []) out.push({ name: issue.field, message: issue.field === mainRule ? error.message : issue.message });
  for (const item of error.errors ?? []) out.push({ name: item.paramName, message: item.longMessage || item.message });
  if (out.length === 0) out.push({ name: error.paramName, message: (error.kind === 'clerk' && error.longMessage) || error.message });
  return out;
}

/** Places a failure onto a form: {@link errorMessages} through {@link placeMessages}. */
export function placeErrors<F extends string>(error: unknown, map: FieldMap<F>): PlacedErrors<F> {
  return placeMessages(errorMessages(error), map);
}
