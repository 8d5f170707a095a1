import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { constants, monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { makeRenditions, writeCleanOriginal } from '../src/server/services/media/image-renditions.js';
import { createTestApp } from '../test/support/test-app.js';
import { latencyPercentiles, signUpWithWorkspace } from './app-fixtures.js';
import { type Check, envInt, fmt, loadAverage, log, printChecks, ROOT, table } from './report.js';

// The media library's upload path (issue 17): `BENCH_SUITE=media`; see docs/benchmarks.md, "Media".
// 1. One upload at a time: a 12-megapixel photo POSTed as multipart to the real app listening on loopback
//    (fetch with FormData, the file streamed from disk, from a client process: bench/media-client.ts), answered once the clean original and all 14
//    renditions are stored. Against a baseline: the same image-renditions.ts pipelines run by sharp on the
//    photo's bytes in memory (no HTTP, multipart, spool, database or store), so the app's own cost shows.
// 2. The process's memory during (1): the peak resident set above the idle app's.
// 3. 50 uploads at once: the event loop's longest stall, and the peak memory again.
// The app runs in this process (so its memory and event loop are what is measured); the load generator in a
// child, competing with it for the same two cores.

const RUNS = envInt('BENCH_MEDIA_RUNS', 12);
const WARMUP = 2;
const CONCURRENT = envInt('BENCH_MEDIA_CONCURRENT', 50);
/** monitorEventLoopDelay's timer interval: each sample is this plus any stall, so `max` overstates by ≤ 1 ms. */
const ELD_RESOLUTION_MS = 1;
const TARGETS = { p50Ms: 1500, extraMemoryMb: 300, stallMs: 50 };
const MB = 2 ** 20;

export interface MediaBenchReport {
  photo: { width: number; height: number; bytes: number };
  sequential: { runs: number; p50Ms: number; p99Ms: number; minMs: number; maxMs: number };
  baseline: { runs: number; p50Ms: number; minMs: number; maxMs: number };
  memory: { idleMb: number; peakMb: number; extraMb: number; method: string };
  concurrent: {
    uploads: number;
    seconds: number;
    p50Ms: number;
    p99Ms: number;
    maxStallMs: number;
    extraMb: number;
    majorGc: { count: number; longestMs: number; totalMs: number };
    /** Linux only: the stalls over the target, split into the main thread's running and waiting for a core. */
    stalls?: StallBreakdown;
  };
  sharpConcurrency: number;
  checks: Check[];
  pass: boolean;
}

/** VmRSS and VmHWM (peak) of this process in MiB, from /proc (Linux). */
function residentMb(): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const field = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return undefined;
  }
}

/**
 * Follows the process's peak resident memory from now on. On Linux the kernel's own high-water mark
 * (VmHWM, reset by writing 5 to /proc/self/clear_refs) catches every page libvips' threads touch, however
 * briefly; elsewhere, process.memoryUsage.rss() sampled every 5 ms stands in.
 */
function peakMemoryTracker(): { stop(): { peakMb: number; method: string } } {
  let sampled = process.memoryUsage.rss() / MB;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage.rss() / MB);
  }, 5);
  let kernel = false;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    kernel = residentMb() !== undefined;
  } catch {
    kernel = false;
  }
  return {
    stop() {
      clearInterval(timer);
      const peak = kernel ? (residentMb()?.peak ?? sampled) : sampled;
      return {
        peakMb: Math.max(peak, sampled),
        method: kernel ? 'VmHWM (kernel peak RSS, reset per phase)' : 'rss sampled every 5 ms',
      };
    },
  };
}

