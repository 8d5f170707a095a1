import type { EventPublisher } from '#server/realtime/event-bus.js';
import type { Repositories } from '#server/repositories/index.js';
import type { NewLiveEvent } from '#shared/events.schema.js';

/**
 * How services announce a change: live to open browsers, and to the workspace's webhooks without ever
 * losing a delivery (implemented by `WebhookDispatcher`).
 */
export interface ChangeEvents extends EventPublisher {
  /**
   * Announce `event` as part of the transaction `trx` writes in: its webhook deliveries are written there,
   * so they commit or roll back with the change; the live event and the queueing of the deliveries follow
   * the commit.
   *
   * @example
   * await repos.transaction(async (trx) => {
   *   await trx.contentItems.insert(row);
   *   await events.emitWithin(trx, { type: 'content.changed', business_id, data });
   * });
   */
  emitWithin(trx: Repositories, event: NewLiveEvent): Promise<void>;
}

/** For services built without live updates or webhooks (unit tests, the CLI). */
export const NO_EVENTS: ChangeEvents = {
  emit() {},
  async emitWithin() {},
};
