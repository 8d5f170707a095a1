import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signatureHeader } from '#server/integrations/signed-delivery.js';
import type { Business } from '#shared/business.schema.js';
import type { ConversationThread, InboundSecret, IngestResult } from '#shared/inbox.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// U+0000 is valid JSON and JavaScript, SQLite stores it and PostgreSQL answers "invalid byte sequence for
// encoding UTF8: 0x00" (a 500). Every input answers the same on both: a 400 naming the field, except
// customer text from other systems (ingest, import, the signed inbound webhook), stored without the NUL.

const NUL = '\u0000';

describeEachDialect('U+0000 (NUL) in input', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let sequence = 0;

  // One app per dialect: every case below either is refused (changes nothing) or adds its own messages.
  beforeAll(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterAll(() => t.close());

  const as = (options: InjectOptions) =>
    t.app.inject({ ...options, headers: { ...owner.auth, ...options.headers } });
  const ingest = async (body: string, customerName = 'Lia') => {
    sequence += 1;
    const response = await as({
      method: 'POST',
      url: '/api/messages',
      payload: {
        business_id: business.id,
        channel: 'email',
        external_id: `m-${sequence}`,
        customer: { external_id: `c-${sequence}`, name: customerName },
        body,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<IngestResult>();
  };
  const thread = async (conversationId: string) =>
    (await as({ url: `/api/messages/${conversationId}` })).json<ConversationThread>();
  const list = (query: string) => as({ url: `/api/messages?business_id=${business.id}&${query}` });
  /** A real next-page cursor with a NUL slipped into its position, still well-formed base64url JSON. */
  const forgedCursor = async () => {
    await ingest('first');
    await ingest('second');
    const cursor = (await list('limit=1')).json<{ next_cursor: string }>().next_cursor;
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as string[];
    parts[2] = `${parts[2]}${NUL}`;
    return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
  };

  const refused: Array<[string, () => Promise<InjectOptions>, string[]]> = [
    [
      'a workspace name',
      async () => ({ method: 'POST', url: '/api/business/', payload: { name: `Shop${NUL}` } }),
      ['body.name'],
    ],
    [
      'a content title and body',
      async () => ({
        method: 'POST',
        url: '/api/content',
        payload: { business_id: business.id, channel: 'instagram', title: `Launch${NUL}`, body: `Hi${NUL}!` },
      }),
      ['body.title', 'body.body'],
    ],
    [
      'a knowledge entry',
      async () => ({
        method: 'POST',
        url: '/api/inbox/knowledge',
        payload: { business_id: business.id, title: 'Hours', body: `Open 9${NUL}-5` },
      }),
      ['body.body'],
    ],
    [
      'a rule',
      async () => ({
        method: 'POST',
        url: '/api/inbox/rules',
        payload: {
          business_id: business.id,
          name: 'Refunds',
          match: { keywords: [`refund${NUL}`], regex: `ref${NUL}und` },
          actions: { labels: ['refunds'] },
        },
      }),
      ['body.match.keywords.0', 'body.match.regex'],
    ],
    [
      'a reply to a customer',
      async () => ({
        method: 'POST',
        url: `/api/messages/${(await ingest('Hello')).conversation_id}/reply`,
        payload: { body: `Thanks${NUL}` },
      }),
      ['body.body'],
    ],
    [
      'a label set by hand',
      async () => ({
        method: 'PATCH',
        url: `/api/messages/${(await ingest('Hello')).conversation_id}`,
        payload: { labels: [`vip${NUL}`] },
      }),
      ['body.labels.0'],
    ],
    [
      'a content CSV import',
      async () => ({
        method: 'POST',
        url: '/api/content/import',
        payload: { business_id: business.id, csv: `channel,title\ninstagram,Hi${NUL}` },
      }),
      ['body.csv'],
    ],
    [
      'a field name',
      async () => ({ method: 'POST', url: '/api/business/', payload: { name: 'Shop', [`x${NUL}`]: 1 } }),
      ['body.x\\u0000'],
    ],
    [
      'the pillar filter',
      async () => ({ url: `/api/content?business_id=${business.id}&pillar=news%00` }),
      ['query.pillar'],
    ],
    [
      'the language filter',
      async () => ({ url: `/api/messages?business_id=${business.id}&language=e%00n` }),
      ['query.language'],
    ],
    [
      'the label filter',
      async () => ({ url: `/api/messages?business_id=${business.id}&label=vip%00` }),
      ['query.label'],
    ],
    ['the search', async () => ({ url: `/api/messages?business_id=${business.id}&q=order%00` }), ['query.q']],
    [
      'a cursor',
      async () => ({ url: `/api/messages?business_id=${business.id}&cursor=abc%00` }),
      ['query.cursor'],
    ],
    [
      'a cursor that decodes to a NUL',
      async () => ({ url: `/api/messages?business_id=${business.id}&cursor=${await forgedCursor()}` }),
      ['query.cursor'],
    ],
  ];

  it.each(refused)('refuses %s with a 400 naming the field', async (_name, request, paths) => {
    const response = await as(await request());
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((error) => error.path)).toEqual(paths);
  });

  it('refuses a NUL in a login email before looking the account up', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `${owner.email}${NUL}`, password: owner.password },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<Problem>().errors).toEqual([
      {
        path: 'body.email',
        code: 'nul_character',
        message: expect.stringMatching(/^Remove the NUL character/),
      },
    ]);
  });

  it('stores a message ingested through the API without its NUL characters', async () => {
    const ingested = await ingest(`Where is my order${NUL}?`, `Li${NUL}a`);
    const stored = await thread(ingested.conversation_id);
    expect(stored.messages[0]?.body).toBe('Where is my order?');
    expect(stored.conversation.customer.name).toBe('Lia');
  });

  it('stores imported messages (CSV and JSON) without their NUL characters', async () => {
    const csv = [
      'channel,external_id,customer_id,customer_name,customer_handle,body,sent_at',
      `sms,csv-1,cust-1,Noor,,Is it in stock${NUL}?,`,
    ].join('\n');
    const fromCsv = await as({
      method: 'POST',
      url: '/api/messages/import',
      payload: { business_id: business.id, csv },
    });
    expect(fromCsv.statusCode, fromCsv.body).toBe(200);
    const fromJson = await as({
      method: 'POST',
      url: '/api/messages/import',
      payload: {
        business_id: business.id,
        messages: [
          {
            channel: 'email',
            external_id: `json${NUL}-1`,
            customer: { external_id: 'cust-2' },
            body: `Hi${NUL}!`,
          },
        ],
      },
    });
    expect(fromJson.statusCode, fromJson.body).toBe(200);
    const bodies = await Promise.all(
      (await list('q=stock'))
        .json<{ items: Array<{ id: string }> }>()
        .items.map(async ({ id }) => (await thread(id)).messages[0]?.body),
    );
    expect(bodies).toEqual(['Is it in stock?']);
    const fromJsonThread = (await list('q=Hi!')).json<{ items: Array<{ id: string }> }>().items;
    expect(fromJsonThread).toHaveLength(1);
    expect((await thread(fromJsonThread[0]?.id ?? '')).messages[0]).toMatchObject({
      body: 'Hi!',
      external_id: 'json-1',
    });
  });

  it('accepts a signed inbound event with a NUL and stores the text without it, so the sender stops retrying', async () => {
    const issued = await as({
      method: 'POST',
      url: '/api/inbox/inbound-secret',
      payload: { business_id: business.id },
    });
    const secret = issued.json<InboundSecret>().secret as string;
    const body = JSON.stringify({
      event_id: 'evt-nul',
      external_id: 'ig-nul',
      customer: { external_id: 'ig-user', name: `Li${NUL}a` },
      body: `Are you open${NUL} today?`,
    });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/inbound/${business.id}/instagram`,
      headers: {
        'content-type': 'application/json',
        'x-mcc-signature': signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
      },
      payload: body,
    });
    expect(response.statusCode, response.body).toBe(202);
    const stored = await thread(response.json<{ conversation_id: string }>().conversation_id);
    expect(stored.messages[0]?.body).toBe('Are you open today?');
    expect(stored.conversation.customer.name).toBe('Lia');
  });
});
