import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Session } from '#shared/auth.schema.js';
import type { Business } from '#shared/business.schema.js';
import type { Role } from '#shared/roles.js';
import { cookiesOf, servicesOf } from '../support/test-app.js';

let sequence = 0;

/** An account with its session, cookies and a ready `authorization` header. */
export interface TestAccount {
  email: string;
  password: string;
  session: Session;
  cookies: Record<string, string>;
  auth: { authorization: string };
}

/**
 * An account for a test that needs one, not a test of registration: created as `mcc user create` does
 * (sign-up confirms by email in tests, test/support/mail-accounts.ts goes that way), then signed in
 * through the API. Registration's own modes are covered by auth.routes, sign-up-modes and account-emails.
 */
export async function registerAccount(
  app: FastifyInstance,
  overrides: { email?: string; name?: string } = {},
): Promise<TestAccount> {
  sequence += 1;
  const email = overrides.email ?? `person${sequence}.${Date.now()}@example.com`;
  const password = `violet-harbour-${sequence}-lantern`;
  await servicesOf(app).auth.createAccount({ email, password, name: overrides.name ?? `Person ${sequence}` });
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  expect(response.statusCode, response.body).toBe(200);
  const session = response.json<Session>();
  return {
    email,
    password,
    session,
    cookies: cookiesOf(response),
    auth: { authorization: `Bearer ${session.access_token}` },
  };
}

/** The session (refresh-token family) an account's access token belongs to: its `sid` claim. */
export function sessionIdOf(account: Pick<TestAccount, 'session'>): string {
  const payload = account.session.access_token.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sid: string }).sid;
}

/** Create a workspace owned by `owner` through the API. */
export async function createBusiness(
  app: FastifyInstance,
  owner: TestAccount,
  name = 'Acme Bakery',
): Promise<Business> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/business/',
    headers: owner.auth,
    payload: { name },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Business>();
}

/** Add `member` to `business` with `role`, as `owner`. */
export async function addMember(
  app: FastifyInstance,
  owner: TestAccount,
  business: Business,
  member: TestAccount,
  role: Role,
) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/business/${business.id}/members`,
    headers: owner.auth,
    payload: { email: member.email, role },
  });
  expect(response.statusCode, response.body).toBe(201);
}
