import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { ChannelId } from '#shared/channel-ids.js';
import type { ConversationListQuery } from '#shared/inbox.schema.js';
import type { Dialect } from '../db/database.js';
import type { ConversationRow, ConversationUpdate, DB, MessageRow } from '../db/schema.js';
import { searchCandidates } from './search-candidates.js';

/** Filters of the inbox list, as the service resolved them (`now` decides which snoozes ran out). */
export type ConversationFilters = Omit<ConversationListQuery, 'business_id' | 'limit' | 'cursor'> & {
  now: string;
};

/** A conversation with its latest message's columns (`latest_*`, null when it has none), as one page row. */
export type ConversationWithLatest = ConversationRow & {
  latest_id: string | null;
  latest_direction: MessageRow['direction'] | null;
  latest_body: string | null;
  latest_author: string | null;
  latest_author_user_id: string | null;
  latest_external_id: string | null;
  latest_visibility: MessageRow['visibility'] | null;
  latest_classification: string | null;
  latest_delivery_status: MessageRow['delivery_status'];
  latest_delivery_error: string | null;
  latest_created_at: string | null;
};

/** A position in the inbox order: priority rank, latest message time, id (all descending). */
export interface InboxPosition {
  rank: number;
  at: string;
  id: string;
}

type ConversationEb = ExpressionBuilder<DB, 'conversations'>;

