import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The name libvips gives the threads that decode, resize and encode pixels (Linux `comm`). */
const IMAGE_THREAD_NAME = 'libvips worker';

/**
 * Runs libvips' pixel threads at a lower scheduling priority than the rest of the process, so that on a
 * small server the event loop gets a core as soon as it has work, instead of queueing behind renditions
 * being encoded. Measured on two cores with fifty uploads at once: the event loop's longest stalls were
 * mostly time spent runnable but waiting for a core held by these threads (docs/benchmarks.md, "Media").
 *
 * Linux schedules threads one by one, so a thread's nice value is its own: `setpriority` on a thread id
 * lowers only that thread. libvips starts its threads when it needs them, so the process's threads are
 * looked at again around each image job; a thread already lowered is skipped. Elsewhere (no `/proc`)
 * this does nothing. A nice value can only be raised without privileges, never lowered back, so 0 turns
 * it off rather than undoing it.
 */
export class ImageThreadPriority {
  private lowered = new Set<string>();

  /**
   * @param nice 1-19: how much lower than the event loop (10 gives the event loop about ten times the
   *   CPU share when both want the same core); 0 leaves every thread as it is.
   */
  constructor(
    private readonly nice: number,
    private readonly tasks = '/proc/self/task',
  ) {}

  /** Lower every libvips thread running now that is not lowered yet. */
  lowerImageThreads(): void {
    if (this.nice === 0) return;
    let threads: string[];
    try {
      // procfs answers from the kernel's memory: no disk behind these synchronous reads.
      threads = readdirSync(this.tasks);
    } catch {
      return;
    }
    const lowered = new Set<string>();
    for (const thread of threads) {
      if (this.lowered.has(thread)) {
        lowered.add(thread);
        continue;
      }
      if (this.threadName(thread) !== IMAGE_THREAD_NAME) continue;
      try {
        setPriority(Number(thread), this.nice);
        lowered.add(thread);
      } catch {
        // The thread ended between the listing and now.
      }
    }
    // Only threads still alive are remembered, so a thread id the kernel gives again later is looked at again.
    this.lowered = lowered;
  }

  private threadName(thread: string): string | undefined {
    try {
      return readFileSync(`${this.tasks}/${thread}/comm`, 'utf8').trim();
    } catch {
      return undefined;
    }
  }
}