/** Let the allocator and the garbage collector settle before an idle reading. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 500));
}

export async function runMediaBench(): Promise<MediaBenchReport> {
  log('Media uploads (bench/media.ts)');
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'mcc-bench-media-'));
  // The app spools uploads under os.tmpdir(); one of its own, so another process's orphan sweep on this
  // machine (a test with a clock days ahead) cannot remove an upload in flight.
  process.env.TMPDIR = workDir;
  const photoFile = path.join(workDir, 'IMG_4032.jpg');
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/media-photo.ts'), photoFile], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const photoBytes = readFileSync(photoFile);
  const meta = await sharp(photoBytes).metadata();
  const photo = { width: meta.width ?? 0, height: meta.height ?? 0, bytes: photoBytes.length };
  log(
    `  photo: ${photo.width} × ${photo.height} JPEG q90, ${fmt(photo.bytes / MB, 1)} MiB (gradient, blotches, grain); ` +
      `${RUNS} uploads one at a time after ${WARMUP} warm-ups, then ${CONCURRENT} at once`,
  );
  log(
    `  sharp: libvips ${sharp.versions.vips}, ${sharp.concurrency()} thread(s) per image, SIMD ${sharp.simd() ? 'on' : 'off'}; ` +
      `UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}`,
  );

  // As the server opens it (server.ts): WAL checkpoints in a worker thread. `BENCH_WAL_CHECKPOINTS=commit`
  // leaves them to SQLite inside commits on the event loop, for comparison.
  const checkpointsOnCommit = process.env.BENCH_WAL_CHECKPOINTS === 'commit';
  log(
    `  SQLite WAL checkpoints: ${checkpointsOnCommit ? 'inside commits (SQLite default)' : 'worker thread (as served)'}`,
  );
  const database = openDatabase(
    { kind: 'sqlite', path: path.join(workDir, 'mcc.db'), autoMigrate: true },
    checkpointsOnCommit ? {} : { walCheckpoints: 'background' },
  );
  await migrateToLatest(database.db);
  const t = await createTestApp(
    { database, dispose: () => database.close() },
    {
      DATA_DIR: path.join(workDir, 'data'),
      RATE_LIMIT_MAX: '1000000',
      // The operator's settings, passed through so the bench can compare values.
      ...(process.env.MEDIA_PROCESSING_CONCURRENCY && {
        MEDIA_PROCESSING_CONCURRENCY: process.env.MEDIA_PROCESSING_CONCURRENCY,
      }),
      ...(process.env.MEDIA_THREAD_NICE && { MEDIA_THREAD_NICE: process.env.MEDIA_THREAD_NICE }),
    },
  );
  try {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const account = await signUpWithWorkspace(t.app, { person: 'Media Keeper', business: 'Harbour Bakery' });
    const client = await startClient();
    const batch = (count: number, concurrency: number) =>
      client.run({
        url: `${address}/api/media?business_id=${account.businessId}`,
        authorization: account.auth.authorization,
        file: photoFile,
        count,
        concurrency,
      });

    // 1 and 2: one at a time, memory from the idle app's (before any image was processed) to the peak.
    await settle();
    const idleMb = process.memoryUsage.rss() / MB;
    const memory = peakMemoryTracker();
    process.stdout.write(`  app: ${WARMUP} warm-ups + ${RUNS} uploads one at a time … `);
    await batch(WARMUP, 1);
    const times = await batch(RUNS, 1);
    const sequentialPeak = memory.stop();
    const sequential = summarise(times);
    log(`p50 ${fmt(sequential.p50Ms, 0)} ms (load ${loadAverage()})`);

    // The baseline: the same pipelines, from memory, without the app around them.
    process.stdout.write(`  baseline: sharp alone, ${WARMUP} warm-ups + ${RUNS} runs … `);
    const cleanTarget = path.join(workDir, 'baseline-original.jpg');
    const alone = async (): Promise<number> => {
      const started = performance.now();
      await Promise.all([
        writeCleanOriginal(photoBytes, 'jpeg', cleanTarget, 100_000_000),
        makeRenditions(photoBytes, { x: 0.5, y: 0.5 }, 100_000_000, path.join(workDir, 'baseline-working')),
      ]);
      return performance.now() - started;
    };
    for (let i = 0; i < WARMUP; i++) await alone();
    const baselineTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) baselineTimes.push(await alone());
    const baseline = summarise(baselineTimes);
    log(`p50 ${fmt(baseline.p50Ms, 0)} ms (load ${loadAverage()})`);

    // 3: all at once.
    await settle();
    const concurrentIdleMb = process.memoryUsage.rss() / MB;
    process.stdout.write(`  app: ${CONCURRENT} uploads at once … `);
    const loop = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
    const concurrentMemory = peakMemoryTracker();
    const collections = majorCollections();
    const stalls = stallBreakdown();
    const profile = await batchProfile();
    loop.enable();
    const started = performance.now();
    const latencies = await batch(CONCURRENT, CONCURRENT);
    const seconds = (performance.now() - started) / 1000;
    loop.disable();
    await profile.stop();
    const majorGc = collections.stop();
    const breakdown = stalls.stop();
    const concurrentPeak = concurrentMemory.stop();
    const concurrentTimes = latencyPercentiles(latencies);
    const maxStallMs = loop.max / 1e6;
    log(`${fmt(seconds, 1)} s, longest event-loop stall ${fmt(maxStallMs, 1)} ms (load ${loadAverage()})`);

    const report: MediaBenchReport = {
      photo,
      sequential,
      baseline: { runs: RUNS, p50Ms: baseline.p50Ms, minMs: baseline.minMs, maxMs: baseline.maxMs },
      memory: {
        idleMb,
        peakMb: sequentialPeak.peakMb,
        extraMb: sequentialPeak.peakMb - idleMb,
        method: sequentialPeak.method,
      },
      concurrent: {
        uploads: CONCURRENT,
        seconds,
        p50Ms: concurrentTimes.p50,
        p99Ms: concurrentTimes.p99,
        maxStallMs,
        extraMb: concurrentPeak.peakMb - concurrentIdleMb,
        majorGc,
        ...(breakdown ? { stalls: breakdown } : {}),
      },
      sharpConcurrency: sharp.concurrency(),
      checks: [],
      pass: false,
    };
    log();
    log(
      table([
        ['12-megapixel upload + 14 renditions', 'runs', 'p50 ms', 'p99 ms', 'min ms', 'max ms'],
        [
          'app: POST /api/media over loopback HTTP',
          String(RUNS),
          fmt(sequential.p50Ms, 0),
          fmt(sequential.p99Ms, 0),
          fmt(sequential.minMs, 0),
          fmt(sequential.maxMs, 0),
        ],
        [
          'baseline: sharp alone, from memory',
          String(RUNS),
          fmt(baseline.p50Ms, 0),
          '',
          fmt(baseline.minMs, 0),
          fmt(baseline.maxMs, 0),
        ],
        [
          `app: ${CONCURRENT} at once (each upload's time)`,
          String(CONCURRENT),
          fmt(concurrentTimes.p50, 0),
          fmt(concurrentTimes.p99, 0),
          fmt(Math.min(...latencies), 0),
          fmt(Math.max(...latencies), 0),
        ],
      ]),
    );
    log();
    log(
      `  app overhead over the baseline (p50): ${fmt(sequential.p50Ms - baseline.p50Ms, 0)} ms; ` +
        `${CONCURRENT} at once: ${fmt(CONCURRENT / seconds, 1)} uploads/s`,
    );
    log(
      `  memory (${sequentialPeak.method}): idle app ${fmt(idleMb, 0)} MiB, peak one at a time ${fmt(sequentialPeak.peakMb, 0)} MiB, ` +
        `peak ${CONCURRENT} at once ${fmt(concurrentPeak.peakMb, 0)} MiB (from ${fmt(concurrentIdleMb, 0)})`,
    );
    log(
      `  event loop: monitorEventLoopDelay at ${ELD_RESOLUTION_MS} ms resolution, max over the ${CONCURRENT}-upload batch; ` +
        `${majorGc.count} mark-compact collections in it, longest ${fmt(majorGc.longestMs, 0)} ms, ${fmt(majorGc.totalMs, 0)} ms in all`,
    );
    if (breakdown) {
      log(
        `  stalls over ${TARGETS.stallMs} ms (timer at 2 ms, /proc schedstat of the main thread): ${breakdown.count}; ` +
          `longest ${fmt(breakdown.longest.wallMs, 0)} ms = ${fmt(breakdown.longest.runningMs, 0)} ms running + ` +
          `${fmt(breakdown.longest.waitingMs, 0)} ms waiting for a core; longest running part of any: ${fmt(breakdown.longestRunningMs, 0)} ms`,
      );
    }
    log();
    report.checks = [
      {
        target: `upload + all renditions of a 12-megapixel photo p50 <= ${TARGETS.p50Ms} ms`,
        actual: `${fmt(sequential.p50Ms, 0)} ms (sharp alone ${fmt(baseline.p50Ms, 0)} ms)`,
        pass: sequential.p50Ms <= TARGETS.p50Ms,
      },
      {
        target: `extra memory during those uploads <= ${TARGETS.extraMemoryMb} MiB`,
        actual: `${fmt(report.memory.extraMb, 0)} MiB above the idle app`,
        pass: report.memory.extraMb <= TARGETS.extraMemoryMb,
      },
      {
        target: `${CONCURRENT} concurrent uploads, event loop never stalled over ${TARGETS.stallMs} ms`,
        actual: `longest ${fmt(maxStallMs, 1)} ms`,
        pass: maxStallMs <= TARGETS.stallMs,
      },
      {
        target: `extra memory during the ${CONCURRENT} concurrent uploads <= ${TARGETS.extraMemoryMb} MiB`,
        actual: `${fmt(report.concurrent.extraMb, 0)} MiB`,
        pass: report.concurrent.extraMb <= TARGETS.extraMemoryMb,
      },
    ];
    printChecks(report.checks);
    report.pass = report.checks.every((check) => check.pass);
    return report;
  } finally {
    for (const child of clients.splice(0)) child.kill('SIGKILL');
    await t.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * V8's mark-compact collections from now on (perf_hooks `gc` entries of the major kind): the pauses that
 * stop the event loop longest when much memory is allocated, much of it Buffers.
 */
