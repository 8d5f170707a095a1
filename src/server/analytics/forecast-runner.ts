import type { Worker } from 'node:worker_threads';
import { runForecast } from './forecast.js';
import type { ForecastInput, ForecastOutput } from './forecast-types.js';
import { startModuleWorker } from './worker-entry.js';

// Large forecasts run on worker threads so the event loop keeps answering other requests; small ones
// run inline, where a thread's start-up would cost more than the run. Both call the same `runForecast`
// with the same seed, so where a run happens never changes its answer.

/** Where a run happened, for the response and the tests. */
export type RanIn = 'inline' | 'worker';

/** Options of a ForecastRunner. */
export interface ForecastRunnerOptions {
  /** Runs with more trials than this go to a worker (default 50,000). */
  inlineMaxTrials?: number;
  /** At most this many worker threads (default 2); further runs wait for one. */
  maxWorkers?: number;
  /** An idle worker exits after this long (default 30 s). */
  idleMs?: number;
}

interface Pending {
  resolve: (output: ForecastOutput) => void;
  reject: (error: Error) => void;
}

interface PooledWorker {
  worker: Worker;
  busy: boolean;
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

  /** Run `input`, on a worker when it is large. */
  async run(input: ForecastInput): Promise<{ output: ForecastOutput; ranIn: RanIn }> {
    if (input.trials <= this.inlineMaxTrials) return { output: runForecast(input), ranIn: 'inline' };
    return { output: await this.runOnWorker(input), ranIn: 'worker' };
  }

  /** Run `input` on a worker thread whatever its size. */
  async runOnWorker(input: ForecastInput): Promise<ForecastOutput> {
    const pooled = await this.acquire();
    const id = this.nextId++;
    try {
      return await new Promise<ForecastOutput>((resolve, reject) => {
        pooled.pending.set(id, { resolve, reject });
        pooled.worker.postMessage({ id, input });
      });
    } finally {
      pooled.pending.delete(id);
      this.release(pooled);
    }
  }

  /** Stop every worker (runs in flight fail). */
  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((pooled) => pooled.worker.terminate()));
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
    const pooled: PooledWorker = { worker, busy: false, idleTimer: undefined, pending: new Map() };
    worker.on('message', (message: { id: number; output?: ForecastOutput; error?: string }) => {
      const pending = pooled.pending.get(message.id);
      if (!pending) return;
      if (message.output) pending.resolve(message.output);
      else pending.reject(new Error(message.error ?? 'The forecast worker failed'));
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
