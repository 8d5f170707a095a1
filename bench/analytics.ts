import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { CpaFunnelResult } from '../src/server/analytics/cpa-funnel.js';
import type { CpaFunnelPool } from '../src/server/analytics/cpa-funnel-parallel.js';
import { type Check, envInt, fmt, log, printChecks, ROOT, table } from './report.js';

// The forecast kernel against numpy (issue 7, item 5): `BENCH_SUITE=analytics`; see docs/benchmarks.md,
// "Analytics". 1,000,000 trials of the reference funnel (src/server/analytics/cpa-funnel.ts: lognormal
// impressions, beta CTR and CVR, lognormal CPM; p10/p50/p90 of cost per acquisition), timed
// (a) inline on this thread and (b) split over a warm pool of worker threads, both from the compiled
// dist/ JavaScript the server runs; (c) the same model vectorised in numpy (bench/analytics_numpy.py, run
// with Debian's /usr/bin/python3) in the same run. Then a 10,000-trial POST /api/analytics/simulate end to
// end through app.inject (SQLite in memory, auth, validation, the kernel, the saved row, serialisation).

const TRIALS = envInt('BENCH_ANALYTICS_TRIALS', 1_000_000);
const REPEATS = envInt('BENCH_ANALYTICS_REPEATS', 7);
const REQUESTS = envInt('BENCH_ANALYTICS_REQUESTS', 50);
const WORKERS = envInt('BENCH_ANALYTICS_WORKERS', 2);
const SEED = 20_260_401;
const PYTHON = '/usr/bin/python3';
const TARGETS = { maxTimeRatio: 0.5, maxPercentileDiff: 0.01, maxRequestShareOfNumpy: 0.1 };

/** One timed way of running the million trials. */
interface KernelRow {
  name: string;
  bestMs: number;
  medianMs: number;
  /** CPU time of this process per run (both threads for the pool), ms; undefined for numpy. */
  cpuMs: number | undefined;
  cpa: CpaFunnelResult['cpa'];
}

