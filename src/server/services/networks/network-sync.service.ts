import type { NetworkAccountRow } from '#server/db/schema.js';
import type { NetworkRegistry, NetworkSession } from '#server/integrations/networks/index.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { Repositories } from '#server/repositories/index.js';
import type { IngestResult } from '#shared/inbox.schema.js';
import { NETWORK_CHANNELS, type NetworkSyncResult } from '#shared/network.schema.js';
import type { Principal } from '../access/principal.js';
import type { SecretBox } from '../access/security/secret-box.js';
import type { ChangeEvents } from '../common/change-events.js';
import { announceReceived, queueClassification, storeInbound } from '../inbox/inbox-ingest.js';
import type { NetworkAccountService } from './network-account.service.js';
import { sessionOf } from './network-session.js';

/** Results are read for posts up to this old: seven days hourly, then thirty daily (issue 16). */
const MEASURED_DAYS = 37;
/** Posts measured per sync, oldest first; the rest wait for the next one. */
const POSTS_PER_SYNC = 200;
/** Pages of mentions read per sync (Mastodon: 40 a page). */
const MENTION_PAGES = 10;

/** What reading from the networks needs. */
export interface NetworkSyncDeps {
  repos: Repositories;
  networks: NetworkRegistry;
  secretBox: SecretBox;
  accounts: NetworkAccountService;
  queue: JobQueue<AppJobDefinitions>;
  events: ChangeEvents;
  now: () => Date;
}

/**
 * Reads back from a connected account: each published post's counts into the actual results (the
 * network as their source, on the day it was published: the network reports totals, not days), and
 * mentions and replies into the inbox through the same idempotent ingest as every other message.
 *
 * @example
 * const result = await sync.syncAccount(row); // { posts_measured: 3, messages_received: 1, problems: [] }
 */
export class NetworkSyncService {
  constructor(private readonly deps: NetworkSyncDeps) {}

  /** Read now, for a person who asked (owners and admins). */
  async sync(principal: Principal, accountId: string): Promise<NetworkSyncResult> {
    const { row } = await this.deps.accounts.load(principal, accountId);
    return this.syncAccount(row);
  }

  async syncAccount(account: NetworkAccountRow): Promise<NetworkSyncResult> {
    const problems: string[] = [];
    if (account.status !== 'connected') {
      return { posts_measured: 0, messages_received: 0, problems: ['The account needs reconnecting first'] };
    }
    const session = sessionOf(account, this.deps.secretBox);
    const measured = await this.readMetrics(account, session, problems);
    const received =
      problems.length > 0 && (await this.refused(account))
        ? 0
        : await this.readMentions(account, session, problems);
    return { posts_measured: measured, messages_received: received, problems };
  }

  private async readMetrics(account: NetworkAccountRow, session: NetworkSession, problems: string[]) {
    const { repos, now } = this.deps;
    const since = new Date(now().getTime() - MEASURED_DAYS * 86_400_000).toISOString();
    const posts = await repos.networkPosts.publishedSince(
      account.business_id,
      account.id,
      since,
      POSTS_PER_SYNC,
    );
    let measured = 0;
    for (const post of posts) {
      const read = await this.deps.networks[account.network].metrics(session, post.remote_id);
      if (!read.ok) {
        problems.push(read.failure.message);
        await this.noteFailure(account, read.failure.kind, read.failure.message);
        // A refused token or a rate limit will refuse the rest too: stop here, the next sync resumes.
        if (read.failure.kind === 'auth_expired' || read.failure.statusCode === 429) break;
        continue;
      }
      const counts = read.value;
      // The thread's own next part answers the post: the network counts it as a reply, we do not.
      const parts = await repos.networkPosts.forSchedule(
        account.business_id,
        post.content_item_id,
        post.scheduled_at,
      );
      const ownReplies = parts.some((part) => part.position === 1) ? 1 : 0;
      const comments = Math.max(0, counts.comments - ownReplies);
      const at = now().toISOString();
      await repos.transaction(async (trx) => {
        await trx.metrics.upsertFromNetwork({
          business_id: account.business_id,
          content_item_id: post.content_item_id,
          day: post.created_at.slice(0, 10),
          impressions: counts.impressions ?? 0,
          reach: counts.reach ?? 0,
          engagements: counts.likes + comments + counts.shares,
          clicks: counts.clicks ?? 0,
          conversions: 0,
          spend_minor: 0,
          currency: null,
          source: account.network,
          created_at: at,
          updated_at: at,
        });
        await trx.networkPosts.markMetricsRead(account.business_id, post, at);
      });
      measured += 1;
    }
    return measured;
  }

  private async readMentions(account: NetworkAccountRow, session: NetworkSession, problems: string[]) {
    const { repos, events, now } = this.deps;
    const channel = NETWORK_CHANNELS[account.network];
    let cursor = account.conversations_cursor;
    const stored: IngestResult[] = [];
    for (let page = 0; page < MENTION_PAGES; page += 1) {
      const read = await this.deps.networks[account.network].mentions(session, cursor);
      if (!read.ok) {
        problems.push(read.failure.message);
        await this.noteFailure(account, read.failure.kind, read.failure.message);
        break;
      }
      const { mentions, cursor: next } = read.value;
      const results = await repos.transaction(async (trx) => {
        const batch: IngestResult[] = [];
        for (const mention of mentions) {
          batch.push(
            await storeInbound(
              trx,
              account.business_id,
              {
                channel,
                external_id: mention.remoteId.slice(0, 200),
                customer: {
                  external_id: mention.author.remoteId.slice(0, 200),
                  name: mention.author.name?.slice(0, 120) ?? null,
                  handle: mention.author.handle.slice(0, 120),
                },
                body: (mention.text || '(no text)').slice(0, 10_000),
                sent_at: mention.sentAt,
              },
              now(),
            ),
          );
        }
        await announceReceived(events, trx, account.business_id, batch);
        // The cursor moves in the same transaction as the messages it covers.
        await trx.networkAccounts.update(account.business_id, account.id, {
          conversations_cursor: next,
          checked_at: now().toISOString(),
        });
        return batch;
      });
      stored.push(...results);
      if (mentions.length === 0 || next === cursor) break;
      cursor = next;
    }
    await queueClassification(this.deps, account.business_id, stored);
    return stored.filter((result) => !result.duplicate).length;
  }

  private async refused(account: NetworkAccountRow): Promise<boolean> {
    const row = await this.deps.repos.networkAccounts.find(account.business_id, account.id);
    return row?.status !== 'connected';
  }

  private async noteFailure(account: NetworkAccountRow, kind: string, message: string): Promise<void> {
    if (kind !== 'auth_expired') return;
    const at = this.deps.now().toISOString();
    await this.deps.repos.networkAccounts.update(account.business_id, account.id, {
      status: 'needs_reconnect',
      last_error: message.slice(0, 2000),
      checked_at: at,
      updated_at: at,
    });
  }
}
