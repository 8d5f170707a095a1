import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPostgresTestDatabase, type TestDatabase } from './databases.js';
import { type SpawnedProcess, spawnEntry } from './jobs/spawn-process.js';
import { deleteRedisPrefix, TEST_REDIS_URL, testRedisPrefix } from './redis.js';
import { TEST_SECRET } from './test-app.js';

/** One `mcc serve` process of a cluster and where it listens. */
export interface ClusterInstance extends SpawnedProcess {
  url: string;
}

/** The scale-out mode on this machine: `mcc serve` × N and `mcc worker` on PostgreSQL and Redis. */
export interface Cluster {
  /** The run's own PostgreSQL database (migrated), also open in this process. */
  testDb: TestDatabase;
  /** The environment every process of the cluster shares. */
  env: Record<string, string>;
  instances: ClusterInstance[];
  worker: SpawnedProcess | undefined;
  /** Start one more `mcc serve` with the shared environment. */
  startInstance(): Promise<ClusterInstance>;
  /** Start (another) `mcc worker`. */
  startWorker(): Promise<SpawnedProcess>;
  /** Kill every process, drop the database and delete the run's Redis keys. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  instances: number;
  worker: boolean;
  /** Added to (or overriding) the shared environment. */
  env?: Record<string, string>;
}

const SERVING = /is running: (http:\/\/\S+)/;

/**
 * Start the processes the compose stack runs (docs/architecture.md, "Two modes"): each `mcc serve` leaves jobs to the
 * workers (JOBS_RUN_IN_WEB=0), all share one secret, one database and one Redis prefix.
 *
 * @example
 * const cluster = await startCluster({ instances: 2, worker: true });
 * await fetch(`${cluster.instances[0].url}/healthz`);
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const testDb = await createPostgresTestDatabase();
  const redisPrefix = testRedisPrefix();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-cluster-'));
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    DATABASE_URL: testDb.url ?? '',
    MCC_AUTO_MIGRATE: '0',
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    SECRET_KEY: TEST_SECRET,
    DATA_DIR: dataDir,
    MCC_DEMO: '0',
    JOBS_RUN_IN_WEB: '0',
    JOBS_LEASE_SECONDS: '2',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const instances: ClusterInstance[] = [];
  const workers: SpawnedProcess[] = [];

  const startInstance = async () => {
    const child = await spawnEntry('dist/cli/mcc.js', ['serve'], env, SERVING);
    const url = SERVING.exec(child.output())?.[1] ?? '';
    const instance = Object.assign(child, { url });
    instances.push(instance);
    return instance;
  };
  const startWorker = async () => {
    const worker = await spawnEntry('dist/cli/mcc.js', ['worker'], env, /mcc worker is running jobs/);
    workers.push(worker);
    return worker;
  };
  const stop = async () => {
    await Promise.all([...instances, ...workers].map((child) => child.stop('SIGKILL')));
    await testDb.dispose();
    await deleteRedisPrefix(redisPrefix);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await Promise.all(Array.from({ length: options.instances }, startInstance));
    if (options.worker) await startWorker();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    testDb,
    env,
    instances,
    get worker() {
      return workers.at(-1);
    },
    startInstance,
    startWorker,
    stop,
  };
}
