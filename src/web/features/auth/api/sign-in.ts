import { useMutation } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import type { LoginBody, Session } from '#shared/auth.schema.js';
import type { TwoFactorChallenge, TwoFactorLoginBody } from '#shared/two-factor.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { storeSession } from '#web/lib/auth/session-store.js';

// The answers' schemas (and zod with them) load when the person signs in, not with the sign-in page: the
// page's JavaScript budget has no room for zod. The form fetches them as soon as it shows.

/** A session, or (two-factor sign-in on) the challenge to send back with a code. */
export async function signIn(body: LoginBody): Promise<Session | TwoFactorChallenge> {
  const { signInAnswerSchema } = await import('./sign-in-answers.js');
  return apiRequest(API.login, { method: 'POST', body, schema: signInAnswerSchema });
}

export function isChallenge(answer: Session | TwoFactorChallenge): answer is TwoFactorChallenge {
  return 'status' in answer && answer.status === 'two_factor_required';
}

/** Signs in and keeps the session in memory (the server sets the refresh cookie); a challenge is returned. */
export function useSignIn() {
  return useMutation({
    mutationFn: signIn,
    onSuccess: (answer) => {
      if (!isChallenge(answer)) storeSession(answer);
    },
  });
}

export async function completeSignIn(body: TwoFactorLoginBody): Promise<Session> {
  const { sessionSchema } = await import('./sign-in-answers.js');
  return apiRequest(API.loginTwoFactor, { method: 'POST', body, schema: sessionSchema });
}

/** Sign-in's second step: the challenge and a code; keeps the session like `useSignIn`. */
export function useCompleteSignIn() {
  return useMutation({ mutationFn: completeSignIn, onSuccess: (session) => storeSession(session) });
}

/**
 * Sign-in's second step with a passkey: options for the challenge's account, the browser's signature
 * (it asks the person to touch or unlock their authenticator), then the session.
 */
export async function completeSignInWithPasskey(challenge: string): Promise<Session> {
  // Only accounts with a passkey need the WebAuthn helper and its schemas: they load at this step.
  const [{ startAuthentication }, { sessionSchema }, passkeySchemas] = await Promise.all([
    import('@simplewebauthn/browser'),
    import('./sign-in-answers.js'),
    import('#shared/passkey.schema.js'),
  ]);
  const optionsJSON = await apiRequest(API.loginPasskeyOptions, {
    method: 'POST',
    body: { challenge },
    schema: passkeySchemas.passkeyAuthenticationOptionsSchema,
  });
  const response = passkeySchemas.passkeyAuthenticationResponseSchema.parse(
    await startAuthentication({ optionsJSON }),
  );
  return apiRequest(API.loginPasskey, {
    method: 'POST',
    body: { challenge, response },
    schema: sessionSchema,
  });
}

/** Sign-in's second step with a passkey; keeps the session like `useSignIn`. */
export function usePasskeySignIn() {
  return useMutation({
    mutationFn: completeSignInWithPasskey,
    onSuccess: (session) => storeSession(session),
  });
}
