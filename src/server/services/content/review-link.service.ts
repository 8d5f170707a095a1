import { newId } from '#server/db/ids.js';
import type { ContentItemRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type { ContentStatus } from '#shared/content.schema.js';
import type {
  CreatedReviewLink,
  CreateReviewLinkBody,
  ReviewLink,
  SharedReview,
  SharedReviewItem,
} from '#shared/review-links.schema.js';
import type { Principal } from '../access/principal.js';
import { randomToken, sha256 } from '../access/security/tokens.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from '../workspace/audit.service.js';
import { channelFieldsOf } from './content-items.js';

const DAY_MS = 86_400_000;
/** What a review link shows: the last month and half a year ahead. */
const SHARED_PAST_DAYS = 30;
const SHARED_FUTURE_DAYS = 180;
/** Work that is ready to be looked at: no ideas or drafts, nothing that failed. */
const SHARED_STATUSES: readonly ContentStatus[] = ['in_review', 'approved', 'scheduled', 'published'];
const SHARED_MAX_ITEMS = 500;
/** The web page that opens a review link; the token rides in the fragment, which no server sees. */
export const REVIEW_PAGE_PATH = '/review';

/**
 * Read-only review links: an owner or admin shares the calendar with a client for a while. The token is
 * shown once; the page it opens shows the items' words and times, and nothing else of the workspace.
 */
export class ReviewLinkService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  async list(principal: Principal, businessId: string): Promise<ReviewLink[]> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'content.approve');
    return this.repos.reviewLinks.list(businessId);
  }

  async create(
    principal: Principal,
    businessId: string,
    body: CreateReviewLinkBody,
  ): Promise<CreatedReviewLink> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'content.approve');
    const token = randomToken(32);
    const now = this.now();
    const link = {
      id: newId(),
      label: body.label,
      created_by: principal.kind === 'user' ? principal.userId : null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + body.expires_in_days * DAY_MS).toISOString(),
    };
    await this.repos.transaction(async (trx) => {
      await trx.reviewLinks.insert({ ...link, business_id: businessId, token_hash: sha256(token) });
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'review_link.created',
        target: link.id,
        details: { label: link.label, expires_at: link.expires_at },
        at: link.created_at,
      });
    });
    return {
      ...link,
      revoked_at: null,
      token,
      url: `${REVIEW_PAGE_PATH}#token=${encodeURIComponent(token)}`,
    };
  }

  async revoke(principal: Principal, businessId: string, linkId: string): Promise<void> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'content.approve');
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      if (!(await trx.reviewLinks.revoke(businessId, linkId, at))) {
        throw new AppError('not_found', 'No such active review link');
      }
      await recordAudit(trx, { businessId, principal, action: 'review_link.revoked', target: linkId, at });
    });
  }

  /** What the link shows; an unknown, expired or revoked token is a 404 like any missing resource. */
  async shared(token: string): Promise<SharedReview> {
    const now = this.now();
    const link = await this.repos.reviewLinks.findActiveByHash(sha256(token), now.toISOString());
    const business = link ? await this.repos.businesses.findById(link.business_id) : undefined;
    if (!link || !business) throw new AppError('not_found', 'No such review link');
    const from = new Date(now.getTime() - SHARED_PAST_DAYS * DAY_MS).toISOString();
    const to = new Date(now.getTime() + SHARED_FUTURE_DAYS * DAY_MS).toISOString();
    const rows = await this.repos.calendarFeeds.contentForExport(business.id, {
      from,
      to,
      statuses: SHARED_STATUSES,
      limit: SHARED_MAX_ITEMS,
    });
    return {
      workspace_name: business.name,
      locale: business.locale,
      time_zone: business.time_zone,
      label: link.label,
      expires_at: link.expires_at,
      from,
      to,
      items: rows.flatMap((row) => (row.scheduled_at ? [sharedItem(row, row.scheduled_at)] : [])),
    };
  }
}

/** Only what a client reviews: no ids, no authors, no campaign, no internal notes. */
function sharedItem(row: ContentItemRow, scheduledAt: string): SharedReviewItem {
  const fields = channelFieldsOf(row);
  return {
    channel: row.channel,
    format: row.format,
    status: row.status,
    scheduled_at: scheduledAt,
    title: row.title,
    body: row.body,
    thread: [...fields.thread],
    hashtags: [...fields.hashtags],
    call_to_action: row.call_to_action,
  };
}
