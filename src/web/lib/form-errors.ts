import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api-error.js';
import { describeError } from './error-messages.js';
import { fieldErrorText } from './field-error-text.js';

/** `body.email` → `email`; `body.address.city` → `address.city`. Other locations do not map to fields. */
export function fieldNameFromPath(path: string): string | undefined {
  return path.startsWith('body.') ? path.slice('body.'.length) : undefined;
}

/**
 * Shows a failed submission on the form: field errors beside their inputs (when the form has that field),
 * anything else as the form-level message. Returns the form-level message, or undefined if every
 * problem landed on a field. Field messages are shown in the interface's language (the server writes them in
 * English, from the shared schemas; src/web/lib/field-messages.ts).
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): string | undefined {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return describeError(error);
  let unplaced = false;
  for (const fieldError of error.fieldErrors) {
    const name = fieldNameFromPath(fieldError.path);
    if (name && (fields as readonly string[]).includes(name)) {
      setError(name as Path<T>, { type: 'server', message: fieldErrorText(fieldError) });
    } else {
      unplaced = true;
    }
  }
  return unplaced ? describeError(error) : undefined;
}
