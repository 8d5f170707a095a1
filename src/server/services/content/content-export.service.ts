import { newId } from '#server/db/ids.js';
import type { ContentItemRow } from '#server/db/schema.js';
import { AppError, isAppError } from '#server/errors/app-error.js';
import { buildCsv, parseCsv, unguardCell } from '#server/exports/csv.js';
import { buildIcal } from '#server/exports/ical.js';
import type { Repositories } from '#server/repositories/index.js';
import {
  type ContentItem,
  type ContentStatus,
  type CreateContentBody,
  createContentBodySchema,
} from '#shared/content.schema.js';
import type {
  CalendarFeed,
  ContentExportQuery,
  ContentImportBody,
  CreatedCalendarFeed,
} from '#shared/content-export.schema.js';
import type { FieldError } from '#shared/problem.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import { randomToken, sha256 } from '../access/security/tokens.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from '../workspace/audit.service.js';
import type { ContentService } from './content.service.js';
import { channelFieldsOf, checkChannelRules, toUtcIso } from './content-items.js';
import { feedEvent, hashtagLine } from './feed-event.js';

const DAY_MS = 86_400_000;
/** What a subscribed calendar shows: the recent past and the year ahead. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 365;
/** What is certain to go out, or went out: drafts and items in review would move about in people's calendars. */
const FEED_STATUSES: readonly ContentStatus[] = ['scheduled', 'published'];
/** Bounds on one response, so a feed or an export cannot read a whole large workspace at once. */
const FEED_MAX_EVENTS = 5_000;
const EXPORT_MAX_ROWS = 20_000;
const IMPORT_MAX_ROWS = 1_000;
export const CALENDAR_FEED_PATH = '/api/content/calendar.ics';

/** The secret, revocable iCalendar feed of a workspace's calendar, and the CSV export of its content. */
export class ContentExportService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
    private readonly content: ContentService,
    /** The web app's origin (PUBLIC_URL): each event links to its item there. */
    private readonly appUrl: string,
    private readonly exportMaxRows = EXPORT_MAX_ROWS,
  ) {}

  async listFeeds(principal: Principal, businessId: string): Promise<CalendarFeed[]> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'content.write');
    return this.repos.calendarFeeds.list(businessId);
  }

  async createFeed(principal: Principal, businessId: string): Promise<CreatedCalendarFeed> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'content.write');
    const token = randomToken(32);
    const id = newId();
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      await trx.calendarFeeds.insert({
        id,
        business_id: businessId,
        token_hash: sha256(token),
        created_by: principal.kind === 'user' ? principal.userId : null,
        created_at: at,
      });
      await recordAudit(trx, { businessId, principal, action: 'calendar_feed.created', target: id, at });
    });
    return { id, url: `${CALENDAR_FEED_PATH}?token=${encodeURIComponent(token)}`, token };
  }

  async revokeFeed(principal: Principal, businessId: string, feedId: string): Promise<void> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'content.write');
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      if (!(await trx.calendarFeeds.revoke(businessId, feedId, at))) {
        throw new AppError('not_found', 'No such active calendar feed');
      }
      await recordAudit(trx, { businessId, principal, action: 'calendar_feed.revoked', target: feedId, at });
    });
  }

  /** The feed's calendar text; an unknown or revoked token is a 404 like any missing resource. */
  async feed(token: string): Promise<string> {
    const feed = await this.repos.calendarFeeds.findActiveByHash(sha256(token));
    const business = feed ? await this.repos.businesses.findById(feed.business_id) : undefined;
    if (!feed || !business) throw new AppError('not_found', 'No such calendar feed');
    const now = this.now();
    const rows = await this.repos.calendarFeeds.contentForExport(business.id, {
      from: new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS).toISOString(),
      to: new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS).toISOString(),
      statuses: FEED_STATUSES,
      limit: FEED_MAX_EVENTS,
    });
    return buildIcal({
      prodId: '-//Marketing Command Center//Content calendar//EN',
      name: `${business.name} · content calendar`,
      timeZone: business.time_zone,
      stamp: now.toISOString(),
      events: rows.flatMap((row) =>
        row.scheduled_at
          ? [feedEvent(row, row.scheduled_at, `${this.appUrl}/w/${row.business_id}/content/${row.id}`)]
          : [],
      ),
    });
  }

  /** The workspace's content as CSV (content.read); 422 when the range holds too many items. */
  async exportCsv(principal: Principal, query: ContentExportQuery): Promise<string> {
    await requireWorkspaceRole(this.repos, principal, query.business_id, 'content.read');
    const rows = await this.repos.calendarFeeds.contentForExport(query.business_id, {
      ...(query.from ? { from: toUtcIso(query.from) } : {}),
      ...(query.to ? { to: toUtcIso(query.to) } : {}),
      limit: this.exportMaxRows + 1,
    });
    if (rows.length > this.exportMaxRows) {
      throw new AppError(
        'validation_failed',
        `At most ${this.exportMaxRows} items per export; narrow from/to`,
        {
          errors: [{ path: 'query.to', message: ruleFieldMessage('exportRangeTooLarge'), code: 'too_big' }],
        },
      );
    }
    return buildCsv(CSV_COLUMNS, rows);
  }

  /**
   * Import drafts (or ideas) from CSV: every row is checked first and, if any fails, nothing is saved and
   * `errors[]` names each failing cell as `csv.{line}.{field}` (line 1 is the header).
   */
  async importCsv(principal: Principal, body: ContentImportBody): Promise<ContentItem[]> {
    await requireWorkspaceRole(this.repos, principal, body.business_id, 'content.write');
    const bodies = await this.readImport(body);
    return this.content.createMany(principal, bodies);
  }

  private async readImport({ business_id, csv }: ContentImportBody): Promise<CreateContentBody[]> {
    const refuse = (errors: FieldError[]) =>
      new AppError('bulk_failed', `${errors.length} problem(s) in the CSV; nothing was imported`, { errors });
    let table: string[][];
    try {
      table = parseCsv(csv);
    } catch (error) {
      throw refuse([{ path: 'body.csv', message: (error as Error).message, code: 'malformed_csv' }]);
    }
    const [header = [], ...records] = table;
    const columns = header.map((name) => name.trim().toLowerCase());
    if (!columns.includes('channel')) {
      throw refuse([
        {
          path: 'csv.1',
          message: ruleFieldMessage('csvColumnsMissing', { columns: 'channel' }),
          code: 'missing_column',
        },
      ]);
    }
    const rows = records
      .map((cells, index) => ({ cells, line: index + 2 }))
      .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
    if (rows.length === 0)
      throw refuse([{ path: 'csv', message: ruleFieldMessage('csvEmpty'), code: 'empty' }]);
    if (rows.length > IMPORT_MAX_ROWS) {
      throw refuse([
        {
          path: 'csv',
          message: ruleFieldMessage('csvTooManyRows', { max: String(IMPORT_MAX_ROWS) }),
          code: 'too_big',
        },
      ]);
    }
    const errors: FieldError[] = [];
    const bodies: { body: CreateContentBody; line: number }[] = [];
    for (const { cells, line } of rows) {
      const parsed = createContentBodySchema.safeParse(importRow(business_id, columns, cells));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          errors.push({
            path: `csv.${line}.${issue.path.join('.')}`,
            message: issue.message,
            code: issue.code,
          });
        }
        continue;
      }
      try {
        checkChannelRules(parsed.data);
      } catch (error) {
        if (!isAppError(error, 'over_channel_limit')) throw error;
        for (const field of error.options.errors ?? []) {
          errors.push({ ...field, path: field.path.replace(/^body/, `csv.${line}`) });
        }
        continue;
      }
      bodies.push({ body: parsed.data, line });
    }
    const campaignIds = new Set(bodies.flatMap(({ body }) => (body.campaign_id ? [body.campaign_id] : [])));
    for (const campaignId of campaignIds) {
      if (await this.repos.campaigns.find(business_id, campaignId)) continue;
      for (const { line } of bodies.filter((entry) => entry.body.campaign_id === campaignId)) {
        errors.push({
          path: `csv.${line}.campaign_id`,
          message: ruleFieldMessage('campaignNotFound'),
          code: 'not_found',
        });
      }
    }
    if (errors.length > 0) throw refuse(errors);
    return bodies.map(({ body }) => body);
  }
}

