import { type Kysely, sql } from 'kysely';

// The unified inbox: conversations and their messages, canned replies, the knowledge base, rules, the
// per-workspace inbound webhook secret and the event ids it has seen (replays are ignored).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('customer_external_id', 'text', (col) => col.notNull())
    .addColumn('customer_name', 'text')
    .addColumn('customer_handle', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('open', 'pending', 'snoozed', 'resolved')`),
    )
    .addColumn('snoozed_until', 'text')
    .addColumn('assignee_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('priority', 'text', (col) =>
      col.notNull().check(sql`priority in ('low', 'normal', 'high', 'urgent')`),
    )
    // The priority as a number (low 0 … urgent 3), so the list sorts urgent first on an index.
    .addColumn('priority_rank', 'integer', (col) => col.notNull())
    .addColumn('sentiment', 'text')
    .addColumn('intent', 'text')
    .addColumn('language', 'text')
    // JSON array of strings; the label filter matches `"label"` inside it.
    .addColumn('labels', 'text', (col) => col.notNull())
    .addColumn('message_count', 'integer', (col) => col.notNull())
    .addColumn('last_message_id', 'text')
    .addColumn('first_response_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('last_message_at', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // One conversation per customer and channel: a new message from them joins it.
  await db.schema
    .createIndex('conversations_customer_uq')
    .on('conversations')
    .columns(['business_id', 'channel', 'customer_external_id'])
    .unique()
    .execute();
  // The inbox order: priority, then recency.
  await db.schema
    .createIndex('conversations_inbox_idx')
    .on('conversations')
    .columns(['business_id', 'priority_rank', 'last_message_at', 'id'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('conversation_id', 'text', (col) =>
      col.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('direction', 'text', (col) => col.notNull().check(sql`direction in ('in', 'out')`))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('author', 'text')
    .addColumn('author_user_id', 'text', (col) => col.references('users.id').onDelete('set null'))
    // The channel's id; null for our replies. NULLs never collide in a unique index (both databases).
    .addColumn('external_id', 'text')
    .addColumn('classification', 'text')
    .addColumn('delivery_status', 'text', (col) =>
      col.check(sql`delivery_status in ('draft', 'pending', 'sent', 'failed')`),
    )
    .addColumn('delivery_error', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('messages_external_uq')
    .on('messages')
    .columns(['business_id', 'channel', 'external_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('messages_thread_idx')
    .on('messages')
    .columns(['business_id', 'conversation_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('canned_replies')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('canned_replies_business_idx')
    .on('canned_replies')
    .columns(['business_id', 'id'])
    .execute();

  await db.schema
    .createTable('knowledge_entries')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('faq', 'policy', 'product', 'other')`),
    )
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('enabled', 'integer', (col) => col.notNull().check(sql`enabled in (0, 1)`))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('knowledge_entries_business_idx')
    .on('knowledge_entries')
    .columns(['business_id', 'id'])
    .execute();

  await db.schema
    .createTable('inbox_rules')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('enabled', 'integer', (col) => col.notNull().check(sql`enabled in (0, 1)`))
    .addColumn('position', 'integer', (col) => col.notNull())
    // JSON: { keywords, regex, channels } and { labels, assignee_id, priority, prepare_draft }.
    .addColumn('match', 'text', (col) => col.notNull())
    .addColumn('actions', 'text', (col) => col.notNull())
    .addColumn('auto_send', 'integer', (col) => col.notNull().check(sql`auto_send in (0, 1)`))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('inbox_rules_business_idx')
    .on('inbox_rules')
    .columns(['business_id', 'position', 'id'])
    .execute();

  // One row per workspace that has issued an inbound secret (AES-256-GCM sealed, shown once).
  await db.schema
    .createTable('inbox_settings')
    .addColumn('business_id', 'text', (col) =>
      col.primaryKey().references('businesses.id').onDelete('cascade'),
    )
    .addColumn('inbound_secret_encrypted', 'text', (col) => col.notNull())
    .addColumn('rotated_at', 'text', (col) => col.notNull())
    .execute();

  // Event ids the inbound webhook has accepted, kept a day (the signature window is five minutes).
  await db.schema
    .createTable('inbound_events')
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('inbound_events_pk', ['business_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('inbound_events_received_idx')
    .on('inbound_events')
    .columns(['business_id', 'received_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'inbound_events',
    'inbox_settings',
    'inbox_rules',
    'knowledge_entries',
    'canned_replies',
    'messages',
    'conversations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
