import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import OpenAI from 'openai';
import { Registry } from 'prom-client';
import { CircuitBreaker } from '../src/server/ai/circuit-breaker.js';
import { newMeter, runOnModel } from '../src/server/ai/engine.js';
import { SAMPLE_BAKERY } from '../src/server/ai/offline/sample-business.js';
import { OpenAiCompatibleProvider } from '../src/server/ai/providers/openai-compatible.provider.js';
import type { RetryPolicy } from '../src/server/ai/retry.js';
import { jsonSchemaFor } from '../src/server/ai/structured-output.js';
import type { TaskContext } from '../src/server/ai/task.js';
import { writeContentTask } from '../src/server/ai/tasks/write-content.task.js';
import { createServices } from '../src/server/composition-root.js';
import { loadConfig } from '../src/server/config/config.js';
import { type Database, openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { createRepositories } from '../src/server/repositories/index.js';
import type { Principal } from '../src/server/services/access/principal.js';
import { parseBrandProfile } from '../src/server/services/workspace/brand-profile.js';
import { type WriteContentOutput, writeContentInputSchema } from '../src/shared/ai-tasks.schema.js';
import { splitIntoPieces } from '../test/support/fake-openai/chat-completion-body.js';
import { type Check, envInt, fmt, log, printChecks, processCpuSeconds, ROOT, table } from './report.js';

// The AI engine's own cost, measured against the fake OpenAI-compatible server (test/support/fake-openai)
// running in a child process. Part of `npm run bench` (`BENCH_SUITE=ai` runs only this); see
// docs/benchmarks.md, "AI engine".
//
// 1. Overhead per call: the same writeContent request, made N times in sequence (a) straight through the
//    openai SDK, (b) through the engine (`runOnModel` with the OpenAiCompatibleProvider), (c) through
//    `AiService.run` (role check, business lookup, provider resolution, budget check, the engine, and the
//    SQLite ledger row). Interleaved in blocks, so drift in the machine's load touches all three alike.
// 2. Concurrent streaming: M simultaneous streamed `runOnModel` runs (with `onDelta`), the fake pausing
//    between chunks, while `monitorEventLoopDelay` watches this process's event loop.

const CALLS = envInt('BENCH_AI_CALLS', 2000);
const WARMUP_CALLS = envInt('BENCH_AI_WARMUP', 200);
const BLOCK = envInt('BENCH_AI_BLOCK', 100);
const STREAMS = envInt('BENCH_AI_STREAMS', 200);
const STREAM_WARMUP = 10;
const CHUNK_DELAY_MS = envInt('BENCH_AI_CHUNK_DELAY_MS', 5);
/** The event-loop monitor's timer; its figures include this resolution (see the report). */
const ELD_RESOLUTION_MS = 1;
/** `BENCH_CPU_PROF=<dir>` also profiles the two measured phases of this process: <dir>/ai-*.cpuprofile. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;

const TARGETS = { maxAddedP50Ms: 1, maxEventLoopDelayMs: 50 };

const FAST_MODEL = 'bench-fast';
const STREAM_MODEL = 'bench-stream';
const API_KEY = 'bench-key';

/** The request of part 1: a Facebook post, three variants (about 1.8 kB of JSON back). */
const SEQUENTIAL_INPUT = {
  channel: 'facebook',
  format: 'post',
  brief: 'Announce our rye sourdough for weekend brunch, and the Saturday tasting at the bakery',
  variants: 3,
} as const;
/** The request of part 2: five variants, a few hundred words streamed word by word. */
const STREAM_INPUT = { ...SEQUENTIAL_INPUT, variants: 5 } as const;

/** Percentiles (nearest rank) and mean of a list of durations, in ms. */
interface Distribution {
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    p50: at(50),
    p99: at(99),
    mean: sorted.length ? sum / sorted.length : 0,
    max: sorted.at(-1) ?? 0,
  };
}

