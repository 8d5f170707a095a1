import { type ChildProcess, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { type AiBenchReport, runAiEngineBench } from './ai-engine.js';
import { type AiQualityReport, runAiQualityBench } from './ai-quality/run.js';
import { type AnalyticsBenchReport, runAnalyticsBench } from './analytics.js';
import { type CalendarBenchReport, runCalendarBench } from './calendar.js';
import { type InboxBenchReport, runInboxBench } from './inbox.js';
import { type JobsBenchReport, runJobsBench } from './jobs.js';
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
// - http: throughput and latency of the real server's authenticated reads against a bare Fastify app
//   sending the same JSON, all over loopback HTTP between processes;
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
//   the networks' contract fakes with their rate limits enforced (bench/publish.ts).
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
] as const;
type Suite = (typeof SUITES)[number];

const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const DURATION_S = envInt('BENCH_DURATION', 10);
const WARMUP_S = envInt('BENCH_WARMUP', 3);
const LIST_ROWS = 20;
/** Where the real server's log goes: a file (default) or `/dev/null` with `BENCH_LOG=null`. */
const LOG_TO_NULL = process.env.BENCH_LOG === 'null';
/** `BENCH_CPU_PROF=<dir>` starts the servers with `--cpu-prof`: profiles land in <dir> (real) and <dir>/baseline. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
/** `BENCH_ONLY=auth-single,auth-list` measures only those (bare-single, auth-single, bare-list, auth-list). */
const ONLY = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
/** `BENCH_JSON=<file>` also writes the figures as JSON. */
const JSON_OUT = process.env.BENCH_JSON;

const TARGETS = { minThroughputRatio: 0.5, maxP99Ms: 20 };

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

