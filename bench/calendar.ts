import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { jobHandlerDeps } from '../src/server/composition-root.js';
import { type Database, openDatabase } from '../src/server/db/database.js';
import { newId } from '../src/server/db/ids.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import type { NewContentItem } from '../src/server/db/schema.js';
import { startJobRuntime } from '../src/server/jobs/job-runtime.js';
import { ContentItemRepository } from '../src/server/repositories/content-item.repository.js';
import { CHANNEL_IDS } from '../src/shared/channel-ids.js';
import type { Job } from '../src/shared/jobs.schema.js';
import { createPostgresTestDatabase, type TestDatabase } from '../test/support/databases.js';
import { createTestApp, type TestApp } from '../test/support/test-app.js';
import {
  type BenchAccount,
  refreshPlannerStatistics,
  signUpWithWorkspace,
  timeEach,
} from './app-fixtures.js';
import { type Check, envInt, fmt, log, printChecks, table } from './report.js';

// The content calendar at scale (issue 5): `BENCH_SUITE=calendar`; see docs/benchmarks.md, "Content calendar".
// 1. Generation: a 12-week, 6-channel calendar planned by the offline writer, as ideas and as full drafts,
//    from the POST to the finished job (the real route, job queue, AI service and content writes).
// 2. Range query: one month of a workspace holding 50,000 content items, `GET /api/content?from&to`
//    through the app (auth, validation, serialisation) against the same repository query called directly
//    (the baseline: what the database alone costs), on SQLite (file, WAL) and PostgreSQL.

const ITEMS = envInt('BENCH_CALENDAR_ITEMS', 50_000);
const QUERIES = envInt('BENCH_CALENDAR_QUERIES', 300);
const SPAN_DAYS = 730;
const PAGE = 200;
const TARGET_P99_MS = 20;
const CALENDAR_NAMES = {
  person: 'Calendar Planner',
  business: 'Northwind Coffee Roasters',
  timeZone: 'Europe/Paris',
};
const CHANNELS = ['instagram', 'linkedin', 'facebook', 'x', 'email', 'threads'] as const;

export interface CalendarBenchReport {
  generation: Array<{ detail: string; dialect: string; items: number; seconds: number }>;
  range: Array<{ dialect: string; path: string; p50Ms: number; p99Ms: number; rows: number }>;
  checks: Check[];
  pass: boolean;
}

