import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createEmptyPostgresDatabase, dropPostgresDatabase } from '../test/support/databases.js';
import { type AiBenchReport, runAiEngineBench } from './ai-engine.js';
import { type AiQualityReport, runAiQualityBench } from './ai-quality/run.js';
import { type AnalyticsBenchReport, runAnalyticsBench } from './analytics.js';
import { type CalendarBenchReport, runCalendarBench } from './calendar.js';
import { type InboxBenchReport, runInboxBench } from './inbox.js';
import { type JobsBenchReport, runJobsBench } from './jobs.js';
import { type LargeBenchReport, runLargeWorkspaceBench } from './large-workspace.js';
import { type MediaBenchReport, runMediaBench } from './media.js';
import { type PublishBenchReport, runPublishBench } from './publish.js';
import {
  type Check,
  envInt,
  fmt,
  loadAverage,
  log,
  machine,
  printChecks,
  processCpuSeconds,
  ROOT,
  table,
} from './report.js';

// `npm run bench`: every suite, one after the other (`BENCH_SUITE=http`, `ai`, `ai-quality`, ... runs one).
// - http: throughput and latency of the real server's authenticated campaign reads against a hand-written
//   Fastify + better-sqlite3 + HS256 server and the seed's FastAPI stack answering the same bytes, all over
//   loopback HTTP between processes, rounds alternating the servers;
// - ai: the AI engine's own overhead per call and its behaviour under 200 concurrent streams
//   (bench/ai-engine.ts);
// - calendar: a 12-week calendar generated offline, and the month range query over 50,000 items
//   (bench/calendar.ts);
// - analytics: the Monte Carlo forecast kernel (a million trials) against numpy, and a 10,000-trial
//   forecast request end to end (bench/analytics.ts);
// - inbox: signed inbound-webhook ingest throughput and the inbox list over 100,000 messages
//   (bench/inbox.ts);
// - jobs: jobs per second and enqueue → start latency through each queue, against bare BullMQ
//   (bench/jobs.ts);
// - media: a 12-megapixel photo's upload and renditions one at a time against sharp alone, the memory it
//   takes, and 50 uploads at once with the event loop watched (bench/media.ts);
// - publish: 1,000 posts due at the same minute over ten network accounts, through the real job path to
//   the networks' contract fakes with their rate limits enforced (bench/publish.ts);
// - memory: the real server's resident memory after a million campaign reads against its value after a
//   warm-up (`BENCH_MEMORY_REQUESTS` for fewer);
// - large: one workspace of a million content items and 100,000 conversations, its lists, calendar month
//   and searches through the app against the repository queries alone (bench/large-workspace.ts).
// See docs/benchmarks.md.

const HOST = '127.0.0.1';
const SUITES = [
  'http',
  'ai',
  'jobs',
  'calendar',
  'analytics',
  'inbox',
  'ai-quality',
  'media',
  'publish',
  'memory',
  'large',
] as const;
type Suite = (typeof SUITES)[number];

const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const DURATION_S = envInt('BENCH_DURATION', 10);
const WARMUP_S = envInt('BENCH_WARMUP', 3);
const ROUNDS = envInt('BENCH_ROUNDS', 2);
const LIST_ROWS = 20;
/** Where the real server's log goes: a file (default) or `/dev/null` with `BENCH_LOG=null`. */
const LOG_TO_NULL = process.env.BENCH_LOG === 'null';
/** `BENCH_CPU_PROF=<dir>` starts the Node servers with `--cpu-prof`: profiles land in <dir> (mcc) and <dir>/baseline. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
/** `BENCH_ONLY=mcc-list,hand-list` measures only those (mcc, hand, fastapi × list, single). */
const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
/**
 * `BENCH_DB=postgres`: mcc and the hand-written server read a fresh PostgreSQL database (MCC_TEST_POSTGRES_URL's
 * server) instead of a SQLite file; FastAPI, which reads SQLite only, is skipped.
 */
const ON_POSTGRES = process.env.BENCH_DB === 'postgres';
/** `BENCH_JSON=<file>` also writes the figures as JSON. */
const JSON_OUT = process.env.BENCH_JSON;

