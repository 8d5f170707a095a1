import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';

/**
 * The server's own sentence when it has one (it names the posts that use a file, the limit a file broke,
 * the accepted types), else the general message for the error.
 */
export function problemDetail(error: unknown): string {
  return error instanceof ApiError && error.detail ? error.detail : describeError(error);
}
