import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { API } from '#shared/api-paths.js';
import { type RegisterBody, type Session, sessionSchema, signUpPendingSchema } from '#shared/auth.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { storeSession } from '#web/lib/auth/session-store.js';

const signUpAnswerSchema = z.union([sessionSchema, signUpPendingSchema]);

export function signUp(body: RegisterBody) {
  return apiRequest(API.register, { method: 'POST', body, schema: signUpAnswerSchema });
}

/** Whether sign-up answered with a session (no email confirmation on this server, or an invitation). */
export function isSession(answer: z.output<typeof signUpAnswerSchema>): answer is Session {
  return 'access_token' in answer;
}

/**
 * Creates the account: signed in straight away on a server without email (and through an invitation),
 * otherwise "check your email" — the same answer whether or not the address already has an account.
 */
export function useSignUp() {
  return useMutation({
    mutationFn: signUp,
    onSuccess: (answer) => {
      if (isSession(answer)) storeSession(answer);
    },
  });
}

/** The emailed confirmation link: creates the account and signs it in. */
export function useConfirmSignUp() {
  return useMutation({
    mutationFn: (token: string) =>
      apiRequest(API.registerConfirm, { method: 'POST', body: { token }, schema: sessionSchema }),
    onSuccess: (session) => storeSession(session),
  });
}
