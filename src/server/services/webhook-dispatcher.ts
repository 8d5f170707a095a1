import type { LiveEvent, NewLiveEvent } from '../../shared/events.schema.js';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryEventType,
  type WebhookEventPayload,
  type WebhookEventType,
} from '../../shared/webhook.schema.js';
import { newId } from '../db/ids.js';
import type { WebhookDeliveryRow } from '../db/schema.js';
import type { WebhookMetrics } from '../integrations/webhook-metrics.js';
import type { AppJobDefinitions } from '../jobs/job-definitions.js';
import type { JobQueue } from '../jobs/job-types.js';
import type { EventBus } from '../realtime/event-bus.js';
import type { Repositories } from '../repositories/index.js';

const SUBSCRIBABLE = new Set<string>(WEBHOOK_EVENT_TYPES);

/** The job whose own completion and failure events must not become webhook deliveries (a loop). */
const DELIVERY_JOB = 'webhook.deliver';

/**
 * Store a delivery of one event to one webhook and queue the `webhook.deliver` job that sends it. The
 * row exists before the job, so a delivery the queue never accepted is still visible, marked failed.
 *
 * @example
 * const delivery = await queueDelivery({ repos, queue, now }, { businessId, webhookId, event });
 */
export async function queueDelivery(
  deps: { repos: Repositories; queue: JobQueue<AppJobDefinitions>; now: () => Date },
  request: { businessId: string; webhookId: string; event: WebhookEventPayload; payload?: string },
): Promise<WebhookDeliveryRow> {
  const at = deps.now().toISOString();
  const row: WebhookDeliveryRow = {
    id: newId(),
    business_id: request.businessId,
    webhook_id: request.webhookId,
    event_type: request.event.type,
    event_id: request.event.id,
    payload: request.payload ?? JSON.stringify(request.event),
    status: 'pending',
    attempts: 0,
    last_status_code: null,
    last_error: null,
    last_duration_ms: null,
    response_headers: null,
    next_attempt_at: null,
    created_at: at,
    updated_at: at,
    delivered_at: null,
  };
  await deps.repos.webhookDeliveries.insert(row);
  try {
    await deps.queue.enqueue({
      name: 'webhook.deliver',
      businessId: request.businessId,
      payload: { delivery_id: row.id },
    });
  } catch (error) {
    const lastError = `Could not queue the delivery: ${error instanceof Error ? error.message : String(error)}`;
    await deps.repos.webhookDeliveries.update(request.businessId, row.id, {
      status: 'failed',
      last_error: lastError.slice(0, 1000),
      updated_at: deps.now().toISOString(),
    });
    throw error;
  }
  return row;
}

/** The body a receiver gets for an event: `{id, type, business_id, created_at, data}`. */
export function webhookEvent(
  type: WebhookDeliveryEventType,
  businessId: string,
  data: Record<string, unknown>,
  at: Date,
): WebhookEventPayload {
  return { id: newId(), type, business_id: businessId, created_at: at.toISOString(), data };
}

/**
 * The event bus the services publish to, with webhook dispatch in front. Each event a webhook subscribes
 * to becomes one delivery per webhook, created in the process that emitted the event. Dispatching here,
 * on the publishing side, and not in a bus subscriber is what makes it exactly once in scale-out: the
 * Redis bus hands every event to every instance, and each would dispatch it.
 */
export class WebhookDispatcher implements EventBus {
  constructor(
    private readonly bus: EventBus,
    private readonly deps: {
      repos: Repositories;
      queue: JobQueue<AppJobDefinitions>;
      now: () => Date;
      metrics: WebhookMetrics;
    },
  ) {}

  get kind(): EventBus['kind'] {
    return this.bus.kind;
  }

  emit(event: NewLiveEvent): void {
    this.bus.emit(event);
    void this.dispatch(event);
  }

  async publish(event: NewLiveEvent): Promise<LiveEvent> {
    const published = await this.bus.publish(event);
    void this.dispatch(event);
    return published;
  }

  subscribe(...args: Parameters<EventBus['subscribe']>): ReturnType<EventBus['subscribe']> {
    return this.bus.subscribe(...args);
  }

  close(): Promise<void> {
    return this.bus.close();
  }

  /**
   * Create the deliveries for one event; resolves when they are queued. Never rejects: a failure is
   * counted (`mcc_webhook_dispatch_failures_total`) and must not break the change that emitted the event.
   */
  async dispatch(event: NewLiveEvent): Promise<number> {
    if (!SUBSCRIBABLE.has(event.type)) return 0;
    if ((event.type === 'job.completed' || event.type === 'job.failed') && event.data.name === DELIVERY_JOB) {
      return 0;
    }
    try {
      const webhooks = await this.deps.repos.webhooks.listEnabled(event.business_id);
      const subscribed = webhooks.filter((webhook) =>
        (JSON.parse(webhook.events) as WebhookEventType[]).includes(event.type as WebhookEventType),
      );
      if (subscribed.length === 0) return 0;
      const payload = webhookEvent(
        event.type as WebhookEventType,
        event.business_id,
        event.data,
        this.deps.now(),
      );
      // One event id and one body for every webhook, so receivers behind several webhooks can deduplicate.
      const body = JSON.stringify(payload);
      for (const webhook of subscribed) {
        await queueDelivery(this.deps, {
          businessId: event.business_id,
          webhookId: webhook.id,
          event: payload,
          payload: body,
        });
      }
      return subscribed.length;
    } catch {
      this.deps.metrics.dispatchFailures.inc();
      return 0;
    }
  }
}
