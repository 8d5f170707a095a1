import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker.js';
import {
  finishForecast,
  forecastArrays,
  forecastArraysBytes,
  runForecast,
  simulateBlocks,
} from './forecast.js';
import type { SplitRunMessage, WholeRunMessage, WorkerAnswer } from './forecast.worker.js';
import { blockCount, FORECAST_BLOCK } from './forecast-trials.js';
import type { ForecastInput, ForecastOutput } from './forecast-types.js';

// Large forecasts run on worker threads so the event loop keeps answering other requests. Smaller ones
// run on this thread, shared with an idle worker when one is warm (see `runSplit`: the two cores halve
// the simulation, and a thread's start-up is never waited for). Every way runs the same blocks from the
// same streams, so where a run happens never changes its answer.

/** Where a run happened, for the response and the tests. */
export type RanIn = 'inline' | 'split' | 'worker';

/** Options of a ForecastRunner. */
export interface ForecastRunnerOptions {
  /** Runs with more trials than this go to a worker (default 50,000). */
  inlineMaxTrials?: number;
  /** At most this many worker threads (default 2); further runs wait for one. */
  maxWorkers?: number;
  /** An idle worker exits after this long (default 30 s). */
  idleMs?: number;
}

/** A worker's answer to one message. */
type Answer = Exclude<WorkerAnswer, { ready: true }>;

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
}

/** Runs smaller than this stay on this thread: two blocks at least, one for each thread. */
const SPLIT_MIN_TRIALS = 2 * FORECAST_BLOCK;

interface PooledWorker {
  worker: Worker;
  busy: boolean;
  /** The worker's module has loaded (a split run waits for no start-up). */
  online: boolean;
  idleTimer: NodeJS.Timeout | undefined;
  pending: Map<number, Pending>;
}

/**
 * Runs forecasts inline or on a small pool of worker threads.
 *
 * @example
 * const runner = new ForecastRunner();
 * const { output, ranIn } = await runner.run(input); // ranIn: 'worker' above 50,000 trials
 */
export class ForecastRunner {
  private readonly inlineMaxTrials: number;
  private readonly maxWorkers: number;
  private readonly idleMs: number;
  private readonly workers: PooledWorker[] = [];
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;

