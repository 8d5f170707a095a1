import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AUTH_COOKIES,
  authOptionsSchema,
  CSRF_HEADER,
  changePasswordBodySchema,
  checkResetTokenBodySchema,
  confirmSignUpBodySchema,
  forgotPasswordBodySchema,
  invitationInfoSchema,
  loginBodySchema,
  registerBodySchema,
  resetPasswordBodySchema,
  sessionSchema,
  signUpPendingSchema,
  updateMeBodySchema,
  userSchema,
} from '#shared/auth.schema.js';
import {
  disableTwoFactorBodySchema,
  enableTwoFactorBodySchema,
  recoveryCodesSchema,
  regenerateRecoveryCodesBodySchema,
  twoFactorChallengeSchema,
  twoFactorEnabledSchema,
  twoFactorLoginBodySchema,
  twoFactorSetupSchema,
  twoFactorStatusSchema,
} from '#shared/two-factor.schema.js';
import type { Services } from '../composition-root.js';
import type { Config } from '../config/config.js';
import { AppError } from '../errors/app-error.js';
import { authenticateWith, principalOf } from '../plugins/auth.plugin.js';
import { authAddressLimit, authRateLimit } from '../plugins/rate-limit.plugin.js';
import type { IssuedSession } from '../services/access/auth.service.js';
import { randomToken, safeEqual } from '../services/access/security/tokens.js';
import { CHECK_EMAIL_MESSAGE } from '../services/access/sign-up.service.js';
import { requireUser } from '../services/access/workspace-access.js';

const tags = ['auth'];

