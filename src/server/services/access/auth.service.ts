import { isUniqueViolation } from '#server/db/errors.js';
import { newId } from '#server/db/ids.js';
import type { RefreshTokenRow, UserRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type {
  ChangePasswordBody,
  LoginBody,
  RegisterBody,
  Session,
  UpdateMeBody,
  User,
} from '#shared/auth.schema.js';
import type { Language } from '#shared/languages.js';
import type { PasskeyAuthenticationOptions, PasskeyLoginBody } from '#shared/passkey.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { TwoFactorChallenge, TwoFactorLoginBody } from '#shared/two-factor.schema.js';
import type { PasskeySignIn } from './passkey-sign-in.js';
import { type SecondFactor, tooManyCodes, wrongCode } from './second-factor.js';
import type { AccessTokens } from './security/access-tokens.js';
import type { ActiveSessions } from './security/active-sessions.js';
import type { LoginThrottle } from './security/login-throttle.js';
import { assertStrongPassword } from './security/password-policy.js';
import type { PasswordHasher } from './security/passwords.js';
import type { RefreshTokenChain } from './security/refresh-token-chain.js';
import { randomToken, sha256 } from './security/tokens.js';
import type { TwoFactorChallenges } from './security/two-factor-challenges.js';

/** What the password step of sign-in ends with: a session, or (two-factor sign-in on) a challenge. */
export type LoginOutcome =
  | { kind: 'session'; issued: IssuedSession }
  | { kind: 'two_factor_required'; challenge: TwoFactorChallenge };

/** A new session: the JSON body, and the refresh token the route puts in an httpOnly cookie. */
export interface IssuedSession {
  session: Session;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface AuthServiceDeps {
  repos: Repositories;
  accessTokens: AccessTokens;
  throttle: LoginThrottle;
  passwords: PasswordHasher;
  /** Ends sessions on every instance at once (their access tokens stop working on the next request). */
  sessions: Pick<ActiveSessions, 'revoke'>;
  /** Derives each rotated refresh token from the one it replaces. */
  refreshTokenChain: RefreshTokenChain;
  /** Checks the code of sign-in's second step. */
  secondFactor: SecondFactor;
  /** Checks a passkey in sign-in's second step. */
  passkeySignIn: PasskeySignIn;
  /** Signs the proof, between sign-in's two steps, that the password was right. */
  challenges: TwoFactorChallenges;
  refreshTokenTtlDays: number;
  /** How long the token just replaced still answers with its successor (two tabs refreshing at once). */
  refreshGraceMs: number;
  now: () => Date;
}

/** An account about to be created, its password already checked and hashed. */
export interface NewAccount {
  email: string;
  name: string;
  passwordHash: string;
  /** The language its emails are written in; null: not chosen (English). */
  language: Language | null;
}

/** Accounts and sessions: registration, sign-in, rotating refresh tokens, profile and password. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async register(body: RegisterBody): Promise<IssuedSession> {
    return this.withNewAccount(body, (trx, user) => this.startSession(trx, user, newId()));
  }

  /** Create an account without signing in (the `mcc user create` command). */
  async createAccount(body: RegisterBody): Promise<User> {
    return this.withNewAccount(body, async (_trx, user) => toUser(user));
  }

  /**
   * Create an account whose password was already checked and hashed (a confirmed sign-up, an accepted
   * invitation) and sign in; `alongside` writes in the same transaction (joining a workspace, say), and
   * `before` runs in it ahead of the insert (a check that may refuse).
   */
  async registerHashed(
    account: NewAccount,
    alongside?: (trx: Repositories, user: UserRow) => Promise<void>,
    before?: (trx: Repositories) => Promise<void>,
  ): Promise<IssuedSession> {
    return this.insertAccount(
      account,
      async (trx, user) => {
        await alongside?.(trx, user);
        return this.startSession(trx, user, newId());
      },
      before,
    );
  }

  /** Check a new account's password against the policy and hash it. */
  async hashNewPassword(body: Pick<RegisterBody, 'email' | 'name' | 'password'>): Promise<string> {
    assertStrongPassword(body.password, 'body.password', body);
    return this.deps.passwords.hash(body.password);
  }

  private async withNewAccount<T>(
    body: RegisterBody,
    then: (trx: Repositories, user: UserRow) => Promise<T>,
  ): Promise<T> {
    assertStrongPassword(body.password, 'body.password', body);
    if (await this.deps.repos.users.findByEmail(body.email)) throw emailTaken();
    const passwordHash = await this.deps.passwords.hash(body.password);
    return this.insertAccount(
      { email: body.email, name: body.name, passwordHash, language: body.language ?? null },
      then,
    );
  }

  private async insertAccount<T>(
    account: NewAccount,
    then: (trx: Repositories, user: UserRow) => Promise<T>,
    before?: (trx: Repositories) => Promise<void>,
  ): Promise<T> {
    const at = this.deps.now().toISOString();
    const user: UserRow = {
      id: newId(),
      email: account.email,
      name: account.name,
      password_hash: account.passwordHash,
      language: account.language,
      created_at: at,
      updated_at: at,
    };
    try {
      return await this.deps.repos.transaction(async (trx) => {
        await before?.(trx);
        await trx.users.insert(user);
        return then(trx, user);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  /**
   * Same answer for an unknown email and a wrong password; repeated failures from one address slow down.
   * With two-factor sign-in on, a right password earns only a short-lived challenge: no tokens until the
   * code step (`completeLogin`).
   */
  async login(body: LoginBody, clientIp: string): Promise<LoginOutcome> {
    const { repos, throttle } = this.deps;
    const throttleKey = `${clientIp}|${body.email}`;
    const wait = await throttle.retryAfterSeconds(throttleKey);
    if (wait > 0) {
      throw new AppError('rate_limited', 'Too many failed sign-in attempts', { retryAfterSeconds: wait });
    }
    const user = await repos.users.findByEmail(body.email);
    const valid = user
      ? await this.deps.passwords.verify(user.password_hash, body.password)
      : await this.deps.passwords.verifyAgainstDummy(body.password);
    if (!user || !valid) {
      await throttle.recordFailure(throttleKey);
      throw new AppError('invalid_credentials');
    }
    await throttle.recordSuccess(throttleKey);
    const credential = await repos.twoFactor.findCredential(user.id);
    const passkey = await repos.passkeys.hasAny(user.id);
    if (credential?.enabled_at || passkey) {
      const { challenges } = this.deps;
      return {
        kind: 'two_factor_required',
        challenge: {
          status: 'two_factor_required',
          challenge: challenges.issue(user.id),
          expires_in: challenges.ttlSeconds,
          message: credential?.enabled_at
            ? 'Enter the 6-digit code from your authenticator app, or a recovery code'
            : 'Use your passkey, or enter a recovery code',
          passkey,
        },
      };
    }
    return {
      kind: 'session',
      issued: await repos.transaction((trx) => this.startSession(trx, user, newId())),
    };
  }

  /** Sign-in's second step: the challenge from the password step and a code (or a recovery code). */
  async completeLogin(body: TwoFactorLoginBody): Promise<IssuedSession> {
    const { repos, challenges, secondFactor } = this.deps;
    const userId = challenges.verify(body.challenge);
    if (!userId) throw new AppError('two_factor_challenge_expired');
    const { result, retryAfterSeconds } = await secondFactor.check(userId, body.code);
    if (result === 'throttled') throw tooManyCodes(retryAfterSeconds ?? 1);
    if (result === 'rejected') throw wrongCode('body.code');
    const user = await repos.users.findById(userId);
    if (!user) throw new AppError('two_factor_challenge_expired');
    return repos.transaction((trx) => this.startSession(trx, user, newId()));
  }

  /** Options for signing sign-in's second step with a passkey, for the account the challenge is for. */
  async passkeyOptions(challenge: string): Promise<PasskeyAuthenticationOptions> {
    const userId = this.deps.challenges.verify(challenge);
    if (!userId) throw new AppError('two_factor_challenge_expired');
    return this.deps.passkeySignIn.options(userId);
  }

  /** Sign-in's second step with a passkey: the challenge from the password step and the signed answer. */
  async completePasskeyLogin(body: PasskeyLoginBody): Promise<IssuedSession> {
    const { repos, challenges, passkeySignIn } = this.deps;
    const userId = challenges.verify(body.challenge);
    if (!userId) throw new AppError('two_factor_challenge_expired');
    await passkeySignIn.verify(userId, body.response);
    const user = await repos.users.findById(userId);
    if (!user) throw new AppError('two_factor_challenge_expired');
    return repos.transaction((trx) => this.startSession(trx, user, newId()));
  }

  /**
   * End every session of `userId` and start a new one for this client, with `alongside`'s writes in the
   * same transaction (turning two-factor sign-in on, say).
   */
  async replaceSessions(
    userId: string,
    alongside: (trx: Repositories) => Promise<void>,
  ): Promise<IssuedSession> {
    const { repos, now } = this.deps;
    const { issued, ended } = await repos.transaction(async (trx) => {
      const user = await trx.users.findById(userId);
      if (!user) throw new AppError('unauthenticated');
      await alongside(trx);
      const ended = await trx.refreshTokens.revokeAllForUser(userId, now().toISOString());
      return { issued: await this.startSession(trx, user, newId()), ended };
    });
    this.deps.sessions.revoke(ended);
    return issued;
  }

  /**
   * Rotate a refresh token. For `refreshGraceMs` after a rotation, the token just replaced is answered
   * with the same successor (and a new access token): two tabs refreshing at once share one cookie jar,
   * and both end up holding that successor. Any other use of a rotated or revoked token means it leaked
   * (or was replayed): the whole family is revoked, which signs out whoever holds its newest token too.
   */
  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken) throw new AppError('invalid_refresh_token');
    const { repos, now } = this.deps;
    const tokenHash = sha256(refreshToken);
    let stored = await repos.refreshTokens.findByHash(tokenHash);
    if (!stored) throw new AppError('invalid_refresh_token');
    const at = now();
    if (!stored.revoked_at) {
      if (stored.expires_at <= at.toISOString()) throw new AppError('invalid_refresh_token');
      const rotated = await this.rotate(stored, refreshToken, at);
      if (rotated) return rotated;
      // A concurrent request rotated it first: answer from what that request did.
      stored = await repos.refreshTokens.findByHash(tokenHash);
      if (!stored) throw new AppError('invalid_refresh_token');
    }
    const again = await this.reissueWithinGrace(stored, refreshToken, at);
    return again ?? this.rejectReuse(stored.family_id, at.toISOString());
  }

  /** Replace a live token by its successor; undefined when a concurrent request replaced it first. */
  private async rotate(stored: RefreshTokenRow, token: string, at: Date): Promise<IssuedSession | undefined> {
    const successor = { id: newId(), token: this.deps.refreshTokenChain.successorOf(token) };
    return this.deps.repos
      .transaction(async (trx) => {
        const user = await trx.users.findById(stored.user_id);
        if (!user) throw new AppError('invalid_refresh_token');
        // Claim the token first: a concurrent rotation waits for this row, then finds it taken.
        if (!(await trx.refreshTokens.markRotated(stored.id, successor.id, at.toISOString())))
          throw LOST_RACE;
        return this.startSession(trx, user, stored.family_id, successor);
      })
      .catch((error: unknown) => {
        if (error === LOST_RACE) return undefined;
        throw error;
      });
  }

  /**
   * The immediately previous token, within the grace window, while its successor is still the family's
   * live token: the successor again. Anything else (older tokens, later uses, a signed-out family) is
   * undefined, which the caller treats as reuse.
   */
  private async reissueWithinGrace(
    stored: RefreshTokenRow,
    token: string,
    at: Date,
  ): Promise<IssuedSession | undefined> {
    const { repos, refreshTokenChain, refreshGraceMs } = this.deps;
    if (!stored.revoked_at || !stored.replaced_by || refreshGraceMs <= 0) return undefined;
    if (at.getTime() - Date.parse(stored.revoked_at) > refreshGraceMs) return undefined;
    const successorToken = refreshTokenChain.successorOf(token);
    const successor = await repos.refreshTokens.findByHash(sha256(successorToken));
    if (
      successor?.id !== stored.replaced_by ||
      successor.revoked_at ||
      successor.expires_at <= at.toISOString()
    ) {
      return undefined;
    }
    const user = await repos.users.findById(stored.user_id);
    if (!user) return undefined;
    return {
      refreshToken: successorToken,
      refreshExpiresAt: new Date(successor.expires_at),
      session: this.sessionFor(user, stored.family_id),
    };
  }

  private async rejectReuse(familyId: string, at: string): Promise<never> {
    await this.deps.repos.refreshTokens.revokeFamily(familyId, at);
    this.deps.sessions.revoke([familyId]);
    throw new AppError(
      'invalid_refresh_token',
      'This session was already refreshed elsewhere; sign in again',
    );
  }

  /**
   * Revoke the session's token family; its access tokens stop working on the next request. Unknown or
   * missing tokens are fine (idempotent).
   */
  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const stored = await this.deps.repos.refreshTokens.findByHash(sha256(refreshToken));
    if (!stored) return;
    await this.deps.repos.refreshTokens.revokeFamily(stored.family_id, this.deps.now().toISOString());
    this.deps.sessions.revoke([stored.family_id]);
  }

  /** Forget refresh tokens that expired more than a day ago (they can no longer be used or reused). */
  purgeExpiredSessions(): Promise<number> {
    return this.deps.repos.refreshTokens.deleteExpired(
      new Date(this.deps.now().getTime() - 86_400_000).toISOString(),
    );
  }

  /** Whether any account exists (an empty database gets the demo seed in development). */
  async hasAccounts(): Promise<boolean> {
    return (await this.deps.repos.users.count()) > 0;
  }

  async me(userId: string): Promise<User> {
    const user = await this.deps.repos.users.findById(userId);
    if (!user) throw new AppError('unauthenticated');
    return toUser(user);
  }

  async updateMe(userId: string, body: UpdateMeBody): Promise<User> {
    const { repos, now } = this.deps;
    const current = await this.me(userId);
    if (body.email && body.email !== current.email && (await repos.users.findByEmail(body.email))) {
      throw emailTaken();
    }
    try {
      await repos.users.update(userId, { ...body, updated_at: now().toISOString() });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    return this.me(userId);
  }

  /** Change the password, sign out every other session, and start a fresh one for this client. */
  async changePassword(userId: string, body: ChangePasswordBody): Promise<IssuedSession> {
    const { repos, now } = this.deps;
    const user = await repos.users.findById(userId);
    if (!user) throw new AppError('unauthenticated');
    if (!(await this.deps.passwords.verify(user.password_hash, body.current_password))) {
      const message = ruleFieldMessage('currentPasswordWrong');
      throw new AppError('invalid_credentials', message, {
        errors: [{ path: 'body.current_password', message, code: 'invalid_credentials' }],
      });
    }
    assertStrongPassword(body.new_password, 'body.new_password', user);
    const passwordHash = await this.deps.passwords.hash(body.new_password);
    const { issued, ended } = await repos.transaction(async (trx) => {
      const at = now().toISOString();
      await trx.users.updatePasswordHash(userId, passwordHash, at);
      const ended = await trx.refreshTokens.revokeAllForUser(userId, at);
      return { issued: await this.startSession(trx, { ...user, updated_at: at }, newId()), ended };
    });
    this.deps.sessions.revoke(ended);
    return issued;
  }

  /** Store a refresh token in `familyId` (a new random one unless given) and issue its access token. */
  private async startSession(
    trx: Repositories,
    user: UserRow,
    familyId: string,
    refresh = { id: newId(), token: randomToken(32) },
  ): Promise<IssuedSession> {
    const { refreshTokenTtlDays, now } = this.deps;
    const issuedAt = now();
    const refreshExpiresAt = new Date(issuedAt.getTime() + refreshTokenTtlDays * 86_400_000);
    await trx.refreshTokens.insert({
      id: refresh.id,
      user_id: user.id,
      token_hash: sha256(refresh.token),
      family_id: familyId,
      expires_at: refreshExpiresAt.toISOString(),
      created_at: issuedAt.toISOString(),
    });
    return { refreshToken: refresh.token, refreshExpiresAt, session: this.sessionFor(user, familyId) };
  }

  /** The JSON body of a session: an access token whose `sid` is the refresh-token family. */
  private sessionFor(user: UserRow, familyId: string): Session {
    const { accessTokens } = this.deps;
    return {
      access_token: accessTokens.issue(user.id, familyId),
      token_type: 'Bearer',
      expires_in: accessTokens.ttlSeconds,
      user: toUser(user),
    };
  }
}

const LOST_RACE = Symbol('refresh token rotated by a concurrent request');

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    language: row.language,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export function emailTaken(): AppError {
  const message = ruleFieldMessage('emailTaken');
  return new AppError('conflict', message, {
    errors: [{ path: 'body.email', message, code: 'conflict' }],
    facts: { reason: 'email_taken' },
  });
}