/** Issue 20: against the hand-written server and the seed's FastAPI stack, in the same run. */
const TARGETS = { listVsHand: 0.8, listP99Ms: 25, listVsFastApi: 8, singleVsHand: 0.5 };
/** Issue 20: resident memory after a million requests within 20% of its value after the warm-up. */
const MEMORY_GROWTH_MAX = 0.2;
const MEMORY_REQUESTS = envInt('BENCH_MEMORY_REQUESTS', 1_000_000);
const MEMORY_WARMUP_REQUESTS = envInt('BENCH_MEMORY_WARMUP', 50_000);

interface Measurement {
  name: string;
  url: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  bytesPerResponse: number;
  /** CPU time (user + system) the server under test spent per request, from /proc; undefined elsewhere. */
  serverCpuUsPerRequest: number | undefined;
  /** The same for this process, which runs the load generator. */
  loadCpuUsPerRequest: number;
}

const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll `url` until it answers 200; at most `timeoutMs`. */
async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Stop a child with SIGTERM (graceful shutdown; writes a CPU profile), SIGKILL after 10 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

interface RealServer {
  child: ChildProcess;
  baseUrl: string;
  logFile: string;
}

async function startRealServer(workDir: string, secret: string, databaseUrl?: string): Promise<RealServer> {
  const entry = path.join(ROOT, 'dist/server/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build:server\` first`);
  const port = await freePort();
  const logFile = LOG_TO_NULL ? '/dev/null' : path.join(workDir, 'server.log');
  const out = openSync(logFile, 'a');
  const args = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF_DIR)}`] : [];
  const child = spawn(process.execPath, [...args, entry], {
    cwd: workDir, // no .env from the repository leaks in
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      SECRET_KEY: secret,
      MCC_DEMO: '0',
      // The bench's one account signs in at once (docs/accounts.md: sign-up modes).
      SIGN_UP: 'immediate',
      DATA_DIR: path.join(workDir, 'data'),
      HOST,
      PORT: String(port),
      LOG_LEVEL: 'info',
      LOG_PRETTY: '0',
      RATE_LIMIT_MAX: '1000000000',
      ...(databaseUrl && { DATABASE_URL: databaseUrl }),
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  children.push(child);
  const baseUrl = `http://${HOST}:${port}`;
  await waitForHttp(`${baseUrl}/healthz`, child, 30_000);
  return { child, baseUrl, logFile };
}

async function call<T>(
  baseUrl: string,
  method: string,
  urlPath: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; text: string; json: T }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, json: (text ? JSON.parse(text) : null) as T };
}

function expectStatus(result: { status: number; text: string }, status: number, what: string): void {
  if (result.status !== status)
    throw new Error(`${what}: expected ${status}, got ${result.status}: ${result.text}`);
}

interface Fixture {
  token: string;
  businessId: string;
  listPath: string;
  singlePath: string;
  listBody: string;
  singleBody: string;
}

const OBJECTIVES = ['awareness', 'traffic', 'leads', 'sales', 'engagement'] as const;
const CHANNEL_SETS = [['instagram', 'facebook'], ['linkedin'], ['x', 'linkedin', 'facebook']] as const;

