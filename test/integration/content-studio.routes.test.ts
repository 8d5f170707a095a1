import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createCampaign } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Generated = { call_id: string; output: { variants: unknown[] }; saved_items?: ContentItem[] };

describeEachDialect('content studio: generate and save as drafts', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterEach(() => t.close());

  const generate = (account: TestAccount, payload: object, accept = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/content/generate',
      headers: { ...account.auth, accept },
      payload: { business_id: business.id, channel: 'bluesky', brief: 'Our spring menu is here', ...payload },
    });

  it('saves the variants as drafts sharing a variant group and the AI call', async () => {
    const campaign = await createCampaign(t.app, owner, business.id);
    const response = await generate(owner, { variants: 3, save_as_drafts: true, campaign_id: campaign.id });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<Generated>();
    const saved = result.saved_items ?? [];
    expect(saved).toHaveLength(3);
    expect(new Set(saved.map((item) => item.variant_group)).size).toBe(1);
    for (const item of saved) {
      expect(item).toMatchObject({
        status: 'draft',
        channel: 'bluesky',
        ai_call_id: result.call_id,
        campaign_id: campaign.id,
        version: 1,
      });
    }
    const listed = await t.app.inject({
      method: 'GET',
      url: `/api/content?business_id=${business.id}&campaign_id=${campaign.id}`,
      headers: owner.auth,
    });
    expect(listed.json<{ items: ContentItem[] }>().items).toHaveLength(3);
  });

  it('saves nothing unless asked, and streams saved drafts in the result event', async () => {
    expect((await generate(owner, {})).json<Generated>().saved_items).toBeUndefined();
    const streamed = await generate(owner, { save_as_drafts: true }, 'text/event-stream');
    const result = streamed.body.split('\n\n').find((block) => block.startsWith('event: result'));
    expect(result).toContain('"saved_items":[{');
  });

  it('refuses a viewer or a foreign campaign before spending anything', async () => {
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    expect((await generate(viewer, { save_as_drafts: true })).statusCode).toBe(403);
    const stranger = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, stranger, 'Elsewhere');
    const foreign = await createCampaign(t.app, stranger, theirs.id);
    const response = await generate(owner, { save_as_drafts: true, campaign_id: foreign.id });
    expect(response.statusCode).toBe(404);
    expect(response.json<Problem>().errors?.[0]?.path).toBe('body.campaign_id');
    const usage = await t.app.inject({
      method: 'GET',
      url: `/api/ai/calls?business_id=${business.id}`,
      headers: owner.auth,
    });
    expect(usage.json<{ items: unknown[] }>().items).toEqual([]);
  });
});
