import { performance } from 'node:perf_hooks';
import type { ContentItemRow, NetworkAccountRow } from '#server/db/schema.js';
import type { PublishResult } from '#server/integrations/connectors/index.js';
import type { NetworkRegistry } from '#server/integrations/networks/index.js';
import type { ObjectStore } from '#server/integrations/storage/object-store.js';
import type { Repositories } from '#server/repositories/index.js';
import { composePost } from '#shared/channels.js';
import { NETWORK_NAMES } from '#shared/network.schema.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { AccountRateGate } from './account-rate-gate.js';
import { type MediaUrlOf, networkMediaOf } from './network-media.js';
import { type SessionDeps, sessionOf } from './network-session.js';

/** What publishing through a connected account needs. */
export interface NetworkPublisherDeps {
  repos: Repositories;
  networks: NetworkRegistry;
  /** The network accounts' tokens. */
  secretBox: SecretBox;
  store: ObjectStore;
  /**
   * Public signed addresses of the files, for networks that fetch media by URL (Instagram, Threads, Pinterest,
   * Google Business Profile); absent without PUBLIC_URL.
   */
  mediaUrl?: MediaUrlOf;
  now: () => Date;
  /** The OAuth app an account's tokens renew with (network-session.ts). */
  oauthApps?: SessionDeps['oauthApps'];
  /** Keeps each account's calls in line with its rate limit; one per process by default. */
  gate?: AccountRateGate;
}

/**
 * Publishes one scheduled item through a connected network account, in the connector's terms so the
 * publisher records it like any attempt. Each part of a thread is stored the moment the network accepts
 * it, and a retry sends only the parts not stored yet, with the same idempotency key per part, so a
 * retry after a lost answer never posts twice. A refused token marks the account for reconnecting.
 *
 * @example
 * const result = await publisher.publish(row, scheduledAt, account);
 */
export class NetworkPublisher {
  private readonly gate: AccountRateGate;

  constructor(private readonly deps: NetworkPublisherDeps) {
    this.gate = deps.gate ?? new AccountRateGate(deps.now);
  }

  async publish(
    row: ContentItemRow,
    scheduledAt: string,
    account: NetworkAccountRow,
  ): Promise<PublishResult> {
    const started = performance.now();
    // One call per account at a time, and none while the network's rate limit holds the account.
    const gated = await this.gate.run(
      account.id,
      () => this.send(row, scheduledAt, account),
      (result) => (!result.ok && result.failure.kind === 'retryable' ? result.failure.retryAt : null),
    );
    const durationMs = Math.round(performance.now() - started);
    if (!gated.ran) {
      return {
        ok: false,
        statusCode: null,
        durationMs,
        responseHeaders: null,
        failure: {
          kind: 'retryable',
          message: `Not sent yet: ${NETWORK_NAMES[account.network]} limits this account until ${gated.until.toISOString()}; it goes out then`,
          retryAt: gated.until,
          notSent: true,
        },
      };
    }
    const result = gated.value;
    if (result.ok) {
      const first = result.value.find((part) => part.position === 0);
      return {
        ok: true,
        statusCode: 200,
        durationMs,
        responseHeaders: null,
        externalId: first?.remoteId ?? null,
        externalUrl: first?.url ?? null,
      };
    }
    const { failure } = result;
    if (failure.kind === 'auth_expired') await this.needsReconnect(account, failure.message);
    return {
      ok: false,
      statusCode: failure.statusCode,
      durationMs,
      responseHeaders: null,
      failure: { kind: failure.kind, message: failure.message, retryAt: failure.retryAt },
    };
  }

  private async send(row: ContentItemRow, scheduledAt: string, account: NetworkAccountRow) {
    const { repos } = this.deps;
    const businessId = row.business_id;
    const stored = await repos.networkPosts.forSchedule(businessId, row.id, scheduledAt);
    return this.deps.networks[account.network].publish(await sessionOf(account, this.deps), {
      parts: [
        composePost(row.body, JSON.parse(row.hashtags) as string[]),
        ...(JSON.parse(row.thread) as string[]),
      ],
      media: (limits) =>
        networkMediaOf(repos, this.deps.store, businessId, row.id, row.channel, limits, this.deps.mediaUrl),
      title: row.title || null,
      firstComment: null,
      idempotencyKey: `${row.id}@${scheduledAt}`,
      dueAt: scheduledAt,
      published: stored.map((post) => ({
        position: post.position,
        remoteId: post.remote_id,
        url: post.url,
      })),
      onPublished: (part) =>
        repos.networkPosts.insert({
          business_id: businessId,
          content_item_id: row.id,
          scheduled_at: scheduledAt,
          position: part.position,
          account_id: account.id,
          network: account.network,
          remote_id: part.remoteId,
          url: part.url,
          metrics_read_at: null,
          created_at: this.deps.now().toISOString(),
        }),
    });
  }

  private async needsReconnect(account: NetworkAccountRow, reason: string): Promise<void> {
    const at = this.deps.now().toISOString();
    await this.deps.repos.networkAccounts.update(account.business_id, account.id, {
      status: 'needs_reconnect',
      last_error: reason.slice(0, 2000),
      checked_at: at,
      updated_at: at,
    });
  }
}