export interface SequentialRow {
  id: 'sdk' | 'engine' | 'service';
  name: string;
  latencyMs: Distribution;
  /** User + system CPU time of this process per call (the fake runs elsewhere). */
  cpuUsPerCall: number;
}

/** One path of part 2: M simultaneous streams. */
export interface StreamingRow {
  id: 'sdk' | 'engine';
  name: string;
  totalMs: number;
  streamMs: Distribution;
  firstDeltaMs: Distribution;
  /**
   * From `monitorEventLoopDelay`: intervals between timer ticks, so they include the resolution. The whole
   * run, and its phases: until every stream had its first delta (lasting `startPhaseMs`), then the rest.
   */
  eventLoopDelayMs: {
    max: number;
    p99: number;
    p50: number;
    mean: number;
    startPhaseMs: number;
    startPhaseMax: number;
    streamPhaseMax: number;
    streamPhaseP99: number;
  };
  /** CPU time of this process, and of the fake server's process, during the streams. */
  cpuSeconds: number;
  fakeCpuSeconds: number | undefined;
  failed: number;
}

export interface StreamingResult {
  streams: number;
  chunkDelayMs: number;
  /** Text pieces (deltas) per stream, as the fake splits the reply. */
  deltasPerStream: number;
  replyWords: number;
  /** What the fake's pauses alone take per stream: (pieces + 3) × chunk delay. */
  pausesPerStreamMs: number;
  eventLoopResolutionMs: number;
  rows: StreamingRow[];
}