async function generate(t: TestApp, account: BenchAccount, detail: 'ideas' | 'drafts') {
  const started = performance.now();
  const accepted = await t.app.inject({
    method: 'POST',
    url: '/api/ai/strategy/generate-calendar',
    headers: account.auth,
    payload: {
      business_id: account.businessId,
      start_date: detail === 'ideas' ? '2027-01-04' : '2027-04-05',
      weeks: 12,
      channels: CHANNELS,
      detail,
    },
  });
  if (accepted.statusCode !== 202) throw new Error(`generate-calendar: ${accepted.body}`);
  const jobId = accepted.json<{ job_id: string }>().job_id;
  for (;;) {
    const job = (await t.app.inject({ url: `/api/jobs/${jobId}`, headers: account.auth })).json<Job>();
    if (job.state === 'succeeded') {
      const items = (job.result as { content_item_ids: string[] }).content_item_ids.length;
      return { items, seconds: (performance.now() - started) / 1000 };
    }
    if (job.state === 'dead' || job.state === 'cancelled') throw new Error(`the job ended ${job.state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** 50,000 items over two years, in batches (seeding, not what is measured). */
async function seedItems(database: Database, businessId: string): Promise<void> {
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  const at = new Date().toISOString();
  for (let offset = 0; offset < ITEMS; offset += 500) {
    const batch: NewContentItem[] = [];
    for (let i = offset; i < Math.min(ITEMS, offset + 500); i++) {
      const scheduled = new Date(start + Math.floor((i / ITEMS) * SPAN_DAYS * 86_400_000));
      batch.push({
        id: newId(),
        business_id: businessId,
        campaign_id: null,
        channel: CHANNEL_IDS[i % CHANNEL_IDS.length] ?? 'instagram',
        format: 'post',
        title: `Post ${i}`,
        body: `Fresh from the roastery: batch ${i} is ready. Come and taste it this week.`,
        thread: '[]',
        hashtags: '["coffee","roastery"]',
        call_to_action: 'Visit us',
        media_brief: '',
        preheader: '',
        pillar: ['Origins', 'Brewing', 'Offers', 'Community'][i % 4] ?? null,
        scheduled_at: scheduled.toISOString(),
        status: 'draft',
        variant_group: null,
        version: 1,
        ai_call_id: null,
        created_by: null,
        updated_by: null,
        created_at: at,
        updated_at: at,
      });
    }
    await database.db.insertInto('content_items').values(batch).execute();
  }
}

async function benchDialect(
  dialect: string,
  testDb: TestDatabase,
  report: CalendarBenchReport,
): Promise<void> {
  const t = await createTestApp(testDb);
  const jobs = await startJobRuntime({
    queue: t.services.jobQueue,
    handlerDeps: jobHandlerDeps(t.services),
    runWorker: true,
    concurrency: 4,
    logger: console,
    events: t.services.events,
  });
  try {
    const account = await signUpWithWorkspace(t.app, CALENDAR_NAMES);
    for (const detail of ['ideas', 'drafts'] as const) {
      process.stdout.write(`  ${dialect}: 12 weeks × ${CHANNELS.length} channels, ${detail} … `);
      const result = await generate(t, account, detail);
      log(`${result.items} items in ${fmt(result.seconds, 2)} s`);
      report.generation.push({ detail, dialect, ...result });
    }

    const big = await signUpWithWorkspace(t.app, CALENDAR_NAMES);
    process.stdout.write(`  ${dialect}: seeding ${ITEMS} items … `);
    const seeded = performance.now();
    await seedItems(t.database, big.businessId);
    await refreshPlannerStatistics(t.database);
    log(`${fmt((performance.now() - seeded) / 1000, 1)} s`);
    const from = '2026-06-01T00:00:00.000Z';
    const to = '2026-07-01T00:00:00.000Z';
    const url = `/api/content?business_id=${big.businessId}&from=${from}&to=${to}&limit=${PAGE}`;
    const repository = new ContentItemRepository(t.database.db, t.database.dialect);
    const direct = await timeEach(
      QUERIES,
      async () => (await repository.page(big.businessId, { from, to, limit: PAGE + 1 })).length,
    );
    const api = await timeEach(QUERIES, async () => {
      const response = await t.app.inject({ url, headers: big.auth });
      if (response.statusCode !== 200) throw new Error(`range query: ${response.body}`);
      return response.json<{ items: unknown[] }>().items.length;
    });
    report.range.push(
      {
        dialect,
        path: 'baseline: repository query',
        p50Ms: direct.p50,
        p99Ms: direct.p99,
        rows: direct.rows,
      },
      { dialect, path: 'GET /api/content (app.inject)', p50Ms: api.p50, p99Ms: api.p99, rows: api.rows },
    );
  } finally {
    await jobs.stop(5_000);
    await t.close();
  }
}

/** Both parts on SQLite (a file) and, when it answers, PostgreSQL. */
export async function runCalendarBench(): Promise<CalendarBenchReport> {
  log('Content calendar (bench/calendar.ts)');
  log(
    `  range: one month (${PAGE} rows a page) of ${ITEMS} items spread over ${SPAN_DAYS} days, ${QUERIES} queries each, in sequence`,
  );
  log();
  const report: CalendarBenchReport = { generation: [], range: [], checks: [], pass: false };
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'mcc-bench-calendar-'));
  try {
    const file = path.join(workDir, 'mcc.db');
    const sqlite = openDatabase({ kind: 'sqlite', path: file, autoMigrate: true });
    await migrateToLatest(sqlite.db);
    await benchDialect('SQLite', { database: sqlite, dispose: () => sqlite.close() }, report);
    await benchDialect('PostgreSQL', await createPostgresTestDatabase(), report);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  log();
  log(
    table([
      ['calendar', 'database', 'items', 'seconds'],
      ...report.generation.map((g) => [
        `12 weeks × 6 channels, ${g.detail}`,
        g.dialect,
        String(g.items),
        fmt(g.seconds, 2),
      ]),
    ]),
  );
  log();
  log(
    table([
      ['range query (one month)', 'database', 'rows', 'p50 ms', 'p99 ms'],
      ...report.range.map((r) => [r.path, r.dialect, String(r.rows), fmt(r.p50Ms, 2), fmt(r.p99Ms, 2)]),
    ]),
  );
  log();
  report.checks = report.range
    .filter((r) => !r.path.startsWith('baseline'))
    .map((r) => ({
      target: `${r.dialect}: month range of ${ITEMS} items p99 < ${TARGET_P99_MS} ms`,
      actual: `${fmt(r.p99Ms, 2)} ms`,
      pass: r.p99Ms < TARGET_P99_MS,
    }));
  printChecks(report.checks);
  report.pass = report.checks.every((check) => check.pass);
  return report;
}