export interface AnalyticsBenchReport {
  trials: number;
  repeats: number;
  kernel: KernelRow[];
  numpy: (KernelRow & { version: string }) | { skipped: string };
  request: {
    trials: number;
    requests: number;
    p50Ms: number;
    p90Ms: number;
    kernelP50Ms: number;
    /** Where the timed runs ran (inline, split with a worker, worker), with how many of each. */
    ranIn: Record<string, number>;
  };
  checks: Check[];
  pass: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timeKernel(
  name: string,
  run: () => Promise<CpaFunnelResult> | CpaFunnelResult,
): Promise<KernelRow> {
  await run(); // warm-up: compile the hot loops, start the workers
  const times: number[] = [];
  const cpu: number[] = [];
  let last: CpaFunnelResult | undefined;
  for (let i = 0; i < REPEATS; i++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    last = await run();
    times.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  if (!last) throw new Error('no run');
  return { name, bestMs: Math.min(...times), medianMs: median(times), cpuMs: median(cpu), cpa: last.cpa };
}

function runNumpy(): (KernelRow & { version: string }) | { skipped: string } {
  if (!existsSync(PYTHON)) return { skipped: `${PYTHON} is missing` };
  try {
    const out = execFileSync(
      PYTHON,
      [path.join(ROOT, 'bench/analytics_numpy.py'), String(TRIALS), String(SEED), String(REPEATS)],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const result = JSON.parse(out) as {
      numpy: string;
      python: string;
      best_ms: number;
      times_ms: number[];
      cpu_ms: number[];
      cpa: CpaFunnelResult['cpa'];
    };
    return {
      name: `numpy ${result.numpy} (Python ${result.python})`,
      version: result.numpy,
      bestMs: result.best_ms,
      medianMs: median(result.times_ms),
      cpuMs: median(result.cpu_ms),
      cpa: result.cpa,
    };
  } catch (error) {
    const message = (error as { stderr?: string }).stderr ?? String(error);
    return {
      skipped: /No module named 'numpy'/.test(message)
        ? 'numpy is not installed (apt install python3-numpy)'
        : (message.trim().split('\n').at(-1) ?? 'failed'),
    };
  }
}

/**
 * The production app from dist/ (as `node dist/server/main.js` builds it, without listening) on an
 * in-memory SQLite database; `app.inject` then drives it as a client would, minus the socket.
 */
async function startDistApp(): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const load = async <T>(file: string) => (await import(path.join(ROOT, 'dist/server', file))) as T;
  const { loadConfig } = await load<typeof import('../src/server/config/config.js')>('config/config.js');
  const { openDatabase } = await load<typeof import('../src/server/db/database.js')>('db/database.js');
  const { migrateToLatest } = await load<typeof import('../src/server/db/migrate.js')>('db/migrate.js');
  const { createMetrics } =
    await load<typeof import('../src/server/observability/metrics.js')>('observability/metrics.js');
  const { createServices } =
    await load<typeof import('../src/server/composition-root.js')>('composition-root.js');
  const { buildApp } = await load<typeof import('../src/server/app.js')>('app.js');
  const config = loadConfig({
    NODE_ENV: 'test',
    MCC_DEMO: '0',
    // The bench's one account signs in at once (docs/accounts.md: sign-up modes).
    SIGN_UP: 'immediate',
    WEB_DIST_DIR: '/nonexistent-dist',
    RATE_LIMIT_MAX: '1000000',
  });
  const database = openDatabase({ kind: 'sqlite', path: ':memory:', autoMigrate: true });
  await migrateToLatest(database.db);
  const secret = randomBytes(32).toString('hex');
  const metrics = createMetrics();
  const services = createServices({ database, config, secret, metricsRegistry: metrics.registry });
  const app = await buildApp({ config, database, secret, logger: false, services, metrics });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

async function timeRequest(): Promise<AnalyticsBenchReport['request']> {
  const t = await startDistApp();
  try {
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        email: `forecaster-${randomBytes(4).toString('hex')}@example.com`,
        password: `Kernel-${randomBytes(12).toString('hex')}`,
        name: 'Forecaster',
      },
    });
    if (registered.statusCode !== 201) throw new Error(`register: ${registered.body}`);
    const auth = { authorization: `Bearer ${registered.json<{ access_token: string }>().access_token}` };
    const business = await t.app.inject({
      method: 'POST',
      url: '/api/business/',
      headers: auth,
      payload: { name: 'Bench Roasters' },
    });
    const payload = {
      business_id: business.json<{ id: string }>().id,
      objective: 'sales',
      budget_minor: 500_000,
      currency: 'EUR',
      channels: [
        { channel: 'instagram', budget_share: 0.5, posts: 12, audience_size: 8_000 },
        { channel: 'facebook', budget_share: 0.3, posts: 6, audience_size: 5_000 },
        { channel: 'linkedin', budget_share: 0.2, posts: 4, audience_size: 2_000 },
        { channel: 'email', posts: 4, audience_size: 6_000 },
      ],
      average_order_value_minor: 4_500,
      kpis: [{ metric: 'orders', target: 150 }],
      trials: 10_000,
    };
    const send = () =>
      t.app.inject({ method: 'POST', url: '/api/analytics/simulate', headers: auth, payload });
    for (let i = 0; i < 10; i++) {
      const warm = await send();
      if (warm.statusCode !== 201) throw new Error(`simulate: ${warm.statusCode} ${warm.body}`);
    }
    const times: number[] = [];
    const kernel: number[] = [];
    const ranIn: Record<string, number> = {};
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const response = await send();
      times.push(performance.now() - started);
      const { results } = response.json<{ results: { elapsed_ms: number; ran_in: string } }>();
      kernel.push(results.elapsed_ms);
      ranIn[results.ran_in] = (ranIn[results.ran_in] ?? 0) + 1;
    }
    const sorted = [...times].sort((a, b) => a - b);
    return {
      trials: 10_000,
      requests: REQUESTS,
      p50Ms: median(times),
      p90Ms: sorted[Math.floor(sorted.length * 0.9)] ?? 0,
      kernelP50Ms: median(kernel),
      ranIn,
    };
  } finally {
    await t.close();
  }
}

