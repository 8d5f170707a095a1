import type { Metric } from 'web-vitals';
import type { TelemetryEvent } from '#shared/telemetry.schema.js';
import { sendTelemetry } from './api/send-telemetry.js';
import { createEventBuffer } from './event-buffer.js';
import { pageName } from './page-name.js';

/** A page stuck in an error loop should not flood the server: report the first few only. */
const MAX_ERRORS_PER_PAGE_LOAD = 10;

/**
 * Reports Core Web Vitals and uncaught errors to `/api/telemetry`, batched, flushed when the page is hidden.
 * Call once at startup.
 */
export function startTelemetry(): void {
  const buffer = createEventBuffer(sendTelemetry);
  let errorsReported = 0;

  const reportVital = (metric: Metric) =>
    buffer.add({
      type: 'web-vital',
      name: metric.name,
      value: Math.min(Math.max(metric.value, 0), 600_000),
      rating: metric.rating,
      page: pageName(location.pathname),
    });
  // Loaded after the app, off the first page's critical path (test/deploy/web-budgets.test.ts): the
  // browser buffers the paint and navigation entries, so vitals observed late are still the page's own.
  void import('web-vitals').then(({ onCLS, onFCP, onINP, onLCP, onTTFB }) => {
    onCLS(reportVital);
    onFCP(reportVital);
    onINP(reportVital);
    onLCP(reportVital);
    onTTFB(reportVital);
  });

  const reportError = (error: unknown, fallbackMessage: string) => {
    if (errorsReported++ >= MAX_ERRORS_PER_PAGE_LOAD) return;
    buffer.add(toErrorEvent(error, fallbackMessage));
  };
  addEventListener('error', (event) => reportError(event.error, event.message));
  addEventListener('unhandledrejection', (event) => reportError(event.reason, 'Unhandled promise rejection'));

  addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') buffer.flush(true);
  });
}

function toErrorEvent(error: unknown, fallbackMessage: string): TelemetryEvent {
  const message =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error ?? fallbackMessage);
  const stack = error instanceof Error ? error.stack : undefined;
  return {
    type: 'error',
    message: (message || fallbackMessage).slice(0, 1000),
    ...(stack ? { stack: stack.slice(0, 4000) } : {}),
    page: pageName(location.pathname),
  };
}