/** Register a user through the API and give them one workspace with `LIST_ROWS` campaigns. */
async function seed(baseUrl: string): Promise<Fixture> {
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
  const registered = await call<{ access_token: string }>(baseUrl, 'POST', '/api/auth/register', undefined, {
    email,
    password: `Bench-${randomBytes(12).toString('hex')}`,
    name: 'Bench User',
  });
  expectStatus(registered, 201, 'register');
  const token = registered.json.access_token;
  const business = await call<{ id: string }>(baseUrl, 'POST', '/api/business/', token, {
    name: 'Northwind Coffee Roasters',
    industry: 'Food & beverage / specialty coffee',
    time_zone: 'Europe/Paris',
    locale: 'en-GB',
  });
  expectStatus(business, 201, 'create business');
  const businessId = business.json.id;

  const ids: string[] = [];
  for (let index = 0; index < LIST_ROWS; index++) {
    const month = String((index % 12) + 1).padStart(2, '0');
    const created = await call<{ id: string }>(baseUrl, 'POST', '/api/campaign/', token, {
      business_id: businessId,
      name: `Autumn single-origin launch ${String(index + 1).padStart(2, '0')}: Ethiopia Guji and Colombia Huila`,
      objective: OBJECTIVES[index % OBJECTIVES.length],
      channels: CHANNEL_SETS[index % CHANNEL_SETS.length],
      budget_minor: 150_000 + index * 2_500,
      currency: 'EUR',
      start_date: `2027-${month}-01`,
      end_date: `2027-${month}-28`,
      kpis: [
        { metric: 'clicks', target: 500 + index },
        { metric: 'orders', target: 40.5 },
      ],
    });
    expectStatus(created, 201, 'create campaign');
    ids.push(created.json.id);
  }

  const listPath = `/api/campaign/?business_id=${businessId}&limit=${LIST_ROWS}`;
  const singlePath = `/api/campaign/${ids[0]}`;
  const list = await call<{ items: unknown[]; next_cursor: string | null }>(baseUrl, 'GET', listPath, token);
  expectStatus(list, 200, 'GET campaign list');
  if (list.json.items.length !== LIST_ROWS || list.json.next_cursor !== null)
    throw new Error(`the list has ${list.json.items.length} rows, expected ${LIST_ROWS} and no next page`);
  const single = await call(baseUrl, 'GET', singlePath, token);
  expectStatus(single, 200, 'GET one campaign');
  return { token, businessId, listPath, singlePath, listBody: list.text, singleBody: single.text };
}

interface Baseline {
  id: 'hand' | 'fastapi';
  child: ChildProcess;
  baseUrl: string;
}

/**
 * The hand-written Fastify + fast-jwt server (bench/handwritten-server.ts) on the real database: its SQLite
 * file through better-sqlite3, or its PostgreSQL URL through `pg`.
 */
async function startHandWritten(database: string, secret: string): Promise<Baseline> {
  const child = fork(path.join(ROOT, 'bench/handwritten-server.ts'), [database], {
    execArgv: [
      '--conditions=source',
      '--import',
      'tsx',
      ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF_DIR, 'baseline')}`] : []),
    ],
    env: { PATH: process.env.PATH, NODE_ENV: 'production', BENCH_SECRET: secret },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the hand-written server did not start in 30 s')),
      30_000,
    );
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve((message as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the hand-written server exited with code ${code}`)));
  });
  return { id: 'hand', child, baseUrl: `http://${HOST}:${port}` };
}

/** Debian's Python with FastAPI, uvicorn and pydantic, or why not. */
function fastApiPython(): { python: string } | { missing: string } {
  const python = process.env.BENCH_PYTHON ?? '/usr/bin/python3';
  if (!existsSync(python)) return { missing: `${python} not found` };
  const probe = spawnSync(
    python,
    [
      '-c',
      'import fastapi, uvicorn, pydantic; print(fastapi.__version__, uvicorn.__version__, pydantic.VERSION)',
    ],
    { encoding: 'utf8' },
  );
  if (probe.status !== 0)
    return {
      missing: `${python} lacks fastapi/uvicorn/pydantic (apt-get install python3-fastapi python3-uvicorn)`,
    };
  return { python };
}

