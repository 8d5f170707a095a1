import { API } from '#shared/api-paths.js';
import type { TelemetryBody } from '#shared/telemetry.schema.js';

/**
 * Posts one batch. While the page is being hidden only `sendBeacon` is sure to leave; otherwise a
 * keepalive fetch. Failures are swallowed: telemetry must never cause the errors it reports.
 */
export function sendTelemetry(body: TelemetryBody, { unloading }: { unloading: boolean }): void {
  const json = JSON.stringify(body);
  if (unloading && typeof navigator.sendBeacon === 'function') {
    if (navigator.sendBeacon(API.telemetry, new Blob([json], { type: 'application/json' }))) return;
  }
  fetch(API.telemetry, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: json,
    keepalive: true,
    credentials: 'same-origin',
  }).catch(() => undefined);
}
