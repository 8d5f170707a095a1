import { newId } from '#server/db/ids.js';
import { AppError } from '#server/errors/app-error.js';
import type { Mailer } from '#server/integrations/mail/mailer.js';
import { mailUnavailable } from '#server/integrations/mail/unavailable-mailer.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import type { ResetPasswordBody } from '#shared/auth.schema.js';
import type { AccountMails } from './account-mails.js';
import type { ActiveSessions } from './security/active-sessions.js';
import { assertStrongPassword } from './security/password-policy.js';
import type { PasswordHasher } from './security/passwords.js';
import { randomToken, sha256 } from './security/tokens.js';

/** How long an emailed reset link works. */
export const RESET_LINK_MINUTES = 30;

export interface PasswordResetServiceDeps {
  repos: Repositories;
  queue: Pick<JobQueue<AppJobDefinitions>, 'enqueue'>;
  mailer: Pick<Mailer, 'mode' | 'send'>;
  mails: AccountMails;
  passwords: PasswordHasher;
  sessions: Pick<ActiveSessions, 'revoke'>;
  now: () => Date;
}

/**
 * Forgotten passwords. A request only queues a job, whatever the address: the answer and the time it
 * takes are the same for an address with an account and one without. The job looks the address up,
 * issues a single-use token (stored hashed) and emails the link. A reset signs out every session.
 */
export class PasswordResetService {
  constructor(private readonly deps: PasswordResetServiceDeps) {}

  async request(email: string): Promise<void> {
    if (this.deps.mailer.mode === 'none') throw mailUnavailable();
    await this.deps.queue.enqueue({ name: 'mail.password_reset', businessId: null, payload: { email } });
  }

  /** The `mail.password_reset` job: nothing happens for an address without an account. */
  async sendResetLink(payload: { email: string }): Promise<Record<string, never>> {
    const { repos, now } = this.deps;
    const user = await repos.users.findByEmail(payload.email);
    if (!user) return {};
    const token = randomToken(32);
    const at = now();
    await repos.passwordResets.insert({
      id: newId(),
      user_id: user.id,
      token_hash: sha256(token),
      expires_at: new Date(at.getTime() + RESET_LINK_MINUTES * 60_000).toISOString(),
      created_at: at.toISOString(),
    });
    await this.deps.mailer.send(
      this.deps.mails.passwordReset(user.email, user.language ?? 'en', {
        token,
        minutes: RESET_LINK_MINUTES,
      }),
    );
    return {};
  }

  /** Whether a link still works (the reset page asks before showing its form). */
  async check(token: string): Promise<void> {
    if (!(await this.deps.repos.passwordResets.findLiveUserId(sha256(token), this.deps.now().toISOString())))
      throw linkExpired();
  }

  /** Spend the link, set the new password, end every session and every other reset link. */
  async reset(body: ResetPasswordBody): Promise<void> {
    const { repos, now } = this.deps;
    const tokenHash = sha256(body.token);
    const userId = await repos.passwordResets.findLiveUserId(tokenHash, now().toISOString());
    const user = userId ? await repos.users.findById(userId) : undefined;
    if (!user) throw linkExpired();
    // The policy is checked before the link is spent, so a refused password can be corrected.
    assertStrongPassword(body.new_password, 'body.new_password', user);
    const passwordHash = await this.deps.passwords.hash(body.new_password);
    const ended = await repos.transaction(async (trx) => {
      const at = now().toISOString();
      if ((await trx.passwordResets.consume(tokenHash, at)) !== user.id) throw linkExpired();
      return this.replacePassword(trx, user.id, passwordHash, at);
    });
    this.deps.sessions.revoke(ended);
  }

  /** `mcc user reset-password`: an instance admin sets someone's password; every session ends. */
  async setPassword(email: string, password: string): Promise<void> {
    const { repos, now } = this.deps;
    const user = await repos.users.findByEmail(email);
    if (!user) throw new AppError('not_found', `No account uses ${email}`);
    assertStrongPassword(password, 'password', user);
    const passwordHash = await this.deps.passwords.hash(password);
    const ended = await repos.transaction((trx) =>
      this.replacePassword(trx, user.id, passwordHash, now().toISOString()),
    );
    this.deps.sessions.revoke(ended);
  }

  private async replacePassword(trx: Repositories, userId: string, passwordHash: string, at: string) {
    await trx.users.updatePasswordHash(userId, passwordHash, at);
    await trx.passwordResets.spendAllForUser(userId, at);
    return trx.refreshTokens.revokeAllForUser(userId, at);
  }

  /** Forget reset links that expired more than a day ago (housekeeping). */
  purgeExpired(): Promise<number> {
    return this.deps.repos.passwordResets.deleteExpired(
      new Date(this.deps.now().getTime() - 86_400_000).toISOString(),
    );
  }
}

export function linkExpired(): AppError {
  return new AppError('link_expired', 'This link has expired or was already used; ask for a new one');
}