/** Accounts and sessions under `/api/auth`. */
export function authRoutes(
  services: Pick<
    Services,
    | 'auth'
    | 'twoFactor'
    | 'accessTokens'
    | 'apiKeys'
    | 'sessions'
    | 'signUp'
    | 'passwordResets'
    | 'invitations'
  >,
  config: Config,
): FastifyPluginAsyncZod {
  return async (app) => {
    const authenticate = authenticateWith(services);
    const rateLimit = authRateLimit(config);
    const preHandler = authAddressLimit(app, config);
    const sendSession = (reply: FastifyReply, issued: IssuedSession, status = 200) => {
      setSessionCookies(reply, issued, config);
      return reply.code(status).send(issued.session);
    };

    app.get(
      '/auth/options',
      {
        schema: {
          tags,
          summary: 'How sign-up and email work on this server',
          response: { 200: authOptionsSchema },
        },
      },
      async () => services.signUp.options(),
    );

    app.post(
      '/auth/register',
      {
        config: { rateLimit },
        preHandler,
        schema: {
          tags,
          summary: 'Create an account',
          description:
            "In the server's sign-up mode (`GET /auth/options`). `confirm_by_email` with mail (SMTP, or the development outbox): every address gets 202 \"check your email\", whether or not it has an account; a new one gets a confirmation link, an existing one a note saying someone tried. `confirm_by_email` in production without SMTP: 503 `mail_unavailable`, except for the instance's first account (201 with a session). `immediate`: 201 with a session at once (409 for a taken address). `closed`: 403 `sign_up_closed`. With `invitation_token` (an invitation's accept link), in every mode, 201 with a session and the account joins the workspace.",
          body: registerBodySchema,
          response: { 201: sessionSchema, 202: signUpPendingSchema },
        },
      },
      async (request, reply) => {
        const outcome = await services.signUp.register(request.body);
        if (outcome.kind === 'session') return sendSession(reply, outcome.issued, 201);
        return reply.code(202).send({ status: 'check_email', message: CHECK_EMAIL_MESSAGE });
      },
    );

    app.post(
      '/auth/register/confirm',
      {
        config: { rateLimit },
        preHandler,
        schema: {
          tags,
          summary: 'Confirm a sign-up from its emailed link, and sign in',
          body: confirmSignUpBodySchema,
          response: { 201: sessionSchema },
        },
      },
      async (request, reply) => sendSession(reply, await services.signUp.confirm(request.body.token), 201),
    );

    app.post(
      '/auth/invitation',
      {
        config: { rateLimit },
        preHandler,
        schema: {
          tags,
          summary: 'What an invitation link is for (the sign-up page shows it)',
          body: confirmSignUpBodySchema,
          response: { 200: invitationInfoSchema },
        },
      },
      async (request) => services.invitations.describe(request.body.token),
    );

    app.post(
      '/auth/password/forgot',
      {
        config: { rateLimit },
        preHandler,
        schema: {
          tags,
          summary: 'Email a password-reset link (valid 30 minutes, single use)',
          description:
            'The same 202 for every address, after the same work: only an address with an account gets an email. 503 `mail_unavailable` when the server cannot send email.',
          body: forgotPasswordBodySchema,
          response: { 202: signUpPendingSchema },
        },
      },
      async (request, reply) => {
        await services.passwordResets.request(request.body.email);
        return reply.code(202).send({
          status: 'check_email',
          message:
            'If an account uses this address, we sent it a link to choose a new password. It works for 30 minutes.',
        });
      },
    );

    app.post(
      '/auth/password/reset/check',
      {
        config: { rateLimit },
        preHandler,
        schema: {
          tags,
          summary: 'Whether a reset link still works (410 `link_expired` if not)',
          body: checkResetTokenBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.passwordResets.check(request.body.token);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/password/reset',
      {
        config: { rateLimit },
        preHandler,
        schema: {
          tags,
          summary: 'Set a new password from a reset link; every session is signed out',
          body: resetPasswordBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.passwordResets.reset(request.body);
        clearSessionCookies(reply);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/login',
      {
        config: { rateLimit },
        preHandler,
        schema: {
          tags,
          summary: 'Sign in with email and password',
          description:
            'With two-factor sign-in on, a right password answers 202 with a challenge (no tokens, no cookies): send it with a code to `POST /auth/login/two-factor` within `expires_in` seconds.',
          body: loginBodySchema,
          response: { 200: sessionSchema, 202: twoFactorChallengeSchema },
        },
      },
      async (request, reply) => {
        const outcome = await services.auth.login(request.body, request.ip ?? 'unknown');
        if (outcome.kind === 'session') return sendSession(reply, outcome.issued);
        return reply.code(202).send(outcome.challenge);
      },
    );

    app.post(
      '/auth/login/two-factor',
      {
        config: { rateLimit },
        preHandler,
        schema: {
          tags,
          summary: 'Finish signing in with a code from the authenticator app, or a recovery code',
          description:
            'Each code works once; a recovery code is spent. Wrong codes slow down like wrong passwords (429 with `Retry-After`). 401 `two_factor_challenge_expired` when the challenge is too old: sign in again.',
          body: twoFactorLoginBodySchema,
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) => sendSession(reply, await services.auth.completeLogin(request.body)),
    );

    app.get(
      '/auth/two-factor',
      {
        onRequest: authenticate,
        schema: {
          tags,
          summary: 'Whether two-factor sign-in is on, and how many recovery codes are left',
          security: [{ bearer: [] }],
          response: { 200: twoFactorStatusSchema },
        },
      },
      async (request) => services.twoFactor.status(requireUser(principalOf(request))),
    );

    app.post(
      '/auth/two-factor/setup',
      {
        onRequest: authenticate,
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Start turning on two-factor sign-in: a new secret and its QR code',
          description:
            'Nothing changes for sign-in until `POST /auth/two-factor/enable` confirms a code. Starting again replaces the unconfirmed secret; 409 when it is already on.',
          security: [{ bearer: [] }],
          response: { 200: twoFactorSetupSchema },
        },
      },
      async (request) => services.twoFactor.start(requireUser(principalOf(request))),
    );

    app.post(
      '/auth/two-factor/enable',
      {
        onRequest: authenticate,
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Confirm a code and turn two-factor sign-in on; other sessions are signed out',
          description:
            'Answers the 10 recovery codes (shown this once; the server keeps only digests) and a new session for this client.',
          security: [{ bearer: [] }],
          body: enableTwoFactorBodySchema,
          response: { 200: twoFactorEnabledSchema },
        },
      },
      async (request, reply) => {
        const { issued, recoveryCodes } = await services.twoFactor.enable(
          requireUser(principalOf(request)),
          request.body.code,
        );
        setSessionCookies(reply, issued, config);
        return reply.send({ recovery_codes: recoveryCodes, session: issued.session });
      },
    );

    app.post(
      '/auth/two-factor/recovery-codes',
      {
        onRequest: authenticate,
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Replace the recovery codes with 10 new ones (the old ones stop working)',
          security: [{ bearer: [] }],
          body: regenerateRecoveryCodesBodySchema,
          response: { 200: recoveryCodesSchema },
        },
      },
      async (request) => ({
        recovery_codes: await services.twoFactor.regenerateRecoveryCodes(
          requireUser(principalOf(request)),
          request.body.password,
        ),
      }),
    );

    app.post(
      '/auth/two-factor/disable',
      {
        onRequest: authenticate,
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Turn two-factor sign-in off (password and a code, or a recovery code)',
          security: [{ bearer: [] }],
          body: disableTwoFactorBodySchema,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await services.twoFactor.disable(requireUser(principalOf(request)), request.body);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/refresh',
      {
        schema: {
          tags,
          summary: 'Rotate the refresh cookie and get a new access token',
          description: `Needs the \`${AUTH_COOKIES.refresh}\` cookie and the \`${CSRF_HEADER}\` header equal to the \`${AUTH_COOKIES.csrf}\` cookie.`,
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) => {
        assertCsrf(request);
        try {
          return sendSession(reply, await services.auth.refresh(request.cookies[AUTH_COOKIES.refresh]));
        } catch (error) {
          clearSessionCookies(reply);
          throw error;
        }
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: { tags, summary: 'Sign out this session', response: { 204: z.null() } },
      },
      async (request, reply) => {
        assertCsrf(request);
        await services.auth.logout(request.cookies[AUTH_COOKIES.refresh]);
        clearSessionCookies(reply);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        onRequest: authenticate,
        schema: {
          tags,
          summary: 'The signed-in user',
          security: [{ bearer: [] }],
          response: { 200: userSchema },
        },
      },
      async (request) => services.auth.me(requireUser(principalOf(request))),
    );

    app.patch(
      '/auth/me',
      {
        onRequest: authenticate,
        schema: {
          tags,
          summary: 'Update name or email',
          security: [{ bearer: [] }],
          body: updateMeBodySchema,
          response: { 200: userSchema },
        },
      },
      async (request) => services.auth.updateMe(requireUser(principalOf(request)), request.body),
    );

    app.post(
      '/auth/password',
      {
        onRequest: authenticate,
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Change the password; other sessions are signed out',
          security: [{ bearer: [] }],
          body: changePasswordBodySchema,
          response: { 200: sessionSchema },
        },
      },
      async (request, reply) =>
        sendSession(
          reply,
          await services.auth.changePassword(requireUser(principalOf(request)), request.body),
        ),
    );
  };
}

/** Double-submit check for the cookie-authenticated endpoints. */
function assertCsrf(request: FastifyRequest): void {
  const cookie = request.cookies[AUTH_COOKIES.csrf];
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || !safeEqual(cookie, header)) throw new AppError('csrf_failed');
}

/** Put a new session's refresh token and CSRF cookie on the answer. */
export function setSessionCookies(reply: FastifyReply, issued: IssuedSession, config: Config): void {
  const common = {
    sameSite: 'strict',
    secure: config.auth.secureCookies,
    expires: issued.refreshExpiresAt,
  } as const;
  reply.setCookie(AUTH_COOKIES.refresh, issued.refreshToken, {
    ...common,
    httpOnly: true,
    path: '/api/auth',
  });
  // Readable by the page on purpose: it proves the request comes from our origin (double submit).
  reply.setCookie(AUTH_COOKIES.csrf, randomToken(18), { ...common, httpOnly: false, path: '/' });
}

function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(AUTH_COOKIES.refresh, { path: '/api/auth' });
  reply.clearCookie(AUTH_COOKIES.csrf, { path: '/' });
}
