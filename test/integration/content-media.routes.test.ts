import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createRepositories } from '#server/repositories/index.js';
import type { Business } from '#shared/business.schema.js';
import type { ContentHistoryEntry, ContentItem } from '#shared/content.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { noisyPng, shortMp4 } from '../support/media-fixtures.js';
import { multipartFile } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const FUTURE = '2099-05-01T09:00:00.000Z';

describeEachDialect('media attached to content', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-content-media-'));
    t = await createTestApp(await create(), { DATA_DIR: dataDir });
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const as = (account: TestAccount, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const upload = async (bytes: Buffer, fileName: string, account = owner, businessId = business.id) => {
    const body = multipartFile(bytes, { fileName, contentType: 'application/octet-stream' });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/media?business_id=${businessId}`,
      headers: { ...account.auth, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<MediaItem>();
  };
  const image = async (name: string, account = owner, businessId = business.id) =>
    upload(await noisyPng(48, 32), name, account, businessId);
  const setMedia = (item: Pick<ContentItem, 'id' | 'version'>, ids: string[], account = owner) =>
    as(account, 'PUT', `/api/content/${item.id}/media`, { version: item.version, media_ids: ids });
  const move = (item: ContentItem, to: string, extra: object = {}) =>
    as(owner, 'POST', `/api/content/${item.id}/transition`, { to, version: item.version, ...extra });
  const moveOk = async (item: ContentItem, to: string, extra: object = {}) => {
    const response = await move(item, to, extra);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ContentItem>();
  };

  it('attaches media in order, shows it on the item, reorders it, and records the edit', async () => {
    const first = await image('first.png');
    const second = await image('second.png');
    const item = await createContent(t.app, owner, business.id);
    expect(item.media).toEqual([]);

    const attached = await setMedia(item, [second.id, first.id]);
    expect(attached.statusCode, attached.body).toBe(200);
    const saved = attached.json<ContentItem>();
    expect(saved.version).toBe(2);
    expect(saved.media).toEqual([
      {
        id: second.id,
        kind: 'image',
        name: 'second.png',
        alt_text: '',
        mime_type: 'image/png',
        size_bytes: second.size_bytes,
        width: 48,
        height: 32,
        video: null,
        thumbnail: 'w320.webp',
      },
      expect.objectContaining({ id: first.id, name: 'first.png' }),
    ]);
    expect((await as(owner, 'GET', `/api/content/${item.id}`)).json()).toEqual(saved);
    const listed = await as(owner, 'GET', `/api/content?business_id=${business.id}`);
    expect(listed.json<{ items: ContentItem[] }>().items[0]?.media.map((m) => m.id)).toEqual([
      second.id,
      first.id,
    ]);
    // The thumbnail the item names is a rendition members can fetch.
    const thumbnail = await as(owner, 'GET', `/api/media/${second.id}/renditions/w320.webp`);
    expect(thumbnail.statusCode).toBe(200);

    const reordered = (await setMedia(saved, [first.id, second.id])).json<ContentItem>();
    expect(reordered.media.map((m) => m.id)).toEqual([first.id, second.id]);
    // The same list again changes nothing.
    expect((await setMedia(reordered, [first.id, second.id])).json()).toMatchObject({ version: 3 });
    const stale = await setMedia(item, []);
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Problem>().code).toBe('version_conflict');

    const history = await as(owner, 'GET', `/api/content/${item.id}/history`);
    expect(history.json<{ items: ContentHistoryEntry[] }>().items.map((e) => e.snapshot)).toEqual([
      { status: 'draft' },
      { media_ids: [second.id, first.id] },
      { media_ids: [first.id, second.id] },
    ]);
  });

  it('refuses more media than the network takes, and media on a network that takes none', async () => {
    const pictures = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => image(`${name}.png`)));
    const post = await createContent(t.app, owner, business.id, { channel: 'x' });
    const tooMany = await setMedia(
      post,
      pictures.map((p) => p.id),
    );
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json<Problem>()).toMatchObject({
      code: 'media_check_failed',
      detail: 'X takes at most 4 images in a post; this has 5',
      errors: [
        {
          path: 'body.media',
          code: 'too_many_images',
          // What a client needs to word it in another language.
          facts: { code: 'too_many_images', channel: 'x', count: 5, limit: 4 },
        },
      ],
    });
    const sms = await createContent(t.app, owner, business.id, { channel: 'sms', body: 'Sale today' });
    const refused = await setMedia(sms, [pictures[0]?.id ?? '']);
    expect(refused.json<Problem>().detail).toBe(
      'SMS posts carry no images or video; remove the attached media',
    );

    // Moving an item with four images to a network that takes fewer is refused as well.
    const four = (
      await setMedia(
        post,
        pictures.slice(0, 4).map((p) => p.id),
      )
    ).json<ContentItem>();
    const toGoogle = await as(owner, 'PATCH', `/api/content/${post.id}`, {
      version: four.version,
      channel: 'google_business',
    });
    expect(toGoogle.statusCode).toBe(422);
    expect(toGoogle.json<Problem>().detail).toContain('Google Business Profile takes at most 1 image');
  });

  it('requires media to submit for Instagram and TikTok, and alt text to schedule, naming the image', async () => {
    const post = await createContent(t.app, owner, business.id, { channel: 'instagram' });
    const bare = await move(post, 'in_review');
    expect(bare.statusCode).toBe(422);
    expect(bare.json<Problem>()).toMatchObject({
      code: 'media_check_failed',
      detail: 'Instagram posts need an image or a video: attach one from the library',
    });

    const photo = await image('Shop front.png');
    const withPhoto = (await setMedia(post, [photo.id])).json<ContentItem>();
    const approved = await moveOk(await moveOk(withPhoto, 'in_review'), 'approved');
    const undescribed = await move(approved, 'scheduled', { scheduled_at: FUTURE });
    expect(undescribed.statusCode).toBe(422);
    expect(undescribed.json<Problem>()).toMatchObject({
      code: 'media_check_failed',
      detail: 'Describe “Shop front.png” (alt text) before scheduling it to Instagram',
      errors: [{ path: 'body.media.0.alt_text', code: 'alt_text_required' }],
    });
    const described = await as(owner, 'PATCH', `/api/media/${photo.id}`, {
      alt_text: 'Our shop front with the autumn window display',
    });
    expect(described.statusCode).toBe(200);
    const scheduled = await moveOk(approved, 'scheduled', { scheduled_at: FUTURE });
    expect(scheduled.media[0]?.alt_text).toBe('Our shop front with the autumn window display');

    // Changing the media of scheduled work sends it back to draft: what was approved changed.
    const changed = (await setMedia(scheduled, [])).json<ContentItem>();
    expect(changed).toMatchObject({ status: 'draft', media: [] });

    const clip = await upload(await shortMp4(), 'clip.mp4');
    const tiktok = await createContent(t.app, owner, business.id, { channel: 'tiktok' });
    expect((await move(tiktok, 'in_review')).json<Problem>().detail).toBe(
      'TikTok posts need a video: attach one from the library',
    );
    const withClip = (await setMedia(tiktok, [clip.id])).json<ContentItem>();
    expect(withClip.media[0]).toMatchObject({ kind: 'video', thumbnail: null, width: 320, height: 240 });
    await moveOk(withClip, 'in_review');
  });

  it('checks each item of a bulk status change', async () => {
    const ready = await createContent(t.app, owner, business.id, { channel: 'x' });
    const bare = await createContent(t.app, owner, business.id, { channel: 'instagram' });
    const response = await as(owner, 'POST', '/api/content/bulk', {
      business_id: business.id,
      action: 'set_status',
      to: 'in_review',
      ids: [ready.id, bare.id],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json<Problem>()).toMatchObject({
      code: 'bulk_failed',
      errors: [
        {
          path: 'body.ids.1',
          code: 'media_check_failed',
          message: 'Instagram posts need an image or a video: attach one from the library',
          facts: { code: 'media_required', channel: 'instagram' },
        },
      ],
    });
  });

  it('says which rule each refused item of a bulk change breaks, and counts the items', async () => {
    const photo = await image('storefront.png');
    const ready = await createContent(t.app, owner, business.id, { channel: 'instagram' });
    await setMedia(ready, [photo.id]);
    const bare = await createContent(t.app, owner, business.id, { channel: 'instagram' });
    const clipless = await createContent(t.app, owner, business.id, { channel: 'tiktok' });
    const response = await as(owner, 'POST', '/api/content/bulk', {
      business_id: business.id,
      action: 'set_status',
      to: 'in_review',
      ids: [ready.id, bare.id, clipless.id],
    });
    expect(response.statusCode).toBe(422);
    const problem = response.json<Problem>();
    expect(problem.detail).toBe('2 of 3 items cannot change');
    expect(problem.errors?.map((error) => [error.path, error.code, error.facts])).toEqual([
      ['body.ids.1', 'media_check_failed', { code: 'media_required', channel: 'instagram' }],
      ['body.ids.2', 'media_check_failed', { code: 'video_required', channel: 'tiktok' }],
    ]);
  });

  it('refuses to delete attached media, saying where it is used, until it is removed', async () => {
    const photo = await image('logo.png');
    const first = await createContent(t.app, owner, business.id, { title: 'Opening day' });
    const second = await createContent(t.app, owner, business.id, { title: '', channel: 'bluesky' });
    await setMedia(first, [photo.id]);
    const secondWithPhoto = (await setMedia(second, [photo.id])).json<ContentItem>();

    const refused = await as(owner, 'DELETE', `/api/media/${photo.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>()).toMatchObject({
      code: 'media_in_use',
      detail:
        '“logo.png” is attached to 2 content items: “Opening day” (x, draft), “Untitled” (bluesky, draft). Remove it from them first.',
      facts: { reason: 'media_attached', name: 'logo.png', items: 2 },
    });
    expect((await as(owner, 'GET', `/api/media/${photo.id}`)).statusCode).toBe(200);

    await setMedia(secondWithPhoto, []);
    // A deleted post keeps its media while it can be restored, and says so; the purge releases it.
    expect((await as(owner, 'DELETE', `/api/content/${first.id}`)).statusCode).toBe(204);
    const kept = await as(owner, 'DELETE', `/api/media/${photo.id}`);
    expect(kept.json<Problem>().detail).toBe(
      '“logo.png” is attached to 1 content item: “Opening day” (deleted, restorable for 24 hours). Remove it from them first.',
    );
    await createRepositories(t.database.db, t.database.dialect).contentItems.purgeDeletedBefore(
      '9999-01-01T00:00:00.000Z',
    );
    expect((await as(owner, 'DELETE', `/api/media/${photo.id}`)).statusCode).toBe(204);
  });

  it('never attaches another workspace’s media, nor sets media on its content', async () => {
    const stranger = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, stranger);
    const theirPhoto = await image('theirs.png', stranger, theirs.id);
    const myPhoto = await image('mine.png');
    const mine = await createContent(t.app, owner, business.id);

    const foreign = await setMedia(mine, [myPhoto.id, theirPhoto.id]);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<Problem>()).toMatchObject({
      code: 'not_found',
      errors: [{ path: 'body.media_ids.1', message: 'No such media item in this workspace' }],
    });
    expect((await as(owner, 'GET', `/api/content/${mine.id}`)).json<ContentItem>().media).toEqual([]);

    const intoMine = await setMedia(mine, [theirPhoto.id], stranger);
    expect(intoMine.statusCode).toBe(404);
    const theirItem = await createContent(t.app, stranger, theirs.id);
    expect((await setMedia(theirItem, [myPhoto.id], owner)).statusCode).toBe(404);

    // The schema holds the line too: a row pointing across workspaces is refused by the database.
    await expect(
      createRepositories(t.database.db, t.database.dialect).contentMedia.replace(
        business.id,
        mine.id,
        [theirPhoto.id],
        FUTURE,
      ),
    ).rejects.toThrow();

    // Deleting a workspace takes its attachments with it.
    await setMedia(mine, [myPhoto.id]);
    expect((await as(owner, 'DELETE', `/api/business/${business.id}`)).statusCode).toBe(204);
  });
});