async function startRealServer(workDir: string): Promise<RealServer> {
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
      SECRET_KEY: randomBytes(32).toString('hex'),
      MCC_DEMO: '0',
      DATA_DIR: path.join(workDir, 'data'),
      HOST,
      PORT: String(port),
      LOG_LEVEL: 'info',
      LOG_PRETTY: '0',
      RATE_LIMIT_MAX: '1000000000',
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

/** ~300 characters of plausible copy, different per row. */
function description(index: number): string {
  const sentence =
    'We roast small batches of single-origin coffee and sell them online and in two neighbourhood cafés. ' +
    'Our customers are busy professionals who care about where their coffee comes from, and we publish ' +
    'brewing guides, origin stories and seasonal offers every week across five channels (workspace ';
  return `${sentence}${index + 1}).`.slice(0, 300);
}

interface Fixture {
  token: string;
  singlePath: string;
  listPath: string;
  singleBody: string;
  listBody: string;
}

/** Register a user through the API and give them `LIST_ROWS` workspaces filled to a campaign row's size. */
async function seed(baseUrl: string): Promise<Fixture> {
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
  const registered = await call<{ access_token: string }>(baseUrl, 'POST', '/api/auth/register', undefined, {
    email,
    password: `Bench-${randomBytes(12).toString('hex')}`,
    name: 'Bench User',
  });
  expectStatus(registered, 201, 'register');
  const token = registered.json.access_token;

  const ids: string[] = [];
  for (let index = 0; index < LIST_ROWS; index++) {
    const created = await call<{ id: string }>(baseUrl, 'POST', '/api/business/', token, {
      name: `Northwind Coffee Roasters ${String(index + 1).padStart(2, '0')}`,
      industry: 'Food & beverage / specialty coffee',
      description: description(index),
      website: `https://northwind-coffee-${index + 1}.example.com/`,
      time_zone: 'Europe/Paris',
      locale: 'en-GB',
    });
    expectStatus(created, 201, 'create business');
    ids.push(created.json.id);
  }

  const singlePath = `/api/business/${ids[0]}`;
  const listPath = '/api/business/';
  const single = await call(baseUrl, 'GET', singlePath, token);
  expectStatus(single, 200, 'GET one business');
  const list = await call<{ items: unknown[] }>(baseUrl, 'GET', listPath, token);
  expectStatus(list, 200, 'GET business list');
  if (list.json.items.length !== LIST_ROWS)
    throw new Error(`the list has ${list.json.items.length} rows, expected ${LIST_ROWS}`);
  return { token, singlePath, listPath, singleBody: single.text, listBody: list.text };
}

async function startBaseline(
  workDir: string,
  fixture: Fixture,
): Promise<{ child: ChildProcess; baseUrl: string }> {
  const bodiesFile = path.join(workDir, 'bodies.json');
  writeFileSync(
    bodiesFile,
    JSON.stringify({ single: JSON.parse(fixture.singleBody), list: JSON.parse(fixture.listBody) }),
  );
  const child = fork(path.join(ROOT, 'bench/baseline-server.ts'), [bodiesFile], {
    execArgv: [
      '--conditions=source',
      '--import',
      'tsx',
      ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(CPU_PROF_DIR, 'baseline')}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the baseline server did not start in 30 s')), 30_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve((message as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the baseline server exited with code ${code}`)));
  });
  const baseUrl = `http://${HOST}:${port}`;
  // The baseline must send byte-for-byte what the real server sent.
  for (const [urlPath, expected] of [
    ['/single', fixture.singleBody],
    ['/list', fixture.listBody],
  ] as const) {
    const { text } = await call(baseUrl, 'GET', urlPath);
    if (text !== expected) throw new Error(`the baseline's ${urlPath} body differs from the real server's`);
  }
  return { child, baseUrl };
}

async function measure(
  name: string,
  url: string,
  headers: Record<string, string>,
  server: ChildProcess,
): Promise<Measurement> {
  process.stdout.write(`  ${name.padEnd(34)} warm-up ${WARMUP_S} s, measure ${DURATION_S} s … `);
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
  log(`${Math.round(measurement.requestsPerSecond)} req/s`);
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

interface HttpReport {
  connections: number;
  durationSeconds: number;
  results: Measurement[];
  ratios: { single: number | undefined; list: number | undefined };
  checks: Check[];
  logLines: number;
  pass: boolean;
}

async function runHttpSuite(): Promise<HttpReport> {
  log('HTTP API (bench/run.ts)');
  log(
    `  load: autocannon 8 in this process, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s per route, loopback`,
  );
  log();

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'mcc-bench-'));
  try {
    const real = await startRealServer(workDir);
    const fixture = await seed(real.baseUrl);
    const baseline = await startBaseline(workDir, fixture);
    log(
      `Real server: node dist/server/main.js at ${real.baseUrl} (SQLite in ${workDir}/data, NODE_ENV=development,`,
    );
    log(`  LOG_LEVEL=info with the per-request log line written to ${LOG_TO_NULL ? '/dev/null' : 'a file'},`);
    log('  metrics, helmet and the in-memory rate limit on, RATE_LIMIT_MAX=1e9 so it never throttles).');
    log(`Baseline: bare Fastify (no logger, no plugins) at ${baseline.baseUrl}, same JSON bodies.`);
    log(
      `Campaigns do not exist yet: the "list of ${LIST_ROWS}" is GET /api/business/ for a member of ${LIST_ROWS} workspaces`,
    );
    log(
      `  with name, industry, ~300-character description and website filled (${fixture.listBody.length} bytes of JSON, ~${Math.round(fixture.listBody.length / LIST_ROWS)} per row: roughly a campaign row).`,
    );
    log();

    const auth = { authorization: `Bearer ${fixture.token}` };
    // Interleaved, so a slow drift in the machine's load touches both sides of each ratio alike.
    const plan = [
      {
        id: 'bare-single',
        name: 'bare: one object',
        url: `${baseline.baseUrl}/single`,
        headers: {},
        server: baseline.child,
      },
      {
        id: 'auth-single',
        name: 'auth: GET /api/business/{id}',
        url: `${real.baseUrl}${fixture.singlePath}`,
        headers: auth,
        server: real.child,
      },
      {
        id: 'bare-list',
        name: `bare: list of ${LIST_ROWS}`,
        url: `${baseline.baseUrl}/list`,
        headers: {},
        server: baseline.child,
      },
      {
        id: 'auth-list',
        name: `auth: GET /api/business/ (${LIST_ROWS})`,
        url: `${real.baseUrl}${fixture.listPath}`,
        headers: auth,
        server: real.child,
      },
    ];
    const measured = new Map<string, Measurement>();
    for (const step of plan) {
      if (ONLY && !ONLY.includes(step.id)) continue;
      measured.set(step.id, await measure(step.name, step.url, step.headers, step.server));
    }

    await stop(baseline.child);
    await stop(real.child);
    const logLines = countLines(real.logFile);

    const results = [...measured.values()];
    log();
    log(
      table([
        [
          'route',
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
    const bareSingle = measured.get('bare-single');
    const authSingle = measured.get('auth-single');
    const bareList = measured.get('bare-list');
    const authList = measured.get('auth-list');
    const ratio = (auth?: Measurement, bare?: Measurement) =>
      auth && bare ? auth.requestsPerSecond / bare.requestsPerSecond : undefined;
    const singleRatio = ratio(authSingle, bareSingle);
    const listRatio = ratio(authList, bareList);
    if (singleRatio !== undefined && authSingle && bareSingle)
      log(
        `  throughput auth/bare, one object:  ${fmt(singleRatio * 100)} %  (p99 ${fmt(authSingle.p99Ms)} vs ${fmt(bareSingle.p99Ms)} ms)`,
      );
    if (listRatio !== undefined && authList && bareList)
      log(
        `  throughput auth/bare, list of ${LIST_ROWS}:  ${fmt(listRatio * 100)} %  (p99 ${fmt(authList.p99Ms)} vs ${fmt(bareList.p99Ms)} ms)`,
      );
    if (!LOG_TO_NULL) log(`  real server log: ${logLines} lines (one per request)`);
    log();

    const clean = results.every((m) => m.errors === 0 && m.non2xx === 0);
    const checks: Check[] = [
      {
        target: `auth one object throughput >= ${TARGETS.minThroughputRatio * 100} % of bare`,
        actual: singleRatio === undefined ? 'not measured' : `${fmt(singleRatio * 100)} %`,
        pass: singleRatio !== undefined && singleRatio >= TARGETS.minThroughputRatio,
      },
      {
        target: `auth one object p99 < ${TARGETS.maxP99Ms} ms at ${CONNECTIONS} connections`,
        actual: authSingle ? `${fmt(authSingle.p99Ms)} ms` : 'not measured',
        pass: authSingle !== undefined && authSingle.p99Ms < TARGETS.maxP99Ms,
      },
      { target: 'every response 2xx, no errors', actual: clean ? 'yes' : 'no', pass: clean },
    ];
    printChecks(checks);
    log(
      'Note: 2 cores are shared by the load generator and the server under test (the same for the baseline).',
    );
    return {
      connections: CONNECTIONS,
      durationSeconds: DURATION_S,
      results,
      ratios: { single: singleRatio, list: listRatio },
      checks,
      logLines,
      pass: checks.every((check) => check.pass),
    };
  } finally {
    await Promise.all(children.map(stop));
    rmSync(workDir, { recursive: true, force: true });
  }
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
      `${JSON.stringify({ machine: info, ...(http ? httpFigures : {}), ...(ai ? { ai } : {}), ...(jobs ? { jobs } : {}), ...(calendar ? { calendar } : {}), ...(analytics ? { analytics } : {}), ...(inbox ? { inbox } : {}), ...(aiQuality ? { aiQuality: { figures: aiQuality.figures, checks: aiQuality.checks } } : {}), ...(media ? { media } : {}), ...(publish ? { publish } : {}) }, null, 2)}\n`,
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
