import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { ChannelId } from '#shared/channel-ids.js';
import type { ConversationListQuery } from '#shared/inbox.schema.js';
import type { ConversationRow, ConversationUpdate, DB, MessageRow } from '../db/schema.js';

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

/**
 * Conversations with a message, customer name or handle containing `q` (LIKE, on both databases).
 * One uncorrelated `id in (… union …)`, not a per-conversation `exists` or'd with the name checks: an OR
 * around a correlated subquery kept PostgreSQL walking every conversation and its messages, while this
 * form lets each side use its trigram index (migration 0029) and the result join the page's conversations.
 */
function matchingText(eb: ConversationEb, businessId: string, q: string) {
  const pattern = containsPattern(q);
  return eb(
    'conversations.id',
    'in',
    eb
      .selectFrom('messages')
      .select('messages.conversation_id as id')
      .where('messages.business_id', '=', businessId)
      .where(sql<boolean>`lower(messages.body) like ${pattern} escape '\\'`)
      .union(
        eb
          .selectFrom('conversations as named')
          .select('named.id')
          .where('named.business_id', '=', businessId)
          .where((inner) =>
            inner.or([
              sql<boolean>`lower(coalesce(named.customer_name, '')) like ${pattern} escape '\\'`,
              sql<boolean>`lower(coalesce(named.customer_handle, '')) like ${pattern} escape '\\'`,
            ]),
          ),
      ),
  );
}

/** A workspace's conversations. Every method but `businessIdOf` is scoped by the workspace id. */
export class ConversationRepository {
  constructor(private readonly db: Kysely<DB>) {}

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
   * applied. Runs on the (business_id, priority_rank, last_message_at, id) index.
   */
  page(
    businessId: string,
    filters: ConversationFilters,
    limit: number,
    after?: InboxPosition,
  ): Promise<ConversationWithLatest[]> {
    // The latest message comes in the same statement, looked up by its primary key per row: a separate
    // `id in (…)` query let SQLite's planner scan the workspace's messages by business_id instead.
    let query = this.db
      .selectFrom('conversations')
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
      .where('conversations.business_id', '=', businessId);
    const { now } = filters;
    if (filters.channel) query = query.where('conversations.channel', '=', filters.channel);
    if (filters.status) query = query.where((eb) => withStatus(eb, filters.status as string, now));
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
    if (filters.q) query = query.where((eb) => matchingText(eb, businessId, filters.q as string));
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
