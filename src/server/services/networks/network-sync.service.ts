import type { NetworkAccountRow, NetworkPostRow } from '#server/db/schema.js';
import type { NetworkFailure, NetworkRegistry, NetworkSession } from '#server/integrations/networks/index.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import { RetryLaterError } from '#server/jobs/run-job.js';
import type { Repositories } from '#server/repositories/index.js';
import type { IngestResult } from '#shared/inbox.schema.js';
import { NETWORK_CHANNELS, type NetworkSyncResult, readsBack } from '#shared/network.schema.js';
import type { Principal } from '../access/principal.js';
import type { SecretBox } from '../access/security/secret-box.js';
import type { ChangeEvents } from '../common/change-events.js';
import { announceReceived, queueClassification, storeInbound } from '../inbox/inbox-ingest.js';
import type { NetworkAccountService } from './network-account.service.js';
import type { NetworkAvatarService } from './network-avatar.service.js';
import { type SessionDeps, sessionOf } from './network-session.js';
import { MEASURED_FOR_MS, oldestDuePublication, resultsDue } from './results-schedule.js';

/** Posts measured per reading, oldest first; the rest wait for the next one (they stay due). */
const POSTS_PER_SYNC = 200;
/** Posts of one account looked at for being due: far more than an account publishes in a month. */
const CANDIDATES_PER_RUN = 5_000;
/** Pages of mentions read per sync (Mastodon: 40 a page). */
const MENTION_PAGES = 10;

const PUBLISH_ONLY_PROBLEM = 'This network reports no results or messages back: mcc only publishes there';

/** What one reading found wrong; `rateLimited`: the network said to stop (a 429 or its own throttling code), until `retryAt` if it said. */
interface ReadingTrouble {
  problems: string[];
  rateLimited: boolean;
  retryAt: Date | null;
}

/** What the scheduled reading of one account did (the `networks.read_account` job's result). */
export type ScheduledReading =
  | (NetworkSyncResult & { posts_due: number })
  | { skipped: 'disconnected' | 'needs_reconnect' | 'publish_only' };

/** What reading from the networks needs. */
export interface NetworkSyncDeps {
  repos: Repositories;
  networks: NetworkRegistry;
  secretBox: SecretBox;
  accounts: NetworkAccountService;
  /** Each reading reads the account's avatar again when it is a day old. */
  avatars: NetworkAvatarService;
  queue: JobQueue<AppJobDefinitions>;
  events: ChangeEvents;
  now: () => Date;
  /** The OAuth app an account's tokens renew with (network-session.ts). */
  oauthApps?: SessionDeps['oauthApps'];
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

  /** Read every post published through the account in the last thirty days, and new mentions. */
  async syncAccount(account: NetworkAccountRow): Promise<NetworkSyncResult> {
    if (account.status !== 'connected') {
      return { posts_measured: 0, messages_received: 0, problems: ['The account needs reconnecting first'] };
    }
    if (!readsBack(account.network)) {
      return { posts_measured: 0, messages_received: 0, problems: [PUBLISH_ONLY_PROBLEM] };
    }
    const since = new Date(this.deps.now().getTime() - MEASURED_FOR_MS).toISOString();
    const posts = await this.deps.repos.networkPosts.publishedSince(
      account.business_id,
      account.id,
      since,
      POSTS_PER_SYNC,
    );
    const trouble: ReadingTrouble = { problems: [], rateLimited: false, retryAt: null };
    return this.read(account, posts, trouble);
  }

  /**
   * The hourly reading of one account (results-schedule.ts says which posts are due), with its mentions.
   * An account that is gone or needs reconnecting is skipped; a rate limit postpones the rest of the
   * reading to the network's reset (the posts read so far are not read again).
   */
  async readDue(businessId: string, accountId: string): Promise<ScheduledReading> {
    const { repos, now } = this.deps;
    const account = await repos.networkAccounts.find(businessId, accountId);
    if (!account) return { skipped: 'disconnected' };
    if (account.status !== 'connected') return { skipped: 'needs_reconnect' };
    if (!readsBack(account.network)) return { skipped: 'publish_only' };
    const at = now();
    const candidates = await repos.networkPosts.publishedSince(
      businessId,
      accountId,
      oldestDuePublication(at).toISOString(),
      CANDIDATES_PER_RUN,
    );
    const due = candidates.filter((post) =>
      resultsDue(new Date(post.created_at), post.metrics_read_at ? new Date(post.metrics_read_at) : null, at),
    );
    const trouble: ReadingTrouble = { problems: [], rateLimited: false, retryAt: null };
    const result = await this.read(account, due.slice(0, POSTS_PER_SYNC), trouble);
    if (trouble.rateLimited) {
      const waitMs = trouble.retryAt ? trouble.retryAt.getTime() - now().getTime() : 0;
      throw new RetryLaterError(trouble.problems.join('; '), waitMs);
    }
    return { ...result, posts_due: due.length };
  }

  private async read(
    account: NetworkAccountRow,
    posts: NetworkPostRow[],
    trouble: ReadingTrouble,
  ): Promise<NetworkSyncResult> {
    const session = await sessionOf(account, this.deps);
    const measured = await this.readMetrics(account, session, posts, trouble);
    const stopped = trouble.rateLimited || (trouble.problems.length > 0 && (await this.refused(account)));
    const received = stopped ? 0 : await this.readMentions(account, session, trouble);
    if (!stopped) await this.deps.avatars.refreshIfStale(account);
    return { posts_measured: measured, messages_received: received, problems: trouble.problems };
  }

  private async readMetrics(
    account: NetworkAccountRow,
    session: NetworkSession,
    posts: NetworkPostRow[],
    trouble: ReadingTrouble,
  ) {
    const { repos, now } = this.deps;
    let measured = 0;
    for (const post of posts) {
      const read = await this.deps.networks[account.network].metrics(session, post.remote_id);
      if (!read.ok) {
        this.note(trouble, read.failure);
        await this.noteFailure(account, read.failure.kind, read.failure.message);
        // A refused token or a rate limit will refuse the rest too: stop here, the next reading resumes.
        if (read.failure.kind === 'auth_expired' || trouble.rateLimited) break;
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

  private async readMentions(account: NetworkAccountRow, session: NetworkSession, trouble: ReadingTrouble) {
    const { repos, events, now } = this.deps;
    const channel = NETWORK_CHANNELS[account.network];
    let cursor = account.conversations_cursor;
    const stored: IngestResult[] = [];
    for (let page = 0; page < MENTION_PAGES; page += 1) {
      const read = await this.deps.networks[account.network].mentions(session, cursor);
      if (!read.ok) {
        this.note(trouble, read.failure);
        await this.noteFailure(account, read.failure.kind, read.failure.message);
        break;
      }
      const { mentions, cursor: next } = read.value;
      // Direct messages the token may not read: said once, beside the problems; the mentions are stored.
      for (const notice of read.value.notices ?? []) {
        if (!trouble.problems.includes(notice)) trouble.problems.push(notice);
      }
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
                visibility: mention.visibility ?? 'public',
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

  private note(trouble: ReadingTrouble, failure: NetworkFailure): void {
    trouble.problems.push(failure.message);
    if (failure.rateLimited || failure.statusCode === 429) {
      trouble.rateLimited = true;
      trouble.retryAt = failure.retryAt;
    }
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
