import { afterEach, beforeEach, expect, it } from 'vitest';
import { newId } from '#server/db/ids.js';
import { AppError } from '#server/errors/app-error.js';
import { createRepositories, type Repositories } from '#server/repositories/index.js';
import { AiBudgetGuard, type BudgetHold } from '#server/services/ai/ai-budget.js';
import { insertBusiness, insertUser } from '../factories/rows.js';
import { describeEachDialect, type TestDatabase } from '../support/databases.js';

const DEADLINE_MS = 300_000;
const LIMIT = 1_000;

// The reservation arithmetic on real databases (issue 13, item 2): what counts against the limit, when a
// call is admitted, and how a dead process's reservation lapses. The parallel runs are in
// ai-budget-concurrency.test.ts.
describeEachDialect('AI budget reservations', (create) => {
  let testDb: TestDatabase;
  let repos: Repositories;
  let businessId: string;
  let clock: Date;
  let guard: AiBudgetGuard;

  beforeEach(async () => {
    testDb = await create();
    repos = createRepositories(testDb.database.db, testDb.database.dialect);
    businessId = (await insertBusiness(repos, await insertUser(repos))).id;
    clock = new Date('2026-03-10T12:00:00.000Z');
    guard = new AiBudgetGuard(repos, () => clock, DEADLINE_MS);
    await repos.aiSettings.upsertBudget(businessId, LIMIT, clock.toISOString());
  });
  afterEach(() => testDb.dispose());

  async function spend(microUsd: number, at = clock, into = repos): Promise<void> {
    await into.aiCalls.insert({
      id: newId(),
      business_id: businessId,
      user_id: null,
      task: 'writeContent',
      task_version: '1',
      provider: 'openai-compatible',
      model: 'gpt-4o-mini',
      prompt_tokens: 1,
      completion_tokens: 1,
      cost_micro_usd: microUsd,
      price_known: 1,
      estimated: 0,
      latency_ms: 1,
      attempts: 1,
      outcome: 'ok',
      error_code: null,
      error_message: null,
      error_diagnostics: null,
      created_at: at.toISOString(),
    });
  }

  async function reserved(amount: number): Promise<BudgetHold> {
    const hold = await guard.reserve(businessId, amount);
    if (hold instanceof AppError) throw hold;
    return hold;
  }

  async function heldRows(): Promise<number> {
    const rows = await testDb.database.db.selectFrom('ai_budget_reservations').select('id').execute();
    return rows.length;
  }

  it('admits calls while the month spend plus what calls in flight hold is under the limit', async () => {
    await spend(5_000, new Date('2026-02-28T23:59:59.000Z')); // last month: does not count
    await spend(600);
    await reserved(300); // 600 < 1,000
    await reserved(2_000); // 900 < 1,000: the last call admitted may pass the limit by its reservation
    const refused = await guard.reserve(businessId, 1);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'budget_exceeded' });
    expect((refused as AppError).message).toMatch(/held by AI calls in progress.*Settings → AI/);
    expect(await heldRows()).toBe(2);
  });

  it('counts the month in the workspace’s time zone: a New York workspace’s December starts at its midnight', async () => {
    const owner = await insertUser(repos);
    const newYork = (await insertBusiness(repos, owner, [], { time_zone: 'America/New_York' })).id;
    const spendIn = (microUsd: number, at: string) =>
      repos.aiCalls.insert({
        id: newId(),
        business_id: newYork,
        user_id: null,
        task: 'writeContent',
        task_version: '1',
        provider: 'openai-compatible',
        model: 'gpt-4o-mini',
        prompt_tokens: 1,
        completion_tokens: 1,
        cost_micro_usd: microUsd,
        price_known: 1,
        estimated: 0,
        latency_ms: 1,
        attempts: 1,
        outcome: 'ok',
        error_code: null,
        error_message: null,
        error_diagnostics: null,
        created_at: at,
      });
    await spendIn(100, '2026-11-30T12:00:00.000Z'); // November in New York
    await spendIn(20, '2026-12-01T04:30:00.000Z'); // 23:30 on 30 November in New York
    await spendIn(3, '2026-12-01T05:30:00.000Z'); // 00:30 on 1 December in New York

    // 02:00 UTC on 1 December is still 30 November in New York: its November, from its midnight.
    clock = new Date('2026-12-01T02:00:00.000Z');
    expect(await guard.status(newYork)).toMatchObject({
      month_start: '2026-11-01T04:00:00.000Z',
      spent_this_month_micro_usd: 123,
    });
    // At 06:00 UTC it is December there: only what was spent since its midnight (05:00 UTC) counts.
    clock = new Date('2026-12-01T06:00:00.000Z');
    expect(await guard.status(newYork)).toMatchObject({
      month_start: '2026-12-01T05:00:00.000Z',
      spent_this_month_micro_usd: 3,
    });
  });

  it('gives a hold back with the ledger row, in one transaction', async () => {
    await spend(400);
    const hold = await reserved(700);
    expect(await guard.reserve(businessId, 1)).toBeInstanceOf(AppError); // 400 + 700 ≥ 1,000
    await repos.transaction(async (trx) => {
      await spend(200, clock, trx);
      await hold.release(trx);
    });
    await reserved(1); // 600 < 1,000
    await spend(400);
    const spent = await guard.reserve(businessId, 1);
    expect((spent as AppError).message).toMatch(/has spent its monthly AI budget of \$0\.00/);
  });

  it('lets the reservation of a process that died lapse after the deadline and a minute', async () => {
    await reserved(1_500); // never released: its process "crashed"
    expect(await guard.reserve(businessId, 1)).toBeInstanceOf(AppError);
    clock = new Date(clock.getTime() + DEADLINE_MS + 59_000);
    expect(await guard.reserve(businessId, 1)).toBeInstanceOf(AppError);
    clock = new Date(clock.getTime() + 1_000);
    await reserved(1);
    expect(await heldRows()).toBe(1); // the lapsed row was cleared on the way
  });

  it('grows a hold only when the run needs more than it holds, and refuses at the limit', async () => {
    const hold = await reserved(500);
    await hold.cover(500); // already covered: no change
    await hold.cover(800); // grows by 300: 500 < 1,000 when asked
    const other = await reserved(200); // 800 < 1,000
    await expect(hold.cover(1_200)).rejects.toMatchObject({ code: 'budget_exceeded' }); // 1,000 held
    await other.release(repos);
    await hold.cover(1_200); // 800 < 1,000 again
    const rows = await testDb.database.db
      .selectFrom('ai_budget_reservations')
      .select('amount_micro_usd')
      .execute();
    expect(rows.map((row) => Number(row.amount_micro_usd))).toEqual([1_200]);
  });

  it('holds nothing for a workspace without a limit', async () => {
    await repos.aiSettings.deleteBudget(businessId);
    const hold = await reserved(1_000_000);
    expect(hold.reserved).toBe(false);
    await hold.cover(5_000_000);
    expect(await heldRows()).toBe(0);
  });
});
