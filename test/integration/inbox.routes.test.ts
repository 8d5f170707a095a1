import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type {
  Conversation,
  ConversationThread,
  ImportMessagesResult,
  IngestResult,
} from '#shared/inbox.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The inbox API over the real app: ingest (idempotent), the conversation list with its filters, search
// and cursor pages, threads, triage by hand, import, roles, and another workspace's ids answering 404.

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Page = { items: Conversation[]; next_cursor: string | null };

describeEachDialect('inbox routes', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let sequence = 0;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterEach(() => t.close());

  const as = (account: TestAccount, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const ingest = async (fields: Record<string, unknown> = {}, account = owner, businessId = business.id) => {
    sequence += 1;
    const response = await as(account, 'POST', '/api/messages', {
      business_id: businessId,
      channel: 'instagram',
      external_id: `ext-${sequence}`,
      customer: { external_id: `cust-${sequence}`, name: `Customer ${sequence}`, handle: null },
      body: `Hello number ${sequence}`,
      ...fields,
    });
    expect([200, 201], response.body).toContain(response.statusCode);
    return response.json<IngestResult>();
  };
  const list = async (query = '') => {
    const response = await as(owner, 'GET', `/api/messages?business_id=${business.id}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };
  const patch = async (id: string, body: object, account = owner) =>
    as(account, 'PATCH', `/api/messages/${id}`, body);

  it('ingests a message once per channel and external id, and threads a customer’s messages', async () => {
    const message = {
      channel: 'email',
      external_id: 'mail-1',
      customer: { external_id: 'ana@example.com', name: 'Ana', handle: null },
      body: 'Do you deliver on Sundays?',
      sent_at: '2026-03-01T09:00:00.000Z',
    };
    const first = await as(owner, 'POST', '/api/messages', { business_id: business.id, ...message });
    expect(first.statusCode, first.body).toBe(201);
    const created = first.json<IngestResult>();
    expect(created.duplicate).toBe(false);
    const again = await as(owner, 'POST', '/api/messages', { business_id: business.id, ...message });
    expect(again.statusCode).toBe(200);
    expect(again.json<IngestResult>()).toEqual({ ...created, duplicate: true });

    const second = await ingest({
      ...message,
      external_id: 'mail-2',
      body: 'And Saturdays?',
      sent_at: '2026-03-01T09:05:00.000Z',
    });
    expect(second.conversation_id).toBe(created.conversation_id);
    // Same customer id on another channel is another conversation.
    const sms = await ingest({ ...message, channel: 'sms', external_id: 'mail-1' });
    expect(sms.conversation_id).not.toBe(created.conversation_id);

    const thread = (
      await as(owner, 'GET', `/api/messages/${created.conversation_id}`)
    ).json<ConversationThread>();
    expect(thread.messages.map((m) => m.body)).toEqual(['Do you deliver on Sundays?', 'And Saturdays?']);
    expect(thread.conversation).toMatchObject({
      channel: 'email',
      customer: { external_id: 'ana@example.com', name: 'Ana' },
      status: 'open',
      priority: 'normal',
      message_count: 2,
      created_at: '2026-03-01T09:00:00.000Z',
      last_message_at: '2026-03-01T09:05:00.000Z',
      latest_message: { body: 'And Saturdays?', direction: 'in' },
      first_response_seconds: null,
    });
  });

  it('lists by priority then recency, filters every field, searches text and pages with a cursor', async () => {
    const a = await ingest({ body: 'Where is my order #1234?', sent_at: '2026-03-01T10:00:00.000Z' });
    const b = await ingest({
      channel: 'email',
      body: 'Love the sourdough',
      sent_at: '2026-03-01T11:00:00.000Z',
    });
    const c = await ingest({
      customer: { external_id: 'zed', name: 'Zed Baker', handle: '@zedb' },
      body: 'Refund please, the cake was 100% stale',
      sent_at: '2026-03-01T09:00:00.000Z',
    });
    const d = await ingest({
      channel: 'sms',
      body: 'Do you cater weddings?',
      sent_at: '2026-03-01T12:00:00.000Z',
    });
    const member = await registerAccount(t.app);
    await addMember(t.app, owner, business, member, 'editor');
    expect(
      (
        await patch(c.conversation_id, {
          priority: 'urgent',
          sentiment: 'negative',
          intent: 'complaint',
          labels: ['refunds', 'vip'],
        })
      ).statusCode,
    ).toBe(200);
    await patch(a.conversation_id, { priority: 'high', assignee_id: member.session.user.id, language: 'EN' });
    await patch(b.conversation_id, { status: 'resolved' });
    await patch(d.conversation_id, { status: 'snoozed', snoozed_until: '2099-01-01T00:00:00.000Z' });

    const ids = (page: Page) => page.items.map((item) => item.id);
    expect(ids(await list())).toEqual([c, a, d, b].map((r) => r.conversation_id));
    expect(ids(await list('&channel=email'))).toEqual([b.conversation_id]);
    expect(ids(await list('&status=open'))).toEqual([c, a].map((r) => r.conversation_id));
    expect(ids(await list('&status=snoozed'))).toEqual([d.conversation_id]);
    expect(ids(await list('&status=resolved'))).toEqual([b.conversation_id]);
    expect(ids(await list('&priority=high'))).toEqual([a.conversation_id]);
    expect(ids(await list('&sentiment=negative'))).toEqual([c.conversation_id]);
    expect(ids(await list('&intent=complaint'))).toEqual([c.conversation_id]);
    expect(ids(await list('&language=en'))).toEqual([a.conversation_id]);
    expect(ids(await list(`&assignee=${member.session.user.id}`))).toEqual([a.conversation_id]);
    expect(ids(await list('&assignee=none'))).toEqual([c, d, b].map((r) => r.conversation_id));
    expect(ids(await list('&label=vip'))).toEqual([c.conversation_id]);
    expect(ids(await list('&label=vi'))).toEqual([]);
    expect(ids(await list('&q=SOURDOUGH'))).toEqual([b.conversation_id]);
    // LIKE wildcards in the search are literal characters.
    expect(ids(await list(`&q=${encodeURIComponent('100%')}`))).toEqual([c.conversation_id]);
    expect(ids(await list('&q=%25'))).toEqual([c.conversation_id]);
    expect(ids(await list('&q=_'))).toEqual([]);
    expect(ids(await list('&q=zed%20BAK'))).toEqual([c.conversation_id]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(`&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual([c, a, d, b].map((r) => r.conversation_id));
    const bad = await as(owner, 'GET', `/api/messages?business_id=${business.id}&cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
  });

  it('triages by hand: resolve with resolution time, snooze only into the future, assign only members', async () => {
    const { conversation_id: id } = await ingest({ sent_at: new Date(Date.now() - 60_000).toISOString() });
    const resolved = (await patch(id, { status: 'resolved' })).json<ConversationThread>().conversation;
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolution_seconds).toBeGreaterThanOrEqual(59);
    const reopened = (await patch(id, { status: 'open' })).json<ConversationThread>().conversation;
    expect(reopened).toMatchObject({ status: 'open', resolved_at: null, resolution_seconds: null });

    const past = await patch(id, { status: 'snoozed', snoozed_until: '2020-01-01T00:00:00.000Z' });
    expect(past.statusCode).toBe(400);
    expect((await patch(id, { status: 'snoozed' })).statusCode).toBe(400);
    const stranger = await registerAccount(t.app);
    const notMember = await patch(id, { assignee_id: stranger.session.user.id });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json<Problem>().errors?.[0]?.path).toBe('body.assignee_id');
    expect((await patch(id, { nonsense: true })).statusCode).toBe(400);

    // A new customer message reopens a resolved conversation.
    await patch(id, { status: 'resolved' });
    const thread = (await as(owner, 'GET', `/api/messages/${id}`)).json<ConversationThread>();
    await ingest({ customer: thread.conversation.customer, body: 'One more thing' });
    const after = (await as(owner, 'GET', `/api/messages/${id}`)).json<ConversationThread>();
    expect(after.conversation).toMatchObject({ status: 'open', resolved_at: null, message_count: 2 });
  });

  it('imports CSV and JSON all or none, counting messages already stored as duplicates', async () => {
    const csv = [
      'channel,external_id,customer_id,customer_name,customer_handle,body,sent_at',
      'email,imp-1,c1,Bea,,"Hi, is the shop open?",2026-02-01T10:00:00Z',
      'google_business,imp-2,c2,Caio,,Great bread,2026-02-01T11:00:00Z',
    ].join('\n');
    const imported = await as(owner, 'POST', '/api/messages/import', { business_id: business.id, csv });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json<ImportMessagesResult>()).toEqual({ imported: 2, duplicates: 0 });

    const broken = `${csv}\nemail,imp-3,c3,Dan,,,2026-02-01T12:00:00Z\nfax,imp-4,c4,Eve,,Hello,`;
    const refused = await as(owner, 'POST', '/api/messages/import', {
      business_id: business.id,
      csv: broken,
    });
    expect(refused.statusCode).toBe(422);
    const paths = refused.json<Problem>().errors?.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['csv.4.body', 'csv.5.channel']));
    expect((await list()).items).toHaveLength(2);

    const json = await as(owner, 'POST', '/api/messages/import', {
      business_id: business.id,
      messages: [
        {
          channel: 'email',
          external_id: 'imp-1',
          customer: { external_id: 'c1' },
          body: 'Hi, is the shop open?',
        },
        {
          channel: 'x',
          external_id: 'x-9',
          customer: { external_id: '@dee', handle: '@dee' },
          body: 'Open late?',
        },
      ],
    });
    expect(json.json<ImportMessagesResult>()).toEqual({ imported: 1, duplicates: 1 });
    const twice = await as(owner, 'POST', '/api/messages/import', {
      business_id: business.id,
      messages: [
        { channel: 'x', external_id: 'x-10', customer: { external_id: '@e' }, body: 'a' },
        { channel: 'x', external_id: 'x-10', customer: { external_id: '@e' }, body: 'a' },
      ],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json<Problem>().errors?.[0]?.path).toBe('messages.1.external_id');
    expect((await list()).items).toHaveLength(3);
  });

  it('lets viewers read but not ingest, triage or reply', async () => {
    const { conversation_id: id } = await ingest();
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    expect((await as(viewer, 'GET', `/api/messages?business_id=${business.id}`)).statusCode).toBe(200);
    expect((await as(viewer, 'GET', `/api/messages/${id}`)).statusCode).toBe(200);
    expect((await patch(id, { status: 'resolved' }, viewer)).statusCode).toBe(403);
    const posted = await as(viewer, 'POST', '/api/messages', {
      business_id: business.id,
      channel: 'sms',
      external_id: 'v1',
      customer: { external_id: 'v' },
      body: 'hi',
    });
    expect(posted.statusCode).toBe(403);
    expect((await as(viewer, 'POST', `/api/messages/${id}/ai-reply`, {})).statusCode).toBe(403);
    expect((await as(viewer, 'POST', `/api/messages/${id}/reply`, { body: 'Hi' })).statusCode).toBe(403);
  });

  it('answers 404 for another workspace’s ids on every inbox route', async () => {
    const { conversation_id: id } = await ingest();
    const canned = (
      await as(owner, 'POST', '/api/inbox/canned-replies', {
        business_id: business.id,
        title: 'Hi',
        body: 'Hello!',
      })
    ).json<{ id: string }>();
    const entry = (
      await as(owner, 'POST', '/api/inbox/knowledge', {
        business_id: business.id,
        title: 'Hours',
        body: '9–5',
      })
    ).json<{ id: string }>();
    const rule = (
      await as(owner, 'POST', '/api/inbox/rules', {
        business_id: business.id,
        name: 'Refunds',
        match: { keywords: ['refund'] },
        actions: { labels: ['refunds'] },
      })
    ).json<{ id: string }>();
    expect([canned.id, entry.id, rule.id].every(Boolean)).toBe(true);

    const other = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, other, 'Other Shop');
    const b = business.id;
    const requests: Array<[Method, string, object?]> = [
      ['GET', `/api/messages?business_id=${b}`],
      [
        'POST',
        '/api/messages',
        { business_id: b, channel: 'sms', external_id: 'z', customer: { external_id: 'z' }, body: 'x' },
      ],
      [
        'POST',
        '/api/messages/import',
        {
          business_id: b,
          messages: [{ channel: 'sms', external_id: 'z', customer: { external_id: 'z' }, body: 'x' }],
        },
      ],
      ['GET', `/api/messages/${id}`],
      ['PATCH', `/api/messages/${id}`, { status: 'resolved' }],
      ['POST', `/api/messages/${id}/ai-reply`, {}],
      ['POST', `/api/messages/${id}/reply`, { body: 'Hi' }],
      ['GET', `/api/inbox/canned-replies?business_id=${b}`],
      ['POST', '/api/inbox/canned-replies', { business_id: b, title: 'x', body: 'y' }],
      ['PATCH', `/api/inbox/canned-replies/${canned.id}`, { title: 'x' }],
      ['DELETE', `/api/inbox/canned-replies/${canned.id}`],
      ['GET', `/api/inbox/knowledge?business_id=${b}`],
      ['POST', '/api/inbox/knowledge', { business_id: b, title: 'x', body: 'y' }],
      ['PATCH', `/api/inbox/knowledge/${entry.id}`, { title: 'x' }],
      ['DELETE', `/api/inbox/knowledge/${entry.id}`],
      ['GET', `/api/inbox/rules?business_id=${b}`],
      [
        'POST',
        '/api/inbox/rules',
        { business_id: b, name: 'x', match: { keywords: ['a'] }, actions: { labels: ['a'] } },
      ],
      ['PATCH', `/api/inbox/rules/${rule.id}`, { name: 'x' }],
      ['DELETE', `/api/inbox/rules/${rule.id}`],
      ['GET', `/api/inbox/inbound-secret?business_id=${b}`],
      ['POST', '/api/inbox/inbound-secret', { business_id: b }],
    ];
    for (const [method, url, payload] of requests) {
      const response = await as(other, method, url, payload);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(404);
    }
    // Their own workspace is empty, and nothing of ours changed.
    expect((await as(other, 'GET', `/api/messages?business_id=${theirs.id}`)).json<Page>().items).toEqual([]);
    expect((await list()).items.map((item) => item.status)).toEqual(['open']);
    expect(
      (await as(owner, 'GET', `/api/inbox/rules?business_id=${b}`)).json<{ items: unknown[] }>().items,
    ).toHaveLength(1);
  });
});
