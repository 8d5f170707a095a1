import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './passwords.js';

describe('PasswordHasher', () => {
  it('hashes with argon2id at OWASP’s minimum cost by default (production settings)', async () => {
    const passwords = new PasswordHasher();
    const stored = await passwords.hash('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await passwords.verify(stored, 'correct horse battery staple')).toBe(true);
    expect(await passwords.verify(stored, 'correct horse battery stapler')).toBe(false);
  });

  it('verifies a hash made under another profile, since each hash records its parameters', async () => {
    const cheap = await new PasswordHasher('test').hash('a long passphrase');
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    expect(await new PasswordHasher('owasp').verify(cheap, 'a long passphrase')).toBe(true);
  });

  it('answers false for a malformed hash and for an unknown account', async () => {
    const passwords = new PasswordHasher('test');
    expect(await passwords.verify('not a hash', 'anything')).toBe(false);
    expect(await passwords.verifyAgainstDummy('anything')).toBe(false);
  });
});