/** `%text%` for LIKE, with the wildcards in `text` escaped (the query says `escape '\'`). */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/gu, (char) => `\\${char}`)}%`;
}

/** Conversations whose status reads as `status` at `now`: a snooze that ran out reads as open. */
function withStatus(eb: ConversationEb, status: string, now: string) {
  if (status === 'open') {
    return eb.or([
      eb('conversations.status', '=', 'open'),
      eb.and([eb('conversations.status', '=', 'snoozed'), eb('conversations.snoozed_until', '<=', now)]),
    ]);
  }
  if (status === 'snoozed') {
    return eb.and([eb('conversations.status', '=', 'snoozed'), eb('conversations.snoozed_until', '>', now)]);
  }
  return eb('conversations.status', '=', status as ConversationRow['status']);
}

/** SQLite: the rows its FTS5 table names for a search, or `common` (see searchCandidates). */
type Candidates = Awaited<ReturnType<typeof searchCandidates>>;

/**
 * Conversations with a message containing `q` (LIKE, on both databases): an uncorrelated `id in (…)`, so
 * PostgreSQL answers it from the messages' trigram index (migration 0029) and SQLite from the rows its FTS5
 * table names (migration 0033). For a common word SQLite instead asks of each conversation along the walk
 * whether one of its messages has it, and stops at a page: the list of every matching conversation cost
 * 35 ms at p99 for a word in the messages of 4.6% of 100,000 conversations.
 */
function inMessages(eb: ConversationEb, businessId: string, q: string, candidates: Candidates) {
  let messages = eb
    .selectFrom('messages')
    .where('messages.business_id', '=', businessId)
    .where(sql<boolean>`lower(messages.body) like ${containsPattern(q)} escape '\\'`);
  if (candidates === 'common') {
    return eb.exists(
      messages.select(sql.lit(1).as('one')).whereRef('messages.conversation_id', '=', 'conversations.id'),
    );
  }
  if (candidates) messages = messages.where(sql.ref('messages.rowid'), 'in', candidates);
  return eb('conversations.id', 'in', messages.select('messages.conversation_id'));
}

/**
 * Conversations whose customer's name or handle contains `q`: PostgreSQL's trigram indexes, or the rows
 * SQLite's FTS5 table names; a common one is checked along the walk.
 */
function inNames(eb: ConversationEb, q: string, candidates: Candidates) {
  const pattern = containsPattern(q);
  const names = eb.or([
    sql<boolean>`lower(coalesce(conversations.customer_name, '')) like ${pattern} escape '\\'`,
    sql<boolean>`lower(coalesce(conversations.customer_handle, '')) like ${pattern} escape '\\'`,
  ]);
  if (!candidates || candidates === 'common') return names;
  return eb.and([eb(sql.ref('conversations.rowid'), 'in', candidates), names]);
}

/**
 * SQLite: candidates past this many make a search walk the inbox order instead of reading each one
 * (searchCandidates; √(50 × 100,000) ≈ 2,200).
 */
const INBOX_CANDIDATES_MANY = 2_000;

/** A workspace's conversations. Every method but `businessIdOf` is scoped by the workspace id. */
export class ConversationRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly dialect: Dialect,
  ) {}

  /** The workspace of a conversation reached by id alone (`/api/messages/{id}`), for the access check. */
  async businessIdOf(conversationId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('conversations')
      .select('business_id')
      .where('id', '=', conversationId)
      .executeTakeFirst();
    return row?.business_id;
  }

  find(businessId: string, conversationId: string): Promise<ConversationRow | undefined> {
    return this.db
      .selectFrom('conversations')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('id', '=', conversationId)
      .executeTakeFirst();
  }

  /** The conversation with a customer on a channel (there is at most one). */
  findByCustomer(
    businessId: string,
    channel: ChannelId,
    customerExternalId: string,
  ): Promise<ConversationRow | undefined> {
    return this.db
      .selectFrom('conversations')
      .selectAll()
      .where('business_id', '=', businessId)
      .where('channel', '=', channel)
      .where('customer_external_id', '=', customerExternalId)
      .executeTakeFirst();
  }

  /** Insert unless the customer already has a conversation on the channel (a concurrent ingest). */
  async insertIfAbsent(row: ConversationRow): Promise<void> {
    await this.db
      .insertInto('conversations')
      .values(row)
      .onConflict((oc) => oc.columns(['business_id', 'channel', 'customer_external_id']).doNothing())
      .execute();
  }

  /**
   * One page in inbox order: priority (urgent first), then the latest message first, with every filter
   * applied. Runs on the (business_id, priority_rank, last_message_at, id) index, or with a status on the
   * (business_id, status, priority_rank, last_message_at, id) one (migration 0033).
   */
  async page(
    businessId: string,
    filters: ConversationFilters,
    limit: number,
    after?: InboxPosition,
  ): Promise<ConversationWithLatest[]> {
    const { now, q } = filters;
    /** The first `limit` conversations in inbox order that pass every filter, `status` and `text`. */
    const walk = (
      status?: (eb: ConversationEb) => Expression<SqlBool>,
      text?: (eb: ConversationEb) => Expression<SqlBool>,
    ) => {
      let query = this.db
        .selectFrom('conversations')
        .selectAll('conversations')
        .where('conversations.business_id', '=', businessId);
      if (status) query = query.where(status);
      if (filters.channel) query = query.where('conversations.channel', '=', filters.channel);
      if (filters.priority) query = query.where('conversations.priority', '=', filters.priority);
      if (filters.sentiment) query = query.where('conversations.sentiment', '=', filters.sentiment);
      if (filters.intent) query = query.where('conversations.intent', '=', filters.intent);
      if (filters.language) query = query.where('conversations.language', '=', filters.language);
      if (filters.assignee === 'none') query = query.where('conversations.assignee_id', 'is', null);
      else if (filters.assignee) query = query.where('conversations.assignee_id', '=', filters.assignee);
      // Labels are a JSON array of strings that cannot contain quotes, so `"label"` matches one whole label.
      if (filters.label) {
        query = query.where('conversations.labels', 'like', containsPattern(`"${filters.label}"`));
      }
      if (text) query = query.where(text);
      if (after) {
        query = query.where((eb) =>
          eb(
            eb.refTuple('conversations.priority_rank', 'conversations.last_message_at', 'conversations.id'),
            '<',
            eb.tuple(after.rank, after.at, after.id),
          ),
        );
      }
      return query
        .orderBy('conversations.priority_rank', 'desc')
        .orderBy('conversations.last_message_at', 'desc')
        .orderBy('conversations.id', 'desc')
        .limit(limit);
    };
    // The page is the first `limit` of the pages of a few walks, each simple enough for one index:
    // - `open`, the inbox's own view, is two statuses, open and snoozed with the snooze over: as one `or`
    //   neither database read the status index (migration 0033) but walked the whole inbox order and
    //   filtered it (12,000 rows for the open conversations of a quiet channel among 100,000);
    // - a search is a message that contains `q`, or the customer's name or handle: as one `id in (messages
    //   union names)` PostgreSQL joined the matches to a scan of every conversation (35 ms at 100,000 for a
    //   surname one customer in forty has), and SQLite looked each match up by id before sorting them.
    const statuses: ((eb: ConversationEb) => Expression<SqlBool>)[] | [undefined] =
      filters.status === 'open'
        ? [
            (eb) => eb('conversations.status', '=', 'open'),
            (eb) =>
              eb.and([
                eb('conversations.status', '=', 'snoozed'),
                eb('conversations.snoozed_until', '<=', now),
              ]),
          ]
        : filters.status
          ? [(eb) => withStatus(eb, filters.status as string, now)]
          : [undefined];
    let texts: ((eb: ConversationEb) => Expression<SqlBool>)[] | [undefined] = [undefined];
    if (q) {
      const sqlite = this.dialect === 'sqlite';
      const many = { many: INBOX_CANDIDATES_MANY };
      const messages = sqlite ? await searchCandidates(this.db, 'messages_search', q, many) : undefined;
      const names = sqlite ? await searchCandidates(this.db, 'conversations_search', q, many) : undefined;
      texts = [(eb) => inMessages(eb, businessId, q, messages), (eb) => inNames(eb, q, names)];
    }
    const walks = statuses.flatMap((status) => texts.map((text) => walk(status, text)));
    const [first, ...others] = walks.map((query, index) =>
      this.db.selectFrom(query.as(`walk${index}`)).selectAll(),
    );
    // `union`: a conversation whose message and name both match comes once.
    const pageRows =
      walks.length === 1 && walks[0]
        ? walks[0]
        : others.reduce((union, next) => union.union(next), first as NonNullable<typeof first>);
    // The latest message is joined to the page's rows only, looked up by its primary key: a separate
    // `id in (…)` query let SQLite's planner scan the workspace's messages by business_id instead, and a
    // join before the limit looked up the latest message of every match of a search before sorting them.
    return this.db
      .selectFrom(pageRows.as('conversations'))
      .leftJoin('messages as latest', (join) =>
        join
          .onRef('latest.id', '=', 'conversations.last_message_id')
          .onRef('latest.business_id', '=', 'conversations.business_id'),
      )
      .selectAll('conversations')
      .select([
        'latest.id as latest_id',
        'latest.direction as latest_direction',
        'latest.body as latest_body',
        'latest.author as latest_author',
        'latest.author_user_id as latest_author_user_id',
        'latest.external_id as latest_external_id',
        'latest.visibility as latest_visibility',
        'latest.classification as latest_classification',
        'latest.delivery_status as latest_delivery_status',
        'latest.delivery_error as latest_delivery_error',
        'latest.created_at as latest_created_at',
      ])
      .orderBy('conversations.priority_rank', 'desc')
      .orderBy('conversations.last_message_at', 'desc')
      .orderBy('conversations.id', 'desc')
      .limit(limit)
      .execute();
  }

  /**
   * What the dashboard counts in one statement: every conversation, and the open ones (as the inbox reads
   * open at `now`) whose latest message is the customer's, that are urgent, and that read as negative.
   */
  async attentionCounts(
    businessId: string,
    now: string,
  ): Promise<{ total: number; open: number; unanswered: number; urgent: number; negative: number }> {
    const row = await this.db
      .selectFrom('conversations')
      .leftJoin('messages as latest', (join) =>
        join
          .onRef('latest.id', '=', 'conversations.last_message_id')
          .onRef('latest.business_id', '=', 'conversations.business_id'),
      )
      .where('conversations.business_id', '=', businessId)
      .select((eb) => {
        const open = withStatus(eb, 'open', now);
        const countWhere = (condition: ReturnType<typeof eb.and>) =>
          eb.fn.sum<number | string | null>(eb.case().when(condition).then(1).else(0).end());
        return [
          eb.fn.countAll<number | string>().as('total'),
          countWhere(eb.and([open])).as('open'),
          countWhere(eb.and([open, eb('latest.direction', '=', 'in')])).as('unanswered'),
          countWhere(eb.and([open, eb('conversations.priority', '=', 'urgent')])).as('urgent'),
          countWhere(eb.and([open, eb('conversations.sentiment', '=', 'negative')])).as('negative'),
        ];
      })
      .executeTakeFirstOrThrow();
    return {
      total: Number(row.total),
      open: Number(row.open ?? 0),
      unanswered: Number(row.unanswered ?? 0),
      urgent: Number(row.urgent ?? 0),
      negative: Number(row.negative ?? 0),
    };
  }

  /** False when no such conversation in this workspace. */
  async update(businessId: string, conversationId: string, changes: ConversationUpdate): Promise<boolean> {
    const result = await this.db
      .updateTable('conversations')
      .set(changes)
      .where('business_id', '=', businessId)
      .where('id', '=', conversationId)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /**
   * Count a new customer message: it becomes the latest, and a resolved or snoozed conversation opens
   * again (the customer is waiting). `at` is when it was sent, so an imported old message stays old.
   */
  async recordInbound(
    businessId: string,
    conversationId: string,
    messageId: string,
    at: string,
    now: string,
  ) {
    await this.db
      .updateTable('conversations')
      .set((eb) => ({
        message_count: eb('message_count', '+', 1),
        last_message_id: eb
          .case()
          .when('last_message_at', '<=', at)
          .then(messageId)
          .else(eb.ref('last_message_id'))
          .end(),
        last_message_at: eb
          .case()
          .when('last_message_at', '<', at)
          .then(at)
          .else(eb.ref('last_message_at'))
          .end(),
        status: 'open',
        snoozed_until: null,
        resolved_at: null,
        updated_at: now,
      }))
      .where('business_id', '=', businessId)
      .where('id', '=', conversationId)
      .execute();
  }

  /** Count a reply of ours: it becomes the latest message; the first one sent sets first_response_at. */
  async recordOutbound(businessId: string, conversationId: string, messageId: string, at: string) {
    await this.db
      .updateTable('conversations')
      .set((eb) => ({
        message_count: eb('message_count', '+', 1),
        last_message_id: messageId,
        last_message_at: at,
        updated_at: at,
      }))
      .where('business_id', '=', businessId)
      .where('id', '=', conversationId)
      .execute();
  }

  /** Set first_response_at unless a reply was already sent. */
  async markFirstResponse(businessId: string, conversationId: string, at: string): Promise<void> {
    await this.db
      .updateTable('conversations')
      .set({ first_response_at: at })
      .where('business_id', '=', businessId)
      .where('id', '=', conversationId)
      .where('first_response_at', 'is', null)
      .execute();
  }
}
