import { describe, expect, it } from 'vitest';
import { isAppError } from '#server/errors/app-error.js';
import { assertStrongPassword, passwordWeakness } from './password-policy.js';

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordWeakness('correct horse battery')).toBeUndefined();
  });

  it.each([
    ['short1234', /at least 10/],
    ['Password123', /most common/],
    ['qwertyuiop', /most common/],
    ['aaaaaaaaaaaa', /more than two/],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeakness(password)).toMatch(reason);
  });

  it('refuses passwords containing the email or name', () => {
    expect(passwordWeakness('ada.lovelace-2026', { email: 'ada.lovelace@example.com' })).toMatch(/email/);
    expect(passwordWeakness('i am Lovelace!!', { name: 'Lovelace' })).toMatch(/name/);
  });

  it('throws a field-level weak_password error', () => {
    try {
      assertStrongPassword('password123', 'body.password');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error, 'weak_password')).toBe(true);
      if (isAppError(error)) expect(error.options.errors?.[0]?.path).toBe('body.password');
    }
  });
});
