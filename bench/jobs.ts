import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { z } from 'zod';
import { type Database, openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { BullmqJobQueue } from '../src/server/jobs/bullmq/bullmq-queue.js';
import { InProcessJobQueue } from '../src/server/jobs/in-process/in-process-queue.js';
import type { JobQueue } from '../src/server/jobs/job-types.js';
import { buildJobRegistry, jobHandler } from '../src/server/jobs/registry.js';
import { createRepositories } from '../src/server/repositories/index.js';
import { insertBusiness, insertUser } from '../test/factories/rows.js';
import { createEmptyPostgresDatabase, dropPostgresDatabase } from '../test/support/databases.js';
import { latencyPercentiles } from './app-fixtures.js';
import { type Check, envInt, fmt, log, printChecks, table } from './report.js';

// Jobs per second through each queue with a no-op handler, and the latency from `enqueue` to the
// handler starting, in one run (`BENCH_SUITE=jobs`); see docs/benchmarks.md, "Background jobs".
// - throughput: N jobs enqueued by 16 concurrent producers while a worker (concurrency 8) runs them;
//   jobs/s = N / (last handler start − first enqueue);
// - latency: one job at a time into an idle queue, enqueue → handler start, repeated;
// - baseline: bare BullMQ (Queue.add + Worker, same Redis, same concurrency), which bounds what our
//   BullMQ queue (payload validation, the workspace index, metrics) can reach.

const THROUGHPUT_JOBS = envInt('BENCH_JOBS', 2_000);
const LATENCY_SAMPLES = envInt('BENCH_JOB_LATENCY_SAMPLES', 200);
const PRODUCERS = 16;
const CONCURRENCY = 8;
const REDIS_URL = process.env.MCC_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TARGETS = { minJobsPerSecond: 200, maxIdleP99Ms: 50 };

const DEFINITIONS = {
  'bench.noop': {
    scope: 'workspace',
    payload: z.strictObject({ n: z.number().int() }),
    description: 'No-op',
  },
} as const;
type BenchDefinitions = typeof DEFINITIONS;

/** One queue's figures. */
export interface JobsMeasurement {
  queue: string;
  jobsPerSecond: number;
  enqueuePerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

export interface JobsBenchReport {
  jobs: number;
  latencySamples: number;
  results: JobsMeasurement[];
  skipped: string[];
  checks: Check[];
  pass: boolean;
}

/** Start times of handler runs, by the `n` each job carries. */
class StartLog {
  readonly startedAt = new Map<number, number>();
  private waiters = new Map<number, () => void>();
  started(n: number): void {
    this.startedAt.set(n, performance.now());
    this.waiters.get(n)?.();
    this.waiters.delete(n);
  }
  until(n: number): Promise<void> {
    if (this.startedAt.has(n)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(n, resolve));
  }
  clear(): void {
    this.startedAt.clear();
  }
}

/** The two measurements, on any queue that can `enqueue(n)` and reports starts to `starts`. */
async function measureQueue(
  name: string,
  enqueue: (n: number) => Promise<unknown>,
  starts: StartLog,
): Promise<JobsMeasurement> {
  process.stdout.write(`  ${name.padEnd(34)} `);
  // Warm-up: connections, prepared statements, JIT.
  for (let n = -50; n < 0; n++) await enqueue(n);
  await starts.until(-1);
  starts.clear();

  let next = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: PRODUCERS }, async () => {
      while (next < THROUGHPUT_JOBS) await enqueue(next++);
    }),
  );
  const enqueued = performance.now();
  await Promise.all(Array.from({ length: THROUGHPUT_JOBS }, (_, n) => starts.until(n)));
  const lastStart = Math.max(...starts.startedAt.values());
  const jobsPerSecond = THROUGHPUT_JOBS / ((lastStart - begin) / 1000);

  const latencies: number[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const n = 1_000_000 + i;
    const at = performance.now();
    await enqueue(n);
    await starts.until(n);
    latencies.push((starts.startedAt.get(n) ?? at) - at);
  }
  const { p50, p99 } = latencyPercentiles(latencies);
  const measurement = {
    queue: name,
    jobsPerSecond,
    enqueuePerSecond: THROUGHPUT_JOBS / ((enqueued - begin) / 1000),
    latencyP50Ms: p50,
    latencyP99Ms: p99,
  };
  log(`${fmt(jobsPerSecond, 0)} jobs/s, enqueue → start p50 ${fmt(measurement.latencyP50Ms, 2)} ms`);
  return measurement;
}

/** Our queue (either implementation) with a worker running the no-op handler. */
async function measureAppQueue(
  name: string,
  queue: JobQueue<BenchDefinitions>,
  businessId: string,
): Promise<JobsMeasurement> {
  const starts = new StartLog();
  const handlers = buildJobRegistry(DEFINITIONS, [
    jobHandler(DEFINITIONS, 'bench.noop', async ({ n }) => {
      starts.started(n);
    }),
  ]);
  const worker = queue.createWorker(handlers, { concurrency: CONCURRENCY, logger: console });
  worker.start();
  try {
    return await measureQueue(
      name,
      (n) => queue.enqueue({ name: 'bench.noop', businessId, payload: { n } }),
      starts,
    );
  } finally {
    await worker.drain(5_000);
    await queue.close();
  }
}

