import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createDependencyGauge } from './dependency-metrics.js';

describe('createDependencyGauge', () => {
  it('reports each dependency up or down at scrape time, a hung one as down after the timeout', async () => {
    const registry = new Registry();
    let databaseUp = true;
    createDependencyGauge(
      registry,
      {
        database: { ping: async () => (databaseUp ? undefined : Promise.reject(new Error('ECONNREFUSED'))) },
        redis: { ping: () => new Promise<void>(() => {}) },
      },
      20,
    );
    const scrape = () => registry.getSingleMetricAsString('mcc_dependency_up');
    expect(await scrape()).toContain('mcc_dependency_up{dependency="database"} 1');
    expect(await scrape()).toContain('mcc_dependency_up{dependency="redis"} 0');
    databaseUp = false;
    expect(await scrape()).toContain('mcc_dependency_up{dependency="database"} 0');
  });
});