/** The seed's stack (bench/fastapi_server.py) on the real database, or undefined where Python lacks it. */
async function startFastApi(databaseFile: string, secret: string): Promise<Baseline | string> {
  const found = fastApiPython();
  if ('missing' in found) return found.missing;
  const port = await freePort();
  const child = spawn(
    found.python,
    [path.join(ROOT, 'bench/fastapi_server.py'), databaseFile, String(port)],
    {
      env: { PATH: process.env.PATH, BENCH_SECRET: secret },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  children.push(child);
  const baseUrl = `http://${HOST}:${port}`;
  await waitForHttp(`${baseUrl}/openapi.json`, child, 30_000);
  return { id: 'fastapi', child, baseUrl };
}

/** A baseline must answer byte-for-byte what the real server sent. */
async function checkSameBytes(baseline: Baseline, fixture: Fixture): Promise<void> {
  for (const [urlPath, expected] of [
    [fixture.listPath, fixture.listBody],
    [fixture.singlePath, fixture.singleBody],
  ] as const) {
    const { status, text } = await call(baseline.baseUrl, 'GET', urlPath, fixture.token);
    if (status !== 200 || text !== expected)
      throw new Error(
        `${baseline.id}: ${urlPath} answered ${status} with other bytes than the real server:\n${text.slice(0, 400)}\n---\n${expected.slice(0, 400)}`,
      );
    const stranger = await call(baseline.baseUrl, 'GET', urlPath, 'not-a-token');
    if (stranger.status !== 401)
      throw new Error(`${baseline.id}: ${urlPath} without a valid token answered ${stranger.status}`);
  }
}

async function measure(
  name: string,
  url: string,
  headers: Record<string, string>,
  server: ChildProcess,
): Promise<Measurement> {
  process.stdout.write(`  ${name.padEnd(40)} warm-up ${WARMUP_S} s, measure ${DURATION_S} s … `);
  await autocannon({ url, headers, connections: CONNECTIONS, duration: WARMUP_S });
  const serverCpuBefore = processCpuSeconds(server.pid);
  const loadCpuBefore = process.cpuUsage();
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
  const loadCpu = process.cpuUsage(loadCpuBefore);
  const serverCpuAfter = processCpuSeconds(server.pid);
  const requests = result.requests.total;
  const perRequest = (seconds: number) => (requests > 0 ? (seconds * 1e6) / requests : 0);
  const measurement: Measurement = {
    name,
    url,
    // autocannon's own "Req/Sec" figure: the mean of its per-second samples.
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: requests > 0 ? Math.round(result.throughput.total / requests) : 0,
    serverCpuUsPerRequest:
      serverCpuBefore === undefined || serverCpuAfter === undefined
        ? undefined
        : perRequest(serverCpuAfter - serverCpuBefore),
    loadCpuUsPerRequest: perRequest((loadCpu.user + loadCpu.system) / 1e6),
  };
  log(`${Math.round(measurement.requestsPerSecond)} req/s, p99 ${ms(measurement.p99Ms)} ms`);
  return measurement;
}

/** autocannon records latency in whole milliseconds: 0 means under one. */
const ms = (value: number) => (value === 0 ? '<1' : fmt(value, 0));

function countLines(file: string): number {
  if (file === '/dev/null') return 0;
  const text = readFileSync(file, 'utf8');
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}

type ServerId = 'mcc' | 'hand' | 'fastapi';
type RouteId = 'list' | 'single';

/** The rounds of one (server, route) pair, summed up: mean req/s and p99 over the rounds. */
interface Summary {
  server: ServerId;
  route: RouteId;
  rounds: Measurement[];
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  serverCpuUsPerRequest: number | undefined;
}

interface HttpReport {
  database: 'sqlite' | 'postgres';
  connections: number;
  durationSeconds: number;
  rounds: number;
  results: Measurement[];
  summaries: Summary[];
  fastApi: string;
  checks: Check[];
  logLines: number;
  pass: boolean;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);

const SERVER_NAMES: Record<ServerId, string> = {
  mcc: 'mcc',
  hand: 'hand-written',
  fastapi: 'FastAPI',
};
const ROUTE_NAMES: Record<RouteId, string> = {
  list: `GET /api/campaign/ (${LIST_ROWS})`,
  single: 'GET /api/campaign/{id}',
};

async function runHttpSuite(): Promise<HttpReport> {
  log('HTTP API (bench/run.ts)');
  log(
    `  load: autocannon 8 in this process, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per round, ${ROUNDS} rounds alternating the servers, loopback`,
  );
  log();

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'mcc-bench-'));
  // mcc migrates it when it starts.
  const postgres = ON_POSTGRES ? await createEmptyPostgresDatabase('mcc_bench_http') : undefined;
  try {
    const secret = randomBytes(32).toString('hex');
    const real = await startRealServer(workDir, secret, postgres?.url);
    const fixture = await seed(real.baseUrl);
    const databaseFile = path.join(workDir, 'data', 'mcc.db');
    const baselines: Baseline[] = [await startHandWritten(postgres?.url ?? databaseFile, secret)];
    const fastApi = postgres
      ? 'its server reads SQLite only (bench/fastapi_server.py); BENCH_DB=postgres compares mcc with the hand-written server'
      : await startFastApi(databaseFile, secret);
    if (typeof fastApi === 'string') log(`  FastAPI baseline skipped: ${fastApi}`);
    else baselines.push(fastApi);
    for (const baseline of baselines) await checkSameBytes(baseline, fixture);

    const where = postgres ? `PostgreSQL database ${postgres.name}` : `SQLite in ${workDir}/data`;
    log(`mcc: node dist/server/main.js at ${real.baseUrl} (${where}, NODE_ENV=development,`);
    log(`  LOG_LEVEL=info with the per-request log line written to ${LOG_TO_NULL ? '/dev/null' : 'a file'},`);
    log('  metrics, helmet and the in-memory rate limit on, RATE_LIMIT_MAX=1e9 so it never throttles).');
    log(
      `hand-written: Fastify + ${postgres ? 'pg (a pool of 10, named prepared queries)' : 'better-sqlite3'} + fast-jwt HS256 + membership check`,
    );
    log(
      `  (bench/handwritten-server.ts), its own process, on the same ${postgres ? 'database' : 'SQLite file read-only'}.`,
    );
    log(
      typeof fastApi === 'string'
        ? 'FastAPI: skipped.'
        : `FastAPI: ${fastApiVersions()} (bench/fastapi_server.py), one uvicorn worker, sqlite3 on the same file.`,
    );
    log(
      `Every baseline answered both routes with the same bytes as mcc (list ${fixture.listBody.length} bytes, one campaign ${fixture.singleBody.length}).`,
    );
    log();

    const auth = { authorization: `Bearer ${fixture.token}` };
    const servers: { id: ServerId; baseUrl: string; child: ChildProcess }[] = [
      { id: 'mcc', baseUrl: real.baseUrl, child: real.child },
      ...baselines.map(({ id, baseUrl, child }) => ({ id, baseUrl, child })),
    ];
    const routes: { id: RouteId; path: string }[] = [
      { id: 'list', path: fixture.listPath },
      { id: 'single', path: fixture.singlePath },
    ];
    // Rounds alternate the servers, so a slow drift in the machine's load touches every side of a ratio.
    const measured: { server: ServerId; route: RouteId; measurement: Measurement }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const route of routes) {
        for (const server of servers) {
          const id = `${server.id}-${route.id}`;
          if (ONLY && !ONLY.includes(id)) continue;
          const name = `${round}. ${SERVER_NAMES[server.id]}: ${ROUTE_NAMES[route.id]}`;
          measured.push({
            server: server.id,
            route: route.id,
            measurement: await measure(name, `${server.baseUrl}${route.path}`, auth, server.child),
          });
        }
      }
    }

    for (const baseline of baselines) await stop(baseline.child);
    await stop(real.child);
    const logLines = countLines(real.logFile);

    const summaries: Summary[] = [];
    for (const route of routes)
      for (const server of servers) {
        const rounds = measured
          .filter((entry) => entry.server === server.id && entry.route === route.id)
          .map((entry) => entry.measurement);
        if (rounds.length === 0) continue;
        const cpu = rounds.map((m) => m.serverCpuUsPerRequest);
        summaries.push({
          server: server.id,
          route: route.id,
          rounds,
          requestsPerSecond: mean(rounds.map((m) => m.requestsPerSecond)),
          p50Ms: mean(rounds.map((m) => m.p50Ms)),
          p99Ms: mean(rounds.map((m) => m.p99Ms)),
          serverCpuUsPerRequest: cpu.every((value) => value !== undefined)
            ? mean(cpu as number[])
            : undefined,
        });
      }
    const summary = (server: ServerId, route: RouteId) =>
      summaries.find((entry) => entry.server === server && entry.route === route);
    const ratio = (route: RouteId, baseline: ServerId) => {
      const ours = summary('mcc', route);
      const theirs = summary(baseline, route);
      return ours && theirs ? ours.requestsPerSecond / theirs.requestsPerSecond : undefined;
    };

    const results = measured.map((entry) => entry.measurement);
    log();
    log(
      table([
        [
          'round',
          'req/s',
          'p50 ms',
          'p99 ms',
          'requests',
          'errors',
          'non-2xx',
          'bytes/resp',
          'server CPU µs/req',
          'load gen CPU µs/req',
        ],
        ...results.map((m) => [
          m.name,
          fmt(m.requestsPerSecond, 0),
          ms(m.p50Ms),
          ms(m.p99Ms),
          String(m.requests),
          String(m.errors),
          String(m.non2xx),
          String(m.bytesPerResponse),
          m.serverCpuUsPerRequest === undefined ? 'n/a' : fmt(m.serverCpuUsPerRequest, 0),
          fmt(m.loadCpuUsPerRequest, 0),
        ]),
      ]),
    );
    log();
    log(
      table([
        ['mean of the rounds', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', 'mcc / this'],
        ...summaries.map((s) => {
          const r = s.server === 'mcc' ? undefined : ratio(s.route, s.server);
          return [
            `${SERVER_NAMES[s.server]}: ${ROUTE_NAMES[s.route]}`,
            fmt(s.requestsPerSecond, 0),
            fmt(s.p50Ms, 1),
            fmt(s.p99Ms, 1),
            s.serverCpuUsPerRequest === undefined ? 'n/a' : fmt(s.serverCpuUsPerRequest, 0),
            r === undefined ? '' : `${fmt(r, 2)}x`,
          ];
        }),
      ]),
    );
    if (!LOG_TO_NULL) log(`  mcc's log: ${logLines} lines (one per request)`);
    log();

    const clean = results.every((m) => m.errors === 0 && m.non2xx === 0);
    const ratioCheck = (route: RouteId, baseline: ServerId, min: number): Check => {
      const value = ratio(route, baseline);
      return {
        target: `mcc ${ROUTE_NAMES[route]} >= ${min}x ${SERVER_NAMES[baseline]}`,
        actual: value === undefined ? 'not measured' : `${fmt(value, 2)}x`,
        pass: value !== undefined && value >= min,
      };
    };
    const listP99 = summary('mcc', 'list')?.p99Ms;
    const checks: Check[] = [
      ratioCheck('list', 'hand', TARGETS.listVsHand),
      {
        target: `mcc ${ROUTE_NAMES.list} p99 <= ${TARGETS.listP99Ms} ms at ${CONNECTIONS} connections`,
        actual: listP99 === undefined ? 'not measured' : `${fmt(listP99, 1)} ms`,
        pass: listP99 !== undefined && listP99 <= TARGETS.listP99Ms,
      },
      ...(typeof fastApi === 'string' ? [] : [ratioCheck('list', 'fastapi', TARGETS.listVsFastApi)]),
      ratioCheck('single', 'hand', TARGETS.singleVsHand),
      { target: 'every response 2xx, no errors', actual: clean ? 'yes' : 'no', pass: clean },
    ];
    printChecks(checks);
    log(
      'Note: 2 cores are shared by the load generator and the server under test (the same for each baseline).',
    );
    return {
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      rounds: ROUNDS,
      results,
      summaries,
      database: postgres ? 'postgres' : 'sqlite',
      fastApi: typeof fastApi === 'string' ? `skipped: ${fastApi}` : fastApiVersions(),
      checks,
      logLines,
      pass: checks.every((check) => check.pass),
    };
  } finally {
    await Promise.all(children.map(stop));
    rmSync(workDir, { recursive: true, force: true });
    if (postgres) await dropPostgresDatabase(postgres.name);
  }
}

