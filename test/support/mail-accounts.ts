import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { Session } from '#shared/auth.schema.js';
import type { Business } from '#shared/business.schema.js';
import type { Role } from '#shared/roles.js';
import { linkIn, type TestSmtpServer } from './smtp-server.js';

/** Someone signed in on a server with SMTP, where sign-up is confirmed by email. */
export interface MailPerson {
  email: string;
  id: string;
  name: string;
  auth: { authorization: string };
}

let sequence = 0;

/** The value after `#name=` in an emailed link. */
export const fragmentOf = (url: URL, name: string) => new URLSearchParams(url.hash.slice(1)).get(name) ?? '';

/**
 * Sign up through the emailed confirmation link, as a person would (registration answers 202 and emails
 * a link on a server with SMTP). `name` is capitalised for the account's display name.
 */
export async function signUpByEmail(
  app: FastifyInstance,
  smtp: TestSmtpServer,
  name: string,
): Promise<MailPerson> {
  const email = `${name}.${++sequence}.${Date.now()}@example.com`;
  const displayName = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  const asked = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password: 'violet-harbour-lantern-7', name: displayName },
  });
  expect(asked.statusCode, asked.body).toBe(202);
  const token = fragmentOf(linkIn(await smtp.waitForMail(email)), 'token');
  const confirmed = await app.inject({
    method: 'POST',
    url: '/api/auth/register/confirm',
    payload: { token },
  });
  expect(confirmed.statusCode, confirmed.body).toBe(201);
  const session = confirmed.json<Session>();
  return {
    email,
    id: session.user.id,
    name: displayName,
    auth: { authorization: `Bearer ${session.access_token}` },
  };
}

/** A workspace created by `person`. */
export async function createWorkspaceAs(
  app: FastifyInstance,
  person: MailPerson,
  name: string,
): Promise<Business> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/business/',
    headers: person.auth,
    payload: { name },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<Business>();
}

/** Add `person` (who has an account) to `business` with `role`, as `owner`. */
export async function addMemberAs(
  app: FastifyInstance,
  owner: MailPerson,
  business: Business,
  person: MailPerson,
  role: Role,
): Promise<void> {
  const options: InjectOptions = {
    method: 'POST',
    url: `/api/business/${business.id}/members`,
    headers: owner.auth,
    payload: { email: person.email, role },
  };
  const added = await app.inject(options);
  expect(added.statusCode, added.body).toBe(201);
}
