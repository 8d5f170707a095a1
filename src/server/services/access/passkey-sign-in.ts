import type { AuthenticationResponseJSON, verifyAuthenticationResponse } from '@simplewebauthn/server';
import type { Repositories } from '#server/repositories/index.js';
import type { PasskeyAuthenticationOptions, PasskeyAuthenticationResponse } from '#shared/passkey.schema.js';
import {
  PASSKEY_CHALLENGE_TTL_MS,
  passkeyRejected,
  type RelyingParty,
  rememberChallenge,
  spendChallenge,
  transportsOf,
} from './passkey-ceremony.js';
import { throttleKey, tooManyCodes } from './second-factor.js';
import type { LoginThrottle } from './security/login-throttle.js';
import { webauthn } from './webauthn.js';

export interface PasskeySignInDeps {
  repos: Repositories;
  relyingParty: RelyingParty;
  /** Failed passkeys count with wrong codes, per account. */
  throttle: LoginThrottle;
  now: () => Date;
}

/** Sign-in's second step with a passkey: the options to sign, then checking the signature. */
export class PasskeySignIn {
  constructor(private readonly deps: PasskeySignInDeps) {}

  /** Options naming the account's passkeys, with a new single-use challenge bound to the account. */
  async options(userId: string): Promise<PasskeyAuthenticationOptions> {
    const { repos, relyingParty, now } = this.deps;
    const passkeys = await repos.passkeys.listForUser(userId);
    if (passkeys.length === 0) throw passkeyRejected('The account has no passkey');
    const { generateAuthenticationOptions } = await webauthn();
    const options = await generateAuthenticationOptions({
      rpID: relyingParty.id,
      allowCredentials: passkeys.map((p) => ({
        id: p.credential_id,
        transports: transportsOf(p.transports),
      })),
      // The password was the first factor: possession of the passkey is the second, a PIN is a bonus.
      userVerification: 'preferred',
      timeout: PASSKEY_CHALLENGE_TTL_MS,
    });
    await rememberChallenge(repos, userId, 'sign_in', options.challenge, now());
    return options;
  }

  /**
   * Accept `response` as `userId`'s second factor, or throw `passkey_rejected` (`rate_limited` after
   * repeated failures, counted with wrong codes). The signature counter must grow unless the
   * authenticator keeps none (both zero), as the library checks; the new value is stored with one
   * conditional UPDATE, so two answers checked against one stored counter cannot both pass.
   */
  async verify(userId: string, response: PasskeyAuthenticationResponse): Promise<void> {
    const { throttle } = this.deps;
    const key = throttleKey(userId);
    const wait = await throttle.retryAfterSeconds(key);
    if (wait > 0) throw tooManyCodes(wait);
    const reason = await this.rejection(userId, response);
    if (reason !== undefined) {
      await throttle.recordFailure(key);
      throw passkeyRejected(reason);
    }
    await throttle.recordSuccess(key);
  }

  /** Why `response` is refused, or undefined when it is accepted (and recorded). */
  private async rejection(userId: string, response: PasskeyAuthenticationResponse) {
    const { repos, relyingParty, now } = this.deps;
    const spend = spendChallenge(repos, userId, 'sign_in', now);
    const passkey = await repos.passkeys.findByCredentialId(userId, response.id);
    if (!passkey) {
      // Burn the challenge anyway: a challenge is good for one answer, right or wrong.
      await spend(signedChallenge(response) ?? '');
      return 'Not one of this account’s passkeys';
    }
    const { verifyAuthenticationResponse: verifyAnswer, isoBase64URL } = await webauthn();
    let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verification = await verifyAnswer({
        response: response as AuthenticationResponseJSON,
        expectedChallenge: spend,
        expectedOrigin: relyingParty.origins,
        expectedRPID: relyingParty.id,
        credential: {
          id: passkey.credential_id,
          publicKey: isoBase64URL.toBuffer(passkey.public_key),
          counter: passkey.counter,
          transports: transportsOf(passkey.transports),
        },
        requireUserVerification: false,
      });
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    if (!verification.verified) return 'The signature does not verify';
    const { newCounter } = verification.authenticationInfo;
    const at = now().toISOString();
    if (!(await repos.passkeys.recordUse(userId, passkey.id, passkey.counter, newCounter, at))) {
      return 'The passkey was used by another sign-in at the same moment';
    }
    return undefined;
  }
}

/** The challenge inside an answer's client data, if it can be read. */
function signedChallenge(response: PasskeyAuthenticationResponse): string | undefined {
  try {
    const clientData: unknown = JSON.parse(
      Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8'),
    );
    const challenge = (clientData as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === 'string' ? challenge : undefined;
  } catch {
    return undefined;
  }
}
