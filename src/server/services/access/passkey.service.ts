import type { RegistrationResponseJSON, verifyRegistrationResponse } from '@simplewebauthn/server';
import { isUniqueViolation } from '#server/db/errors.js';
import { newId } from '#server/db/ids.js';
import type { PasskeyCredentialRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type {
  AddPasskeyBody,
  Passkey,
  PasskeyRegistrationOptions,
  RemovePasskeyBody,
} from '#shared/passkey.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { RECOVERY_CODE_COUNT } from '#shared/two-factor.schema.js';
import type { AuthService, IssuedSession } from './auth.service.js';
import {
  PASSKEY_CHALLENGE_TTL_MS,
  passkeyRejected,
  type RelyingParty,
  rememberChallenge,
  spendChallenge,
  transportsOf,
} from './passkey-ceremony.js';
import {
  hasSecondFactor,
  requirePassword,
  type SecondFactor,
  tooManyCodes,
  wrongCode,
} from './second-factor.js';
import type { PasswordHasher } from './security/passwords.js';
import { newRecoveryCodes } from './security/recovery-codes.js';
import { webauthn } from './webauthn.js';

export interface PasskeyServiceDeps {
  repos: Repositories;
  relyingParty: RelyingParty;
  passwords: PasswordHasher;
  secondFactor: SecondFactor;
  auth: Pick<AuthService, 'replaceSessions'>;
  now: () => Date;
}

/** What adding a passkey did: `issued` and `recoveryCodes` only when it turned two-factor sign-in on. */
export interface AddedPasskey {
  passkey: Passkey;
  recoveryCodes: string[];
  issued?: IssuedSession;
}

/** One's own passkeys as a second factor: adding, listing and removing them. */
export class PasskeyService {
  constructor(private readonly deps: PasskeyServiceDeps) {}

  async list(userId: string): Promise<Passkey[]> {
    return (await this.deps.repos.passkeys.listForUser(userId)).map(toPasskey);
  }

  /** Options for `navigator.credentials.create`, with a new single-use challenge bound to the account. */
  async registrationOptions(userId: string): Promise<PasskeyRegistrationOptions> {
    const { repos, relyingParty, now } = this.deps;
    const user = await repos.users.findById(userId);
    if (!user) throw new AppError('unauthenticated');
    const existing = await repos.passkeys.listForUser(userId);
    const { generateRegistrationOptions } = await webauthn();
    const options = await generateRegistrationOptions({
      rpName: relyingParty.name,
      rpID: relyingParty.id,
      userName: user.email,
      userDisplayName: user.name,
      // The user handle is the account id: stable, and no personal data on the authenticator beyond it.
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      // The same authenticator twice would be one factor under two names.
      excludeCredentials: existing.map((p) => ({
        id: p.credential_id,
        transports: transportsOf(p.transports),
      })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      timeout: PASSKEY_CHALLENGE_TTL_MS,
    });
    await rememberChallenge(repos, userId, 'register', options.challenge, now());
    return options;
  }

  /**
   * Verify the browser's answer and store the passkey. The account's first second factor turns
   * two-factor sign-in on, as confirming an authenticator app does: every session ends, this client gets
   * a new one, and recovery codes are issued unless unused ones remain.
   */
  async add(userId: string, body: AddPasskeyBody): Promise<AddedPasskey> {
    const { repos, relyingParty, now } = this.deps;
    const { verifyRegistrationResponse: verifyAnswer, isoBase64URL } = await webauthn();
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyAnswer({
        response: body.response as RegistrationResponseJSON,
        expectedChallenge: spendChallenge(repos, userId, 'register', now),
        expectedOrigin: relyingParty.origins,
        expectedRPID: relyingParty.id,
        requireUserVerification: false,
      });
    } catch (error) {
      throw passkeyRejected(error instanceof Error ? error.message : String(error));
    }
    if (!verification.verified) throw passkeyRejected('The attestation does not verify');
    const { credential } = verification.registrationInfo;
    const row: PasskeyCredentialRow = {
      id: newId(),
      user_id: userId,
      credential_id: credential.id,
      public_key: isoBase64URL.fromBuffer(credential.publicKey),
      counter: credential.counter,
      transports: JSON.stringify(credential.transports ?? body.response.response.transports ?? []),
      name: body.name,
      created_at: now().toISOString(),
      last_used_at: null,
    };
    const insert = async (trx: Repositories) => {
      try {
        await trx.passkeys.insert(row);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('conflict', 'That passkey is already registered', {
            facts: { reason: 'passkey_registered' },
          });
        throw error;
      }
    };
    if (await hasSecondFactor(repos, userId)) {
      await repos.transaction(insert);
      return { passkey: toPasskey(row), recoveryCodes: [] };
    }
    const hasCodes = (await repos.twoFactor.countUnusedRecoveryCodes(userId)) > 0;
    const { codes, digests } = hasCodes ? { codes: [], digests: [] } : newRecoveryCodes(RECOVERY_CODE_COUNT);
    const issued = await this.deps.auth.replaceSessions(userId, async (trx) => {
      await insert(trx);
      if (digests.length > 0) await trx.twoFactor.replaceRecoveryCodes(userId, digests, row.created_at);
    });
    return { passkey: toPasskey(row), recoveryCodes: codes, issued };
  }

  /**
   * Remove a passkey (the password proves it is the owner). When it is the last second factor, two-factor
   * sign-in turns off with it, which also needs a code or recovery code, as turning off the authenticator
   * app does; the recovery codes go too.
   */
  async remove(userId: string, id: string, body: RemovePasskeyBody): Promise<void> {
    const { repos, passwords, secondFactor } = this.deps;
    if (!(await repos.passkeys.findForUser(userId, id))) throw new AppError('not_found');
    await requirePassword(repos, passwords, userId, body.password, 'body.password');
    const totp = await repos.twoFactor.findCredential(userId);
    const last = totp?.enabled_at == null && (await repos.passkeys.listForUser(userId)).length === 1;
    if (last) {
      if (body.code === undefined) {
        const message = ruleFieldMessage('lastSecondFactor');
        throw new AppError('validation_failed', message, {
          errors: [{ path: 'body.code', message, code: 'required' }],
        });
      }
      const { result, retryAfterSeconds } = await secondFactor.check(userId, body.code);
      if (result === 'throttled') throw tooManyCodes(retryAfterSeconds ?? 1);
      if (result === 'rejected') throw wrongCode('body.code');
    }
    await repos.transaction(async (trx) => {
      if (!(await trx.passkeys.delete(userId, id))) throw new AppError('not_found');
      if (last) await trx.twoFactor.deleteAll(userId);
    });
  }
}

function toPasskey(row: PasskeyCredentialRow): Passkey {
  return {
    id: row.id,
    name: row.name,
    transports: transportsOf(row.transports),
    created_at: row.created_at,
    last_used_at: row.last_used_at,
  };
}