/**
 * `BENCH_CPU_PROF=<dir>`: a CPU profile of the app's main thread during the concurrent batch only (the
 * app runs in this process), written to <dir>/media-batch.cpuprofile for Chrome DevTools or speedscope.
 */
async function batchProfile(): Promise<{ stop(): Promise<void> }> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return { stop: async () => {} };
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      mkdirSync(dir, { recursive: true });
      const file = path.join(path.resolve(dir), 'media-batch.cpuprofile');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      log(`  CPU profile of the batch: ${file}`);
    },
  };
}

function majorCollections(): { stop(): { count: number; longestMs: number; totalMs: number } } {
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { detail } = entry as unknown as { detail?: { kind?: number } };
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) pauses.push(entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      return {
        count: pauses.length,
        longestMs: Math.max(0, ...pauses),
        totalMs: pauses.reduce((total, pause) => total + pause, 0),
      };
    },
  };
}

interface StallBreakdown {
  count: number;
  longest: { wallMs: number; runningMs: number; waitingMs: number };
  /** The most time the main thread itself spent on a core during any one stall (its own work, GC included). */
  longestRunningMs: number;
}

/**
 * Every gap over the stall target between ticks of a 2 ms timer, with what the kernel says the main thread
 * did meanwhile (/proc/self/task/<pid>/schedstat: time on a core, time runnable but waiting for one). On a
 * shared two-core machine much of a long stall can be the thread waiting its turn, which no change to the
 * app removes; the running part is the app's own. Undefined where there is no /proc.
 */