  constructor(options: ForecastRunnerOptions = {}) {
    this.inlineMaxTrials = options.inlineMaxTrials ?? 50_000;
    this.maxWorkers = Math.max(1, options.maxWorkers ?? 2);
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** Run `input`: on a worker when it is large, else here (shared with an idle worker when one is warm). */
  async run(input: ForecastInput): Promise<{ output: ForecastOutput; ranIn: RanIn }> {
    if (input.trials > this.inlineMaxTrials)
      return { output: await this.runOnWorker(input), ranIn: 'worker' };
    const idle = input.trials >= SPLIT_MIN_TRIALS ? this.acquireIdle() : undefined;
    if (!idle) {
      // Warm a worker for the next run instead of waiting for its start-up now.
      if (input.trials >= SPLIT_MIN_TRIALS && this.workers.length < this.maxWorkers)
        this.release(this.spawn());
      return { output: runForecast(input), ranIn: 'inline' };
    }
    return { output: await this.runSplit(input, idle), ranIn: 'split' };
  }

  /** Run `input` on a worker thread whatever its size. */
  async runOnWorker(input: ForecastInput): Promise<ForecastOutput> {
    const pooled = await this.acquire();
    try {
      const { output } = await this.send(pooled, (id) => ({ id, input }));
      if (!output) throw new Error('The forecast worker answered without a forecast');
      return output;
    } finally {
      this.release(pooled);
    }
  }

  /**
   * A run shared with `pooled`: each simulates half of the blocks (and adds them into the totals), then
   * the worker summarises the channels while this thread finishes the totals.
   */
  private async runSplit(input: ForecastInput, pooled: PooledWorker): Promise<ForecastOutput> {
    try {
      const buffer = new SharedArrayBuffer(forecastArraysBytes(input));
      const arrays = forecastArrays(input, buffer);
      const blocks = blockCount(input.trials);
      const half = Math.ceil(blocks / 2);
      const theirs = this.send(pooled, (id) => ({
        id,
        input,
        buffer,
        step: 'simulate',
        fromBlock: half,
        toBlock: blocks,
      }));
      try {
        simulateBlocks(input, arrays, 0, half);
      } finally {
        // Wait for the worker even if this half failed: it writes into the buffer until it answers.
        await theirs;
      }
      const summaries = this.send(pooled, (id) => ({ id, input, buffer, step: 'summarise' }));
      let totals: Omit<ForecastOutput, 'channels'>;
      try {
        // The totals' summaries reorder only the totals, which the worker does not read.
        totals = finishForecast(input, arrays);
      } finally {
        await summaries.catch(() => undefined);
      }
      const { channels } = await summaries;
      if (!channels) throw new Error('The forecast worker answered without the channels');
      return { ...totals, channels };
    } finally {
      this.release(pooled);
    }
  }

  /** Post one message to `pooled` (already acquired) and wait for its answer. */
  private async send(
    pooled: PooledWorker,
    message: (id: number) => WholeRunMessage | SplitRunMessage,
  ): Promise<Answer> {
    const id = this.nextId++;
    try {
      return await new Promise<Answer>((resolve, reject) => {
        pooled.pending.set(id, { resolve, reject });
        pooled.worker.postMessage(message(id));
      });
    } finally {
      pooled.pending.delete(id);
    }
  }

  /** Stop every worker (runs in flight fail). */
  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((pooled) => pooled.worker.terminate()));
  }

  /** An idle worker that has started, marked busy; undefined when there is none. */
  private acquireIdle(): PooledWorker | undefined {
    const idle = this.workers.find((pooled) => !pooled.busy && pooled.online);
    if (!idle) return undefined;
    clearTimeout(idle.idleTimer);
    idle.busy = true;
    idle.worker.ref();
    return idle;
  }

  private async acquire(): Promise<PooledWorker> {
    for (;;) {
      const idle = this.workers.find((pooled) => !pooled.busy);
      if (idle) {
        clearTimeout(idle.idleTimer);
        idle.busy = true;
        idle.worker.ref();
        return idle;
      }
      if (this.workers.length < this.maxWorkers) {
        const pooled = this.spawn();
        pooled.busy = true;
        return pooled;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(pooled: PooledWorker): void {
    pooled.busy = false;
    // An idle worker must not keep the process alive, and exits after a while.
    pooled.worker.unref();
    pooled.idleTimer = setTimeout(() => this.retire(pooled), this.idleMs);
    pooled.idleTimer.unref();
    this.waiting.shift()?.();
  }

  private retire(pooled: PooledWorker): void {
    const index = this.workers.indexOf(pooled);
    if (index >= 0) this.workers.splice(index, 1);
    void pooled.worker.terminate();
  }

  private spawn(): PooledWorker {
    const worker = startModuleWorker(new URL('./forecast.worker.js', import.meta.url));
    const pooled: PooledWorker = {
      worker,
      busy: false,
      online: false,
      idleTimer: undefined,
      pending: new Map(),
    };
    worker.on('message', (message: WorkerAnswer) => {
      if ('ready' in message) {
        pooled.online = true;
        return;
      }
      const pending = pooled.pending.get(message.id);
      if (!pending) return;
      if (message.error === undefined) pending.resolve(message);
      else pending.reject(new Error(message.error));
    });
    const fail = (error: Error) => {
      for (const pending of pooled.pending.values()) pending.reject(error);
      pooled.pending.clear();
      const index = this.workers.indexOf(pooled);
      if (index >= 0) this.workers.splice(index, 1);
      this.waiting.shift()?.();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The forecast worker exited (code ${code})`)));
    this.workers.push(pooled);
    return pooled;
  }
}
