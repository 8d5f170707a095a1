import { setTimeout as delay } from 'node:timers/promises';
import type { NetworkResult } from './provider.js';

// After a video is uploaded, X, LinkedIn and Pinterest process it before a post may carry it; each is
// asked until it says the video is ready or failed. The wait between looks is the network's own hint
// where it gives one (X's `check_after_secs`), bounded by a total budget: past it the attempt fails as
// retryable (the network is slow, the post is not wrong), and the job's retry uploads again.

/** What a network said of an uploaded video. */
export interface ProcessingLook {
  state: 'processing' | 'ready' | 'failed';
  /** The network's reason for a failure, in its words. */
  message: string | null;
  /** When to look again, when the network says (X's `check_after_secs`). */
  afterMs: number | null;
}

/** How long to wait; tests replace `wait` with one that moves a fake clock. */
export interface ProcessingWait {
  /** Test seam: resolves after `ms` (real timers otherwise). */
  wait?: (ms: number) => Promise<void>;
  /** Between looks when the network gives no hint. */
  pollMs?: number;
  /** Most waiting in all before giving up for this attempt. */
  budgetMs?: number;
}

/** Ten minutes: X and LinkedIn process a long video in a few minutes at most. */
const DEFAULT_BUDGET_MS = 10 * 60_000;
const DEFAULT_POLL_MS = 5_000;

/**
 * Looks at an uploaded video until it is ready; a failure in processing is the network refusing the file.
 * @example
 * await untilProcessed('X', { wait }, () => status(mediaId));
 */
export async function untilProcessed(
  network: string,
  options: ProcessingWait,
  look: () => Promise<NetworkResult<ProcessingLook>>,
): Promise<NetworkResult<void>> {
  const wait = options.wait ?? ((ms: number) => delay(ms));
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  let waited = 0;
  for (;;) {
    const seen = await look();
    if (!seen.ok) return seen;
    const { state, message, afterMs } = seen.value;
    if (state === 'ready') return { ok: true, value: undefined };
    if (state === 'failed') {
      return {
        ok: false,
        failure: {
          kind: 'rejected',
          message: `${network} could not process the video${message ? `: ${message}` : ''}`,
          statusCode: null,
          retryAt: null,
        },
      };
    }
    const pause = Math.max(1_000, afterMs ?? options.pollMs ?? DEFAULT_POLL_MS);
    if (waited + pause > budget) {
      return {
        ok: false,
        failure: {
          kind: 'retryable',
          message: `${network} was still processing the video; it will be tried again`,
          statusCode: null,
          retryAt: null,
        },
      };
    }
    await wait(pause);
    waited += pause;
  }
}

/**
 * Inclusive byte ranges of `size` bytes in parts of `partBytes` (the last may be shorter).
 * @example byteParts(10, 4) // [{start:0,end:3},{start:4,end:7},{start:8,end:9}]
 */
export function byteParts(size: number, partBytes: number): Array<{ start: number; end: number }> {
  const parts: Array<{ start: number; end: number }> = [];
  for (let start = 0; start < size; start += partBytes) {
    parts.push({ start, end: Math.min(size, start + partBytes) - 1 });
  }
  return parts;
}
