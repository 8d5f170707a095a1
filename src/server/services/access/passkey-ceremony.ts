import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { sha256 } from './security/tokens.js';

/** Who the passkeys are for: the relying party's id (a host name) and the origins allowed to use them. */
export interface RelyingParty {
  /** The RP ID: PUBLIC_URL's host name (`localhost` without one). */
  id: string;
  /** Shown by the browser and the authenticator when a passkey is made. */
  name: string;
  /** Origins a ceremony may come from: PUBLIC_URL's, or this machine's in development. */
  origins: string[];
}

/** Port of the Vite dev server (`npm run dev`), which serves the web app in development. */
const VITE_DEV_PORT = 5173;

/**
 * The relying party for `publicUrl`. Without one (development), the server's own `http://localhost:<port>`
 * and the Vite dev server's origin are accepted: both are secure contexts for WebAuthn, and the RP ID
 * `localhost` covers every port.
 */
export function relyingPartyFor(publicUrl: string | undefined, port: number): RelyingParty {
  if (publicUrl) {
    const url = new URL(publicUrl);
    return { id: url.hostname, name: 'mcc', origins: [url.origin] };
  }
  const origins = [`http://localhost:${port}`, `http://localhost:${VITE_DEV_PORT}`];
  return { id: 'localhost', name: 'mcc', origins: [...new Set(origins)] };
}

/** How long a passkey ceremony may take, from options to answer (the browser's timeout is this too). */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;

type Purpose = 'register' | 'sign_in';

/**
 * Remember a new challenge for `userId` (only its SHA-256 digest, as recovery codes and reset links are
 * kept), and forget the expired ones on the way.
 */
export async function rememberChallenge(
  repos: Repositories,
  userId: string,
  purpose: Purpose,
  challenge: string,
  now: Date,
): Promise<void> {
  await repos.passkeys.deleteExpiredChallenges(now.toISOString());
  await repos.passkeys.saveChallenge({
    challenge_hash: sha256(challenge),
    user_id: userId,
    purpose,
    expires_at: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS).toISOString(),
  });
}

/**
 * The `expectedChallenge` check for the library: true (once) when the challenge the authenticator signed
 * is a live one issued to `userId` for `purpose`. Spending it before the rest of the checks means a
 * rejected answer burns its challenge too.
 */
export function spendChallenge(
  repos: Repositories,
  userId: string,
  purpose: Purpose,
  now: () => Date,
): (challenge: string) => Promise<boolean> {
  return (challenge) =>
    repos.passkeys.consumeChallenge(userId, sha256(challenge), purpose, now().toISOString());
}

/**
 * The answer for a ceremony that did not verify. The library's reason (which check failed: origin,
 * challenge, signature, counter…) goes to the logs, not to the client.
 */
export function passkeyRejected(reason?: string): AppError {
  const message = ruleFieldMessage('passkeyNotVerified');
  return new AppError('passkey_rejected', message, {
    errors: [{ path: 'body.response', message, code: 'passkey_rejected' }],
    ...(reason ? { diagnostics: reason } : {}),
  });
}

/** Transports as stored (a JSON array), for the library and the API. */
export function transportsOf(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