/** One CSV record as a create body; empty cells take the defaults. `status` other than idea means draft. */
function importRow(businessId: string, columns: readonly string[], cells: readonly string[]): object {
  const cell = (name: string) => {
    const index = columns.indexOf(name);
    return index < 0 ? '' : unguardCell(cells[index] ?? '');
  };
  const text = (name: string) => (cell(name) === '' ? {} : { [name]: cell(name) });
  const nullable = (name: string) => ({ [name]: cell(name).trim() === '' ? null : cell(name).trim() });
  const thread = cell('thread')
    .split(/\r?\n\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean);
  const hashtags = cell('hashtags')
    .split(/\s+/)
    .map((tag) => tag.replace(/^#/, ''))
    .filter(Boolean);
  return {
    business_id: businessId,
    channel: cell('channel').trim(),
    ...(cell('format').trim() ? { format: cell('format').trim() } : {}),
    status: cell('status').trim() === 'idea' ? 'idea' : 'draft',
    ...text('title'),
    ...text('body'),
    thread,
    hashtags,
    ...text('call_to_action'),
    ...text('media_brief'),
    ...text('preheader'),
    ...nullable('pillar'),
    ...nullable('campaign_id'),
    ...nullable('scheduled_at'),
  };
}

const CSV_COLUMNS: { header: string; value: (row: ContentItemRow) => string | number | null }[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'scheduled_at', value: (row) => row.scheduled_at },
  { header: 'channel', value: (row) => row.channel },
  { header: 'format', value: (row) => row.format },
  { header: 'status', value: (row) => row.status },
  { header: 'title', value: (row) => row.title },
  { header: 'body', value: (row) => row.body },
  { header: 'thread', value: (row) => channelFieldsOf(row).thread.join('\n\n') },
  { header: 'hashtags', value: (row) => hashtagLine(channelFieldsOf(row).hashtags) },
  { header: 'call_to_action', value: (row) => row.call_to_action },
  { header: 'pillar', value: (row) => row.pillar },
  { header: 'campaign_id', value: (row) => row.campaign_id },
  { header: 'version', value: (row) => row.version },
  { header: 'created_at', value: (row) => row.created_at },
  { header: 'updated_at', value: (row) => row.updated_at },
];
