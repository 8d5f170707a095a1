import { ApiError } from './api-error.js';
import { loadProblemFactsWording } from './error-messages.js';
import { loadFieldMessages } from './field-messages.js';

/** Reads `Retry-After` as seconds; the HTTP-date form is converted relative to `now`. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Turns a non-2xx fetch Response into an ApiError. */
export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  // Loaded with the first failure: zod stays out of the JavaScript that every first visit downloads.
  const { problemFromBody } = await import('./problem-body.js');
  const problem = problemFromBody(response.status, body, response.headers.get('x-request-id'));
  // Field errors are shown translated, at once: their strings must be here before the form gets them.
  if (problem.errors?.length) await loadFieldMessages();
  // So are a refusal's facts (a status move, a refused file, an AI failure), in the reader's language.
  if (problem.facts || problem.errors?.some((error) => error.facts)) await loadProblemFactsWording();
  return new ApiError(problem, parseRetryAfter(response.headers.get('retry-after')));
}
