import type { TelemetryBody, TelemetryEvent } from '#shared/telemetry.schema.js';

/** The API accepts at most this many events per request. */
export const MAX_BATCH = 20;
/** Events kept while waiting to send; beyond this, new ones are dropped rather than growing without bound. */
const MAX_BUFFERED = 100;

type Send = (body: TelemetryBody, options: { unloading: boolean }) => void;

/**
 * Collects events and sends them in batches: when a batch is full, after `delayMs` of quiet, or at once
 * when the page is hidden (`flush(true)`).
 */
export function createEventBuffer(send: Send, delayMs = 5000) {
  let events: TelemetryEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (unloading = false) => {
    clearTimeout(timer);
    timer = undefined;
    while (events.length > 0) {
      send({ events: events.slice(0, MAX_BATCH) }, { unloading });
      events = events.slice(MAX_BATCH);
    }
  };

  const add = (event: TelemetryEvent) => {
    if (events.length >= MAX_BUFFERED) return;
    events.push(event);
    if (events.length >= MAX_BATCH) flush();
    else timer ??= setTimeout(() => flush(), delayMs);
  };

  return { add, flush };
}