export interface AiBenchReport {
  fake: string;
  calls: number;
  warmupCalls: number;
  block: number;
  sequential: SequentialRow[];
  addedAtP50Ms: { engine: number; service: number };
  streaming: StreamingResult;
  checks: Check[];
  pass: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Start bench/fake-openai-child.ts with `steps` (model → answer); resolves with its base URL. */
async function startFake(
  workDir: string,
  steps: Record<string, unknown>,
): Promise<{ child: ChildProcess; url: string }> {
  const stepsFile = path.join(workDir, 'fake-steps.json');
  writeFileSync(stepsFile, JSON.stringify(steps));
  const child = fork(path.join(ROOT, 'bench/fake-openai-child.ts'), [stepsFile], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the fake OpenAI server did not start in 30 s')), 30_000);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve((message as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the fake OpenAI server exited with code ${code}`)));
  });
  return { child, url };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Profiles one phase of this process with the inspector when `BENCH_CPU_PROF` is set. */
async function profiled<T>(name: string, phase: () => Promise<T>): Promise<T> {
  if (!CPU_PROF_DIR) return phase();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await phase();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const dir = path.resolve(CPU_PROF_DIR);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `ai-${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** A fresh SQLite database in `dir` with one user owning one workspace shaped like SAMPLE_BAKERY. */
async function serviceFixture(dir: string, fakeUrl: string) {
  const config = loadConfig({
    NODE_ENV: 'development',
    MCC_DEMO: '0',
    DATA_DIR: path.join(dir, 'data'),
    OPENAI_BASE_URL: fakeUrl,
    OPENAI_API_KEY: API_KEY,
    AI_MODEL: FAST_MODEL,
  });
  const database: Database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const services = createServices({
    database,
    config,
    secret: randomBytes(32).toString('hex'),
    metricsRegistry: new Registry(),
  });
  const { session } = await services.auth.register({
    email: `bench-${randomBytes(4).toString('hex')}@example.com`,
    password: `Bench-${randomBytes(12).toString('hex')}`,
    name: 'Bench User',
  });
  const principal: Principal = { kind: 'user', userId: session.user.id };
  const business = await services.workspaces.create(principal, {
    name: SAMPLE_BAKERY.name,
    industry: SAMPLE_BAKERY.industry ?? undefined,
    description: SAMPLE_BAKERY.description ?? undefined,
    website: SAMPLE_BAKERY.website ?? undefined,
    time_zone: SAMPLE_BAKERY.time_zone,
    locale: SAMPLE_BAKERY.locale,
    brand: SAMPLE_BAKERY.brand,
  });
  // The service must send exactly what the engine-only and SDK paths send: same business, same prompt.
  const row = await createRepositories(database.db, database.dialect).businesses.findById(business.id);
  const stored = row && {
    name: row.name,
    industry: row.industry,
    description: row.description,
    website: row.website,
    locale: row.locale,
    time_zone: row.time_zone,
    brand: parseBrandProfile(row.brand_profile),
  };
  if (!isDeepStrictEqual(stored, SAMPLE_BAKERY))
    throw new Error('the stored workspace differs from SAMPLE_BAKERY, so the prompts would differ');
  return { services, principal, businessId: business.id, database, retry: config.ai };
}

/** Part 1: sequential calls, SDK against engine against service. */
async function measureSequential(fakeUrl: string, dir: string, expected: WriteContentOutput) {
  const context: TaskContext = { business: SAMPLE_BAKERY, now: new Date() };
  const input = writeContentInputSchema.parse(SEQUENTIAL_INPUT);
  const expectedText = JSON.stringify(expected);
  const { services, principal, businessId, database, retry } = await serviceFixture(dir, fakeUrl);
  const retryPolicy: RetryPolicy = { retries: retry.maxRetries, budgetMs: retry.retryBudgetMs };

  // (a) The openai SDK alone, with the exact body the engine sends (messages and response_format).
  const client = new OpenAI({ apiKey: API_KEY, baseURL: fakeUrl, timeout: 60_000, maxRetries: 0 });
  const messages = writeContentTask.prompt(input, context);
  const responseFormat = {
    type: 'json_schema' as const,
    json_schema: {
      name: writeContentTask.name,
      schema: jsonSchemaFor(writeContentTask.output),
      strict: false,
    },
  };
  const viaSdk = async () => {
    const completion = await client.chat.completions.create({
      model: FAST_MODEL,
      messages,
      response_format: responseFormat,
      stream: false,
    });
    return completion.choices[0]?.message?.content;
  };

  // (b) The engine alone: prompt, JSON Schema, provider (the same SDK underneath), breaker, retry wrapper,
  // parse, zod, the task's finalize.
  const provider = new OpenAiCompatibleProvider({
    baseUrl: fakeUrl,
    apiKey: API_KEY,
    model: FAST_MODEL,
    timeoutMs: 60_000,
  });
  const breaker = new CircuitBreaker(5, 30_000);
  const viaEngine = async () => {
    const meter = newMeter(FAST_MODEL);
    const output = await runOnModel(writeContentTask, input, context, {
      provider,
      breaker,
      retry: retryPolicy,
      meter,
    });
    return { output, meter };
  };

  // (c) The whole service call, ledger row included.
  const viaService = () => services.ai.run(principal, businessId, 'writeContent', SEQUENTIAL_INPUT);

  /** A path makes one call; what it resolves to checks the result (outside the timed part). */
  type Path = { id: SequentialRow['id']; name: string; call: () => Promise<() => boolean> };
  const paths: Path[] = [
    {
      id: 'sdk',
      name: 'openai SDK directly',
      call: async () => {
        const text = await viaSdk();
        return () => text === expectedText;
      },
    },
    {
      id: 'engine',
      name: 'engine: runOnModel(writeContent)',
      call: async () => {
        const { output, meter } = await viaEngine();
        return () => !meter.repaired && meter.attempts === 1 && isDeepStrictEqual(output, expected);
      },
    },
    {
      id: 'service',
      name: 'service: AiService.run + ledger',
      call: async () => {
        const result = await viaService();
        return () =>
          !result.offline && result.model === FAST_MODEL && isDeepStrictEqual(result.output, expected);
      },
    },
  ];
  const samples = new Map(paths.map((p) => [p.id, [] as number[]]));
  const cpuMicros = new Map(paths.map((p) => [p.id, 0]));
  let invalid = 0;

  const runBlock = async (p: Path, n: number, into?: number[]) => {
    for (let index = 0; index < n; index++) {
      const started = performance.now();
      const valid = await p.call();
      const elapsed = performance.now() - started;
      into?.push(elapsed);
      if (!valid()) invalid++;
    }
  };

  process.stdout.write(`  warm-up: ${WARMUP_CALLS} calls per path … `);
  for (let done = 0; done < WARMUP_CALLS; done += BLOCK)
    for (const p of paths) await runBlock(p, Math.min(BLOCK, WARMUP_CALLS - done));
  log('done');
  process.stdout.write(`  measure: ${CALLS} calls per path, interleaved in blocks of ${BLOCK} … `);
  await profiled('sequential', async () => {
    for (let done = 0; done < CALLS; done += BLOCK) {
      for (const p of paths) {
        const cpuBefore = process.cpuUsage();
        await runBlock(p, Math.min(BLOCK, CALLS - done), samples.get(p.id));
        const cpu = process.cpuUsage(cpuBefore);
        cpuMicros.set(p.id, (cpuMicros.get(p.id) ?? 0) + cpu.user + cpu.system);
      }
    }
  });
  log('done');
  await database.close();

  const rows: SequentialRow[] = paths.map((p) => {
    const latencyMs = distribution(samples.get(p.id) ?? []);
    return {
      id: p.id,
      name: p.name,
      latencyMs,
      cpuUsPerCall: (cpuMicros.get(p.id) ?? 0) / Math.max(1, latencyMs.count),
    };
  });
  return { rows, invalid };
}

/** One streamed request made straight through the openai SDK, as the engine's provider makes it. */
function sdkStreamer(fakeUrl: string, expectedText: string) {
  const input = writeContentInputSchema.parse(STREAM_INPUT);
  const client = new OpenAI({ apiKey: API_KEY, baseURL: fakeUrl, timeout: 120_000, maxRetries: 0 });
  const messages = writeContentTask.prompt(input, { business: SAMPLE_BAKERY, now: new Date() });
  const schema = jsonSchemaFor(writeContentTask.output);
  return async (onDelta: () => void) => {
    const stream = await client.chat.completions.create({
      model: STREAM_MODEL,
      messages,
      response_format: {
        type: 'json_schema',
        json_schema: { name: writeContentTask.name, schema, strict: false },
      },
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta?.content;
      if (delta) {
        text += delta;
        onDelta();
      }
    }
    if (text !== expectedText) throw new Error('unexpected text');
  };
}

/** One streamed `runOnModel` run with `onDelta`. */
function engineStreamer(fakeUrl: string, expected: WriteContentOutput) {
  const context: TaskContext = { business: SAMPLE_BAKERY, now: new Date() };
  const input = writeContentInputSchema.parse(STREAM_INPUT);
  const provider = new OpenAiCompatibleProvider({
    baseUrl: fakeUrl,
    apiKey: API_KEY,
    model: STREAM_MODEL,
    timeoutMs: 120_000,
  });
  const breaker = new CircuitBreaker(STREAMS + 1, 30_000);
  const retry: RetryPolicy = { retries: 0, budgetMs: 120_000 };
  return async (onDelta: () => void) => {
    const meter = newMeter(STREAM_MODEL);
    const output = await runOnModel(writeContentTask, input, context, {
      provider,
      breaker,
      retry,
      meter,
      onDelta,
    });
    if (meter.repaired || !isDeepStrictEqual(output, expected)) throw new Error('unexpected output');
  };
}

/** Part 2: many simultaneous streams on one path while the event loop's delay is recorded. */
async function measureStreaming(
  id: StreamingRow['id'],
  name: string,
  streamOnce: (onDelta: () => void) => Promise<void>,
  fakePid: number | undefined,
): Promise<StreamingRow> {
  // The whole run, and separately its two phases: until every stream has had its first delta (the burst
  // of requests being built and sent), and from then to the end (streaming and finishing).
  const whole = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
  const startPhase = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
  const streamPhase = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
  let started = 0;
  let measuring = false;
  let waitingForFirstDelta = 0;
  let startPhaseMs = 0;
  const firstDeltaSeen = () => {
    waitingForFirstDelta -= 1;
    if (waitingForFirstDelta === 0 && measuring) {
      startPhase.disable();
      streamPhase.enable();
      startPhaseMs = performance.now() - started;
    }
  };
  const timed = async () => {
    const startedAt = performance.now();
    let firstDeltaMs: number | undefined;
    try {
      await streamOnce(() => {
        if (firstDeltaMs !== undefined) return;
        firstDeltaMs = performance.now() - startedAt;
        firstDeltaSeen();
      });
    } finally {
      if (firstDeltaMs === undefined) firstDeltaSeen();
    }
    return { ms: performance.now() - startedAt, firstDeltaMs: firstDeltaMs ?? Number.NaN };
  };

  process.stdout.write(
    `  ${name.padEnd(34)} warm-up: ${STREAM_WARMUP} streams; measure: ${STREAMS} at once … `,
  );
  waitingForFirstDelta = STREAM_WARMUP;
  await Promise.all(Array.from({ length: STREAM_WARMUP }, timed));
  await sleep(500);

  const results = await profiled(`streams-${id}`, async () => {
    const fakeCpuBefore = processCpuSeconds(fakePid);
    const cpuBefore = process.cpuUsage();
    waitingForFirstDelta = STREAMS;
    measuring = true;
    whole.enable();
    startPhase.enable();
    started = performance.now();
    // One synchronous loop: all the runs really start together, as when a burst of requests arrives.
    const settled = await Promise.allSettled(Array.from({ length: STREAMS }, timed));
    const totalMs = performance.now() - started;
    whole.disable();
    startPhase.disable();
    streamPhase.disable();
    const cpu = process.cpuUsage(cpuBefore);
    const fakeCpuAfter = processCpuSeconds(fakePid);
    return {
      settled,
      totalMs,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      fakeCpuSeconds:
        fakeCpuBefore === undefined || fakeCpuAfter === undefined ? undefined : fakeCpuAfter - fakeCpuBefore,
    };
  });
  const ok = results.settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failures = results.settled.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  log(`${fmt(results.totalMs / 1000, 2)} s`);
  if (failures.length) log(`  first failure: ${String(failures[0])}`);
  const ms = (nanoseconds: number) => nanoseconds / 1e6;
  return {
    id,
    name,
    totalMs: results.totalMs,
    streamMs: distribution(ok.map((r) => r.ms)),
    firstDeltaMs: distribution(ok.map((r) => r.firstDeltaMs)),
    eventLoopDelayMs: {
      max: ms(whole.max),
      p99: ms(whole.percentile(99)),
      p50: ms(whole.percentile(50)),
      mean: ms(whole.mean),
      startPhaseMs,
      startPhaseMax: ms(startPhase.max),
      streamPhaseMax: ms(streamPhase.max),
      streamPhaseP99: ms(streamPhase.percentile(99)),
    },
    cpuSeconds: results.cpuSeconds,
    fakeCpuSeconds: results.fakeCpuSeconds,
    failed: failures.length,
  };
}

/** Run both parts and print them; the figures come back for BENCH_JSON. */
export async function runAiEngineBench(): Promise<AiBenchReport> {
  const context: TaskContext = { business: SAMPLE_BAKERY, now: new Date() };
  // The replies: what the offline writer produces for the same input, which is a valid writeContent answer
  // that passes the task's rules unchanged, so no run needs a repair.
  const sequentialReply = writeContentTask.offline(writeContentInputSchema.parse(SEQUENTIAL_INPUT), context);
  const streamReply = writeContentTask.offline(writeContentInputSchema.parse(STREAM_INPUT), context);
  const streamText = JSON.stringify(streamReply);
  const pieces = splitIntoPieces(streamText).length;
  const replyWords = streamText.split(/\s+/).length;

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'mcc-bench-ai-'));
  let fake: ChildProcess | undefined;
  try {
    const started = await startFake(workDir, {
      [FAST_MODEL]: { reply: sequentialReply },
      [STREAM_MODEL]: { reply: streamReply, chunkDelayMs: CHUNK_DELAY_MS },
    });
    fake = started.child;
    log('AI engine (bench/ai-engine.ts)');
    log(
      `  fake OpenAI-compatible server: test/support/fake-openai in a child process (bench/fake-openai-child.ts) at ${started.url}`,
    );
    log(
      `  task: writeContent for the sample bakery, ${SEQUENTIAL_INPUT.channel} ${SEQUENTIAL_INPUT.format}; the replies are the offline writer's valid drafts`,
    );
    log();
    log(
      `1. Overhead per call: ${SEQUENTIAL_INPUT.variants} variants (${JSON.stringify(sequentialReply).length} bytes of JSON back), no delay at the fake`,
    );
    const sequential = await measureSequential(started.url, workDir, sequentialReply);
    const rows = sequential.rows;
    const byId = (id: SequentialRow['id']) => rows.find((row) => row.id === id);
    const sdk = byId('sdk');
    const engine = byId('engine');
    const service = byId('service');
    const added = {
      engine: (engine?.latencyMs.p50 ?? 0) - (sdk?.latencyMs.p50 ?? 0),
      service: (service?.latencyMs.p50 ?? 0) - (sdk?.latencyMs.p50 ?? 0),
    };
    log();
    log(
      table([
        ['path', 'p50 ms', 'p99 ms', 'mean ms', 'max ms', 'CPU µs/call', 'calls'],
        ...rows.map((row) => [
          row.name,
          fmt(row.latencyMs.p50, 3),
          fmt(row.latencyMs.p99, 3),
          fmt(row.latencyMs.mean, 3),
          fmt(row.latencyMs.max, 1),
          fmt(row.cpuUsPerCall, 0),
          String(row.latencyMs.count),
        ]),
      ]),
    );
    log();
    const meanAdded = (row?: SequentialRow) => (row?.latencyMs.mean ?? 0) - (sdk?.latencyMs.mean ?? 0);
    const cpuAdded = (row?: SequentialRow) => (row?.cpuUsPerCall ?? 0) - (sdk?.cpuUsPerCall ?? 0);
    for (const [label, row] of [
      ['engine ', engine],
      ['service', service],
    ] as const) {
      log(
        `  ${label} over the SDK: +${fmt(row === engine ? added.engine : added.service, 3)} ms at p50, +${fmt(meanAdded(row), 3)} ms mean, +${fmt(cpuAdded(row), 0)} µs CPU per call`,
      );
    }
    log();

