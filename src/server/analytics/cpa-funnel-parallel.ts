import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../module-worker.js';
import { CPA_CHUNK, type CpaFunnelResult, summariseCpa } from './cpa-funnel.js';

// The reference funnel split over worker threads: each fills its share of the chunks into one
// SharedArrayBuffer, then this thread selects the percentiles. The chunks' streams depend only on the
// seed and the chunk index, so the answer equals `simulateCpaFunnel` inline, digit for digit.

/**
 * A pool of warm worker threads for the reference funnel.
 *
 * @example
 * const pool = new CpaFunnelPool(2);
 * const result = await pool.run(1_000_000, 42);
 * await pool.close();
 */
export class CpaFunnelPool {
  private readonly workers: Worker[];
  private nextId = 1;

  constructor(size: number) {
    this.workers = Array.from({ length: Math.max(1, size) }, () =>
      startModuleWorker(new URL('./cpa-funnel.worker.js', import.meta.url)),
    );
  }

  /** Run `trials` with `seed`, chunks dealt round-robin to the workers. */
  async run(trials: number, seed: number): Promise<CpaFunnelResult> {
    const buffer = new SharedArrayBuffer(trials * Float64Array.BYTES_PER_ELEMENT);
    const chunkCount = Math.ceil(trials / CPA_CHUNK);
    const sums = await Promise.all(
      this.workers.map((worker, index) => {
        const chunks: number[] = [];
        for (let chunk = index; chunk < chunkCount; chunk += this.workers.length) chunks.push(chunk);
        const id = this.nextId++;
        return new Promise<number>((resolve, reject) => {
          const onMessage = (message: { id: number; sum: number }) => {
            if (message.id !== id) return;
            worker.off('message', onMessage);
            worker.off('error', reject);
            resolve(message.sum);
          };
          worker.on('message', onMessage);
          worker.once('error', reject);
          worker.postMessage({ id, buffer, trials, seed, chunks, chunkSize: CPA_CHUNK });
        });
      }),
    );
    return summariseCpa(
      new Float64Array(buffer),
      sums.reduce((a, b) => a + b, 0),
    );
  }

  /** Stop the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
