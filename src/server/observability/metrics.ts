import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prefix of every metric the app exports. */
export const METRIC_PREFIX = 'mcc_';

/** The app's metrics: one registry per app, so tests that build many apps never share counters. */
export interface AppMetrics {
  /** Later features (AI, jobs, webhooks) register their own metrics here. */
  readonly registry: Registry;
  readonly httpRequestDuration: Histogram<'route' | 'method' | 'status_code'>;
  readonly telemetryEvents: Counter<'type' | 'name'>;
  readonly webVitalValue: Histogram<'name'>;
}

// Web vitals mix units: CLS is a unitless score (thresholds 0.1 / 0.25), the rest are milliseconds
// (INP 200 / 500, FCP 1800 / 3000, LCP 2500 / 4000, TTFB 800 / 1800), so the buckets straddle both.
const WEB_VITAL_BUCKETS = [
  0.01, 0.05, 0.1, 0.25, 0.5, 1, 100, 200, 500, 800, 1000, 1800, 2500, 3000, 4000, 10_000,
];

/**
 * Create the registry, the default process metrics and the app's named metrics.
 *
 * @example
 * const metrics = createMetrics();
 * const text = await metrics.registry.metrics();
 */
export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: `${METRIC_PREFIX}http_request_duration_seconds`,
      help: 'HTTP request duration by route template, method and status code',
      labelNames: ['route', 'method', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    telemetryEvents: new Counter({
      name: `${METRIC_PREFIX}telemetry_events_total`,
      help: 'Browser telemetry events accepted, by type and name',
      labelNames: ['type', 'name'],
      registers: [registry],
    }),
    webVitalValue: new Histogram({
      name: `${METRIC_PREFIX}web_vital_value`,
      help: 'Core Web Vitals reported by browsers: milliseconds, except CLS (unitless)',
      labelNames: ['name'],
      buckets: WEB_VITAL_BUCKETS,
      registers: [registry],
    }),
  };
}
