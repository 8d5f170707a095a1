import type { i18n as I18n } from 'i18next';
import { getI18n } from 'react-i18next';
import type { ErrorCode } from '#shared/error-codes.js';
import type common from '../locales/en/common.json';
import { ApiError, NetworkError } from './api-error.js';
import { fieldErrorText } from './field-error-text.js';

type FactsWording = (facts: unknown, i18n: I18n) => string | undefined;

/** Set by problem-facts-text.ts once loaded: until then, a refusal's detail is the server's English. */
let factsWording: FactsWording | undefined;

export function setProblemFactsWording(wording: FactsWording): void {
  factsWording = wording;
}

/**
 * Loads what says a refusal's facts in the interface's language (problem-facts-text.ts and the `problems`
 * strings), for the first problem that carries them: the sign-in page and a first visit need neither.
 * English needs nothing (the server's sentence is shown).
 */
export async function loadProblemFactsWording(i18n: I18n | undefined = getI18n()): Promise<void> {
  if (!i18n || (i18n.resolvedLanguage ?? i18n.language ?? 'en') === 'en') return;
  try {
    await Promise.all([import('./problem-facts-text.js'), i18n.loadNamespaces('problems')]);
  } catch {
    // Not loaded (offline?): the detail stays in English.
  }
}

function factsText(facts: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const i18n = getI18n();
  return facts && factsWording && i18n ? factsWording(facts, i18n) : undefined;
}

// The sentences live in the translations (`errors` in src/web/locales/<language>/common.json, loaded before
// the first screen renders): one per stable error code, plus the network and app fallbacks.

/** A code without its sentence in English fails `npm run typecheck` here, naming the code. */
type CodesWithoutSentence = Exclude<ErrorCode, keyof (typeof common)['errors']['codes']>;
export const EVERY_CODE_HAS_A_SENTENCE: [CodesWithoutSentence] extends [never] ? true : CodesWithoutSentence =
  true;

/**
 * Codes whose server `detail` says something specific the person needs and that the code's sentence cannot
 * (which moves are allowed, which file, the network's own reason, the limit that was passed). In a language
 * other than English, the translated sentence is shown with the detail after it: worded from the problem's
 * facts where it has them (problem-facts-text.ts), else as the server wrote it, in English. For the other
 * codes the sentence says it all, or the specifics are shown elsewhere: `validation_failed` and
 * `bulk_failed` list their fields separately, `not_found` and `version_conflict` only name the thing; where
 * such a problem carries facts (a `forbidden` that says who may do it), they are worded after it.
 */
const DETAIL_MATTERS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'conflict',
  'invalid_transition',
  'ai_provider_error',
  'network_refused',
  'network_unavailable',
  'unsupported_media_type',
  'media_too_large',
  'media_in_use',
  'media_check_failed',
  'over_channel_limit',
  'weak_password',
]);

/** The app's instance (src/web/lib/i18n/i18n.ts), or the tests' global one (src/web/test/setup-i18n.ts). */
function translator() {
  const i18n = getI18n();
  const english = !i18n || (i18n.resolvedLanguage ?? i18n.language ?? 'en') === 'en';
  return { t: i18n ? i18n.t : undefined, english };
}

/** A sentence to show a person for any error a request can end with, in the interface's language. */
export function describeError(error: unknown): string {
  const { t, english } = translator();
  // Without an i18n instance (a script, a test that set none up) there is nothing to say it with.
  if (!t) return error instanceof Error ? error.message : String(error);
  if (error instanceof NetworkError) return t('errors.network');
  if (!(error instanceof ApiError)) return t('errors.app');
  if (error.code === 'rate_limited' && error.retryAfterSeconds !== undefined) {
    return t('errors.rateLimitedFor', { seconds: error.retryAfterSeconds });
  }
  const known = t(`errors.codes.${error.code}`, { defaultValue: '' });
  // The server sends a 5xx `detail` only when it was written for people (an AI failure); else it hides it.
  if (error.status >= 500 && !error.detail) {
    const message = known || t('errors.codes.internal_error');
    return error.requestId ? t('errors.quoteRequestId', { message, requestId: error.requestId }) : message;
  }
  if (!error.detail) return known || error.title;
  // The server writes its details in English: they win in English, and elsewhere only add to the sentence.
  if (english || !known) return error.detail;
  if (!DETAIL_MATTERS.has(error.code)) {
    // A refusal whose facts say more than its code's sentence (who may do it) says that too, in these words.
    const worded = factsText(error.facts);
    return worded ? t('errors.withDetail', { message: known, detail: worded }) : known;
  }
  const detail = ruleDetail(error) ?? factsText(error.facts) ?? error.detail;
  return t('errors.withDetail', { message: known, detail });
}

/**
 * A refusal kept in a result rather than answered (a calendar job's slot the AI could not write): its
 * code's sentence and its detail, as `describeError` says a problem's; the server's sentence in English.
 */
export function describeRefusal(refusal: {
  reason: string;
  code?: ErrorCode | undefined;
  facts?: Readonly<Record<string, unknown>> | undefined;
}): string {
  const { t, english } = translator();
  if (!t || english || !refusal.code) return refusal.reason;
  const known = t(`errors.codes.${refusal.code}`, { defaultValue: '' });
  if (!known) return refusal.reason;
  if (!DETAIL_MATTERS.has(refusal.code)) return known;
  const detail = factsText(refusal.facts) ?? refusal.reason;
  return t('errors.withDetail', { message: known, detail });
}

/**
 * A refusal by the channel or media rules, or the password policy, in the reader's language: each issue
 * from its field error (its facts, or its message through the catalogue of field messages;
 * field-error-text.ts), where the server's `detail` is the same issues in English.
 */
function ruleDetail(error: ApiError): string | undefined {
  if (error.code === 'weak_password') {
    const [fieldError] = error.fieldErrors;
    return fieldError && fieldErrorText(fieldError);
  }
  if (error.code !== 'over_channel_limit' && error.code !== 'media_check_failed') return undefined;
  const worded = error.fieldErrors.filter((fieldError) => fieldError.facts);
  if (worded.length === 0) return undefined;
  // `over_channel_limit`'s detail names the first issue only; the media check's names them all.
  const shown = error.code === 'over_channel_limit' ? worded.slice(0, 1) : worded;
  return shown.map((fieldError) => fieldErrorText(fieldError)).join(' · ');
}
