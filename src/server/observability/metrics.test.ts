import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.js';

describe('createMetrics', () => {
  it('gives each app its own registry', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.telemetryEvents.inc({ type: 'error', name: 'client_error' });
    expect(await first.registry.getSingleMetricAsString('mcc_telemetry_events_total')).toContain(
      'mcc_telemetry_events_total{type="error",name="client_error"} 1',
    );
    expect(await second.registry.getSingleMetricAsString('mcc_telemetry_events_total')).not.toContain('} 1');
  });

  it('exports default process metrics with the mcc_ prefix', async () => {
    const text = await createMetrics().registry.metrics();
    expect(text).toContain('mcc_process_cpu_user_seconds_total');
    expect(text).toContain('mcc_nodejs_heap_size_used_bytes');
  });
});
