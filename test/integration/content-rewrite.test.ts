import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AiCall } from '#shared/ai.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const LONG_BODY =
  'Our autumn blend is here. Roasted in small batches every Tuesday, it brings notes of baked apple, toffee and a gentle hazelnut finish. Try it as a flat white or a slow pour-over on a cold morning. Subscribers get the first bags this week, and everyone else can order from Friday. Come and taste it at the bar this weekend.';

describeEachDialect('rewriting a content item', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let businessId: string;
  let item: ContentItem;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: owner.auth,
      payload: { business_id: businessId, channel: 'linkedin', title: 'Autumn blend', body: LONG_BODY },
    });
    item = created.json<ContentItem>();
  });
  afterEach(() => t.close());

  const rewrite = (payload: object, account = owner, id = item.id) =>
    t.app.inject({ method: 'POST', url: `/api/content/${id}/rewrite`, headers: account.auth, payload });

  it('suggests a shorter text without saving it, metered in the ledger', async () => {
    const response = await rewrite({ mode: 'shorten' });
    expect(response.statusCode).toBe(200);
    const result = response.json<{ output: { text: string }; offline: boolean; item_version: number }>();
    expect(result.offline).toBe(true);
    expect(result.item_version).toBe(item.version);
    expect(result.output.text.length).toBeGreaterThan(0);
    expect(result.output.text.length).toBeLessThan(LONG_BODY.length);
    const after = (
      await t.app.inject({ url: `/api/content/${item.id}`, headers: owner.auth })
    ).json<ContentItem>();
    expect(after.body).toBe(LONG_BODY);
    const calls = (
      await t.app.inject({ url: `/api/ai/calls?business_id=${businessId}`, headers: owner.auth })
    ).json<{ items: AiCall[] }>();
    expect(calls.items[0]).toMatchObject({ task: 'rewriteContent', outcome: 'ok' });
  });

  it('checks rights and input: 404 across tenants, 403 for viewers, 400 for nothing to rewrite', async () => {
    const stranger = await registerAccount(t.app);
    expect((await rewrite({ mode: 'shorten' }, stranger)).statusCode).toBe(404);
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, { id: businessId } as never, viewer, 'viewer');
    expect((await rewrite({ mode: 'shorten' }, viewer)).statusCode).toBe(403);
    expect((await rewrite({ mode: 'louder' })).statusCode).toBe(400);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: owner.auth,
      payload: { business_id: businessId, channel: 'x', status: 'idea' },
    });
    const noText = await rewrite({ mode: 'expand' }, owner, empty.json<ContentItem>().id);
    expect(noText.statusCode).toBe(400);
    expect(noText.json<Problem>().errors?.[0]?.path).toBe('body');
  });
});
