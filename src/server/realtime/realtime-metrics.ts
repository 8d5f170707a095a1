import { Counter, Gauge, type Registry } from 'prom-client';
import { METRIC_PREFIX } from '../observability/metrics.js';

/** `mcc_ws_connections`: WebSockets open on this instance at `/api/ws`. */
export function createConnectionGauge(registry: Registry): Gauge {
  return new Gauge({
    name: `${METRIC_PREFIX}ws_connections`,
    help: 'Open live-update WebSocket connections on this instance',
    registers: [registry],
  });
}

/** `mcc_realtime_errors_total`: failed publishes, Redis connection errors, malformed messages. */
export function createBusErrorCounter(registry: Registry): Counter {
  return new Counter({
    name: `${METRIC_PREFIX}realtime_errors_total`,
    help: 'Live-update bus errors: failed publishes, Redis connection errors, malformed messages',
    registers: [registry],
  });
}