export async function runAnalyticsBench(): Promise<AnalyticsBenchReport> {
  log('Forecast kernel (bench/analytics.ts)');
  const dist = path.join(ROOT, 'dist/server/analytics');
  if (!existsSync(path.join(dist, 'cpa-funnel-parallel.js')))
    throw new Error(`${dist} is missing: run \`npm run build:server\` first`);
  const inline = (await import(
    path.join(dist, 'cpa-funnel.js')
  )) as typeof import('../src/server/analytics/cpa-funnel.js');
  const parallel = (await import(
    path.join(dist, 'cpa-funnel-parallel.js')
  )) as typeof import('../src/server/analytics/cpa-funnel-parallel.js');
  log(
    `  ${TRIALS.toLocaleString('en')} trials × ${REPEATS} runs after a warm-up; the kernel from dist/ (what the server runs)`,
  );
  log();

  const kernel: KernelRow[] = [
    await timeKernel('kernel, inline (1 thread)', () => inline.simulateCpaFunnel(TRIALS, SEED)),
  ];
  const pool: CpaFunnelPool = new parallel.CpaFunnelPool(WORKERS);
  try {
    kernel.push(await timeKernel(`kernel, ${WORKERS} worker threads`, () => pool.run(TRIALS, SEED)));
  } finally {
    await pool.close();
  }
  const numpy = runNumpy();
  const request = await timeRequest();

  const rows = [...kernel, ...('skipped' in numpy ? [] : [numpy])];
  log(
    table([
      ['run', 'best ms', 'median ms', 'CPU ms (median)', 'CPA p10', 'CPA p50', 'CPA p90'],
      ...rows.map((row) => [
        row.name,
        fmt(row.bestMs),
        fmt(row.medianMs),
        row.cpuMs === undefined ? 'n/a' : fmt(row.cpuMs),
        fmt(row.cpa.p10, 3),
        fmt(row.cpa.p50, 3),
        fmt(row.cpa.p90, 3),
      ]),
    ]),
  );
  if ('skipped' in numpy) log(`  numpy baseline skipped: ${numpy.skipped}`);
  log();
  log(
    `  POST /api/analytics/simulate, 10,000 trials, 4 channels, through app.inject: p50 ${fmt(request.p50Ms)} ms, p90 ${fmt(request.p90Ms)} ms (kernel alone p50 ${fmt(request.kernelP50Ms)} ms; ran ${Object.entries(
      request.ranIn,
    )
      .map(([where, times]) => `${where} ×${times}`)
      .join(', ')})`,
  );
  log();

  const best = Math.min(...kernel.map((row) => row.bestMs));
  const checks: Check[] = [];
  if (!('skipped' in numpy)) {
    const worst = Math.max(
      ...kernel.flatMap((row) =>
        (['p10', 'p50', 'p90'] as const).map((p) => Math.abs(row.cpa[p] / numpy.cpa[p] - 1)),
      ),
    );
    checks.push(
      {
        target: `kernel time ≤ ${TARGETS.maxTimeRatio}× numpy's (best of each)`,
        actual: `${fmt(best)} ms vs ${fmt(numpy.bestMs)} ms = ${fmt(best / numpy.bestMs, 2)}×`,
        pass: best <= TARGETS.maxTimeRatio * numpy.bestMs,
      },
      {
        target: `CPA p10/p50/p90 within ${TARGETS.maxPercentileDiff * 100}% of numpy's`,
        actual: `largest difference ${fmt(worst * 100, 2)}%`,
        pass: worst <= TARGETS.maxPercentileDiff,
      },
      {
        target: `10,000-trial request p50 < ${TARGETS.maxRequestShareOfNumpy} × numpy's million-trial time`,
        actual: `${fmt(request.p50Ms)} ms vs ${fmt(numpy.bestMs * TARGETS.maxRequestShareOfNumpy)} ms`,
        pass: request.p50Ms < TARGETS.maxRequestShareOfNumpy * numpy.bestMs,
      },
    );
  }
  const sameAnswer = JSON.stringify(kernel[0]?.cpa) === JSON.stringify(kernel[1]?.cpa);
  checks.push({
    target: 'worker threads give the inline answer exactly (same seed)',
    actual: sameAnswer ? 'yes' : 'no',
    pass: sameAnswer,
  });
  printChecks(checks);
  log(
    'Note: 2 cores are shared with whatever else runs; CPU ms counts this process only (numpy: its own process).',
  );
  return {
    trials: TRIALS,
    repeats: REPEATS,
    kernel,
    numpy,
    request,
    checks,
    pass: checks.every((check) => check.pass),
  };
}
