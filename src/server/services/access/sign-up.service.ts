import { newId } from '#server/db/ids.js';
import type { Mailer } from '#server/integrations/mail/mailer.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import type { AuthOptions, RegisterBody } from '#shared/auth.schema.js';
import type { AccountMails } from './account-mails.js';
import type { AuthService, IssuedSession } from './auth.service.js';
import { linkExpired } from './password-reset.service.js';
import { randomToken, sha256 } from './security/tokens.js';

/** How long a sign-up confirmation link works. */
export const SIGN_UP_LINK_HOURS = 24;

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
}

/**
 * Registration. With SMTP, an address is confirmed by email before its account exists, and every
 * request gets the same answer ("check your email") after the same work (the password is hashed either
 * way): only the address's owner learns, by email, that it already has an account. Without SMTP there is
 * no one to tell, so sign-up signs in at once as before and a taken address answers 409 (docs/accounts.md
 * explains the trade-off). An invitation link proves the address, so it signs in at once in both modes.
 */
export class SignUpService {
  constructor(private readonly deps: SignUpServiceDeps) {}

  options(): AuthOptions {
    const { mode } = this.deps.mailer;
    return { mail: mode, sign_up: this.confirmsByEmail() ? 'confirm_by_email' : 'immediate' };
  }

  async register(body: RegisterBody): Promise<SignUpOutcome> {
    const { invitation_token: invitationToken, ...account } = body;
    if (invitationToken) {
      return {
        kind: 'session',
        issued: await this.deps.invitations.signUp({ ...account, invitation_token: invitationToken }),
      };
    }
    if (!this.confirmsByEmail()) return { kind: 'session', issued: await this.deps.auth.register(account) };
    const passwordHash = await this.deps.auth.hashNewPassword(account);
    const at = this.deps.now();
    const id = newId();
    await this.deps.repos.signUpRequests.insert({
      id,
      email: account.email,
      name: account.name,
      password_hash: passwordHash,
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
  async sendConfirmation(payload: { sign_up_request_id: string }): Promise<Record<string, never>> {
    const { repos, mailer, mails } = this.deps;
    const request = await repos.signUpRequests.findById(payload.sign_up_request_id);
    if (!request || request.used_at) return {};
    if (await repos.users.findByEmail(request.email)) {
      await mailer.send(mails.signUpAttemptOnExistingAccount(request.email));
      return {};
    }
    const token = randomToken(32);
    await repos.signUpRequests.setTokenHash(request.id, sha256(token));
    await mailer.send(mails.confirmSignUp(request.email, request.name, token, SIGN_UP_LINK_HOURS));
    return {};
  }

  /** The confirmation link: create the account and sign in. Works once. */
  async confirm(token: string): Promise<IssuedSession> {
    const { repos, auth, now } = this.deps;
    const tokenHash = sha256(token);
    const request = await repos.signUpRequests.findLive(tokenHash, now().toISOString());
    if (!request) throw linkExpired();
    const account = { email: request.email, name: request.name, passwordHash: request.password_hash };
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

  private confirmsByEmail(): boolean {
    return this.deps.mailer.mode === 'smtp';
  }
}
