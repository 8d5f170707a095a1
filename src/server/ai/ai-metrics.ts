import { Counter, Histogram, type Registry } from 'prom-client';

type CallLabels = 'provider' | 'model' | 'task' | 'outcome';

/** Prometheus mirrors of the AI ledger. */
export interface AiMetrics {
  calls: Counter<CallLabels>;
  tokens: Counter<'provider' | 'model' | 'task' | 'kind'>;
  costUsd: Counter<'provider' | 'model' | 'task'>;
  duration: Histogram<CallLabels>;
  cacheHits: Counter<'task'>;
  cacheErrors: Counter;
}

/** Register the AI metrics on the app's registry. */
export function createAiMetrics(registry: Registry): AiMetrics {
  const registers = [registry];
  return {
    calls: new Counter({
      name: 'mcc_ai_calls_total',
      help: 'AI calls by provider, model, task and outcome (ok, error, cached, budget_exceeded, cancelled)',
      labelNames: ['provider', 'model', 'task', 'outcome'],
      registers,
    }),
    tokens: new Counter({
      name: 'mcc_ai_tokens_total',
      help: 'AI tokens by provider, model, task and kind (prompt or completion)',
      labelNames: ['provider', 'model', 'task', 'kind'],
      registers,
    }),
    costUsd: new Counter({
      name: 'mcc_ai_cost_usd_total',
      help: 'AI spend in US dollars by provider, model and task',
      labelNames: ['provider', 'model', 'task'],
      registers,
    }),
    duration: new Histogram({
      name: 'mcc_ai_call_duration_seconds',
      help: 'AI call duration, retries included',
      labelNames: ['provider', 'model', 'task', 'outcome'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 40, 80],
      registers,
    }),
    cacheHits: new Counter({
      name: 'mcc_ai_cache_hits_total',
      help: 'AI answers served from the response cache, by task',
      labelNames: ['task'],
      registers,
    }),
    cacheErrors: new Counter({
      name: 'mcc_ai_cache_errors_total',
      help: 'Response cache reads and writes that failed (Redis away); each read counts as a miss',
      registers,
    }),
  };
}
