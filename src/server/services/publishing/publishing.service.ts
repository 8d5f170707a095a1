import type { z } from 'zod';
import { newId } from '#server/db/ids.js';
import type {
  ConnectorRow,
  ContentItemRow,
  NetworkAccountRow,
  PublishAttemptRow,
} from '#server/db/schema.js';
import type {
  ConnectorRegistry,
  PublishableItem,
  PublishResult,
} from '#server/integrations/connectors/index.js';
import { NO_CONNECTOR_LABEL, type PublishMetrics } from '#server/integrations/connectors/publish-metrics.js';
import { type AppJobDefinitions, JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import type { JobContext } from '#server/jobs/job-types.js';
import {
  describeError,
  PostponeJobError,
  RetryLaterError,
  UnrecoverableJobError,
} from '#server/jobs/run-job.js';
import type { Repositories } from '#server/repositories/index.js';
import type { ChannelId } from '#shared/channel-ids.js';
import type { PublishAttempt, PublishOutcome, PublishRoute } from '#shared/connector.schema.js';
import { failureReason } from '#shared/failure-reasons.js';
import type { JobSkipReason } from '#shared/job-skip-reasons.js';
import { NETWORK_CHANNELS } from '#shared/network.schema.js';
import type { Principal } from '../access/principal.js';
import type { SecretBox } from '../access/security/secret-box.js';
import type { ChangeEvents } from '../common/change-events.js';
import { loadItem } from '../content/content.service.js';
import type { NetworkPublisher } from '../networks/network-publisher.js';
import type { Notifier } from '../notifications/notifier.js';
import { connectorCredentials } from './connector.service.js';
import type { PublishedMediaLinks } from './published-media-links.js';
import { type PublicationEnd, recordPublication } from './publishing-outcome.js';

/** The `content.publish` job's payload. */
export type PublishJobPayload = z.output<AppJobDefinitions['content.publish']['payload']>;

/** Attempts of one scheduled publication (the job's retry budget). */
export const PUBLISH_MAX_ATTEMPTS = JOB_DEFINITIONS['content.publish'].maxAttempts;

/** What the job returns (its `result`): what happened, and why when nothing did. */
export type PublishJobResult =
  | ({ outcome: 'skipped' } & PublishSkip)
  | {
      outcome: 'published';
      attempt_id: string;
      external_url: string | null;
      /** For an evergreen item: the job that re-queues it, or why it could not be queued. */
      evergreen?: { job_id: string } | { error: string };
    }
  | { outcome: 'changed_meanwhile'; attempt_id: string };

/** What the publisher is built from. */
export interface PublishingServiceDeps {
  repos: Repositories;
  connectors: ConnectorRegistry;
  secretBox: SecretBox;
  events: ChangeEvents;
  metrics: PublishMetrics;
  /** Publishes through connected network accounts; without it, only connectors publish. */
  networks?: NetworkPublisher;
  /** Signed links to the attached media, for connectors; without it, they carry none. */
  mediaLinks?: PublishedMediaLinks;
  /** Told of a publication that failed for good (its author and the owners hear). */
  notifier?: Notifier;
  /** Told of each item published (evergreen items queue their return); returns the job it queued, if any. */
  afterPublished?: (item: ContentItemRow) => Promise<string | undefined>;
  now: () => Date;
}

/** What an attempt went through: a connector, or a connected network account. */
interface PublishVia {
  id: string;
  kind: PublishRoute;
  name: string;
  account: boolean;
}

/**
 * The `content.publish` job: at an item's time, send it through the workspace's connector and set it
 * `published`, or `failed` with the reason. Every attempt is a row; retryable failures throw so the
 * queue tries again with backoff; the last one, a rejection or no connector fails the item. A job whose
 * item was moved, unscheduled, deleted or already published does nothing, and its result says why.
 *
 * @example
 * jobHandler(JOB_DEFINITIONS, 'content.publish', (payload, context) => publishing.publish(payload, context));
 */
export class PublishingService {
  constructor(private readonly deps: PublishingServiceDeps) {}

  async publish(payload: PublishJobPayload, context: JobContext<string>): Promise<PublishJobResult> {
    const { repos } = this.deps;
    const { businessId, jobId } = context;
    const scheduledAt = new Date(payload.scheduled_at).toISOString();
    const row = await repos.contentItems.find(businessId, payload.content_item_id);
    const skip = skipReason(row, scheduledAt, jobId);
    if (skip || !row) return this.skip(skip ?? { reason: 'item_deleted' });
    if (!(await repos.publishAttempts.claim(businessId, row.id, scheduledAt, jobId))) {
      return this.skip({ reason: 'claimed_meanwhile' });
    }
    let via: PublishVia | undefined;
    let result: PublishResult;
    try {
      const accounts = this.deps.networks ? await accountsFor(repos, businessId, row.channel) : [];
      const account = accounts.find((candidate) => candidate.status === 'connected');
      const connector =
        accounts.length > 0
          ? undefined
          : pickConnector(await repos.connectors.listEnabled(businessId), row.channel);
      if (account && this.deps.networks) {
        via = { id: account.id, kind: account.network, name: account.handle, account: true };
        result = await this.deps.networks.publish(row, scheduledAt, account);
      } else if (accounts[0]) {
        // The workspace chose to publish this channel natively: it waits for a reconnect, never a webhook.
        const stale = accounts[0];
        via = { id: stale.id, kind: stale.network, name: stale.handle, account: true };
        result = needsReconnect(stale);
      } else if (connector) {
        via = { id: connector.id, kind: connector.kind, name: connector.name, account: false };
        const media = this.deps.mediaLinks
          ? await this.deps.mediaLinks.forItem(businessId, row.id, row.channel)
          : [];
        result = await this.deps.connectors[connector.kind].publish(toPublishable(row, scheduledAt, media), {
          connector: connectorCredentials(connector, this.deps.secretBox),
          attempt: context.attempt,
          idempotencyKey: `${row.id}@${scheduledAt}`,
        });
      } else {
        result = noConnector(noConnectorReason(row.channel));
      }
    } catch (error) {
      // A fault of ours (a secret that no longer opens, the database): recorded like a network error,
      // so the item still ends `failed` with the reason after the last attempt instead of staying scheduled.
      const message = failureReason('failedInsideApp', { error: describeError(error) });
      result = {
        ok: false,
        statusCode: null,
        durationMs: 0,
        responseHeaders: null,
        failure: { kind: 'retryable', message },
      };
    }
    return this.finish(row, scheduledAt, context, via, result);
  }

  /** Every attempt to publish an item, oldest first; readable by anyone who can read the item. */
  async attempts(principal: Principal, itemId: string): Promise<PublishAttempt[]> {
    const { businessId } = await loadItem(this.deps.repos, principal, itemId, 'content.read');
    const rows = await this.deps.repos.publishAttempts.listForItem(businessId, itemId);
    return rows.map(({ business_id: _, ...attempt }) => attempt);
  }

  /** Record the attempt and act on it: settle the item, or throw for the queue to retry. */
  private async finish(
    row: ContentItemRow,
    scheduledAt: string,
    context: JobContext<string>,
    via: PublishVia | undefined,
    result: PublishResult,
  ): Promise<PublishJobResult> {
    if (!result.ok && result.failure.notSent && result.failure.retryAt) {
      // The account's rate limit holds: nothing went out, so no attempt is spent or recorded; back then.
      const waitMs = result.failure.retryAt.getTime() - this.deps.now().getTime();
      throw new PostponeJobError(result.failure.message, waitMs);
    }
    const lastTry = context.attempt >= PUBLISH_MAX_ATTEMPTS;
    const retrying = !result.ok && result.failure.kind === 'retryable' && !lastTry;
    const outcome: PublishOutcome = result.ok ? 'succeeded' : retrying ? 'retrying' : 'failed';
    const at = this.deps.now().toISOString();
    const attempt: PublishAttemptRow = {
      id: newId(),
      business_id: row.business_id,
      content_item_id: row.id,
      connector_id: via && !via.account ? via.id : null,
      connector_kind: via?.kind ?? null,
      account_id: via?.account ? via.id : null,
      job_id: context.jobId,
      scheduled_at: scheduledAt,
      attempt: context.attempt,
      outcome,
      failure_kind: result.ok ? null : via ? result.failure.kind : 'no_connector',
      status_code: result.statusCode,
      error: result.ok ? null : result.failure.message.slice(0, 2000),
      duration_ms: result.durationMs,
      external_id: result.ok ? result.externalId : null,
      external_url: result.ok ? result.externalUrl : null,
      created_at: at,
    };
    this.deps.metrics.attempts.inc({ connector: via?.kind ?? NO_CONNECTOR_LABEL, outcome });
    if (retrying) {
      await this.deps.repos.publishAttempts.insert(attempt);
      const message = failureReason('attemptFailed', {
        attempt: context.attempt,
        max: PUBLISH_MAX_ATTEMPTS,
        reason: attempt.error ?? '',
      });
      const retryAt = result.ok ? null : result.failure.retryAt;
      // A rate limit's reset: the next attempt waits for it rather than spending itself on another 429.
      if (retryAt) throw new RetryLaterError(message, retryAt.getTime() - this.deps.now().getTime());
      throw new Error(message);
    }
    const end = endOf(result, via, context.attempt, lastTry);
    const saved = await recordPublication(
      this.deps.repos,
      this.deps.events,
      { businessId: row.business_id, itemId: row.id, scheduledAt, jobId: context.jobId, attempt, end, at },
      this.deps.notifier,
    );
    if (end.status === 'failed') throw new UnrecoverableJobError(end.reason);
    if (!saved) return { outcome: 'changed_meanwhile', attempt_id: attempt.id };
    const published = {
      outcome: 'published' as const,
      attempt_id: attempt.id,
      external_url: attempt.external_url,
    };
    const evergreen = await this.afterPublished(saved);
    return evergreen ? { ...published, evergreen } : published;
  }

  /**
   * The publication is recorded whatever happens here: a queue that is away must not make the job retry
   * an item already out, so its error goes into the job's result, where the jobs list shows it.
   */
  private async afterPublished(
    saved: ContentItemRow,
  ): Promise<{ job_id: string } | { error: string } | undefined> {
    if (!this.deps.afterPublished) return undefined;
    try {
      const jobId = await this.deps.afterPublished(saved);
      return jobId ? { job_id: jobId } : undefined;
    } catch (error) {
      return { error: `The evergreen item could not be queued again: ${describeError(error)}` };
    }
  }

  private skip(skip: PublishSkip): PublishJobResult {
    this.deps.metrics.attempts.inc({ connector: NO_CONNECTOR_LABEL, outcome: 'skipped' });
    return { outcome: 'skipped', ...skip };
  }
}

/** Why a publish job did nothing: a code (src/shared/job-skip-reasons.ts) and the values it refers to. */
export type PublishSkip =
  | { reason: Extract<JobSkipReason, 'item_deleted' | 'already_published' | 'claimed_meanwhile'> }
  | { reason: 'not_scheduled'; status: ContentItemRow['status'] }
  | { reason: 'moved'; scheduled_at: string | null }
  | { reason: 'held_by_other_job'; other_job_id: string };

/** Why a job must not publish this item now, or undefined when it should. */
export function skipReason(
  row: ContentItemRow | undefined,
  scheduledAt: string,
  jobId: string,
): PublishSkip | undefined {
  if (!row) return { reason: 'item_deleted' };
  if (row.status === 'published') return { reason: 'already_published' };
  if (row.status !== 'scheduled') return { reason: 'not_scheduled', status: row.status };
  if (row.scheduled_at !== scheduledAt) return { reason: 'moved', scheduled_at: row.scheduled_at };
  if (row.publish_job_id !== null && row.publish_job_id !== jobId) {
    return { reason: 'held_by_other_job', other_job_id: row.publish_job_id };
  }
  return undefined;
}

/**
 * The connector for a channel: one that names the channel wins over a catch-all (channels null), and
 * among equals the oldest. One connector per item, so an item is never published twice by two of them.
 */
export function pickConnector(
  connectors: readonly ConnectorRow[],
  channel: ChannelId,
): ConnectorRow | undefined {
  const names = (row: ConnectorRow) =>
    row.channels !== null && (JSON.parse(row.channels) as string[]).includes(channel);
  return connectors.find(names) ?? connectors.find((row) => row.channels === null);
}

function toPublishable(
  row: ContentItemRow,
  scheduledAt: string,
  media: PublishableItem['media'],
): PublishableItem {
  return {
    id: row.id,
    business_id: row.business_id,
    campaign_id: row.campaign_id,
    channel: row.channel,
    format: row.format,
    title: row.title,
    body: row.body,
    thread: JSON.parse(row.thread) as string[],
    hashtags: JSON.parse(row.hashtags) as string[],
    call_to_action: row.call_to_action,
    media_brief: row.media_brief,
    media,
    preheader: row.preheader,
    pillar: row.pillar,
    scheduled_at: scheduledAt,
    version: row.version,
  };
}

/** Why an item with no way out fails, as the item and its attempt say it. */
export function noConnectorReason(channel: ChannelId): string {
  return failureReason('noConnector', { channel });
}

function noConnector(message: string): PublishResult {
  // Typed as a rejection for the connector contract; endOf reports it as `no_connector`.
  return {
    ok: false,
    statusCode: null,
    durationMs: 0,
    responseHeaders: null,
    failure: { kind: 'rejected', message },
  };
}

/** The end of a publication that will not be retried, with the reason people see on the item. */
function endOf(
  result: PublishResult,
  via: PublishVia | undefined,
  attempt: number,
  lastTry: boolean,
): PublicationEnd {
  if (result.ok) return { status: 'published', connectorId: via?.id ?? '', externalUrl: result.externalUrl };
  const { kind, message } = result.failure;
  if (!via) return { status: 'failed', failureKind: 'no_connector', reason: message };
  const { name } = via;
  if (kind === 'auth_expired') {
    return {
      status: 'failed',
      failureKind: kind,
      reason: failureReason('noLongerAccepted', { via: name, reason: message }),
    };
  }
  if (kind === 'rejected') {
    return {
      status: 'failed',
      failureKind: kind,
      reason: failureReason('itemRefused', { via: name, reason: message }),
    };
  }
  const reason = lastTry
    ? failureReason('gaveUp', { attempts: attempt, via: name, reason: message })
    : failureReason('failedThrough', { via: name, reason: message });
  return { status: 'failed', failureKind: kind, reason };
}

/** The workspace's accounts on the network that publishes `channel`, oldest first (none for other channels). */
async function accountsFor(
  repos: Repositories,
  businessId: string,
  channel: ChannelId,
): Promise<NetworkAccountRow[]> {
  const network = (Object.keys(NETWORK_CHANNELS) as (keyof typeof NETWORK_CHANNELS)[]).find(
    (id) => NETWORK_CHANNELS[id] === channel,
  );
  return network ? repos.networkAccounts.listForNetwork(businessId, network) : [];
}

function needsReconnect(account: NetworkAccountRow): PublishResult {
  return {
    ok: false,
    statusCode: null,
    durationMs: 0,
    responseHeaders: null,
    failure: {
      kind: 'auth_expired',
      message: account.last_error
        ? failureReason('accountNeedsReconnectBecause', { reason: account.last_error })
        : failureReason('accountNeedsReconnect', {}),
    },
  };
}
