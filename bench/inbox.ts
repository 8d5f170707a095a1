import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Database, openDatabase } from '../src/server/db/database.js';
import { newId } from '../src/server/db/ids.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import type { ConversationRow, MessageRow } from '../src/server/db/schema.js';
import { signatureHeader } from '../src/server/integrations/signed-delivery.js';
import { ConversationRepository } from '../src/server/repositories/conversation.repository.js';
import { CHANNEL_IDS } from '../src/shared/channel-ids.js';
import { CONVERSATION_STATUSES, PRIORITY_RANK } from '../src/shared/inbox.schema.js';
import { createPostgresTestDatabase, type TestDatabase } from '../test/support/databases.js';
import { createTestApp, type TestApp } from '../test/support/test-app.js';
import {
  type BenchAccount,
  latencyPercentiles,
  refreshPlannerStatistics,
  signUpWithWorkspace,
  timeEach,
} from './app-fixtures.js';
import { type Check, envInt, fmt, log, printChecks, table } from './report.js';

// The unified inbox at scale (issue 6): `BENCH_SUITE=inbox`; see docs/benchmarks.md, "Unified inbox".
// 1. Ingest: signed events through `POST /api/inbound/{workspace}/{source}` (signature check, replay
//    memory, conversation upsert, message insert, `message.received`, a `message.classify` job queued),
//    16 in flight at a time through the app, on SQLite (file, WAL) and PostgreSQL.
// 2. List: the inbox's first page and a later page (by cursor), unfiltered and filtered, of a workspace
//    holding 100,000 messages in 20,000 conversations, `GET /api/messages` through the app against the
//    same repository query called directly (the baseline), plus a text search (a LIKE scan, not targeted).

