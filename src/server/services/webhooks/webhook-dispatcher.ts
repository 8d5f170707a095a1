import { newId } from '#server/db/ids.js';
import type { WebhookDeliveryRow, WebhookOutboxRow } from '#server/db/schema.js';
import type { WebhookMetrics } from '#server/integrations/webhook-metrics.js';
import type { EventBus } from '#server/realtime/event-bus.js';
import type { Repositories } from '#server/repositories/index.js';
import type { LiveEvent, NewLiveEvent } from '#shared/events.schema.js';
import {
  WEBHOOK_EVENT_TYPES,
  type WebhookDeliveryEventType,
  type WebhookEventPayload,
  type WebhookEventType,
} from '#shared/webhook.schema.js';
import type { ChangeEvents } from '../common/change-events.js';
import type { WebhookOutboxRelay } from './webhook-outbox-relay.js';

const SUBSCRIBABLE = new Set<string>(WEBHOOK_EVENT_TYPES);

/** The job whose own completion and failure events must not become webhook deliveries (a loop). */
const DELIVERY_JOB = 'webhook.deliver';

/**
 * Store a delivery of one event to one webhook, with its outbox entry, in one transaction, then queue
 * its `webhook.deliver` job. Answers once the job is queued, or left for the outbox sweep if the queue
 * is down: either way the delivery is sent.
 *
 * @example
 * const delivery = await queueDelivery({ repos, relay, now }, { businessId, webhookId, event });
 */
export async function queueDelivery(
  deps: { repos: Repositories; relay: WebhookOutboxRelay; now: () => Date },
  request: { businessId: string; webhookId: string; event: WebhookEventPayload; payload?: string },
): Promise<WebhookDeliveryRow> {
  const row = deliveryRow(request, deps.now().toISOString());
  const entry = outboxEntry(row);
  await deps.repos.transaction(async (trx) => {
    await trx.webhookDeliveries.insert(row);
    await trx.webhookDeliveries.addToOutbox([entry]);
  });
  await deps.relay.relay([entry]);
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
 *
 * Deliveries go through an outbox: `emitWithin` writes them in the transaction of the change, and they
 * are relayed (their send jobs queued) after the commit; a crash in between leaves them in the outbox for
 * the relay's sweep, so no committed change loses its deliveries.
 */
export class WebhookDispatcher implements EventBus, ChangeEvents {
  constructor(
    private readonly bus: EventBus,
    private readonly deps: {
      repos: Repositories;
      relay: WebhookOutboxRelay;
      now: () => Date;
      metrics: WebhookMetrics;
    },
  ) {}

  get kind(): EventBus['kind'] {
    return this.bus.kind;
  }

  async emitWithin(trx: Repositories, event: NewLiveEvent): Promise<void> {
    const entries = await this.stage(trx, event);
    trx.afterCommit(() => {
      this.bus.emit(event);
      void this.deps.relay.relay(entries);
    });
  }

  /** Live at once; deliveries in a transaction of their own (for changes made outside any transaction). */
  emit(event: NewLiveEvent): void {
    this.bus.emit(event);
    void this.dispatch(event);
  }

  /** Resolves once the deliveries are stored (a job's completion is only recorded after that). */
  async publish(event: NewLiveEvent): Promise<LiveEvent> {
    await this.dispatch(event);
    return this.bus.publish(event);
  }

  subscribe(...args: Parameters<EventBus['subscribe']>): ReturnType<EventBus['subscribe']> {
    return this.bus.subscribe(...args);
  }

  close(): Promise<void> {
    return this.bus.close();
  }

  /**
   * Store the deliveries for one event now, and return what tells everyone else: emit it live and relay
   * the deliveries. For a job's outcome: the deliveries are stored before the queue records the job as
   * finished (a crash in between cannot lose them; the outbox sweep relays them), and the event goes out
   * once the job's new state is stored, so whoever reads the job on hearing of it reads that state.
   * Never rejects (a failure is counted, as in `dispatch`).
   */
  async stageForLater(event: NewLiveEvent): Promise<() => void> {
    let entries: WebhookOutboxRow[] = [];
    if (mayBeDelivered(event)) {
      try {
        entries = await this.deps.repos.transaction((trx) => this.stage(trx, event));
      } catch {
        this.deps.metrics.dispatchFailures.inc();
      }
    }
    return () => {
      this.bus.emit(event);
      void this.deps.relay.relay(entries);
    };
  }

  /**
   * Store and relay the deliveries for one event outside any caller's transaction; resolves with how
   * many once they are stored. Never rejects: a failure is counted (`mcc_webhook_dispatch_failures_total`)
   * and must not break the change that emitted the event.
   */
  async dispatch(event: NewLiveEvent): Promise<number> {
    if (!mayBeDelivered(event)) return 0;
    try {
      const entries = await this.deps.repos.transaction((trx) => this.stage(trx, event));
      void this.deps.relay.relay(entries);
      return entries.length;
    } catch {
      this.deps.metrics.dispatchFailures.inc();
      return 0;
    }
  }

  /** Write one delivery per subscribed, enabled webhook, with its outbox entry, in `trx`. */
  private async stage(trx: Repositories, event: NewLiveEvent): Promise<WebhookOutboxRow[]> {
    if (!mayBeDelivered(event)) return [];
    const webhooks = await trx.webhooks.listEnabled(event.business_id);
    const subscribed = webhooks.filter((webhook) =>
      (JSON.parse(webhook.events) as WebhookEventType[]).includes(event.type as WebhookEventType),
    );
    if (subscribed.length === 0) return [];
    const payload = webhookEvent(
      event.type as WebhookEventType,
      event.business_id,
      event.data,
      this.deps.now(),
    );
    // One event id and one body for every webhook, so receivers behind several webhooks can deduplicate.
    const body = JSON.stringify(payload);
    const at = this.deps.now().toISOString();
    const rows = subscribed.map((webhook) =>
      deliveryRow(
        { businessId: event.business_id, webhookId: webhook.id, event: payload, payload: body },
        at,
      ),
    );
    for (const row of rows) await trx.webhookDeliveries.insert(row);
    const entries = rows.map(outboxEntry);
    await trx.webhookDeliveries.addToOutbox(entries);
    return entries;
  }
}

/** Whether a webhook may subscribe to the event (not the delivery job's own end: that would loop). */
function mayBeDelivered(event: NewLiveEvent): boolean {
  if (!SUBSCRIBABLE.has(event.type)) return false;
  const jobEnd = event.type === 'job.completed' || event.type === 'job.failed';
  return !(jobEnd && event.data.name === DELIVERY_JOB);
}

/** A delivery not tried yet. */
function deliveryRow(
  request: { businessId: string; webhookId: string; event: WebhookEventPayload; payload?: string },
  at: string,
): WebhookDeliveryRow {
  return {
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
}

function outboxEntry(row: WebhookDeliveryRow): WebhookOutboxRow {
  return { delivery_id: row.id, business_id: row.business_id, created_at: row.created_at };
}