function stallBreakdown(): { stop(): StallBreakdown | undefined } {
  const file = `/proc/self/task/${process.pid}/schedstat`;
  const read = (): [number, number] | undefined => {
    try {
      const [running, waiting] = readFileSync(file, 'utf8').split(' ').map(Number);
      return [(running ?? 0) / 1e6, (waiting ?? 0) / 1e6];
    } catch {
      return undefined;
    }
  };
  let last = read();
  if (!last) return { stop: () => undefined };
  let lastAt = performance.now();
  const stalls: Array<{ wallMs: number; runningMs: number; waitingMs: number }> = [];
  const timer = setInterval(() => {
    const now = performance.now();
    const sched = read();
    if (sched && last && now - lastAt > TARGETS.stallMs) {
      stalls.push({ wallMs: now - lastAt, runningMs: sched[0] - last[0], waitingMs: sched[1] - last[1] });
    }
    last = sched;
    lastAt = now;
  }, 2);
  return {
    stop() {
      clearInterval(timer);
      const longest = stalls.reduce((a, b) => (b.wallMs > a.wallMs ? b : a), {
        wallMs: 0,
        runningMs: 0,
        waitingMs: 0,
      });
      return {
        count: stalls.length,
        longest,
        longestRunningMs: Math.max(0, ...stalls.map((stall) => stall.runningMs)),
      };
    },
  };
}

const clients: ChildProcess[] = [];

/** The load generator (bench/media-client.ts) in a child process, ready for batches of uploads. */
async function startClient(): Promise<{ run(batch: object): Promise<number[]> }> {
  const child = fork(path.join(ROOT, 'bench/media-client.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  clients.push(child);
  const next = () =>
    new Promise<{ ready?: true; times?: number[]; error?: string }>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`the upload client exited with code ${code}`));
      child.once('exit', exited);
      child.once('message', (message) => {
        child.off('exit', exited);
        resolve(message as { times?: number[]; error?: string });
      });
    });
  await next();
  return {
    async run(batch) {
      const answer = next();
      child.send(batch);
      const { times, error } = await answer;
      if (error || !times) throw new Error(error ?? 'the upload client gave no times');
      return times;
    },
  };
}

function summarise(times: number[]): {
  runs: number;
  p50Ms: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
} {
  const { p50, p99 } = latencyPercentiles(times);
  return { runs: times.length, p50Ms: p50, p99Ms: p99, minMs: Math.min(...times), maxMs: Math.max(...times) };
}
