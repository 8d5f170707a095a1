import { jobHandlerDeps } from '#server/composition-root.js';
import type { NetworkRegistry } from '#server/integrations/networks/index.js';
import type { BackoffPolicy } from '#server/jobs/backoff.js';
import { InProcessJobQueue } from '#server/jobs/in-process/in-process-queue.js';
import { type AppJobDefinitions, JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import { type JobRuntime, startJobRuntime } from '#server/jobs/job-runtime.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import { createRepositories } from '#server/repositories/index.js';
import type { TestDatabase } from './databases.js';
import { createTestApp, type TestApp } from './test-app.js';

/** The app with its embedded job queue and a running worker, and how to stop both. */
export interface AppWithJobs {
  t: TestApp;
  runtime: JobRuntime;
  /** Stops the worker (waiting up to 2 s for jobs in flight), then the app and its database. */
  stop(): Promise<void>;
}

/**
 * The real app on `testDb` with the embedded queue polled every 25 ms, fast retries, a worker running
 * the app's own job handlers, and receivers on 127.0.0.1 allowed (OUTBOUND_ALLOWED_HOSTS). `wrapQueue`
 * puts something between the app and the queue (a queue that fails on demand, say).
 *
 * @example
 * const { t, stop } = await startAppWithJobs(await create(), { backoff: { baseMs: 50, maxMs: 100 } });
 */
export async function startAppWithJobs(
  testDb: TestDatabase,
  options: {
    backoff?: BackoffPolicy;
    concurrency?: number;
    /** Announce jobs' progress and outcomes as live events (and so to webhooks), as the server does. */
    announceJobs?: boolean;
    wrapQueue?: (queue: JobQueue<AppJobDefinitions>) => JobQueue<AppJobDefinitions>;
    /** More environment variables (SMTP_URL for the email tests, say). */
    env?: Record<string, string>;
    /** The network providers (a registry pointed at the contract fakes by its base-URL overrides). */
    networks?: NetworkRegistry;
  } = {},
): Promise<AppWithJobs> {
  const inner = new InProcessJobQueue({
    jobs: createRepositories(testDb.database.db, testDb.database.dialect).jobs,
    definitions: JOB_DEFINITIONS,
    pollIntervalMs: 25,
    backoff: options.backoff ?? { baseMs: 20, maxMs: 40 },
  });
  const queue = options.wrapQueue ? options.wrapQueue(inner) : inner;
  const t = await createTestApp(
    testDb,
    { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1', ...options.env },
    { jobQueue: queue, ...(options.networks ? { networks: options.networks } : {}) },
  );
  const runtime = await startJobRuntime({
    queue,
    handlerDeps: jobHandlerDeps(t.services),
    runWorker: true,
    concurrency: options.concurrency ?? 1,
    logger: { warn() {}, error() {} },
    ...(options.announceJobs ? { events: t.services.events } : {}),
  });
  return {
    t,
    runtime,
    async stop() {
      await runtime.stop(2_000);
      await t.close();
    },
  };
}
