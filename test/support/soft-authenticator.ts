import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

type CBORType = Parameters<typeof isoCBOR.encode>[0];

import type {
  PasskeyAuthenticationOptions,
  PasskeyAuthenticationResponse,
  PasskeyRegistrationOptions,
  PasskeyRegistrationResponse,
} from '#shared/passkey.schema.js';

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;

/** What a ceremony may do differently from an honest browser on the right origin. */
export interface CeremonyOverrides {
  /** The origin the browser reports (another site phishing for a signature). */
  origin?: string;
  /** The challenge the authenticator signs instead of the one in the options. */
  challenge?: string;
  /** The signature counter to report (a clone reports one that does not grow). */
  counter?: number;
}

/**
 * A WebAuthn authenticator in software, for tests: an ES256 key pair from node:crypto, authenticator
 * data and a 'none' attestation encoded in CBOR, and the JSON a browser sends for each ceremony
 * (W3C WebAuthn Level 3, §6.1 authenticator data, §8.7 'none' attestation, §6.5.1 COSE keys).
 */
export class SoftAuthenticator {
  readonly credentialId = isoBase64URL.fromBuffer(new Uint8Array(randomBytes(16)));
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  /** The signature counter; each assertion adds one. */
  counter = 0;

  constructor(private readonly origin: string) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  /** The answer of `navigator.credentials.create` for `options`. */
  register(
    options: PasskeyRegistrationOptions,
    overrides: CeremonyOverrides = {},
  ): PasskeyRegistrationResponse {
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, overrides);
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const idBytes = isoBase64URL.toBuffer(this.credentialId);
    const authData = concat(
      this.authDataHead(
        rpId,
        FLAG_USER_PRESENT | FLAG_USER_VERIFIED | FLAG_ATTESTED_CREDENTIAL,
        overrides.counter ?? this.counter,
      ),
      new Uint8Array(16), // AAGUID: none
      u16(idBytes.length),
      idBytes,
      this.cosePublicKey(),
    );
    const attestationObject = isoCBOR.encode(
      new Map<string, CBORType>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, CBORType>()],
        ['authData', authData],
      ]),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: {
        clientDataJSON: isoBase64URL.fromUTF8String(clientDataJSON),
        attestationObject: isoBase64URL.fromBuffer(attestationObject),
        transports: ['internal'],
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /** The answer of `navigator.credentials.get` for `options`; the counter grows unless overridden. */
  authenticate(
    options: PasskeyAuthenticationOptions,
    overrides: CeremonyOverrides = {},
  ): PasskeyAuthenticationResponse {
    if (overrides.counter === undefined) this.counter += 1;
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, overrides);
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    const authData = this.authDataHead(
      rpId,
      FLAG_USER_PRESENT | FLAG_USER_VERIFIED,
      overrides.counter ?? this.counter,
    );
    const clientDataHash = createHash('sha256').update(clientDataJSON).digest();
    // ES256 signatures in WebAuthn are DER-encoded ECDSA over authenticatorData ‖ SHA-256(clientDataJSON).
    const signature = sign('sha256', concat(authData, clientDataHash), this.privateKey);
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: {
        clientDataJSON: isoBase64URL.fromUTF8String(clientDataJSON),
        authenticatorData: isoBase64URL.fromBuffer(authData),
        signature: isoBase64URL.fromBuffer(new Uint8Array(signature)),
      },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  private clientData(type: string, challenge: string, overrides: CeremonyOverrides): string {
    return JSON.stringify({
      type,
      challenge: overrides.challenge ?? challenge,
      origin: overrides.origin ?? this.origin,
      crossOrigin: false,
    });
  }

  /** RP ID hash (32), flags (1), signature counter (4, big-endian). */
  private authDataHead(rpId: string, flags: number, counter: number): Uint8Array<ArrayBuffer> {
    const count = new Uint8Array(4);
    new DataView(count.buffer).setUint32(0, counter);
    return concat(createHash('sha256').update(rpId).digest(), new Uint8Array([flags]), count);
  }

  /** The public key as a COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y. */
  private cosePublicKey(): Uint8Array {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, isoBase64URL.toBuffer(jwk.x ?? '')],
        [-3, isoBase64URL.toBuffer(jwk.y ?? '')],
      ]),
    );
  }
}

function u16(value: number): Uint8Array {
  return new Uint8Array([value >> 8, value & 0xff]);
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
