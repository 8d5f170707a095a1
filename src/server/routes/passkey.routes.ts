import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionSchema } from '#shared/auth.schema.js';
import { idSchema } from '#shared/common.schema.js';
import {
  addPasskeyBodySchema,
  passkeyAddedSchema,
  passkeyAuthenticationOptionsSchema,
  passkeyListSchema,
  passkeyLoginBodySchema,
  passkeyRegistrationOptionsSchema,
  passkeySignInOptionsBodySchema,
  removePasskeyBodySchema,
} from '#shared/passkey.schema.js';
import type { Services } from '../composition-root.js';
import type { Config } from '../config/config.js';
import { authenticateWith, principalOf } from '../plugins/auth.plugin.js';
import { authAddressLimit, authRateLimit } from '../plugins/rate-limit.plugin.js';
import { requireUser } from '../services/access/workspace-access.js';
import { setSessionCookies } from './auth.routes.js';

const tags = ['auth'];

/** Passkeys (WebAuthn) as a second factor under `/api/auth`: one's own, and sign-in's second step. */
export function passkeyRoutes(
  services: Pick<Services, 'auth' | 'passkeys' | 'accessTokens' | 'apiKeys' | 'sessions'>,
  config: Config,
): FastifyPluginAsyncZod {
  return async (app) => {
    const authenticate = authenticateWith(services);
    const rateLimit = authRateLimit(config);
    const preHandler = authAddressLimit(app, config);

    app.post(
      '/auth/login/passkey/options',
      {
        config: { rateLimit },
        preHandler,
        schema: {
          tags,
          summary: 'Options for signing in with a passkey, after the password',
          description:
            'For the account of a challenge from `POST /auth/login` (202): hand the options to `navigator.credentials.get`, then send its answer to `POST /auth/login/passkey`. Each call makes a new single-use challenge, good for 5 minutes.',
          body: passkeySignInOptionsBodySchema,
          response: { 200: passkeyAuthenticationOptionsSchema },
        },
      },
      async (request) => services.auth.passkeyOptions(request.body.challenge),
    );

    app.post(
      '/auth/login/passkey',
      {
        config: { rateLimit },
        preHandler,
        schema: {
          tags,
          summary: 'Finish signing in with a passkey',
          description:
            '400 `passkey_rejected` when the answer does not verify (another origin, a used or unknown challenge, a signature counter that did not grow); failures count with wrong codes (429 with `Retry-After`). 401 `two_factor_challenge_expired` when the password step is too old.',
          body: passkeyLoginBodySchema,
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) => {
        const issued = await services.auth.completePasskeyLogin(request.body);
        setSessionCookies(reply, issued, config);
        return reply.send(issued.session);
      },
    );

    app.get(
      '/auth/passkeys',
      {
        onRequest: authenticate,
        schema: {
          tags,
          summary: 'Your passkeys',
          security: [{ bearer: [] }],
          response: { 200: passkeyListSchema },
        },
      },
      async (request) => ({ items: await services.passkeys.list(requireUser(principalOf(request))) }),
    );

    app.post(
      '/auth/passkeys/options',
      {
        onRequest: authenticate,
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Options for adding a passkey',
          description:
            'Hand them to `navigator.credentials.create`, then send its answer to `POST /auth/passkeys` within 5 minutes. Each call makes a new single-use challenge.',
          security: [{ bearer: [] }],
          response: { 200: passkeyRegistrationOptionsSchema },
        },
      },
      async (request) => services.passkeys.registrationOptions(requireUser(principalOf(request))),
    );

    app.post(
      '/auth/passkeys',
      {
        onRequest: authenticate,
        // No Idempotency-Key: the answer may carry a session and recovery codes, which must not be kept
        // for replay, and a retried request cannot add twice anyway (its challenge is spent).
        config: { rateLimit, idempotency: false },
        schema: {
          tags,
          summary: 'Add a passkey; the first second factor turns two-factor sign-in on',
          description:
            'When it is the account’s first second factor, every other session is signed out: the answer carries this client’s new session and, if the account had none left, 10 recovery codes (shown this once). 400 `passkey_rejected` when the answer does not verify.',
          security: [{ bearer: [] }],
          body: addPasskeyBodySchema,
          response: { 201: passkeyAddedSchema },
        },
      },
      async (request, reply) => {
        const added = await services.passkeys.add(requireUser(principalOf(request)), request.body);
        if (added.issued) setSessionCookies(reply, added.issued, config);
        return reply.code(201).send({
          passkey: added.passkey,
          recovery_codes: added.recoveryCodes,
          session: added.issued?.session ?? null,
        });
      },
    );

    app.post(
      '/auth/passkeys/:id/remove',
      {
        onRequest: authenticate,
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Remove a passkey (password; a code too when it is the last second factor)',
          description:
            'Removing the last second factor turns two-factor sign-in off and needs `code` (an authenticator code or a recovery code) as well as the password; the recovery codes go with it.',
          security: [{ bearer: [] }],
          params: z.strictObject({ id: idSchema }),
          body: removePasskeyBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.passkeys.remove(requireUser(principalOf(request)), request.params.id, request.body);
        return reply.code(204).send(null);
      },
    );
  };
}
