import { Gauge, type Registry } from 'prom-client';
import { METRIC_PREFIX } from './metrics.js';

/** Something the app needs that answers a ping: the database, Redis. */
export interface Pingable {
  ping(): Promise<void>;
}

/**
 * `mcc_dependency_up{dependency}`: 1 when the dependency answered a ping within `timeoutMs` at scrape
 * time, else 0. Dashboards and the alert rules see a database or Redis outage from every instance,
 * including workers, which have no /readyz.
 *
 * @example
 * createDependencyGauge(metrics.registry, { database, redis: jobQueue });
 */
export function createDependencyGauge(
  registry: Registry,
  dependencies: Record<string, Pingable>,
  timeoutMs = 1_000,
): Gauge<'dependency'> {
  return new Gauge({
    name: `${METRIC_PREFIX}dependency_up`,
    help: 'Whether a dependency (database, redis) answered a ping at scrape time: 1 up, 0 down',
    labelNames: ['dependency'],
    registers: [registry],
    async collect() {
      const results = await Promise.all(
        Object.entries(dependencies).map(async ([name, target]) => [name, await answers(target, timeoutMs)]),
      );
      for (const [name, up] of results) this.set({ dependency: String(name) }, up ? 1 : 0);
    },
  });
}

async function answers(target: Pingable, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([target.ping().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
