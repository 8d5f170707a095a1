import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '#server/db/ids.js';
import { migrateTo, migrateToLatest, migrationNames } from '#server/db/migrate.js';
import type { ConversationRow, DB, MessageRow, NewContentItem } from '#server/db/schema.js';
import { ContentItemRepository } from '#server/repositories/content-item.repository.js';
import { ConversationRepository } from '#server/repositories/conversation.repository.js';
import { createRepositories } from '#server/repositories/index.js';
import { trigramQuery } from '#server/repositories/search-candidates.js';
import type { Business } from '#shared/business.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { IngestResult } from '#shared/inbox.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { planOf } from '../support/query-plan.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Migration 0033 and the queries that use it (issue 20, docs/benchmarks.md "One large workspace"): content
// search kept in step with every change on SQLite's FTS5 tables, the same answers whether a search reads
// its candidates or walks the library, the library by status and the inbox's open view in their order
// across pages, each on the index meant for it, and the migration down and up again.

const BEFORE = migrationNames()[migrationNames().indexOf('0033-large-workspace-indexes') - 1] ?? '';

describe('trigramQuery', () => {
  it('asks for every three-character piece, lower-cased and quoted, and nothing under three', () => {
    expect(trigramQuery('Oat milk')).toBe('"oat" AND "at " AND "t m" AND " mi" AND "mil" AND "ilk"');
    expect(trigramQuery('aaaa')).toBe('"aaa"');
    expect(trigramQuery('a"b"')).toBe('"a""b" AND """b"""');
    expect(trigramQuery('ab')).toBeUndefined();
  });
});

