import { zodResolver as resolveWithZod } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { loadFieldMessages, translateFieldMessage } from './field-messages.js';

/** Each field's message in the interface's language (the schemas and zod write English). */
function translateErrors<T extends FieldValues>(errors: FieldErrors<T>): FieldErrors<T> {
  const translate = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(translate);
    if (typeof node !== 'object' || node === null) return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // `ref` is the input element; `message` sits beside the issue's `type`.
      if (key === 'ref') copy[key] = value;
      else if (key === 'message' && typeof value === 'string') copy[key] = translateFieldMessage(value);
      else copy[key] = translate(value);
    }
    return copy;
  };
  return translate(errors) as FieldErrors<T>;
}

/**
 * `@hookform/resolvers/zod`'s resolver, with its messages in the interface's language: the forms validate
 * with the shared schemas, whose messages (and zod's own) are English. Same arguments, same types.
 */
export const zodResolver = ((...args: Parameters<typeof resolveWithZod>) => {
  const resolve = resolveWithZod(...args);
  return async (...call: Parameters<typeof resolve>) => {
    await loadFieldMessages();
    const result = await resolve(...call);
    return { ...result, errors: translateErrors(result.errors) };
  };
}) as typeof resolveWithZod;
