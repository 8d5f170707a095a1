import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '#server/db/ids.js';
import type { ConversationRow, DB, MessageRow } from '#server/db/schema.js';
import { ConversationRepository } from '#server/repositories/conversation.repository.js';
import type { Business } from '#shared/business.schema.js';
import type { IngestResult } from '#shared/inbox.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { planOf } from '../support/query-plan.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Inbox search after migration 0029 (issue 20): the same answers on both databases, never another
// workspace's conversations, and on PostgreSQL a plan that can answer `q` from the trigram indexes.

describeEachDialect('inbox search index', (create, dialect) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let other: Business;
  let sequence = 0;

  const ingest = async (businessId: string, body: string, name: string, handle: string | null = null) => {
    sequence += 1;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/messages',
      headers: owner.auth,
      payload: {
        business_id: businessId,
        channel: 'email',
        external_id: `search-${sequence}`,
        customer: { external_id: `customer-${sequence}`, name, handle },
        body,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<IngestResult>().conversation_id;
  };
  const search = async (q: string, businessId = business.id) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/messages?business_id=${businessId}&q=${encodeURIComponent(q)}`,
      headers: owner.auth,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response
      .json<{ items: { id: string }[] }>()
      .items.map((item) => item.id)
      .sort();
  };

  let rye: string;
  let handled: string;
  let named: string;
  beforeAll(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    other = await createBusiness(t.app, owner, 'Other workspace');
    rye = await ingest(business.id, 'Is the RYE sourdough vegan?', 'Ana');
    handled = await ingest(business.id, 'Opening hours?', 'Bo', '@ryebread_fan');
    named = await ingest(business.id, 'Thanks!', 'Ryan Walsh');
    await ingest(business.id, 'Do you deliver?', 'Chen');
    await ingest(other.id, 'Rye bread again please', 'Dee');
  });
  afterAll(() => t.close());

  it('matches message bodies, names and handles, case-insensitively, within the workspace only', async () => {
    expect(await search('rye')).toEqual([rye, handled].sort());
    expect(await search('RY')).toEqual([rye, handled, named].sort());
    expect(await search('walsh')).toEqual([named]);
    expect(await search('sourdough vegan')).toEqual([rye]);
    expect(await search('nothing like this')).toEqual([]);
    // A message of another workspace that matches stays there.
    expect(await search('rye', other.id)).toHaveLength(1);
    expect(await search('rye', other.id)).not.toContain(rye);
  });

  // PostgreSQL's plan; SQLite's FTS5 tables (migration 0033) are checked in large-workspace-indexes.test.ts.
  if (dialect === 'postgres') {
    it('lets PostgreSQL answer a selective search from the trigram indexes', async () => {
      // Enough rows, with fresh statistics, that the planner prices a scan of the workspace above the indexes
      // (on a handful of rows a scan is the cheapest plan, whatever the indexes). VACUUM, not just ANALYZE:
      // fresh rows wait in each GIN index's pending list, which the planner prices as a scan of its own.
      const big = await createBusiness(t.app, owner, 'Busy inbox');
      await seedConversations(t.database.db, big.id, 1_000);
      await sql`vacuum analyze conversations`.execute(t.database.db);
      await sql`vacuum analyze messages`.execute(t.database.db);

      // The statement the inbox list runs, as Kysely compiles it.
      const plan = await planOf(t.database, async (db) => {
        const conversations = new ConversationRepository(db, t.database.dialect);
        const found = await conversations.page(big.id, { q: 'gluten', now: new Date().toISOString() }, 25);
        expect(found.map((row) => row.customer_name)).toEqual(['Customer 500']);
      });
      expect(plan).toContain('messages_body_trgm_idx');
      expect(plan).toContain('conversations_customer_name_trgm_idx');
      expect(plan).toContain('conversations_customer_handle_trgm_idx');
    });
  }
});

/** `count` conversations of two messages each, straight into the tables; one mentions "gluten". */
async function seedConversations(db: Kysely<DB>, businessId: string, count: number): Promise<void> {
  const at = '2026-06-01T10:00:00.000Z';
  const conversations: ConversationRow[] = [];
  const messages: MessageRow[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    const ids = [newId(), newId()];
    ids.forEach((messageId, m) => {
      messages.push({
        id: messageId,
        business_id: businessId,
        conversation_id: id,
        channel: 'email',
        direction: m === 0 ? 'in' : 'out',
        body:
          i === 500 && m === 0
            ? 'Is the rye loaf gluten-free?'
            : `Order ${i}: do you have sourdough on Saturday?`,
        author: `Customer ${i}`,
        author_user_id: null,
        external_id: m === 0 ? `bulk-${i}` : null,
        visibility: 'public',
        classification: null,
        delivery_status: m === 0 ? null : 'sent',
        delivery_error: null,
        created_at: at,
      });
    });
    conversations.push({
      id,
      business_id: businessId,
      channel: 'email',
      customer_external_id: `bulk-customer-${i}`,
      customer_name: `Customer ${i}`,
      customer_handle: `@customer${i}`,
      status: 'open',
      snoozed_until: null,
      assignee_id: null,
      priority: 'normal',
      priority_rank: 1,
      sentiment: 'neutral',
      intent: 'question',
      language: 'en',
      labels: '[]',
      message_count: 2,
      last_message_id: ids[1] ?? null,
      first_response_at: at,
      resolved_at: null,
      last_message_at: at,
      created_at: at,
      updated_at: at,
    });
  }
  for (let offset = 0; offset < count; offset += 250) {
    await db
      .insertInto('conversations')
      .values(conversations.slice(offset, offset + 250))
      .execute();
    await db
      .insertInto('messages')
      .values(messages.slice(offset * 2, (offset + 250) * 2))
      .execute();
  }
}
