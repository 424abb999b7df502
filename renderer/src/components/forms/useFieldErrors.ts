/**
 * A form's field errors, reactive: `show(error)` places a failed save onto the fields (see
 * field-errors.ts), `check(issues)` places the form's own rule issues before anything is sent,
 * and `status(field)` / `message(field)` feed Naive UI's NFormItem (`validation-status`, feedback).
 * What names no field stays in `summary`, with the error itself for its details (code, trace id).
 */
import { computed, nextTick, reactive, shallowRef } from 'vue';
import { placeErrors, placeMessages, type FieldMap, type NamedMessage, type PlacedErrors } from './field-errors';

/**
 * What shows a message: a FormField, a ListInput entry or a JSON editor marked `data-invalid`
 * (set as soon as the state changes, while a message itself may still be fading in).
 */
const MESSAGE_SELECTOR = '[data-invalid="true"]';

/** The reactive errors of one form. */
export function useFieldErrors<F extends string>(map: FieldMap<F>) {
  const state = reactive({ fields: {}, items: {}, summary: [] }) as PlacedErrors<F>;
  /** The failure shown in the summary (for ErrorDetails), when it came from a save. */
  const failure = shallowRef<unknown>(null);

  function apply(placed: PlacedErrors<F>): void {
    state.fields = placed.fields;
    state.items = placed.items;
    state.summary = placed.summary;
  }

  /** Clears every message, or one field's. */
  function clear(field?: F): void {
    if (field === undefined) {
      apply({ fields: {}, items: {}, summary: [] });
      failure.value = null;
      return;
    }
    delete state.fields[field];
    delete state.items[field];
  }

  /** Shows a failed save: field messages next to their fields, the rest in the summary. */
  function show(error: unknown): void {
    apply(placeErrors(error, map));
    failure.value = error;
  }

  /** Shows the form's own rule issues; true when there are none (the form may be sent). */
  function check(issues: readonly NamedMessage[] | readonly { field: string; message: string }[]): boolean {
    const named = issues.map((issue) => ('field' in issue ? { name: issue.field, message: issue.message } : issue));
    apply(placeMessages(named, map));
    failure.value = null;
    return named.length === 0;
  }

  /** Scrolls the first message inside `root` into view (a long form's problem may sit below the fold). */
  async function reveal(root: string): Promise<void> {
    await nextTick();
    document.querySelector(root)?.querySelector(MESSAGE_SELECTOR)?.scrollIntoView({ block: 'center' });
  }

  return {
    state,
    failure,
    /** True when any message is shown. */
    any: computed(() => Object.keys(state.fields).length > 0 || Object.keys(state.items).length > 0 || state.summary.length > 0),
    /** The field's message. */
    message: (field: F): string | undefined => state.fields[field],
    /** One list entry's message. */
    item: (field: F, index: number): string | undefined => state.items[field]?.[index],
    /** NFormItem's `validation-status` for the field. */
    // Entries mark only their own input (ListInput), so the other entries of the list stay plain.
    status: (field: F): 'error' | undefined => (state.fields[field] ? 'error' : undefined),
    show,
    check,
    clear,
    reveal,
  };
}

/** What {@link useFieldErrors} returns. */
export type FieldErrors<F extends string> = ReturnType<typeof useFieldErrors<F>>;
