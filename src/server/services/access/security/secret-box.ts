import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Encrypts small secrets at rest (workspace AI keys) with AES-256-GCM. The key is derived from the app's
 * signing secret with HKDF and a purpose label, so one `SECRET_KEY` serves both without reuse; rotating
 * `SECRET_KEY` makes stored secrets unreadable (they must be entered again).
 *
 * @example
 * const box = new SecretBox(secret);
 * box.open(box.seal('sk-…')); // 'sk-…'
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string, purpose = 'mcc ai provider keys') {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'mcc', purpose, 32));
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url; a fresh 96-bit IV per message. */
  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** The plaintext, or throws when the box was sealed with another key or tampered with. */
  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined)
      throw new Error('Unrecognised sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
