import { setImmediate as nextTurn } from 'node:timers/promises';

let tail: Promise<unknown> = Promise.resolve();

/**
 * Run CPU-bound `work` in a turn of the event loop of its own, one piece at a time. When many AI streams
 * finish together, checking each answer (parse, validate, enforce the rules: ~0.5 ms) back to back would
 * stall the loop for every other request; queued like this, the longest stall is one check.
 *
 * @example
 * const verdict = await inOwnTurn(() => check(answer));
 */
export function inOwnTurn<T>(work: () => T): Promise<T> {
  const run = tail.then(() => nextTurn()).then(work);
  tail = run.catch(() => undefined);
  return run;
}