describeEachDialect('migration 0033: a large workspace’s indexes and search', (create, dialect) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let other: Business;

  beforeAll(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    other = await createBusiness(t.app, owner, 'Other workspace');
  });
  afterAll(() => t.close());

  const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: owner.auth, ...(payload ? { payload } : {}) });
  const content = async (query: string, businessId = business.id) => {
    const response = await as('GET', `/api/content?business_id=${businessId}&${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: ContentItem[]; next_cursor: string | null }>();
  };
  const ids = async (query: string, businessId = business.id) =>
    (await content(query, businessId)).items.map((item) => item.id);

  it('keeps content search in step with edits, deletes, restores and the purge', async () => {
    const item = await createContent(t.app, owner, business.id, {
      title: 'Harvest loaf',
      body: 'Rye and spelt',
    });
    expect(await ids('q=SPELT')).toEqual([item.id]);
    const edited = await as('PATCH', `/api/content/${item.id}`, {
      version: item.version,
      body: 'Rye and barley',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await ids('q=spelt')).toEqual([]);
    expect(await ids('q=barley')).toEqual([item.id]);
    expect(await ids(`q=${encodeURIComponent('harvest loaf')}`)).toEqual([item.id]);

    expect((await as('DELETE', `/api/content/${item.id}`)).statusCode).toBe(204);
    expect(await ids('q=barley')).toEqual([]);
    const restored = await as('POST', '/api/content/bulk', {
      business_id: business.id,
      action: 'restore',
      ids: [item.id],
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await ids('q=barley')).toEqual([item.id]);

    expect((await as('DELETE', `/api/content/${item.id}`)).statusCode).toBe(204);
    await createRepositories(t.database.db, dialect).contentItems.purgeDeletedBefore(
      '9999-01-01T00:00:00.000Z',
    );
    expect(await ids('q=barley')).toEqual([]);
    if (dialect === 'sqlite') {
      // FTS5 compares its index with the rows it was built from, and throws if they differ.
      for (const table of ['content_items_search', 'messages_search', 'conversations_search']) {
        await sql`insert into ${sql.table(table)}(${sql.table(table)}, rank) values ('integrity-check', 1)`.execute(
          t.database.db,
        );
      }
    }
  });

  describe('over more items than a search reads as candidates', () => {
    let newestFirst: string[];
    let rare: string[];
    let rareDrafts: string[];

    beforeAll(async () => {
      // 5,200 items straight into the table (SEARCH_CANDIDATES_MAX is 5,000): every one says "espresso",
      // one in a thousand "kalossi"; statuses in turn; and one of another workspace says both.
      const at = Date.parse('2026-01-01T00:00:00.000Z');
      const rows: NewContentItem[] = Array.from({ length: 5_200 }, (_, index) => ({
        id: newId(),
        business_id: business.id,
        campaign_id: null,
        channel: 'instagram',
        format: 'post',
        title: `Note ${index}`,
        body: index % 1000 === 0 ? 'Espresso from the Kalossi lot' : `Espresso of the day, number ${index}`,
        thread: '[]',
        hashtags: '[]',
        call_to_action: '',
        media_brief: '',
        preheader: '',
        pillar: null,
        scheduled_at: new Date(at + index * 60_000).toISOString(),
        status: (['draft', 'published', 'idea'] as const)[index % 3] ?? 'draft',
        variant_group: null,
        version: 1,
        ai_call_id: null,
        created_by: null,
        updated_by: null,
        created_at: new Date(at).toISOString(),
        updated_at: new Date(at).toISOString(),
      }));
      for (let start = 0; start < rows.length; start += 500) {
        await t.database.db
          .insertInto('content_items')
          .values(rows.slice(start, start + 500))
          .execute();
      }
      await createContent(t.app, owner, other.id, { body: 'Espresso from the Kalossi lot' });
      await createRepositories(t.database.db, dialect).statistics.refresh(['content_items']);
      newestFirst = rows.map((row) => row.id).sort((a, b) => (a < b ? 1 : -1));
      const idsOf = (chosen: NewContentItem[]) =>
        chosen.map((row) => row.id).sort((a, b) => (a < b ? 1 : -1));
      rare = idsOf(rows.filter((row) => row.body.includes('Kalossi')));
      rareDrafts = idsOf(rows.filter((row) => row.body.includes('Kalossi') && row.status === 'draft'));
    });

    it('answers a common phrase by walking the library, and a rare one from its candidates, alike', async () => {
      expect(await ids('q=espresso&limit=50')).toEqual(newestFirst.slice(0, 50));
      expect(await ids('q=KALOSSI')).toEqual(rare);
      expect(await ids('q=kalossi', other.id)).toHaveLength(1);
      expect(rareDrafts).toHaveLength(2);
      expect(await ids(`q=${encodeURIComponent('kalossi LOT')}&status=draft`)).toEqual(rareDrafts);
      expect(await ids('q=no such phrase')).toEqual([]);
    });

    it('pages the library by status newest first, from the status index', async () => {
      const published = new Set(
        (
          await t.database.db
            .selectFrom('content_items')
            .select('id')
            .where('status', '=', 'published')
            .execute()
        ).map((row) => row.id),
      );
      const expected = newestFirst.filter((id) => published.has(id)).slice(0, 6);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await content(`status=published&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.next_cursor;
      } while (cursor && seen.length < 6);
      expect(seen).toEqual(expected);

      const repository = (db: Kysely<DB>) => new ContentItemRepository(db, dialect);
      const byStatus = await planOf(t.database, (db) =>
        repository(db).page(business.id, { status: 'published', limit: 51 }),
      );
      expect(byStatus).toContain('content_items_status_idx');
      const search = await planOf(t.database, (db) =>
        repository(db).page(business.id, { search: 'kalossi', limit: 51 }),
      );
      expect(search).toContain(dialect === 'sqlite' ? 'content_items_search' : 'content_items_body_trgm_idx');
    });
  });

  it('lists the open conversations, woken snoozes among them, in inbox order across pages', async () => {
    let sequence = 0;
    const ingest = async (body: string, name: string, sentAt: string) => {
      sequence += 1;
      const response = await as('POST', '/api/messages', {
        business_id: business.id,
        channel: 'email',
        external_id: `open-${sequence}`,
        customer: { external_id: `customer-${sequence}`, name, handle: null },
        body,
        sent_at: sentAt,
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<IngestResult>().conversation_id;
    };
    const first = await ingest('Is the rye loaf vegan?', 'Ana Rye', '2026-03-01T09:00:00.000Z');
    const woken = await ingest('Any rye today?', 'Bo', '2026-03-01T10:00:00.000Z');
    const sleeping = await ingest('Rye on Sunday?', 'Chen', '2026-03-01T11:00:00.000Z');
    const done = await ingest('Thanks for the rye!', 'Dee', '2026-03-01T12:00:00.000Z');
    const last = await ingest('Opening hours?', 'Eli', '2026-03-01T13:00:00.000Z');
    const snooze = (id: string, until: string) =>
      t.database.db
        .updateTable('conversations')
        .set({ status: 'snoozed', snoozed_until: until })
        .where('id', '=', id)
        .execute();
    await snooze(woken, '2020-01-01T00:00:00.000Z');
    await snooze(sleeping, '2099-01-01T00:00:00.000Z');
    await t.database.db
      .updateTable('conversations')
      .set({ status: 'resolved' })
      .where('id', '=', done)
      .execute();

    const list = async (query: string) => {
      const response = await as('GET', `/api/messages?business_id=${business.id}${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: { id: string }[]; next_cursor: string | null }>();
    };
    expect((await list('&status=open')).items.map((item) => item.id)).toEqual([last, woken, first]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`&status=open&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([last, woken, first]);
    // "rye" is in Ana Rye's name and message: she comes once; the snoozed and the resolved are not open.
    expect((await list('&status=open&q=rye')).items.map((item) => item.id)).toEqual([woken, first]);
    expect((await list('&q=rye')).items.map((item) => item.id)).toEqual([done, sleeping, woken, first]);

    const plan = await planOf(t.database, (db) =>
      new ConversationRepository(db, dialect).page(
        business.id,
        { status: 'open', now: new Date().toISOString() },
        51,
      ),
    );
    if (dialect === 'sqlite') expect(plan).toContain('conversations_status_idx');
  });

  it('answers a search as common as a few thousand conversations along the inbox order, alike', async () => {
    // 2,400 conversations (past the 2,000 candidates a search reads one by one): each message asks for a
    // refund, one customer in three is a Santos, one in four conversations is open; inbox order is by time.
    const inbox = await createBusiness(t.app, owner, 'Busy inbox');
    const conversations: ConversationRow[] = [];
    const messages: MessageRow[] = [];
    for (let i = 0; i < 2_400; i++) {
      const at = new Date(Date.parse('2026-05-01T00:00:00.000Z') + i * 60_000).toISOString();
      const id = newId();
      const messageId = newId();
      messages.push({
        id: messageId,
        business_id: inbox.id,
        conversation_id: id,
        channel: 'email',
        direction: 'in',
        body: `Order ${i}: I would like a refund`,
        author: null,
        author_user_id: null,
        external_id: `refund-${i}`,
        visibility: 'public',
        classification: null,
        delivery_status: null,
        delivery_error: null,
        created_at: at,
      });
      conversations.push({
        id,
        business_id: inbox.id,
        channel: 'email',
        customer_external_id: `customer-${i}`,
        customer_name: i % 3 === 0 ? `Ana Santos ${i}` : `Bo Walsh ${i}`,
        customer_handle: null,
        status: i % 4 === 0 ? 'open' : 'resolved',
        snoozed_until: null,
        assignee_id: null,
        priority: 'normal',
        priority_rank: 1,
        sentiment: null,
        intent: null,
        language: null,
        labels: '[]',
        message_count: 1,
        last_message_id: messageId,
        first_response_at: null,
        resolved_at: null,
        last_message_at: at,
        created_at: at,
        updated_at: at,
      });
    }
    for (let start = 0; start < conversations.length; start += 400) {
      await t.database.db
        .insertInto('conversations')
        .values(conversations.slice(start, start + 400))
        .execute();
      await t.database.db
        .insertInto('messages')
        .values(messages.slice(start, start + 400))
        .execute();
    }
    const newest = (keep: (row: ConversationRow, index: number) => boolean) =>
      conversations
        .filter(keep)
        .map((row) => row.id)
        .reverse()
        .slice(0, 50);
    const search = async (query: string) => {
      const response = await as('GET', `/api/messages?business_id=${inbox.id}&limit=50${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ items: { id: string }[] }>().items.map((item) => item.id);
    };
    expect(await search('&q=REFUND')).toEqual(newest(() => true));
    expect(await search('&q=refund&status=open')).toEqual(newest((row) => row.status === 'open'));
    expect(await search('&q=santos')).toEqual(newest((_, index) => index % 3 === 0));
    expect(await search(`&q=${encodeURIComponent('order 123:')}`)).toEqual([conversations[123]?.id]);
  });

  it('goes down and up again, and search finds the rows that were there', async () => {
    expect(BEFORE).not.toBe('');
    const item = await createContent(t.app, owner, business.id, { body: 'Before the round trip: quince' });
    await migrateTo(t.database.db, BEFORE);
    await migrateToLatest(t.database.db);
    expect(await ids('q=quince')).toEqual([item.id]);
  });
});