const MESSAGES = envInt('BENCH_INBOX_MESSAGES', 100_000);
const PER_CONVERSATION = 5;
const EVENTS = envInt('BENCH_INBOX_EVENTS', 2_000);
const IN_FLIGHT = 16;
const QUERIES = envInt('BENCH_INBOX_QUERIES', 300);
const PAGE = 50;
const TARGET_P99_MS = 25;
const INBOX_NAMES = { person: 'Inbox Keeper', business: 'Harbour Bakery' };
const PRIORITIES = ['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const;

export interface InboxBenchReport {
  ingest: Array<{ dialect: string; events: number; perSecond: number; p50Ms: number; p99Ms: number }>;
  list: Array<{ dialect: string; query: string; path: string; p50Ms: number; p99Ms: number; rows: number }>;
  checks: Check[];
  pass: boolean;
}

/** EVENTS signed events, IN_FLIGHT at a time; every one must be accepted. */
async function benchIngest(t: TestApp, account: BenchAccount) {
  const secret = (
    await t.app.inject({
      method: 'POST',
      url: '/api/inbox/inbound-secret',
      headers: account.auth,
      payload: { business_id: account.businessId },
    })
  ).json<{ secret: string }>().secret;
  const times: number[] = [];
  let next = 0;
  const send = async (index: number) => {
    const body = JSON.stringify({
      event_id: `evt-${index}`,
      external_id: `dm-${index}`,
      customer: { external_id: `cust-${index % 400}`, name: `Customer ${index % 400}`, handle: null },
      body:
        index % 3 === 0 ? 'Where is my order? This is terrible, refund now!' : 'Do you have rye bread today?',
    });
    const started = performance.now();
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/inbound/${account.businessId}/instagram`,
      headers: {
        'content-type': 'application/json',
        'x-mcc-signature': signatureHeader(secret, body, Date.now() / 1000),
      },
      payload: body,
    });
    times.push(performance.now() - started);
    if (response.statusCode !== 202) throw new Error(`inbound: ${response.statusCode} ${response.body}`);
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < EVENTS) await send(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: EVENTS / seconds, ...latencyPercentiles(times) };
}

/** MESSAGES messages in MESSAGES / PER_CONVERSATION conversations, in batches (seeding, not measured). */
async function seedInbox(database: Database, businessId: string): Promise<void> {
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  const conversations = Math.ceil(MESSAGES / PER_CONVERSATION);
  const at = new Date().toISOString();
  for (let offset = 0; offset < conversations; offset += 200) {
    const rows: ConversationRow[] = [];
    const messages: MessageRow[] = [];
    for (let i = offset; i < Math.min(conversations, offset + 200); i++) {
      const id = newId();
      const channel = CHANNEL_IDS[i % CHANNEL_IDS.length] ?? 'instagram';
      const priority = PRIORITIES[i % PRIORITIES.length] ?? 'normal';
      const first = start + i * 60_000;
      let lastId = '';
      for (let m = 0; m < PER_CONVERSATION; m++) {
        lastId = newId();
        messages.push({
          id: lastId,
          business_id: businessId,
          conversation_id: id,
          channel,
          direction: m % 2 === 0 ? 'in' : 'out',
          // One conversation in a thousand asks about gluten: what a selective search finds.
          body:
            m === 0 && i % 1000 === 0
              ? `Message ${m} of conversation ${i}: is the rye loaf gluten-free?`
              : `Message ${m} of conversation ${i}: do you have sourdough and rye on Saturday morning?`,
          author: `Customer ${i}`,
          author_user_id: null,
          external_id: m % 2 === 0 ? `ext-${i}-${m}` : null,
          visibility: 'public',
          classification: null,
          delivery_status: m % 2 === 0 ? null : 'sent',
          delivery_error: null,
          created_at: new Date(first + m * 1000).toISOString(),
        });
      }
      rows.push({
        id,
        business_id: businessId,
        channel,
        customer_external_id: `customer-${i}`,
        customer_name: `Customer ${i}`,
        customer_handle: `@customer${i}`,
        status: CONVERSATION_STATUSES[i % 4] ?? 'open',
        snoozed_until: i % 4 === 2 ? '2099-01-01T00:00:00.000Z' : null,
        assignee_id: null,
        priority,
        priority_rank: PRIORITY_RANK[priority],
        sentiment: (['positive', 'neutral', 'negative'] as const)[i % 3] ?? 'neutral',
        intent: 'question',
        language: 'en',
        labels: i % 10 === 0 ? '["vip"]' : '[]',
        message_count: PER_CONVERSATION,
        last_message_id: lastId,
        first_response_at: new Date(first + 1000).toISOString(),
        resolved_at: null,
        last_message_at: new Date(first + (PER_CONVERSATION - 1) * 1000).toISOString(),
        created_at: new Date(first).toISOString(),
        updated_at: at,
      });
    }
    await database.db.insertInto('conversations').values(rows).execute();
    for (let m = 0; m < messages.length; m += 500) {
      await database.db
        .insertInto('messages')
        .values(messages.slice(m, m + 500))
        .execute();
    }
  }
}

async function benchDialect(dialect: string, testDb: TestDatabase, report: InboxBenchReport): Promise<void> {
  // The classify jobs are queued, not run: what is measured is the webhook's own work.
  const t = await createTestApp(testDb, { RATE_LIMIT_MAX: '1000000' });
  try {
    const account = await signUpWithWorkspace(t.app, INBOX_NAMES);
    process.stdout.write(`  ${dialect}: ${EVENTS} signed inbound events, ${IN_FLIGHT} in flight … `);
    const ingest = await benchIngest(t, account);
    log(`${fmt(ingest.perSecond, 0)} events/s`);
    report.ingest.push({
      dialect,
      events: EVENTS,
      perSecond: ingest.perSecond,
      p50Ms: ingest.p50,
      p99Ms: ingest.p99,
    });

    const big = await signUpWithWorkspace(t.app, INBOX_NAMES);
    process.stdout.write(`  ${dialect}: seeding ${MESSAGES} messages … `);
    const seeded = performance.now();
    await seedInbox(t.database, big.businessId);
    await refreshPlannerStatistics(t.database);
    log(`${fmt((performance.now() - seeded) / 1000, 1)} s`);
    const repository = new ConversationRepository(t.database.db, t.database.dialect);
    const now = new Date().toISOString();
    const first = await t.app.inject({
      url: `/api/messages?business_id=${big.businessId}&limit=${PAGE}`,
      headers: big.auth,
    });
    const cursor = first.json<{ next_cursor: string }>().next_cursor;
    const last = await repository.page(big.businessId, { now }, PAGE);
    const after = last.at(-1);
    const queries: Array<{ name: string; query: string; direct?: () => Promise<number> }> = [
      {
        name: 'first page',
        query: '',
        direct: async () => (await repository.page(big.businessId, { now }, PAGE + 1)).length,
      },
      {
        name: 'later page (cursor)',
        query: `&cursor=${cursor}`,
        direct: async () =>
          (
            await repository.page(big.businessId, { now }, PAGE + 1, {
              rank: after?.priority_rank ?? 0,
              at: after?.last_message_at ?? now,
              id: after?.id ?? '',
            })
          ).length,
      },
      {
        name: 'status=open',
        query: '&status=open',
        direct: async () => (await repository.page(big.businessId, { now, status: 'open' }, PAGE + 1)).length,
      },
      { name: 'channel + sentiment', query: '&channel=email&sentiment=negative' },
      { name: 'label=vip', query: '&label=vip' },
      { name: 'search q=rye (every message matches)', query: '&q=rye' },
      // Selective, as searches are: PostgreSQL answers it from the trigram indexes (migration 0029).
      { name: 'search q=gluten (1 in 1,000)', query: '&q=gluten' },
    ];
    for (const { name, query, direct } of queries) {
      if (direct) {
        const measured = await timeEach(QUERIES, direct);
        report.list.push({
          dialect,
          query: name,
          path: 'baseline: repository query',
          p50Ms: measured.p50,
          p99Ms: measured.p99,
          rows: measured.rows,
        });
      }
      const url = `/api/messages?business_id=${big.businessId}&limit=${PAGE}${query}`;
      const count = query.includes('q=') ? Math.min(QUERIES, 50) : QUERIES;
      const measured = await timeEach(count, async () => {
        const response = await t.app.inject({ url, headers: big.auth });
        if (response.statusCode !== 200) throw new Error(`list: ${response.body}`);
        return response.json<{ items: unknown[] }>().items.length;
      });
      report.list.push({
        dialect,
        query: name,
        path: 'GET /api/messages',
        p50Ms: measured.p50,
        p99Ms: measured.p99,
        rows: measured.rows,
      });
    }
  } finally {
    await t.close();
  }
}

/** Both parts on SQLite (a file) and PostgreSQL. */
export async function runInboxBench(): Promise<InboxBenchReport> {
  log('Unified inbox (bench/inbox.ts)');
  log(
    `  ingest: ${EVENTS} signed events; list: ${MESSAGES} messages in ${MESSAGES / PER_CONVERSATION} conversations, ${QUERIES} queries each, in sequence`,
  );
  log();
  const report: InboxBenchReport = { ingest: [], list: [], checks: [], pass: false };
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'mcc-bench-inbox-'));
  try {
    const sqlite = openDatabase({ kind: 'sqlite', path: path.join(workDir, 'mcc.db'), autoMigrate: true });
    await migrateToLatest(sqlite.db);
    await benchDialect('SQLite', { database: sqlite, dispose: () => sqlite.close() }, report);
    await benchDialect('PostgreSQL', await createPostgresTestDatabase(), report);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  log();
  log(
    table([
      ['inbound webhook', 'database', 'events', 'events/s', 'p50 ms', 'p99 ms'],
      ...report.ingest.map((r) => [
        `signed, ${IN_FLIGHT} in flight`,
        r.dialect,
        String(r.events),
        fmt(r.perSecond, 0),
        fmt(r.p50Ms, 2),
        fmt(r.p99Ms, 2),
      ]),
    ]),
  );
  log();
  log(
    table([
      ['inbox list', 'path', 'database', 'rows', 'p50 ms', 'p99 ms'],
      ...report.list.map((r) => [
        r.query,
        r.path,
        r.dialect,
        String(r.rows),
        fmt(r.p50Ms, 2),
        fmt(r.p99Ms, 2),
      ]),
    ]),
  );
  log();
  report.checks = report.list
    .filter((r) => !r.path.startsWith('baseline') && !r.query.startsWith('search q=rye'))
    .map((r) => ({
      target: `${r.dialect}: ${r.query} of ${MESSAGES} messages p99 < ${TARGET_P99_MS} ms`,
      actual: `${fmt(r.p99Ms, 2)} ms`,
      pass: r.p99Ms < TARGET_P99_MS,
    }));
  printChecks(report.checks);
  report.pass = report.checks.every((check) => check.pass);
  return report;
}