/** The resident set of a process in bytes, from /proc (undefined off Linux). */
function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

interface MemoryReport {
  requests: number;
  warmupRequests: number;
  rssAfterWarmupBytes: number | undefined;
  rssAtEndBytes: number | undefined;
  rssMaxBytes: number | undefined;
  samples: { requests: number; rssBytes: number | undefined }[];
  errors: number;
  checks: Check[];
  pass: boolean;
}

/**
 * `BENCH_SUITE=memory`: the real server (as in the http suite) answers the two campaign reads, one after
 * the other, `BENCH_MEMORY_REQUESTS` times in all (a million by default), in slices of 50,000 at 50
 * connections; its resident memory is read from /proc after the warm-up and after every slice. A leak that
 * keeps something per request (a cache without bound, listeners, timers) shows as steady growth.
 */
async function runMemorySuite(): Promise<MemoryReport> {
  log('Server memory over many requests (bench/run.ts)');
  log(
    `  ${MEMORY_WARMUP_REQUESTS} requests of warm-up, then ${MEMORY_REQUESTS} more, the list and the one campaign alternating, ${CONNECTIONS} connections`,
  );
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'mcc-bench-'));
  try {
    const real = await startRealServer(workDir, randomBytes(32).toString('hex'));
    const fixture = await seed(real.baseUrl);
    const pid = real.child.pid;
    const headers = { authorization: `Bearer ${fixture.token}` };
    const requests = [
      { method: 'GET' as const, path: fixture.listPath },
      { method: 'GET' as const, path: fixture.singlePath },
    ];
    let errors = 0;
    const send = async (amount: number) => {
      const result = await autocannon({
        url: real.baseUrl,
        headers,
        connections: CONNECTIONS,
        amount,
        requests,
      });
      errors += result.errors + result.timeouts + result.non2xx;
      return result.requests.total;
    };
    await send(MEMORY_WARMUP_REQUESTS);
    const rssAfterWarmup = residentBytes(pid);
    log(`  after warm-up: RSS ${mib(rssAfterWarmup)}`);
    const samples: MemoryReport['samples'] = [];
    const slice = 50_000;
    let done = 0;
    const started = Date.now();
    while (done < MEMORY_REQUESTS) {
      done += await send(Math.min(slice, MEMORY_REQUESTS - done));
      const rssBytes = residentBytes(pid);
      samples.push({ requests: done, rssBytes });
      log(
        `  ${String(done).padStart(9)} requests: RSS ${mib(rssBytes)} (${fmt((Date.now() - started) / 1000, 0)} s, load ${loadAverage()})`,
      );
    }
    const rssAtEnd = samples.at(-1)?.rssBytes;
    const known = samples.map((sample) => sample.rssBytes).filter((value) => value !== undefined);
    const rssMax = known.length ? Math.max(...known) : undefined;
    await stop(real.child);
    const growth =
      rssAfterWarmup !== undefined && rssAtEnd !== undefined ? rssAtEnd / rssAfterWarmup - 1 : undefined;
    const checks: Check[] = [
      {
        target: `RSS after ${done} requests within ${MEMORY_GROWTH_MAX * 100}% of its value after warm-up`,
        actual:
          growth === undefined
            ? 'not measured (no /proc)'
            : `${mib(rssAtEnd)} against ${mib(rssAfterWarmup)} (${growth >= 0 ? '+' : ''}${fmt(growth * 100, 1)}%), highest ${mib(rssMax)}`,
        pass: growth !== undefined && growth <= MEMORY_GROWTH_MAX,
      },
      {
        target: 'every response 2xx, no errors',
        actual: errors === 0 ? 'yes' : `${errors} errors or non-2xx`,
        pass: errors === 0,
      },
    ];
    if (done < 1_000_000) log(`  note: ${done} requests, not the target's million (BENCH_MEMORY_REQUESTS).`);
    printChecks(checks);
    return {
      requests: done,
      warmupRequests: MEMORY_WARMUP_REQUESTS,
      rssAfterWarmupBytes: rssAfterWarmup,
      rssAtEndBytes: rssAtEnd,
      rssMaxBytes: rssMax,
      samples,
      errors,
      checks,
      pass: checks.every((check) => check.pass),
    };
  } finally {
    await Promise.all(children.map(stop));
    rmSync(workDir, { recursive: true, force: true });
  }
}

