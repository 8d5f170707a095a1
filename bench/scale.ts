import { writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import {
  type NginxPrefix,
  prepareNginx,
  type RunningNginx,
  startNginx,
} from '../test/deploy/support/nginx.js';
import { type Cluster, type ClusterInstance, startCluster } from '../test/support/cluster.js';
import {
  type Check,
  envInt,
  fmt,
  loadAverage,
  log,
  machine,
  printChecks,
  processCpuSeconds,
  table,
} from './report.js';

// `npm run bench:scale`: the mixed read/write API workload through nginx (the shipped deploy/nginx config,
// HTTPS) against one and then two `mcc serve` instances on PostgreSQL + Redis, as the compose stack runs
// them (test/support/cluster.ts starts the same processes the scale-out tests run). See docs/benchmarks.md.

const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const DURATION_S = envInt('BENCH_DURATION', 10);
const WARMUP_S = envInt('BENCH_WARMUP', 3);
/** `BENCH_JSON=<file>` also writes the figures as JSON. */
const JSON_OUT = process.env.BENCH_JSON;
const TARGETS = { minScaleRatio: 1.6, maxErrors: 0 };

interface Row {
  instances: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  appCpuSeconds: number;
  loadAverage: string;
}

/** What every connection sends, in a loop: three reads for each write. */
function workload(token: string, businessId: string) {
  const headers = { authorization: `Bearer ${token}` };
  const write = JSON.stringify({
    business_id: businessId,
    channel: 'linkedin',
    title: 'Bench',
    body: 'Load',
  });
  return [
    { method: 'GET', path: `/api/business/${businessId}`, headers },
    { method: 'GET', path: `/api/content?business_id=${businessId}&limit=20`, headers },
    { method: 'GET', path: `/api/business/${businessId}`, headers },
    {
      method: 'POST',
      path: '/api/content',
      headers: { ...headers, 'content-type': 'application/json' },
      body: write,
    },
  ];
}

async function measure(
  url: string,
  requests: ReturnType<typeof workload>,
  instances: ClusterInstance[],
): Promise<Row> {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, requests });
  const cpuBefore = instances.map((instance) => processCpuSeconds(instance.pid) ?? 0);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
  const cpuAfter = instances.map((instance) => processCpuSeconds(instance.pid) ?? 0);
  return {
    instances: instances.length,
    requestsPerSecond: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    appCpuSeconds: cpuAfter.reduce((sum, cpu, index) => sum + cpu - (cpuBefore[index] ?? 0), 0),
    loadAverage: loadAverage(),
  };
}

async function behindNginx<T>(upstreams: ClusterInstance[], run: (url: string) => Promise<T>): Promise<T> {
  let prefix: NginxPrefix | undefined;
  let nginx: RunningNginx | undefined;
  try {
    prefix = await prepareNginx(upstreams.map((instance) => `127.0.0.1:${new URL(instance.url).port}`));
    nginx = await startNginx(prefix);
    return await run(`https://127.0.0.1:${prefix.httpsPort}`);
  } finally {
    await nginx?.stop();
    prefix?.dispose();
  }
}

async function main(): Promise<void> {
  log('Scale-out benchmark: the mixed API workload through nginx against one, then two mcc serve instances');
  for (const [key, value] of Object.entries(machine())) log(`  ${key}: ${value}`);
  log(
    `  load: autocannon 8 in this process over HTTPS, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per row; per connection 3 reads (GET workspace, GET 20 content items, GET workspace) for each write (POST content item)`,
  );
  let cluster: Cluster | undefined;
  try {
    cluster = await startCluster({
      instances: 2,
      worker: true,
      // Sign-up signs in at once: the dev outbox would be the worker's, which serves no HTTP.
      env: {
        LOG_LEVEL: 'warn',
        RATE_LIMIT_MAX: '1000000000',
        AUTH_RATE_LIMIT_MAX: '1000',
        SIGN_UP: 'immediate',
      },
    });
    const [a, b] = cluster.instances as [ClusterInstance, ClusterInstance];
    const registered = await fetch(`${a.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `bench.${Date.now()}@example.com`,
        password: 'violet-harbour-bench-scale',
        name: 'B',
      }),
    });
    const token = ((await registered.json()) as { access_token: string }).access_token;
    const business = await fetch(`${a.url}/api/business/`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bench Bakery' }),
    });
    const businessId = ((await business.json()) as { id: string }).id;
    const requests = workload(token, businessId);

    const one = await behindNginx([a], (url) => measure(url, requests, [a]));
    const two = await behindNginx([a, b], (url) => measure(url, requests, [a, b]));
    const rows = [one, two];
    log();
    log(
      table([
        [
          'instances',
          'req/s',
          'p50 ms',
          'p99 ms',
          'requests',
          'errors',
          'non-2xx',
          'app CPU s',
          'load avg after',
        ],
        ...rows.map((row) => [
          String(row.instances),
          fmt(row.requestsPerSecond, 0),
          String(row.p50Ms),
          String(row.p99Ms),
          String(row.requests),
          String(row.errors),
          String(row.non2xx),
          fmt(row.appCpuSeconds),
          row.loadAverage,
        ]),
      ]),
    );
    const ratio = two.requestsPerSecond / one.requestsPerSecond;
    log();
    const checks: Check[] = [
      {
        target: `two instances ≥ ${TARGETS.minScaleRatio}× one`,
        actual: `${fmt(ratio, 2)}×`,
        pass: ratio >= TARGETS.minScaleRatio,
      },
      {
        target: 'no errors and no non-2xx answers',
        actual: `${one.errors + two.errors} errors, ${one.non2xx + two.non2xx} non-2xx`,
        pass: one.errors + two.errors + one.non2xx + two.non2xx === TARGETS.maxErrors,
      },
    ];
    printChecks(checks);
    log(
      `  The app instances used ${fmt(one.appCpuSeconds / DURATION_S, 2)} and ${fmt(two.appCpuSeconds / DURATION_S, 2)} cores on average; this machine has ${machine().CPU}. nginx, PostgreSQL, Redis and autocannon share the same cores.`,
    );
    if (JSON_OUT)
      writeFileSync(JSON_OUT, `${JSON.stringify({ machine: machine(), rows, ratio }, null, 2)}\n`);
  } finally {
    await cluster?.stop();
  }
}

await main();