    log(
      `2. ${STREAMS} concurrent streams: ${STREAM_INPUT.variants} variants, ${replyWords} words in ${pieces} deltas, ${CHUNK_DELAY_MS} ms between chunks at the fake`,
    );
    const streamRows = [
      await measureStreaming('sdk', 'openai SDK directly', sdkStreamer(started.url, streamText), fake.pid),
      await measureStreaming(
        'engine',
        'engine: runOnModel + onDelta',
        engineStreamer(started.url, streamReply),
        fake.pid,
      ),
    ];
    const streaming: StreamingResult = {
      streams: STREAMS,
      chunkDelayMs: CHUNK_DELAY_MS,
      deltasPerStream: pieces,
      replyWords,
      // The fake pauses after every event but the last: role chunk, pieces, finish chunk, usage chunk.
      pausesPerStreamMs: (pieces + 3) * CHUNK_DELAY_MS,
      eventLoopResolutionMs: ELD_RESOLUTION_MS,
      rows: streamRows,
    };
    log();
    log(
      table([
        [
          'path',
          'total s',
          'stream p50 s',
          'first delta p50/p99 ms',
          'loop delay p50 ms',
          'p99 ms',
          'max ms',
          'max: start / after ms',
          'CPU s',
          'µs/delta',
          'fake CPU s',
          'failed',
        ],
        ...streamRows.map((row) => [
          row.name,
          fmt(row.totalMs / 1000, 2),
          fmt(row.streamMs.p50 / 1000, 2),
          `${fmt(row.firstDeltaMs.p50, 0)}/${fmt(row.firstDeltaMs.p99, 0)}`,
          fmt(row.eventLoopDelayMs.p50, 1),
          fmt(row.eventLoopDelayMs.p99, 1),
          fmt(row.eventLoopDelayMs.max, 1),
          `${fmt(row.eventLoopDelayMs.startPhaseMax, 0)} / ${fmt(row.eventLoopDelayMs.streamPhaseMax, 0)}`,
          fmt(row.cpuSeconds, 2),
          fmt((row.cpuSeconds * 1e6) / Math.max(1, STREAMS * pieces), 0),
          row.fakeCpuSeconds === undefined ? 'n/a' : fmt(row.fakeCpuSeconds, 2),
          String(row.failed),
        ]),
      ]),
    );
    log(
      `  The fake's pauses alone take ${fmt(streaming.pausesPerStreamMs / 1000, 2)} s per stream. Loop delays are intervals between ${ELD_RESOLUTION_MS} ms timer ticks (monitorEventLoopDelay), so they include the ${ELD_RESOLUTION_MS} ms.`,
    );
    log(
      `  "start" is until every stream had its first delta (${streamRows.map((row) => `${row.id} ${fmt(row.eventLoopDelayMs.startPhaseMs, 0)} ms`).join(', ')}); "after" is the rest: streaming and finishing.`,
    );
    log();

