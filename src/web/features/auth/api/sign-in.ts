import { startAuthentication } from '@simplewebauthn/browser';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { API } from '#shared/api-paths.js';
import { type LoginBody, type Session, sessionSchema } from '#shared/auth.schema.js';
import {
  passkeyAuthenticationOptionsSchema,
  passkeyAuthenticationResponseSchema,
} from '#shared/passkey.schema.js';
import {
  type TwoFactorChallenge,
  type TwoFactorLoginBody,
  twoFactorChallengeSchema,
} from '#shared/two-factor.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { storeSession } from '#web/lib/auth/session-store.js';

/** A session, or (two-factor sign-in on) the challenge to send back with a code. */
const signInAnswerSchema = z.union([twoFactorChallengeSchema, sessionSchema]);

export function signIn(body: LoginBody): Promise<Session | TwoFactorChallenge> {
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

export function completeSignIn(body: TwoFactorLoginBody) {
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
export async function completeSignInWithPasskey(challenge: string) {
  const optionsJSON = await apiRequest(API.loginPasskeyOptions, {
    method: 'POST',
    body: { challenge },
    schema: passkeyAuthenticationOptionsSchema,
  });
  const response = passkeyAuthenticationResponseSchema.parse(await startAuthentication({ optionsJSON }));
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
