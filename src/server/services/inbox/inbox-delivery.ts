import type { ConversationRow, MessageRow } from '#server/db/schema.js';
import { toPublishResult } from '#server/integrations/connectors/webhook-connector.js';
import type { OutboundGuard } from '#server/integrations/outbound-guard.js';
import { deliverSigned } from '#server/integrations/signed-delivery.js';
import type { Repositories } from '#server/repositories/index.js';
import { webhookSettingsSchema } from '#shared/connector.schema.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { type NetworkReplyDeps, replyThroughNetwork } from '../networks/network-reply.js';
import { connectorCredentials } from '../publishing/connector.service.js';
import { pickConnector } from '../publishing/publishing.service.js';

// A reply goes out through the workspace's outbound connector, the same signed webhook that publishes
// its content: one POST with `X-MCC-Event: message.reply`, so the receiver (Zapier, n8n, the user's own
// code) posts it on the channel. The outcome is recorded on the message as its delivery status.

/** The `X-MCC-Event` of a reply. */
export const REPLY_EVENT = 'message.reply';

/** What sending a reply needs. */
export interface ReplyDeliveryDeps {
  repos: Repositories;
  /** The publishing connectors' secret box (their signing secrets). */
  connectorSecrets: SecretBox;
  guard: OutboundGuard;
  timeoutMs: number;
  now: () => Date;
  /** Replies on a channel with a connected network account go through it. */
  networkReplies?: Omit<NetworkReplyDeps, 'repos'>;
}

/** How a send went: `sent`, or `failed` with the reason shown in the thread. */
export type ReplyDeliveryResult = { status: 'sent' } | { status: 'failed'; error: string };

/**
 * POST a stored outbound message to the connector that serves its channel, and record the outcome on it.
 *
 * @example
 * const result = await deliverReply(deps, conversation, message, inReplyTo);
 * if (result.status === 'failed') console.log(result.error);
 */
export async function deliverReply(
  deps: ReplyDeliveryDeps,
  conversation: ConversationRow,
  message: MessageRow,
  inReplyTo: string | null,
): Promise<ReplyDeliveryResult> {
  const native = deps.networkReplies
    ? await replyThroughNetwork(
        { ...deps.networkReplies, repos: deps.repos },
        conversation,
        message,
        inReplyTo,
      )
    : undefined;
  const result = native ?? (await send(deps, conversation, message, inReplyTo));
  await deps.repos.messages.update(message.business_id, message.id, {
    delivery_status: result.status,
    delivery_error: result.status === 'failed' ? result.error.slice(0, 2000) : null,
    ...(native?.status === 'sent' ? { external_id: native.remoteId.slice(0, 200) } : {}),
  });
  return result.status === 'sent' ? { status: 'sent' } : { status: 'failed', error: result.error };
}

async function send(
  deps: ReplyDeliveryDeps,
  conversation: ConversationRow,
  message: MessageRow,
  inReplyTo: string | null,
): Promise<ReplyDeliveryResult> {
  const connectors = await deps.repos.connectors.listEnabled(message.business_id);
  const row = pickConnector(connectors, conversation.channel);
  if (!row) {
    return {
      status: 'failed',
      error: `No connector is set up for ${conversation.channel}: add one in the workspace settings, then send again`,
    };
  }
  try {
    const credentials = connectorCredentials(row, deps.connectorSecrets);
    const settings = webhookSettingsSchema.parse(credentials.settings);
    const outcome = await deliverSigned({
      url: settings.url,
      secret: credentials.secret,
      body: JSON.stringify(replyPayload(conversation, message, inReplyTo, deps.now())),
      headers: { 'x-mcc-event': REPLY_EVENT, 'idempotency-key': message.id },
      timeoutMs: deps.timeoutMs,
      now: deps.now,
      guard: deps.guard,
    });
    const result = toPublishResult(outcome);
    return result.ok ? { status: 'sent' } : { status: 'failed', error: result.failure.message };
  } catch (error) {
    return { status: 'failed', error: `The reply could not be sent: ${(error as Error).message}` };
  }
}

/** The JSON a receiver gets: the reply and who it is for. */
export function replyPayload(
  conversation: ConversationRow,
  message: MessageRow,
  inReplyTo: string | null,
  now: Date,
): object {
  return {
    type: REPLY_EVENT,
    id: message.id,
    business_id: message.business_id,
    conversation_id: conversation.id,
    channel: conversation.channel,
    customer: {
      external_id: conversation.customer_external_id,
      name: conversation.customer_name,
      handle: conversation.customer_handle,
    },
    in_reply_to: inReplyTo,
    // `direct`: the customer wrote privately (a DM); the receiver should answer privately too.
    visibility: message.visibility,
    body: message.body,
    sent_at: now.toISOString(),
  };
}
