import { afterEach, beforeEach, expect, it } from 'vitest';
import { signatureHeader } from '#server/integrations/signed-delivery.js';
import type { Business } from '#shared/business.schema.js';
import type { Conversation, InboundSecret } from '#shared/inbox.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The signed inbound webhook against the attacks it must refuse: a bad or missing signature, a stale or
// future timestamp, a tampered body, another workspace's secret, a rotated-out secret, and replays. A
// refusal stores nothing; a valid duplicate answers 200 and stores nothing new.

describeEachDialect('inbound webhook', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let secret: string;
  let sequence = 0;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    secret = await rotate(owner, business.id);
  });
  afterEach(() => t.close());

  async function rotate(account: TestAccount, businessId: string): Promise<string> {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/inbox/inbound-secret',
      headers: account.auth,
      payload: { business_id: businessId },
    });
    expect(response.statusCode, response.body).toBe(200);
    const issued = response.json<InboundSecret>();
    expect(issued.secret).toMatch(/^whin_[\w-]{40,}$/);
    return issued.secret as string;
  }

  const now = () => Math.floor(Date.now() / 1000);
  const event = (fields: Record<string, unknown> = {}) => {
    sequence += 1;
    return {
      event_id: `evt-${sequence}`,
      external_id: `ig-${sequence}`,
      customer: { external_id: 'ig-user-1', name: 'Lia', handle: '@lia' },
      body: `Hi there ${sequence}`,
      ...fields,
    };
  };
  const send = (
    body: string,
    options: {
      signWith?: string;
      at?: number;
      signedBody?: string;
      workspace?: string;
      source?: string;
    } = {},
    header?: string,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/inbound/${options.workspace ?? business.id}/${options.source ?? 'instagram'}`,
      headers: {
        'content-type': 'application/json',
        'x-mcc-signature':
          header ??
          signatureHeader(options.signWith ?? secret, options.signedBody ?? body, options.at ?? now()),
      },
      payload: body,
    });
  const stored = async () =>
    (await t.app.inject({ url: `/api/messages?business_id=${business.id}`, headers: owner.auth })).json<{
      items: Conversation[];
    }>().items;

  it('accepts a signed event once; a replayed event id or a repeated message answers 200 and stores nothing', async () => {
    const first = JSON.stringify(event());
    const accepted = await send(first);
    expect(accepted.statusCode, accepted.body).toBe(202);
    expect(accepted.json()).toMatchObject({ status: 'accepted', conversation_id: expect.any(String) });
    const replay = await send(first);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ status: 'duplicate', conversation_id: null, message_id: null });
    // A retry under a new event id of a message already stored is a duplicate too.
    const parsed = JSON.parse(first) as { external_id: string };
    const again = await send(JSON.stringify(event({ external_id: parsed.external_id })));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'duplicate', message_id: accepted.json().message_id });
    const conversations = await stored();
    expect(conversations).toHaveLength(1);
    expect(conversations[0]).toMatchObject({
      channel: 'instagram',
      message_count: 1,
      customer: { handle: '@lia' },
    });
  });

  it('verifies the exact bytes received: extra whitespace signed as sent is accepted', async () => {
    const body = `{ "event_id" : "evt-ws",\n  "external_id": "ig-ws", "customer": {"external_id": "u"},  "body": "hello"  }`;
    expect((await send(body)).statusCode).toBe(202);
  });

  it('refuses forgeries with 401 and stores nothing', async () => {
    const other = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, other, 'Other Shop');
    const theirSecret = await rotate(other, theirs.id);
    const body = JSON.stringify(event());
    const attempts = [
      await send(body, { signWith: 'whin_guessed' }),
      await send(body, { signWith: theirSecret }),
      await send(body, { at: now() - 301 }),
      await send(body, { at: now() + 301 }),
      await send(body, { signedBody: JSON.stringify(event()) }),
      await send(body.replace('Hi there', 'Refund me'), { signedBody: body }),
      await send(body, {}, 'v1=deadbeef'),
      await send(body, {}, `t=${now()}`),
      await send(body, {}, `t=${now()},v1=${'0'.repeat(64)}`),
      await send(body, {}, ''),
      // Our secret for our workspace, sent to theirs.
      await send(body, { workspace: theirs.id }),
    ];
    for (const [index, response] of attempts.entries()) {
      expect(response.statusCode, `attempt ${index}: ${response.body}`).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthenticated' });
    }
    const unsigned = await t.app.inject({
      method: 'POST',
      url: `/api/inbound/${business.id}/instagram`,
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(401);
    expect(await stored()).toEqual([]);
    // The same event, properly signed, still goes through: the refusals did not burn its id.
    expect((await send(body)).statusCode).toBe(202);
  });

  it('answers 401 for a workspace without a secret, an unknown one, and a rotated-out secret', async () => {
    const other = await registerAccount(t.app);
    const unconfigured = await createBusiness(t.app, other, 'No Secret Yet');
    const body = JSON.stringify(event());
    expect((await send(body, { workspace: unconfigured.id })).statusCode).toBe(401);
    expect((await send(body, { workspace: '01900000-0000-7000-8000-00000000dead' })).statusCode).toBe(401);
    const old = secret;
    secret = await rotate(owner, business.id);
    expect((await send(body, { signWith: old })).statusCode).toBe(401);
    expect((await send(body)).statusCode).toBe(202);
  });

  it('takes the channel from the source, or from the body; refuses a body that is not an event', async () => {
    const email = await send(JSON.stringify(event({ channel: 'email' })), { source: 'zapier' });
    expect(email.statusCode, email.body).toBe(202);
    const unknown = await send(JSON.stringify(event()), { source: 'zapier' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ path: 'body.channel' }] });
    const notJson = await send('{"event_id": ');
    expect(notJson.statusCode).toBe(400);
    const missing = await send(JSON.stringify({ event_id: 'x' }));
    expect(missing.statusCode).toBe(400);
    expect((await stored()).map((c) => c.channel)).toEqual(['email']);
  });

  it('shows whether a secret exists but never the secret; only owners and admins issue one', async () => {
    const status = await t.app.inject({
      url: `/api/inbox/inbound-secret?business_id=${business.id}`,
      headers: owner.auth,
    });
    expect(status.json<InboundSecret>()).toMatchObject({
      configured: true,
      secret: null,
      url_template: `/api/inbound/${business.id}/{source}`,
    });
    expect(status.body).not.toContain(secret);
    const editor = await registerAccount(t.app);
    await addMember(t.app, owner, business, editor, 'editor');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/inbox/inbound-secret',
      headers: editor.auth,
      payload: { business_id: business.id },
    });
    expect(refused.statusCode).toBe(403);
    // The first secret was created (in beforeEach), not rotated; issuing another rotates it.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/inbox/inbound-secret',
      headers: owner.auth,
      payload: { business_id: business.id },
    });
    expect(again.statusCode).toBe(200);
    const audit = await t.app.inject({ url: `/api/business/${business.id}/audit-log`, headers: owner.auth });
    const actions = audit
      .json<{ items: { action: string }[] }>()
      .items.map((entry) => entry.action)
      .filter((action) => action.startsWith('inbox.inbound_secret'));
    expect(actions).toEqual(['inbox.inbound_secret_rotated', 'inbox.inbound_secret_created']);
  });
});
