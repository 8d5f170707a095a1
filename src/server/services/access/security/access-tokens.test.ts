import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccessTokens } from './access-tokens.js';

const SECRET = 'a'.repeat(16) + 'b'.repeat(16) + 'c'.repeat(16);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function forge(header: object, payload: object, key = SECRET): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

describe('AccessTokens', () => {
  const tokens = new AccessTokens(SECRET, 900);
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'user-1', sid: 'session-1', iat: now, exp: now + 900, iss: 'mcc', aud: 'mcc-api' };
  const without = (name: keyof typeof claims) =>
    Object.fromEntries(Object.entries(claims).filter(([key]) => key !== name));

  it('round-trips a token it issued', () => {
    expect(tokens.verify(tokens.issue('user-1', 'session-1'))).toEqual({
      userId: 'user-1',
      sessionId: 'session-1',
      expiresAt: expect.any(Number),
    });
  });

  it('rejects alg none', () => {
    expect(tokens.verify(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`)).toBeUndefined();
  });

  it('rejects a token signed with another key', () => {
    expect(tokens.verify(forge({ alg: 'HS256', typ: 'JWT' }, claims, 'x'.repeat(48)))).toBeUndefined();
    expect(new AccessTokens('z'.repeat(48), 900).verify(tokens.issue('user-1', 's'))).toBeUndefined();
  });

  it('rejects tampered claims', () => {
    const [header, , signature] = tokens.issue('user-1', 'session-1').split('.');
    expect(tokens.verify(`${header}.${b64({ ...claims, sub: 'admin' })}.${signature}`)).toBeUndefined();
  });

  it('rejects expired tokens and wrong audience or issuer', () => {
    const past = new AccessTokens(SECRET, 900, () => Date.now() - 3_600_000);
    expect(tokens.verify(past.issue('user-1', 'session-1'))).toBeUndefined();
    expect(tokens.verify(forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'other' }))).toBeUndefined();
    expect(tokens.verify(forge({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: 'other' }))).toBeUndefined();
  });

  // fast-jwt checks allowedIss/allowedAud only when the claim is present (issue 13, item 11).
  it('rejects a correctly signed token without an issuer or an audience', () => {
    expect(tokens.verify(forge({ alg: 'HS256', typ: 'JWT' }, without('iss')))).toBeUndefined();
    expect(tokens.verify(forge({ alg: 'HS256', typ: 'JWT' }, without('aud')))).toBeUndefined();
    const { iss: _iss, aud: _aud, ...bare } = claims;
    expect(tokens.verify(forge({ alg: 'HS256', typ: 'JWT' }, bare))).toBeUndefined();
  });

  it('rejects a correctly signed token without a session id (issued before sessions were checked)', () => {
    expect(tokens.verify(forge({ alg: 'HS256', typ: 'JWT' }, without('sid')))).toBeUndefined();
  });

  it('rejects other algorithms and garbage', () => {
    expect(tokens.verify(forge({ alg: 'HS512', typ: 'JWT' }, claims))).toBeUndefined();
    expect(tokens.verify('not.a.jwt')).toBeUndefined();
    expect(tokens.verify('')).toBeUndefined();
  });

  it('accepts a correctly forged HS256 token (the test helper itself is right)', () => {
    expect(tokens.verify(forge({ alg: 'HS256', typ: 'JWT' }, claims))).toEqual({
      userId: 'user-1',
      sessionId: 'session-1',
      expiresAt: claims.exp * 1000,
    });
  });
});
