import { newId } from '#server/db/ids.js';
import { AppError } from '#server/errors/app-error.js';
import type { Mailer } from '#server/integrations/mail/mailer.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import {
  type AuthOptions,
  type RegisterBody,
  SIGN_UP_LINK_HOURS,
  type SignUpMode,
} from '#shared/auth.schema.js';
import type { AccountMails } from './account-mails.js';
import type { AuthService, IssuedSession } from './auth.service.js';
import { linkExpired } from './password-reset.service.js';
import { randomToken, sha256 } from './security/tokens.js';

export { SIGN_UP_LINK_HOURS };

/** A new session, or "check your email" (the same for every address). */
export type SignUpOutcome = { kind: 'session'; issued: IssuedSession } | { kind: 'check_email' };

export const CHECK_EMAIL_MESSAGE =
  'Check your email: we sent a link to finish signing up. It works for 24 hours.';

export interface SignUpServiceDeps {
  repos: Repositories;
  auth: AuthService;
  /** Accepting an invitation is a sign-up too (invitation.service.ts). */
  invitations: { signUp(body: RegisterBody & { invitation_token: string }): Promise<IssuedSession> };
  queue: Pick<JobQueue<AppJobDefinitions>, 'enqueue'>;
  mailer: Pick<Mailer, 'mode' | 'send'>;
  mails: AccountMails;
  now: () => Date;
  /** The operator's `SIGN_UP` (config). */
  mode: SignUpMode;
}

/**
 * Registration, in the operator's mode (`SIGN_UP`, docs/accounts.md):
 * - `confirm_by_email` (the default): wherever mail can be delivered (SMTP, or the dev outbox), an
 *   address is confirmed by email before its account exists, and every request gets the same answer
 *   ("check your email") after the same work (the password is hashed either way): only the address's
 *   owner learns, by email, that it already has an account. Production without SMTP can tell no one, so
 *   sign-up answers 503 there, except for the instance's very first account, which signs in at once
 *   (with no account at all there is nothing to enumerate, and someone has to set the server up).
 * - `immediate`: sign in at once; a taken address answers 409, which tells who has an account.
 * - `closed`: no sign-up; accounts come from invitations and `mcc user create`.
 * An invitation link proves the address, so it signs in at once in every mode.
 */
export class SignUpService {
  constructor(private readonly deps: SignUpServiceDeps) {}

  options(): AuthOptions {
    return { mail: this.deps.mailer.mode, sign_up: this.deps.mode };
  }

  async register(body: RegisterBody): Promise<SignUpOutcome> {
    const { invitation_token: invitationToken, ...account } = body;
    if (invitationToken) {
      return {
        kind: 'session',
        issued: await this.deps.invitations.signUp({ ...account, invitation_token: invitationToken }),
      };
    }
    if (this.deps.mode === 'closed') throw signUpClosed();
    if (this.deps.mode === 'immediate') {
      return { kind: 'session', issued: await this.deps.auth.register(account) };
    }
    if (this.deps.mailer.mode === 'none') {
      return { kind: 'session', issued: await this.registerFirstAccount(account) };
    }
    const passwordHash = await this.deps.auth.hashNewPassword(account);
    const at = this.deps.now();
    const id = newId();
    await this.deps.repos.signUpRequests.insert({
      id,
      email: account.email,
      name: account.name,
      password_hash: passwordHash,
      language: account.language ?? null,
      expires_at: new Date(at.getTime() + SIGN_UP_LINK_HOURS * 3_600_000).toISOString(),
      created_at: at.toISOString(),
    });
    await this.deps.queue.enqueue({
      name: 'mail.sign_up',
      businessId: null,
      payload: { sign_up_request_id: id },
    });
    return { kind: 'check_email' };
  }

  /**
   * The `mail.sign_up` job: a confirmation link for a new address, or a note to the owner of an address
   * that already has an account.
   */
  async sendConfirmation(payload: { sign_up_request_id: string }): Promise<{ skipped?: 'sign_up_closed' }> {
    const { repos, mailer, mails } = this.deps;
    const request = await repos.signUpRequests.findById(payload.sign_up_request_id);
    if (!request || request.used_at) return {};
    const existing = await repos.users.findByEmail(request.email);
    if (existing) {
      // The account's language, not the one the (maybe someone else's) sign-up page was in.
      await mailer.send(
        mails.signUpAttemptOnExistingAccount(request.email, existing.language ?? request.language ?? 'en'),
      );
      return {};
    }
    // Asked for while sign-up was open, sent after it closed: `confirm` would refuse the link.
    if (this.deps.mode === 'closed') return { skipped: 'sign_up_closed' };
    const token = randomToken(32);
    await repos.signUpRequests.setTokenHash(request.id, sha256(token));
    await mailer.send(
      mails.confirmSignUp(request.email, request.language ?? 'en', {
        name: request.name,
        token,
        hours: SIGN_UP_LINK_HOURS,
      }),
    );
    return {};
  }

  /** The confirmation link: create the account and sign in. Works once; not once sign-up is closed. */
  async confirm(token: string): Promise<IssuedSession> {
    const { repos, auth, now } = this.deps;
    if (this.deps.mode === 'closed') throw signUpClosed();
    const tokenHash = sha256(token);
    const request = await repos.signUpRequests.findLive(tokenHash, now().toISOString());
    if (!request) throw linkExpired();
    const account = {
      email: request.email,
      name: request.name,
      passwordHash: request.password_hash,
      language: request.language,
    };
    // Spent in the account's own transaction: two clicks on the link create one account.
    return auth.registerHashed(account, async (trx) => {
      if ((await trx.signUpRequests.consume(tokenHash, now().toISOString()))?.id !== request.id)
        throw linkExpired();
    });
  }

  /** Forget sign-up requests that expired more than a day ago (housekeeping). */
  purgeExpired(): Promise<number> {
    return this.deps.repos.signUpRequests.deleteExpired(
      new Date(this.deps.now().getTime() - 86_400_000).toISOString(),
    );
  }

  /**
   * Production without SMTP: only the instance's first account signs up (at once). Every other request
   * gets the same 503, whatever its address. The count is checked again under a lock in the account's
   * transaction, so two people racing for the first account cannot both get one.
   */
  private async registerFirstAccount(
    account: Omit<RegisterBody, 'invitation_token'>,
  ): Promise<IssuedSession> {
    const { repos, auth } = this.deps;
    if ((await repos.users.count()) > 0) throw signUpNeedsMail();
    const passwordHash = await auth.hashNewPassword(account);
    return auth.registerHashed(
      { email: account.email, name: account.name, passwordHash, language: account.language ?? null },
      undefined,
      async (trx) => {
        await trx.users.lockAgainstNewAccounts();
        if ((await trx.users.count()) > 0) throw signUpNeedsMail();
      },
    );
  }
}

/** `SIGN_UP=closed`. */
function signUpClosed(): AppError {
  return new AppError(
    'sign_up_closed',
    'This server does not take sign-ups. Ask a workspace owner or admin for an invitation, or an administrator for an account (mcc user create).',
  );
}

/** Production without SMTP, once the instance has an account. */
function signUpNeedsMail(): AppError {
  return new AppError(
    'mail_unavailable',
    'Sign-up confirms addresses by email, and this server cannot send any yet. An administrator can set SMTP_URL and MAIL_FROM, or create your account (mcc user create); a workspace owner can then add you.',
  );
}
