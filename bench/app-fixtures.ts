import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../src/server/db/database.js';
import { servicesOf } from '../test/support/test-app.js';

// What the in-process suites (calendar, inbox, jobs) share: an account with a workspace on an app they drive
// with `app.inject`, latency samples of one operation, and planner statistics after seeding.

/** A signed-in owner of one workspace. */
export interface BenchAccount {
  auth: { authorization: string };
  businessId: string;
}

/**
 * An account (made as `mcc user create` does: sign-up confirms by email on a test app), signed in through
 * the API, and its workspace; throws with the response on any refusal. `app` comes from createTestApp.
 *
 * @example
 * const { auth, businessId } = await signUpWithWorkspace(t.app, { person: 'Inbox Keeper', business: 'Harbour Bakery' });
 */
export async function signUpWithWorkspace(
  app: FastifyInstance,
  names: { person: string; business: string; timeZone?: string },
): Promise<BenchAccount> {
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
  const password = `Bench-${randomBytes(12).toString('hex')}`;
  await servicesOf(app).auth.createAccount({ email, password, name: names.person });
  const signedIn = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (signedIn.statusCode !== 200) throw new Error(`sign in: ${signedIn.body}`);
  const auth = { authorization: `Bearer ${signedIn.json<{ access_token: string }>().access_token}` };
  const business = await app.inject({
    method: 'POST',
    url: '/api/business/',
    headers: auth,
    payload: { name: names.business, ...(names.timeZone ? { time_zone: names.timeZone } : {}) },
  });
  if (business.statusCode !== 201) throw new Error(`create business: ${business.body}`);
  return { auth, businessId: business.json<{ id: string }>().id };
}

/** The median and 99th percentile (nearest rank) of `times`, which it sorts. */
export function latencyPercentiles(times: number[]): { p50: number; p99: number } {
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Run `run` 20 times to warm up, then `count` times in sequence; `rows` is what the last run returned. */
export async function timeEach(
  count: number,
  run: () => Promise<number>,
): Promise<{ p50: number; p99: number; rows: number }> {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    rows = await run();
    times.push(performance.now() - started);
  }
  return { ...latencyPercentiles(times), rows };
}

/**
 * Give PostgreSQL's planner statistics for the rows a suite has just bulk-loaded, as autovacuum does on
 * its own within a minute or so of a large load. Without them the planner takes a freshly filled table
 * for a nearly empty one and can choose a plan that sorts the whole workspace (measured: a later inbox
 * page 73 ms instead of under 3). VACUUM as well, as autovacuum would: fresh rows wait in each GIN
 * index's pending list (the inbox's trigram indexes, migration 0029), which the planner prices as a scan.
 * SQLite is left alone: its planner runs without statistics in production too.
 *
 * @example
 * await refreshPlannerStatistics(t.database);
 */
export async function refreshPlannerStatistics(database: Database): Promise<void> {
  if (database.dialect === 'postgres') await sql`vacuum analyze`.execute(database.db);
}
