import type {
  ChangePasswordBody,
  LoginBody,
  RegisterBody,
  Session,
  UpdateMeBody,
  User,
} from '../../shared/auth.schema.js';
import { isUniqueViolation } from '../db/errors.js';
import { newId } from '../db/ids.js';
import type { UserRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import type { Repositories } from '../repositories/index.js';
import type { AccessTokens } from './security/access-tokens.js';
import type { LoginThrottle } from './security/login-throttle.js';
import { assertStrongPassword } from './security/password-policy.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './security/passwords.js';
import { randomToken, sha256 } from './security/tokens.js';

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
  refreshTokenTtlDays: number;
  now: () => Date;
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

  private async withNewAccount<T>(
    body: RegisterBody,
    then: (trx: Repositories, user: UserRow) => Promise<T>,
  ): Promise<T> {
    assertStrongPassword(body.password, 'body.password', body);
    const { repos, now } = this.deps;
    if (await repos.users.findByEmail(body.email)) throw emailTaken();
    const at = now().toISOString();
    const user: UserRow = {
      id: newId(),
      email: body.email,
      name: body.name,
      password_hash: await hashPassword(body.password),
      created_at: at,
      updated_at: at,
    };
    try {
      return await repos.transaction(async (trx) => {
        await trx.users.insert(user);
        return then(trx, user);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  /** Same answer for an unknown email and a wrong password; repeated failures from one address slow down. */
  async login(body: LoginBody, clientIp: string): Promise<IssuedSession> {
    const { repos, throttle } = this.deps;
    const throttleKey = `${clientIp}|${body.email}`;
    const wait = await throttle.retryAfterSeconds(throttleKey);
    if (wait > 0) {
      throw new AppError('rate_limited', 'Too many failed sign-in attempts', { retryAfterSeconds: wait });
    }
    const user = await repos.users.findByEmail(body.email);
    const valid = user
      ? await verifyPassword(user.password_hash, body.password)
      : await verifyAgainstDummy(body.password);
    if (!user || !valid) {
      await throttle.recordFailure(throttleKey);
      throw new AppError('invalid_credentials');
    }
    await throttle.recordSuccess(throttleKey);
    return repos.transaction((trx) => this.startSession(trx, user, newId()));
  }

  /**
   * Rotate a refresh token. Presenting a token that was already rotated or revoked means it leaked (or
   * was replayed): the whole family is revoked, which signs out whoever holds its newest token too.
   */
  async refresh(refreshToken: string | undefined): Promise<IssuedSession> {
    if (!refreshToken) throw new AppError('invalid_refresh_token');
    const { repos, now } = this.deps;
    const stored = await repos.refreshTokens.findByHash(sha256(refreshToken));
    if (!stored) throw new AppError('invalid_refresh_token');
    const at = now().toISOString();
    if (stored.revoked_at) return this.rejectReuse(stored.family_id, at);
    if (stored.expires_at <= at) throw new AppError('invalid_refresh_token');

    const rotated = await repos
      .transaction(async (trx) => {
        const user = await trx.users.findById(stored.user_id);
        if (!user) throw new AppError('invalid_refresh_token');
        const issued = await this.startSession(trx, user, stored.family_id);
        // A concurrent request rotated it first: roll this session back, then treat it as reuse.
        if (!(await trx.refreshTokens.markRotated(stored.id, issued.refreshTokenId, at))) throw REUSED;
        return issued;
      })
      .catch((error: unknown) => {
        if (error === REUSED) return undefined;
        throw error;
      });
    return rotated ?? this.rejectReuse(stored.family_id, at);
  }

  private async rejectReuse(familyId: string, at: string): Promise<never> {
    await this.deps.repos.refreshTokens.revokeFamily(familyId, at);
    throw new AppError(
      'invalid_refresh_token',
      'This session was already refreshed elsewhere; sign in again',
    );
  }

  /** Revoke the session's token family; unknown or missing tokens are fine (idempotent). */
  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const stored = await this.deps.repos.refreshTokens.findByHash(sha256(refreshToken));
    if (stored)
      await this.deps.repos.refreshTokens.revokeFamily(stored.family_id, this.deps.now().toISOString());
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
    if (!(await verifyPassword(user.password_hash, body.current_password))) {
      const message = 'Your current password is not correct';
      throw new AppError('invalid_credentials', message, {
        errors: [{ path: 'body.current_password', message, code: 'invalid_credentials' }],
      });
    }
    assertStrongPassword(body.new_password, 'body.new_password', user);
    const passwordHash = await hashPassword(body.new_password);
    return repos.transaction(async (trx) => {
      const at = now().toISOString();
      await trx.users.updatePasswordHash(userId, passwordHash, at);
      await trx.refreshTokens.revokeAllForUser(userId, at);
      return this.startSession(trx, { ...user, updated_at: at }, newId());
    });
  }

  private async startSession(
    trx: Repositories,
    user: UserRow,
    familyId: string,
  ): Promise<IssuedSession & { refreshTokenId: string }> {
    const { accessTokens, refreshTokenTtlDays, now } = this.deps;
    const issuedAt = now();
    const refreshToken = randomToken(32);
    const refreshExpiresAt = new Date(issuedAt.getTime() + refreshTokenTtlDays * 86_400_000);
    const refreshTokenId = newId();
    await trx.refreshTokens.insert({
      id: refreshTokenId,
      user_id: user.id,
      token_hash: sha256(refreshToken),
      family_id: familyId,
      expires_at: refreshExpiresAt.toISOString(),
      created_at: issuedAt.toISOString(),
    });
    return {
      refreshToken,
      refreshExpiresAt,
      refreshTokenId,
      session: {
        access_token: accessTokens.issue(user.id),
        token_type: 'Bearer',
        expires_in: accessTokens.ttlSeconds,
        user: toUser(user),
      },
    };
  }
}

const REUSED = Symbol('refresh token reused');

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function emailTaken(): AppError {
  const message = 'An account with this email already exists';
  return new AppError('conflict', message, { errors: [{ path: 'body.email', message, code: 'conflict' }] });
}
