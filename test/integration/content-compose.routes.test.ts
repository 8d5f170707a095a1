import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { ComposePostResult } from '#shared/compose.schema.js';
import type { ContentHistoryEntry, ContentItem } from '#shared/content.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createCampaign } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { noisyPng } from '../support/media-fixtures.js';
import { multipartFile } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The composer over HTTP: one post, a variant per network, created together or not at all. A fixed clock
// (Monday 22 March 2027, 10:00 UTC) so the queue's slots are known.

const NOW = Date.parse('2027-03-22T10:00:00.000Z');
const AT = '2027-03-24T09:30:00.000Z';
type Method = 'GET' | 'POST' | 'PATCH';

describeEachDialect('composing one post for several networks', (create) => {
  let t: TestApp;
  let dataDir: string;
  let owner: TestAccount;
  let editor: TestAccount;
  let stranger: TestAccount;
  let business: Business;
  let elsewhere: Business;
  let photo: MediaItem;

  const as = (account: TestAccount, method: Method, url: string, payload?: object, key?: string) =>
    t.app.inject({
      method,
      url,
      headers: { ...account.auth, ...(key ? { 'idempotency-key': key } : {}) },
      ...(payload ? { payload } : {}),
    });
  const upload = async (account: TestAccount, businessId: string, name: string) => {
    const body = multipartFile(await noisyPng(48, 32), { fileName: name, contentType: 'image/png' });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/media?business_id=${businessId}`,
      headers: { ...account.auth, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<MediaItem>();
  };
  const compose = (account: TestAccount, body: object, key?: string) =>
    as(account, 'POST', '/api/content/posts', { business_id: business.id, ...body }, key);
  const library = async () =>
    (await as(owner, 'GET', `/api/content?business_id=${business.id}&limit=200`)).json<{
      items: ContentItem[];
    }>().items;
  const threeNetworks = {
    x: { body: 'Spring menu is here: wild garlic soup and rhubarb tart.', hashtags: ['SpringMenu'] },
    linkedin: {
      body: 'Our spring menu starts today. We worked with three local farms on it.',
      hashtags: ['Food', 'LocalFarms'],
    },
    instagram: { body: 'Spring on a plate 🌱 Wild garlic soup, rhubarb tart.', hashtags: ['spring'] },
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-compose-'));
    t = await createTestApp(await create(), { DATA_DIR: dataDir }, { now: () => new Date(NOW) });
    owner = await registerAccount(t.app);
    editor = await registerAccount(t.app);
    stranger = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    await addMember(t.app, owner, business, editor, 'editor');
    elsewhere = await createBusiness(t.app, stranger, 'Elsewhere');
    photo = await upload(owner, business.id, 'Spring table.png');
    const described = await as(owner, 'PATCH', `/api/media/${photo.id}`, {
      alt_text: 'A table set with soup and tart',
    });
    expect(described.statusCode, described.body).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('schedules a variant per network together, with the shared brief and media, linked as one post', async () => {
    const response = await compose(owner, {
      title: 'Spring menu',
      brief: 'The new spring menu, photographed on the terrace',
      pillar: 'Menu',
      media_ids: [photo.id],
      variants: threeNetworks,
      intent: 'schedule',
      scheduled_at: AT,
    });
    expect(response.statusCode, response.body).toBe(201);
    const { post_group: group, items } = response.json<ComposePostResult>();
    expect(items.map((item) => item.channel)).toEqual(['x', 'linkedin', 'instagram']);
    for (const item of items) {
      expect(item).toMatchObject({
        post_group: group,
        variant_group: null,
        status: 'scheduled',
        scheduled_at: AT,
        title: 'Spring menu',
        media_brief: 'The new spring menu, photographed on the terrace',
        pillar: 'Menu',
        version: 3,
        media: [{ id: photo.id, alt_text: 'A table set with soup and tart' }],
      });
    }
    expect(items[1]?.hashtags).toEqual(['Food', 'LocalFarms']);

    const siblings = await as(owner, 'GET', `/api/content?business_id=${business.id}&post_group=${group}`);
    expect(siblings.statusCode, siblings.body).toBe(200);
    expect(
      siblings
        .json<{ items: ContentItem[] }>()
        .items.map((item) => item.channel)
        .sort(),
    ).toEqual(['instagram', 'linkedin', 'x']);

    // The history reads as the editor's clicks would: created, approved, scheduled, one version each.
    const history = await as(owner, 'GET', `/api/content/${items[0]?.id}/history`);
    expect(
      history.json<{ items: ContentHistoryEntry[] }>().items.map((entry) => [entry.action, entry.version]),
    ).toEqual([
      ['created', 1],
      ['approved', 2],
      ['scheduled', 3],
    ]);

    // Each scheduled variant has its own publish job.
    const jobs = await t.database.db
      .selectFrom('content_items')
      .select(['channel', 'publish_job_id'])
      .where('post_group', '=', group)
      .execute();
    expect(jobs.every((row) => row.publish_job_id !== null)).toBe(true);
  });

  it('refuses every broken variant at once, naming its channel, and creates nothing', async () => {
    const before = (await library()).length;
    const response = await compose(owner, {
      variants: {
        x: { body: 'a'.repeat(281) },
        linkedin: { body: 'Fine on LinkedIn.' },
        instagram: { body: 'No picture yet.' },
      },
      intent: 'review',
    });
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem).toMatchObject({ code: 'validation_failed', detail: '2 networks’ variants need changes' });
    expect(problem.errors?.map((error) => [error.path, error.code])).toEqual([
      ['body.variants.x.body', 'too_long'],
      ['body.variants.instagram.media', 'media_required'],
    ]);
    expect(problem.errors?.[0]?.message).toMatch(/^X: /);
    // The values each message names, for a client that words it in another language.
    expect(problem.errors?.[0]?.facts).toMatchObject({ code: 'too_long', channel: 'x', limit: 280 });
    expect(problem.errors?.[1]?.facts).toEqual({ code: 'media_required', channel: 'instagram' });
    expect(await library()).toHaveLength(before);

    const empty = await compose(owner, { variants: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<Problem>().errors?.[0]?.path).toBe('body.variants');
  });

  it('lets an editor send the post for review but not schedule it', async () => {
    const refused = await compose(editor, { variants: threeNetworks, intent: 'schedule', scheduled_at: AT });
    expect(refused.statusCode).toBe(403);

    const submitted = await compose(editor, {
      media_ids: [photo.id],
      variants: { x: threeNetworks.x, instagram: threeNetworks.instagram },
      intent: 'review',
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { items } = submitted.json<ComposePostResult>();
    expect(items.map((item) => [item.channel, item.status, item.version])).toEqual([
      ['x', 'in_review', 2],
      ['instagram', 'in_review', 2],
    ]);
  });

  it('adds every variant to its channel’s queue', async () => {
    const response = await compose(owner, {
      variants: { x: threeNetworks.x, linkedin: threeNetworks.linkedin },
      intent: 'queue',
    });
    expect(response.statusCode, response.body).toBe(201);
    const { items } = response.json<ComposePostResult>();
    // The networks' default slots (UTC workspace): X Tuesday 09:00, LinkedIn Tuesday 10:00.
    expect(items.map((item) => [item.channel, item.status, item.scheduled_at])).toEqual([
      ['x', 'scheduled', '2027-03-23T09:00:00.000Z'],
      ['linkedin', 'scheduled', '2027-03-23T10:00:00.000Z'],
    ]);
    const timed = await compose(owner, { variants: threeNetworks, intent: 'queue', scheduled_at: AT });
    expect(timed.statusCode).toBe(400);
  });

  it('answers 404 for another workspace’s campaign, media or workspace, and creates nothing', async () => {
    const before = (await library()).length;
    const theirCampaign = await createCampaign(t.app, stranger, elsewhere.id);
    const theirPhoto = await upload(stranger, elsewhere.id, 'Theirs.png');

    const campaign = await compose(owner, { campaign_id: theirCampaign.id, variants: threeNetworks });
    expect(campaign.statusCode).toBe(404);
    expect(campaign.json<Problem>().errors?.[0]?.path).toBe('body.campaign_id');

    const media = await compose(owner, { media_ids: [theirPhoto.id], variants: threeNetworks });
    expect(media.statusCode).toBe(404);
    expect(media.json<Problem>().errors?.[0]?.path).toBe('body.media_ids.0');

    const workspace = await as(owner, 'POST', '/api/content/posts', {
      business_id: elsewhere.id,
      variants: threeNetworks,
    });
    expect(workspace.statusCode).toBe(404);
    expect(await library()).toHaveLength(before);
  });

  it('honours Idempotency-Key: a retry answers the same post and creates no second one', async () => {
    const body = { title: 'Once', variants: { x: threeNetworks.x, linkedin: threeNetworks.linkedin } };
    const first = await compose(owner, body, 'compose-once');
    expect(first.statusCode, first.body).toBe(201);
    const again = await compose(owner, body, 'compose-once');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<ComposePostResult>().post_group).toBe(first.json<ComposePostResult>().post_group);
    expect((await library()).filter((item) => item.title === 'Once')).toHaveLength(2);
  });
});
