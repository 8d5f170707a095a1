import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { isUniqueViolation } from '#server/db/errors.js';
import { newId } from '#server/db/ids.js';
import { createRepositories, type Repositories } from '#server/repositories/index.js';
import { insertBusiness, insertUser } from '../factories/rows.js';
import { describeEachDialect, type TestDatabase } from '../support/databases.js';

const AT = '2026-02-01T00:00:00.000Z';

describeEachDialect('repositories', (create) => {
  let testDb: TestDatabase;
  let repos: Repositories;

  beforeEach(async () => {
    testDb = await create();
    repos = createRepositories(testDb.database.db, testDb.database.dialect);
  });
  afterEach(() => testDb.dispose());

  it('scopes businesses to their members', async () => {
    const ada = await insertUser(repos);
    const bob = await insertUser(repos);
    const adas = await insertBusiness(repos, ada, [], { name: 'B Ada' });
    const shared = await insertBusiness(repos, bob, [[ada, 'viewer']], { name: 'A Shared' });

    const list = await repos.businesses.listForUser(ada.id);
    expect(list.map((b) => [b.name, b.role])).toEqual([
      ['A Shared', 'viewer'],
      ['B Ada', 'owner'],
    ]);
    expect(await repos.businesses.findForMember(adas.id, bob.id)).toBeUndefined();
    expect((await repos.businesses.findForMember(shared.id, ada.id))?.role).toBe('viewer');
  });

  it('reads one snapshot in snapshot(): a commit between its reads stays out of them', async () => {
    const ada = await insertUser(repos);
    const business = await insertBusiness(repos, ada, [], { name: 'Before' });
    const postgres = testDb.database.dialect === 'postgres';
    const names = await repos.snapshot(async (snap) => {
      const first = await snap.businesses.findForMember(business.id, ada.id);
      // Another connection commits between the two reads. SQLite has one connection, which the snapshot
      // holds, so nothing can commit in between there (a write would wait for the snapshot to end).
      if (postgres) await repos.businesses.update(business.id, { name: 'After' });
      const second = await snap.businesses.findForMember(business.id, ada.id);
      return [first?.name, second?.name];
    });
    expect(names).toEqual(['Before', 'Before']);
    if (postgres) {
      expect((await repos.businesses.findForMember(business.id, ada.id))?.name).toBe('After');
      // Read only: a write inside is refused rather than hidden in a snapshot.
      await expect(
        repos.snapshot((snap) => snap.businesses.update(business.id, { name: 'X' })),
      ).rejects.toThrow(/read-only/);
    }
  });

  it('holds back account creation while a transaction counts accounts under the lock (the first account)', async () => {
    let counted = () => {};
    const firstCounted = new Promise<void>((resolve) => {
      counted = resolve;
    });
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = repos.transaction(async (trx) => {
      await trx.users.lockAgainstNewAccounts();
      const before = await trx.users.count();
      counted();
      await released;
      await insertUser(trx);
      return before;
    });
    await firstCounted;
    const second = repos.transaction(async (trx) => {
      await trx.users.lockAgainstNewAccounts();
      return trx.users.count();
    });
    try {
      if (testDb.database.dialect === 'postgres') {
        // The second transaction waits for the lock (SQLite runs one transaction at a time anyway).
        await expect
          .poll(
            async () => {
              const { rows } = await sql<{ waiting: number }>`
                select count(*)::int as waiting from pg_locks
                where not granted and relation = 'users'::regclass`.execute(testDb.database.db);
              return rows[0]?.waiting;
            },
            { timeout: 5_000, interval: 20 },
          )
          .toBe(1);
      }
    } finally {
      // Never leave the first transaction open, even when the wait above failed.
      release();
    }
    expect(await first).toBe(0);
    expect(await second).toBe(1);
  });

  it('reports unique violations the same way on both dialects', async () => {
    const ada = await insertUser(repos);
    const error = await insertUser(repos, { email: ada.email }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    const business = await insertBusiness(repos, ada);
    const duplicate = await repos.memberships
      .insert(business.id, ada.id, 'admin', AT)
      .catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate)).toBe(true);
  });

  it('rejects roles outside the enum at the database level', async () => {
    const ada = await insertUser(repos);
    const business = await insertBusiness(repos, ada);
    const bob = await insertUser(repos);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately bypassing the type to test the CHECK constraint
    await expect(repos.memberships.insert(business.id, bob.id, 'superuser' as any, AT)).rejects.toThrow();
  });

  it('counts owners and changes roles within one workspace only', async () => {
    const ada = await insertUser(repos);
    const bob = await insertUser(repos);
    const one = await insertBusiness(repos, ada, [[bob, 'owner']]);
    const two = await insertBusiness(repos, bob, [[ada, 'editor']]);
    expect(await repos.memberships.countOwners(one.id)).toBe(2);
    await repos.memberships.updateRole(one.id, bob.id, 'viewer');
    expect(await repos.memberships.findRole(one.id, bob.id)).toBe('viewer');
    expect(await repos.memberships.findRole(two.id, bob.id)).toBe('owner');
    await repos.memberships.delete(two.id, ada.id);
    expect(await repos.memberships.findRole(one.id, ada.id)).toBe('owner');
    expect((await repos.memberships.list(two.id)).map((m) => m.user_id)).toEqual([bob.id]);
  });

  it('rotates a refresh token once only', async () => {
    const ada = await insertUser(repos);
    const family = newId();
    const first = {
      id: newId(),
      user_id: ada.id,
      token_hash: 'a',
      family_id: family,
      expires_at: AT,
      created_at: AT,
    };
    await repos.refreshTokens.insert(first);
    expect(await repos.refreshTokens.markRotated(first.id, newId(), AT)).toBe(true);
    expect(await repos.refreshTokens.markRotated(first.id, newId(), AT)).toBe(false);
    await repos.refreshTokens.insert({ ...first, id: newId(), token_hash: 'b' });
    await repos.refreshTokens.revokeFamily(family, AT);
    expect((await repos.refreshTokens.findByHash('b'))?.revoked_at).toBe(AT);
  });

  it('tells whether a token family (a session) is still live, and which families a user revoke ended', async () => {
    const ada = await insertUser(repos);
    const token = (family: string, hash: string) => ({
      id: newId(),
      user_id: ada.id,
      token_hash: hash,
      family_id: family,
      expires_at: '2026-03-01T00:00:00.000Z',
      created_at: AT,
    });
    const [one, two, expiring] = [newId(), newId(), newId()];
    const first = token(one, 'one-1');
    await repos.refreshTokens.insert(first);
    await repos.refreshTokens.insert(token(one, 'one-2'));
    expect(await repos.refreshTokens.markRotated(first.id, newId(), AT)).toBe(true);
    await repos.refreshTokens.insert(token(two, 'two-1'));
    await repos.refreshTokens.insert({ ...token(expiring, 'exp-1'), expires_at: AT });
    expect(await repos.refreshTokens.isFamilyLive(one, AT)).toBe(true);
    expect(await repos.refreshTokens.isFamilyLive(expiring, AT)).toBe(false);
    expect(await repos.refreshTokens.isFamilyLive(newId(), AT)).toBe(false);
    const ended = await repos.refreshTokens.revokeAllForUser(ada.id, AT);
    expect(ended.sort()).toEqual([one, two, expiring].sort());
    expect(await repos.refreshTokens.isFamilyLive(one, AT)).toBe(false);
    expect(await repos.refreshTokens.isFamilyLive(two, AT)).toBe(false);
  });

  it('finds API keys by hash only while active, and revokes within their workspace', async () => {
    const ada = await insertUser(repos);
    const one = await insertBusiness(repos, ada);
    const two = await insertBusiness(repos, ada);
    const key = {
      id: newId(),
      business_id: one.id,
      name: 'k',
      prefix: 'mcc_x',
      key_hash: 'hash',
      role: 'editor' as const,
      created_by: ada.id,
      created_at: AT,
    };
    await repos.apiKeys.insert(key);
    expect((await repos.apiKeys.findActiveByHash('hash'))?.business_id).toBe(one.id);
    expect(await repos.apiKeys.revoke(two.id, key.id, AT)).toBe(false);
    expect(await repos.apiKeys.find(two.id, key.id)).toBeUndefined();
    expect(await repos.apiKeys.revoke(one.id, key.id, AT)).toBe(true);
    expect(await repos.apiKeys.findActiveByHash('hash')).toBeUndefined();
  });

  it('pages the audit log newest first, per workspace', async () => {
    const ada = await insertUser(repos);
    const one = await insertBusiness(repos, ada);
    const two = await insertBusiness(repos, ada);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = newId();
      ids.push(id);
      await repos.auditLog.insert({
        id,
        business_id: one.id,
        actor_user_id: ada.id,
        actor_api_key_id: null,
        action: `a${i}`,
        target: null,
        details: '{}',
        created_at: AT,
      });
    }
    await repos.auditLog.insert({
      id: newId(),
      business_id: two.id,
      actor_user_id: ada.id,
      actor_api_key_id: null,
      action: 'other',
      target: null,
      details: '{}',
      created_at: AT,
    });
    const first = await repos.auditLog.page(one.id, { limit: 3 });
    expect(first.map((e) => e.action)).toEqual(['a4', 'a3', 'a2']);
    const second = await repos.auditLog.page(one.id, { limit: 3, before: first.at(-1)?.id });
    expect(second.map((e) => e.action)).toEqual(['a1', 'a0']);
  });

  it('cascades a business delete to its members, keys and audit entries', async () => {
    const ada = await insertUser(repos);
    const business = await insertBusiness(repos, ada);
    await repos.auditLog.insert({
      id: newId(),
      business_id: business.id,
      actor_user_id: ada.id,
      actor_api_key_id: null,
      action: 'x',
      target: null,
      details: '{}',
      created_at: AT,
    });
    await repos.businesses.delete(business.id);
    expect(await repos.memberships.list(business.id)).toEqual([]);
    expect(await repos.auditLog.page(business.id, { limit: 10 })).toEqual([]);
    expect(await repos.users.findById(ada.id)).toBeDefined();
  });

  it('rolls back every write of a failed transaction', async () => {
    const ada = await insertUser(repos);
    await expect(
      repos.transaction(async (trx) => {
        await insertBusiness(trx, ada, [], { name: 'Doomed' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await repos.businesses.listForUser(ada.id)).toEqual([]);
  });
});
