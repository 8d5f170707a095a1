import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id cost profiles. `owasp` is OWASP's minimum profile (19 MiB, 2 passes, 1 lane): strong, and tens
 * of milliseconds a hash on a small machine. `test` (64 KiB, 1 pass) exists only so the test suite, which
 * registers thousands of accounts, does not spend minutes hashing; configuration refuses it outside
 * `NODE_ENV=test`. `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
 */
export const PASSWORD_HASH_PROFILES = {
  owasp: { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 },
  test: { algorithm: 2, memoryCost: 64, timeCost: 1, parallelism: 1 },
} as const;

export type PasswordHashProfile = keyof typeof PASSWORD_HASH_PROFILES;

/**
 * Hashes and verifies passwords with argon2id. A hash records its own parameters, so hashes made under
 * one profile verify under any.
 *
 * @example
 * const passwords = new PasswordHasher('owasp');
 * await passwords.verify(await passwords.hash('a long passphrase'), 'a long passphrase'); // true
 */
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly profile: PasswordHashProfile = 'owasp') {}

  /** A PHC string with salt and parameters. */
  hash(password: string): Promise<string> {
    return hash(password, PASSWORD_HASH_PROFILES[this.profile]);
  }

  /** Whether `password` matches; false (not an exception) for a malformed hash. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spend the same time as a real verification when the email is unknown, so response timing does not
   * reveal which emails have accounts.
   */
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash('dummy password that matches nothing');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
