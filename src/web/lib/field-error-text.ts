import type { i18n as I18n } from 'i18next';
import { getI18n } from 'react-i18next';
import type { FieldError } from '#shared/problem.schema.js';
import { translateFieldMessage } from './field-messages.js';

/**
 * Words one field error from its `facts` in the interface's language, or says it does not know the kind
 * (undefined). Features add theirs with `addFieldErrorWording`, so what a wording needs (the channel rules,
 * for the editor's refusals) loads with the pages that can be refused so, not with the sign-in page.
 */
export type FieldErrorWording = (error: FieldError, i18n: I18n) => string | undefined;

const wordings: FieldErrorWording[] = [];

/** Register a wording for field errors that carry facts (see channel-issue-text.ts). */
export function addFieldErrorWording(wording: FieldErrorWording): void {
  if (!wordings.includes(wording)) wordings.push(wording);
}

/**
 * A field error from the server in the interface's language: from its facts where a loaded feature words
 * them, else its message through the validation catalogue (field-messages.ts).
 *
 * @example fieldErrorText({ path: 'body.hashtags', code: 'too_many_hashtags', message: 'Threads allows 1 hashtag; this has 2', facts }) // 'Threads accepte au plus 1 hashtag ; ce texte en compte 2'
 */
export function fieldErrorText(error: FieldError, i18n: I18n | undefined = getI18n()): string {
  if (i18n && error.facts) {
    for (const wording of wordings) {
      const text = wording(error, i18n);
      if (text !== undefined) return text;
    }
  }
  return translateFieldMessage(error.message, i18n);
}
