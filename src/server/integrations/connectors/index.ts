import type { ConnectorKind } from '#shared/connector.schema.js';
import type { PublishingConnector } from './connector.js';
import { createWebhookConnector, type WebhookConnectorDeps } from './webhook-connector.js';

export type {
  ConnectorCredentials,
  ConnectorFailureKind,
  PublishableItem,
  PublishableMedia,
  PublishContext,
  PublishingConnector,
  PublishResult,
  SettingsCheck,
} from './connector.js';

/** One connector per kind; a native network connector adds its kind to CONNECTOR_KINDS and an entry here. */
export type ConnectorRegistry = Record<ConnectorKind, PublishingConnector>;

/** What the connectors share: the outbound guard, the request timeout, the clock. */
export type ConnectorDeps = WebhookConnectorDeps;

/** How long one publish or test request may take, redirects included, unless configured otherwise. */
export const DEFAULT_CONNECTOR_TIMEOUT_MS = 10_000;

/**
 * Every connector kind the app can publish through.
 *
 * @example
 * const connectors = createConnectorRegistry({ guard, timeoutMs: 10_000, now });
 * await connectors[row.kind].publish(item, context);
 */
export function createConnectorRegistry(deps: ConnectorDeps): ConnectorRegistry {
  return { webhook: createWebhookConnector(deps) as PublishingConnector };
}
