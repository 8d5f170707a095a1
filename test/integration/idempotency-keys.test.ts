import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { BusinessRow } from '#server/db/schema.js';
import { isAppError } from '#server/errors/app-error.js';
import { createRepositories, type Repositories } from '#server/repositories/index.js';
import {
  type IdempotencyClaim,
  IdempotencyService,
  type IdempotentRequest,
} from '#server/services/access/idempotency.service.js';
import { SecretBox } from '#server/services/access/security/secret-box.js';
import { insertBusiness, insertUser } from '../factories/rows.js';
import { describeEachDialect, type TestDatabase } from '../support/databases.js';

const LEASE_MS = 60_000;
const answer = (status: number) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ status }),
});

describeEachDialect('idempotency keys: leases, commits and answers', (create) => {
  let testDb: TestDatabase;
  let repos: Repositories;
  let business: BusinessRow;
  let clock: number;
  let service: IdempotencyService;
  let request: IdempotentRequest;
  let apiKeyId: string;

  beforeEach(async () => {
    testDb = await create();
    repos = createRepositories(testDb.database.db, testDb.database.dialect);
    const owner = await insertUser(repos);
    business = await insertBusiness(repos, owner);
    clock = Date.parse('2026-03-01T09:00:00.000Z');
    service = new IdempotencyService({
      repos,
      secretBox: new SecretBox('a-test-secret-that-is-long-enough-0123456789', 'mcc idempotent answers'),
      now: () => new Date(clock),
      leaseMs: LEASE_MS,
    });
    // The service takes the principal as authentication left it; no api_keys row is needed here.
    apiKeyId = owner.id;
    request = {
      principal: { kind: 'api_key', apiKeyId, businessId: business.id, role: 'editor' },
      businessId: business.id,
      key: 'k-1',
      fingerprint: 'f'.repeat(64),
    };
  });
  afterEach(() => testDb.dispose());

  const startRun = async (): Promise<IdempotencyClaim> => {
    const started = await service.start(request);
    if (started.kind !== 'run') throw new Error(`expected a run, got ${started.kind}`);
    return started.claim;
  };
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );
  /** A change the request commits, as a service writes one: in a transaction. */
  const commitAChange = (claim: IdempotencyClaim) =>
    service.runClaimed(claim, () =>
      repos.transaction((trx) =>
        trx.businesses.update(business.id, { name: 'Renamed', updated_at: new Date(clock).toISOString() }),
      ),
    );
  const row = () =>
    repos.idempotencyKeys.find({ businessId: business.id, credential: `api_key:${apiKeyId}`, key: 'k-1' });

  it('tells a repeat that the first run is in progress until its lease ends', async () => {
    await startRun();
    const refused = await refusal(service.start(request));
    expect(isAppError(refused, 'idempotency_key_in_progress')).toBe(true);
    expect((refused as { options: { retryAfterSeconds?: number } }).options.retryAfterSeconds).toBe(1);
  });

  it('lets a repeat take over a run whose process died before it changed anything', async () => {
    const dead = await startRun();
    clock += LEASE_MS;
    const taken = await startRun();
    expect(taken.id).toBe(dead.id);
    expect(taken.token).not.toBe(dead.token);
    // The dead run's late answer no longer counts; the new run's does.
    await service.finish(dead, answer(201));
    expect((await row())?.state).toBe('running');
    await service.finish(taken, answer(201));
    expect(await service.start(request)).toMatchObject({ kind: 'replay', answer: { status: 201 } });
  });

  it('never runs again a request that committed its change before its process died', async () => {
    const claim = await startRun();
    await commitAChange(claim);
    expect((await row())?.committed_at).not.toBeNull();
    clock += LEASE_MS;
    const refused = await refusal(service.start(request));
    expect(isAppError(refused, 'idempotency_answer_lost')).toBe(true);
  });

  it('marks nothing committed when the transaction rolls back', async () => {
    const claim = await startRun();
    const failed = await refusal(
      service.runClaimed(claim, () =>
        repos.transaction(async (trx) => {
          await trx.businesses.update(business.id, {
            name: 'Never',
            updated_at: new Date(clock).toISOString(),
          });
          throw new Error('rolled back');
        }),
      ),
    );
    expect(failed).toBeInstanceOf(Error);
    expect((await row())?.committed_at).toBeNull();
  });

  it('lets go of the key after a server error that changed nothing, so a retry runs afresh', async () => {
    await service.finish(await startRun(), answer(503));
    expect(await row()).toBeUndefined();
    expect((await service.start(request)).kind).toBe('run');
  });

  it('keeps a server error that came after a committed change, so a retry does not make it twice', async () => {
    const claim = await startRun();
    await commitAChange(claim);
    await service.finish(claim, answer(500));
    expect(await service.start(request)).toMatchObject({ kind: 'replay', answer: { status: 500 } });
  });

  it('does not keep "try later" answers (429, or any with Retry-After)', async () => {
    await service.finish(await startRun(), answer(429));
    expect(await row()).toBeUndefined();
    const claim = await startRun();
    await service.finish(claim, { ...answer(402), headers: { 'retry-after': '30' } });
    expect(await row()).toBeUndefined();
  });

  it('renews the lease while the request runs', async () => {
    const quick = new IdempotencyService({
      repos,
      secretBox: new SecretBox('a-test-secret-that-is-long-enough-0123456789', 'mcc idempotent answers'),
      now: () => new Date(clock),
      leaseMs: 300,
    });
    const started = await quick.start(request);
    if (started.kind !== 'run') throw new Error('expected a run');
    const leasedUntil = (await row())?.locked_until;
    await quick.runClaimed(started.claim, async () => {
      clock += 1_000;
      await vi.waitFor(async () => expect((await row())?.locked_until).not.toBe(leasedUntil), {
        timeout: 5_000,
      });
    });
    expect((await row())?.locked_until).toBe(new Date(clock + 300).toISOString());
  });

  it('reports the answer lost when it was sealed under another secret', async () => {
    await service.finish(await startRun(), answer(201));
    const rotated = new IdempotencyService({
      repos,
      secretBox: new SecretBox('another-secret-after-rotation-0123456789abcdef', 'mcc idempotent answers'),
      now: () => new Date(clock),
    });
    const refused = await refusal(rotated.start(request));
    expect(isAppError(refused, 'idempotency_answer_lost')).toBe(true);
  });

  it('forgets the workspace’s keys with the workspace', async () => {
    await service.finish(await startRun(), answer(201));
    await testDb.database.db.deleteFrom('businesses').where('id', '=', business.id).execute();
    expect(await testDb.database.db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
  });
});
