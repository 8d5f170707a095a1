import { backoffDelayMs } from './backoff.js';

/** Whether the API answered the last time we tried. Only network failures flip it, never HTTP errors. */
export type Connectivity = 'reachable' | 'unreachable';

type Listener = () => void;

let status: Connectivity = 'reachable';
let attempt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<Listener>();

function publish(next: Connectivity): void {
  if (status === next) return;
  status = next;
  for (const listener of listeners) listener();
}

export function getConnectivity(): Connectivity {
  return status;
}

export function subscribeToConnectivity(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the API client when fetch itself throws: show the banner and poll until the server is back. */
export function reportUnreachable(): void {
  publish('unreachable');
  if (timer === undefined) scheduleProbe();
}

/** Called on any answer from the server, which proves it is reachable. */
export function reportReachable(): void {
  clearTimeout(timer);
  timer = undefined;
  attempt = 0;
  publish('reachable');
}

function scheduleProbe(): void {
  timer = setTimeout(probe, backoffDelayMs(attempt));
  attempt += 1;
}

async function probe(): Promise<void> {
  try {
    // Any HTTP answer means the process is up; /healthz is cheap and unauthenticated.
    await fetch('/healthz', { cache: 'no-store' });
    reportReachable();
  } catch {
    scheduleProbe();
  }
}

/** Resolves once the server is reachable again (at once if it is). */
export function whenReachable(): Promise<void> {
  if (status === 'reachable') return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = subscribeToConnectivity(() => {
      if (status !== 'reachable') return;
      unsubscribe();
      resolve();
    });
  });
}