async function measureInProcess(name: string, database: Database): Promise<JobsMeasurement> {
  await migrateToLatest(database.db);
  const repos = createRepositories(database.db, database.dialect);
  // Jobs belong to a workspace that exists (a foreign key in the jobs table).
  const business = await insertBusiness(repos, await insertUser(repos));
  try {
    return await measureAppQueue(
      name,
      new InProcessJobQueue({ jobs: repos.jobs, definitions: DEFINITIONS, ping: () => database.ping() }),
      business.id,
    );
  } finally {
    await database.close();
  }
}

async function measureBareBullmq(prefix: string): Promise<JobsMeasurement> {
  const starts = new StartLog();
  const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
  const queue = new Queue('bare', { connection, prefix });
  const worker = new Worker(
    'bare',
    async (job) => {
      starts.started((job.data as { n: number }).n);
    },
    { connection, prefix, concurrency: CONCURRENCY },
  );
  try {
    return await measureQueue('baseline: bare BullMQ', (n) => queue.add('noop', { n }), starts);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/** Every queue this machine can run; PostgreSQL and Redis are skipped (and said so) when down. */
export async function runJobsBench(): Promise<JobsBenchReport> {
  log('Background jobs (bench/jobs.ts)');
  log(
    `  ${THROUGHPUT_JOBS} no-op jobs from ${PRODUCERS} concurrent producers, worker concurrency ${CONCURRENCY}, in this process;`,
  );
  log(`  then ${LATENCY_SAMPLES} jobs one at a time into the idle queue (enqueue → handler start).`);
  log();
  const results: JobsMeasurement[] = [];
  const skipped: string[] = [];
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'mcc-bench-jobs-'));
  try {
    results.push(
      await measureInProcess(
        'in-process, SQLite file (WAL)',
        openDatabase({ kind: 'sqlite', path: path.join(workDir, 'jobs.db'), autoMigrate: true }),
      ),
    );

    const created = await createEmptyPostgresDatabase('mcc_bench').catch((error: unknown) => {
      skipped.push(`in-process on PostgreSQL: ${String(error)}`);
      return undefined;
    });
    if (created) {
      try {
        results.push(
          await measureInProcess(
            'in-process, PostgreSQL',
            openDatabase({ kind: 'postgres', url: created.url, autoMigrate: true }, { poolSize: 10 }),
          ),
        );
      } finally {
        await dropPostgresDatabase(created.name);
      }
    }

    const prefix = `mcc_bench_${randomBytes(6).toString('hex')}`;
    try {
      results.push(
        await measureAppQueue(
          'BullMQ on Redis',
          new BullmqJobQueue({ url: REDIS_URL, prefix, definitions: DEFINITIONS }),
          randomUUID(),
        ),
      );
      results.push(await measureBareBullmq(prefix));
    } catch (error) {
      skipped.push(`BullMQ on Redis: ${String(error)}`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  log();
  log(
    table([
      ['queue', 'jobs/s', 'enqueues/s', 'enqueue→start p50 ms', 'p99 ms'],
      ...results.map((m) => [
        m.queue,
        fmt(m.jobsPerSecond, 0),
        fmt(m.enqueuePerSecond, 0),
        fmt(m.latencyP50Ms, 2),
        fmt(m.latencyP99Ms, 2),
      ]),
    ]),
  );
  for (const reason of skipped) log(`  skipped ${reason}`);
  log();
  const ours = results.filter((m) => !m.queue.startsWith('baseline'));
  const bullmq = results.find((m) => m.queue === 'BullMQ on Redis');
  const bare = results.find((m) => m.queue.startsWith('baseline'));
  if (bullmq && bare)
    log(
      `  our BullMQ queue / bare BullMQ: ${fmt((bullmq.jobsPerSecond / bare.jobsPerSecond) * 100)} % of jobs/s`,
    );
  const checks: Check[] = [
    ...ours.map((m) => ({
      target: `${m.queue}: >= ${TARGETS.minJobsPerSecond} jobs/s`,
      actual: `${fmt(m.jobsPerSecond, 0)} jobs/s`,
      pass: m.jobsPerSecond >= TARGETS.minJobsPerSecond,
    })),
    ...ours.map((m) => ({
      target: `${m.queue}: idle enqueue → start p99 < ${TARGETS.maxIdleP99Ms} ms`,
      actual: `${fmt(m.latencyP99Ms, 2)} ms`,
      pass: m.latencyP99Ms < TARGETS.maxIdleP99Ms,
    })),
  ];
  printChecks(checks);
  return {
    jobs: THROUGHPUT_JOBS,
    latencySamples: LATENCY_SAMPLES,
    results,
    skipped,
    checks,
    pass: checks.every((check) => check.pass),
  };
}
