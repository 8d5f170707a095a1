import { backoffDelayMs } from '../backoff.js';
import { refreshSession } from './refresh-session.js';

/**
 * Restores the session after a page load from the refresh cookie. If the server cannot be reached yet
 * (it is restarting, say), keeps trying with backoff instead of signing the person out.
 */
export async function restoreSession(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await refreshSession();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, backoffDelayMs(attempt)));
    }
  }
}