    const engineStreams = streamRows.find((row) => row.id === 'engine');
    const eld = engineStreams?.eventLoopDelayMs;
    const sdkEld = streamRows.find((row) => row.id === 'sdk')?.eventLoopDelayMs;
    const failedStreams = streamRows.reduce((sum, row) => sum + row.failed, 0);
    const checks: Check[] = [
      {
        target: `the engine adds <= ${TARGETS.maxAddedP50Ms} ms per call at p50 over the SDK`,
        actual: `${fmt(added.engine, 3)} ms (the service call: ${fmt(added.service, 3)} ms, no target)`,
        pass: added.engine <= TARGETS.maxAddedP50Ms,
      },
      {
        target: `event-loop delay max < ${TARGETS.maxEventLoopDelayMs} ms during ${STREAMS} concurrent engine streams`,
        actual: eld
          ? `${fmt(eld.max, 1)} ms, p99 ${fmt(eld.p99, 1)} ms (the SDK alone: max ${fmt(sdkEld?.max ?? 0, 1)} ms, p99 ${fmt(sdkEld?.p99 ?? 0, 1)} ms)`
          : 'not measured',
        pass: eld !== undefined && eld.max < TARGETS.maxEventLoopDelayMs,
      },
      {
        target: 'every call and stream valid (expected output, no repair, no error)',
        actual:
          sequential.invalid === 0 && failedStreams === 0
            ? 'yes'
            : `${sequential.invalid} invalid calls, ${failedStreams} failed streams`,
        pass: sequential.invalid === 0 && failedStreams === 0,
      },
    ];
    printChecks(checks);
    return {
      fake: 'child process',
      calls: CALLS,
      warmupCalls: WARMUP_CALLS,
      block: BLOCK,
      sequential: rows,
      addedAtP50Ms: added,
      streaming,
      checks,
      pass: checks.every((check) => check.pass),
    };
  } finally {
    if (fake) await stopChild(fake);
    rmSync(workDir, { recursive: true, force: true });
  }
}