const mib = (bytes: number | undefined) =>
  bytes === undefined ? 'n/a' : `${fmt(bytes / 1024 / 1024, 1)} MiB`;

function fastApiVersions(): string {
  const found = fastApiPython();
  if ('missing' in found) return 'missing';
  const probe = spawnSync(
    found.python,
    [
      '-c',
      'import fastapi, uvicorn, pydantic, sys; print(f"Python {sys.version.split()[0]}, FastAPI {fastapi.__version__}, uvicorn {uvicorn.__version__}, pydantic {pydantic.VERSION}")',
    ],
    { encoding: 'utf8' },
  );
  return probe.stdout.trim();
}
/** `BENCH_SUITE=http`, `ai` or `jobs` (comma-separated for several); every suite by default. */
function selectedSuites(): Suite[] {
  const wanted = process.env.BENCH_SUITE?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (!wanted?.length || wanted.includes('all')) return [...SUITES];
  const unknown = wanted.filter((name) => !SUITES.includes(name as Suite));
  if (unknown.length)
    throw new Error(`unknown BENCH_SUITE ${unknown.join(', ')}: use ${SUITES.join(', ')} or all`);
  return SUITES.filter((suite) => wanted.includes(suite));
}

async function main(): Promise<void> {
  const suites = selectedSuites();
  const info = machine();
  log(`Marketing Command Center — benchmarks (npm run bench): ${suites.join(', ')}`);
  log();
  for (const [key, value] of Object.entries(info)) log(`  ${key.padEnd(22)} ${value}`);
  log();

  let http: HttpReport | undefined;
  let ai: AiBenchReport | undefined;
  let jobs: JobsBenchReport | undefined;
  let calendar: CalendarBenchReport | undefined;
  let analytics: AnalyticsBenchReport | undefined;
  let inbox: InboxBenchReport | undefined;
  let aiQuality: AiQualityReport | undefined;
  let media: MediaBenchReport | undefined;
  let publish: PublishBenchReport | undefined;
  let memory: MemoryReport | undefined;
  let large: LargeBenchReport | undefined;
  for (const suite of suites) {
    log(`━━ ${suite} ${'━'.repeat(100)}`.slice(0, 110));
    if (suite === 'http') http = await runHttpSuite();
    else if (suite === 'ai') ai = await runAiEngineBench();
    else if (suite === 'calendar') calendar = await runCalendarBench();
    else if (suite === 'analytics') analytics = await runAnalyticsBench();
    else if (suite === 'inbox') inbox = await runInboxBench();
    else if (suite === 'ai-quality') aiQuality = await runAiQualityBench();
    else if (suite === 'media') media = await runMediaBench();
    else if (suite === 'publish') publish = await runPublishBench();
    else if (suite === 'memory') memory = await runMemorySuite();
    else if (suite === 'large') large = await runLargeWorkspaceBench();
    else jobs = await runJobsBench();
    log();
  }

  log(`load average at the end: ${loadAverage()}`);
  const results = [
    ...(http ? [['HTTP API', http.pass] as const] : []),
    ...(ai ? [['AI engine', ai.pass] as const] : []),
    ...(jobs ? [['Background jobs', jobs.pass] as const] : []),
    ...(calendar ? [['Content calendar', calendar.pass] as const] : []),
    ...(analytics ? [['Forecast kernel', analytics.pass] as const] : []),
    ...(inbox ? [['Unified inbox', inbox.pass] as const] : []),
    ...(aiQuality ? [['AI writing quality', aiQuality.pass] as const] : []),
    ...(media ? [['Media uploads', media.pass] as const] : []),
    ...(publish ? [['Publishing to the networks', publish.pass] as const] : []),
    ...(memory ? [['Server memory', memory.pass] as const] : []),
    ...(large ? [['One large workspace', large.pass] as const] : []),
  ];
  for (const [name, pass] of results) log(`  ${name}: ${pass ? 'PASS' : 'FAIL'}`);
  log(
    results.every(([, pass]) => pass)
      ? 'RESULT: PASS — every target met.'
      : 'RESULT: FAIL — at least one target missed (see above).',
  );
  if (JSON_OUT) {
    const { pass: _httpPass, ...httpFigures } = http ?? { pass: true };
    writeFileSync(
      JSON_OUT,
      `${JSON.stringify({ machine: info, ...(http ? httpFigures : {}), ...(ai ? { ai } : {}), ...(jobs ? { jobs } : {}), ...(calendar ? { calendar } : {}), ...(analytics ? { analytics } : {}), ...(inbox ? { inbox } : {}), ...(aiQuality ? { aiQuality: { figures: aiQuality.figures, checks: aiQuality.checks } } : {}), ...(media ? { media } : {}), ...(publish ? { publish } : {}), ...(memory ? { memory } : {}), ...(large ? { large } : {}) }, null, 2)}\n`,
    );
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(130);
  });
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
