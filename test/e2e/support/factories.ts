import type { Session } from '#shared/auth.schema.js';

let sequence = 0;

/** A person who already has an account, made through the public API as the app itself would. */
export interface SeededUser {
  name: string;
  email: string;
  password: string;
  session: Session;
}

/** Unique, valid sign-up details; the password is long and uncommon so the policy accepts it. */
export function newPersonDetails(label = 'person') {
  sequence += 1;
  const unique = `${Date.now().toString(36)}${sequence}`;
  return {
    name: `${label.charAt(0).toUpperCase()}${label.slice(1)} ${unique}`,
    email: `${label}.${unique}@example.com`,
    password: `amber-lighthouse-${unique}-meadow`,
  };
}

/**
 * Signs up through the public API as a person on a development server would: `POST /api/auth/register`
 * answers "check your email", the confirmation lands in the dev outbox, and its link signs in.
 */
export async function seedUser(baseUrl: string, label = 'person'): Promise<SeededUser> {
  const details = newPersonDetails(label);
  const response = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(details),
  });
  if (response.status !== 202)
    throw new Error(`register failed: ${response.status} ${await response.text()}`);
  const link = await confirmationLinkFor(baseUrl, details.email);
  const token = new URLSearchParams(link.hash.slice(1)).get('token') ?? '';
  const confirmed = await fetch(`${baseUrl}/api/auth/register/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (confirmed.status !== 201)
    throw new Error(`confirm failed: ${confirmed.status} ${await confirmed.text()}`);
  return { ...details, session: (await confirmed.json()) as Session };
}

/**
 * The sign-up confirmation link emailed to `email`, read from the dev outbox (`GET /api/dev/outbox`, which
 * answers this machine) once the server's job has written it; gives up after 10 s.
 */
export async function confirmationLinkFor(baseUrl: string, email: string): Promise<URL> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/dev/outbox`);
    if (response.status !== 200) throw new Error(`dev outbox: ${response.status} ${await response.text()}`);
    const { items } = (await response.json()) as { items: { to: string; subject: string; text: string }[] };
    const mail = items.find((item) => item.to === email && /Confirm your email/.test(item.subject));
    const link = mail && /https?:\/\/\S+\/sign-up\/confirm#token=[\w-]+/.exec(mail.text)?.[0];
    if (link) return new URL(link);
    if (Date.now() > deadline) throw new Error(`no sign-up confirmation for ${email} in the dev outbox`);
    // The job runs in the server's worker a few milliseconds after the request: ask again shortly.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Creates a workspace owned by `user` through `POST /api/business/` (in Paris, in English, unless told). */
export async function seedBusiness(
  baseUrl: string,
  user: SeededUser,
  name: string,
  region: { time_zone: string; locale: string } = { time_zone: 'Europe/Paris', locale: 'en' },
): Promise<{ id: string }> {
  const response = await fetch(`${baseUrl}/api/business/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${user.session.access_token}` },
    body: JSON.stringify({ name, ...region }),
  });
  if (response.status !== 201)
    throw new Error(`create business failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** Adds `member` to a workspace through `POST /api/business/{id}/members`. */
export async function seedMember(
  baseUrl: string,
  owner: SeededUser,
  businessId: string,
  member: SeededUser,
  role: 'admin' | 'editor' | 'viewer',
): Promise<void> {
  const response = await fetch(`${baseUrl}/api/business/${businessId}/members`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.session.access_token}` },
    body: JSON.stringify({ email: member.email, role }),
  });
  if (response.status !== 201)
    throw new Error(`add member failed: ${response.status} ${await response.text()}`);
}

/**
 * Calls the API as `user` with their access token, as an integration would, and returns the parsed answer
 * (undefined for 204); any other failure throws with the problem's text.
 *
 * @example
 * await callApiAs(env.server.url, owner, 'PUT', `/api/business/${id}/ai-budget`, { monthly_limit_micro_usd: 0 });
 */
export async function callApiAs<T = unknown>(
  baseUrl: string,
  user: SeededUser,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${user.session.access_token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
