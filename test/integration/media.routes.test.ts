import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { MediaItem, SignedUrl } from '#shared/media.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import {
  heicHeader,
  heicPhotoWithGps,
  noisyPng,
  phoneMp4WithLocation,
  probeTags,
  shortMp4,
  twelveMegapixelPhoto,
} from '../support/media-fixtures.js';
import { multipartFile } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Page = { items: MediaItem[]; next_cursor: string | null };

describeEachDialect('media library', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let dataDir: string;
  let clock: number;

  const start = async (env: Record<string, string> = {}, seams: { ffmpeg?: string } = {}) => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-media-'));
    // Real time (access tokens are checked against it); tests move it forward past expiries and grace periods.
    clock = Date.now();
    t = await createTestApp(
      await create(),
      { DATA_DIR: dataDir, ...env },
      { now: () => new Date(clock), ...seams },
    );
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  };
  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = (account: TestAccount, bytes: Buffer, fileName = 'photo.jpg', businessId = business.id) => {
    const body = multipartFile(bytes, { fileName, contentType: 'image/jpeg' });
    return t.app.inject({
      method: 'POST',
      url: `/api/media?business_id=${businessId}`,
      headers: { ...account.auth, ...body.headers },
      payload: body.payload,
    });
  };
  const as = (
    account: TestAccount | undefined,
    method: 'GET' | 'PATCH' | 'DELETE' | 'POST',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: account?.auth ?? {}, ...(payload ? { payload } : {}) });
  const storedKeys = async () => {
    const keys: string[] = [];
    for await (const object of t.services.mediaStore.list('')) keys.push(object.key);
    return keys.sort();
  };

  describe('default settings', () => {
    beforeEach(() => start());

    it('turns a 12-megapixel phone photo into a clean original and every rendition, and serves them to members', async () => {
      const response = await upload(owner, await twelveMegapixelPhoto(), 'Beach day.jpg');
      expect(response.statusCode, response.body).toBe(201);
      const item = response.json<MediaItem>();
      expect(item).toMatchObject({
        kind: 'image',
        name: 'Beach day.jpg',
        mime_type: 'image/jpeg',
        status: 'ready',
        // Orientation 6 applied: the upright picture is portrait.
        width: 3000,
        height: 4000,
        focal_point: { x: 0.5, y: 0.5 },
        alt_text: '',
        tags: [],
        note: null,
      });
      const sizes = Object.fromEntries(item.renditions.map((r) => [r.id, [r.width, r.height]]));
      expect(sizes).toEqual({
        'w320.webp': [320, 427],
        'w320.jpg': [320, 427],
        'w640.webp': [640, 853],
        'w640.jpg': [640, 853],
        'w1280.webp': [1280, 1707],
        'w1280.jpg': [1280, 1707],
        'square.webp': [1080, 1080],
        'square.jpg': [1080, 1080],
        'portrait.webp': [1080, 1350],
        'portrait.jpg': [1080, 1350],
        'landscape.webp': [1200, 628],
        'landscape.jpg': [1200, 628],
        'story.webp': [1080, 1920],
        'story.jpg': [1080, 1920],
      });
      expect(item.stored_bytes).toBe(item.size_bytes + item.renditions.reduce((sum, r) => sum + r.bytes, 0));

      const original = await as(owner, 'GET', `/api/media/${item.id}/file`);
      expect(original.statusCode).toBe(200);
      expect(original.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="Beach day.jpg"; filename*=UTF-8''Beach%20day.jpg`,
      });
      const meta = await sharp(original.rawPayload).metadata();
      // No EXIF block at all: the camera make and the GPS position are gone, and so is the orientation flag.
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect([meta.width, meta.height]).toEqual([3000, 4000]);
      expect(original.rawPayload.includes(Buffer.from('TestCam'))).toBe(false);

      const webp = await as(owner, 'GET', `/api/media/${item.id}/renditions/w640.webp`);
      expect(webp.statusCode).toBe(200);
      expect(webp.headers['content-type']).toBe('image/webp');
      expect((await sharp(webp.rawPayload).metadata()).format).toBe('webp');
      expect((await as(owner, 'GET', `/api/media/${item.id}/renditions/w999.webp`)).statusCode).toBe(400);
    });

    it('cuts the crops around the focal point and again when it moves', async () => {
      // Upright, the photo's top half is red and its bottom half blue (orientation 6 turns the halves).
      const item = (await upload(owner, await twelveMegapixelPhoto())).json<MediaItem>();
      const centreOf = async (id: string) => {
        const response = await as(owner, 'GET', `/api/media/${id}/renditions/landscape.jpg`);
        const { data } = await sharp(response.rawPayload)
          .resize(1, 1)
          .raw()
          .toBuffer({ resolveWithObject: true });
        return (data[0] ?? 0) > (data[2] ?? 0) ? 'red' : 'blue';
      };
      const before = await centreOf(item.id);
      const moved = await as(owner, 'PATCH', `/api/media/${item.id}`, { focal_point: { x: 0.5, y: 0.05 } });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json<MediaItem>().focal_point).toEqual({ x: 0.5, y: 0.05 });
      expect(await centreOf(item.id)).toBe('red');
      await as(owner, 'PATCH', `/api/media/${item.id}`, { focal_point: { x: 0.5, y: 0.95 } });
      expect(await centreOf(item.id)).toBe('blue');
      expect(['red', 'blue']).toContain(before);
    });

    it('describes, searches, filters by tag, pages by cursor, and deletes with every file', async () => {
      const png = await noisyPng(200, 150);
      const ids: string[] = [];
      for (const name of ['cake.png', 'bread.png', 'coffee.png']) {
        ids.push((await upload(owner, png, name)).json<MediaItem>().id);
      }
      const patched = await as(owner, 'PATCH', `/api/media/${ids[1]}`, {
        alt_text: 'A sourdough loaf on a wooden board',
        tags: ['Bakery', 'bread', 'bakery'],
        name: 'Loaf',
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json<MediaItem>()).toMatchObject({ name: 'Loaf', tags: ['bakery', 'bread'] });

      const list = (query: string) => as(owner, 'GET', `/api/media?business_id=${business.id}&${query}`);
      expect((await list('q=SOURDOUGH')).json<Page>().items.map((i) => i.id)).toEqual([ids[1]]);
      expect((await list('q=coffee')).json<Page>().items.map((i) => i.id)).toEqual([ids[2]]);
      expect((await list('tag=bakery')).json<Page>().items.map((i) => i.id)).toEqual([ids[1]]);
      expect((await list('q=100%25')).json<Page>().items).toEqual([]);
      const first = (await list('limit=2')).json<Page>();
      expect(first.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
      const second = (await list(`limit=2&cursor=${first.next_cursor}`)).json<Page>();
      expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], next_cursor: null });

      const invalid = await as(owner, 'PATCH', `/api/media/${ids[0]}`, { focal_point: { x: 1.5, y: 0 } });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json<Problem>().errors?.[0]?.path).toBe('body.focal_point.x');

      expect((await storedKeys()).filter((key) => key.includes(ids[0] ?? '-'))).toHaveLength(15);
      expect((await as(owner, 'DELETE', `/api/media/${ids[0]}`)).statusCode).toBe(204);
      expect((await as(owner, 'GET', `/api/media/${ids[0]}`)).statusCode).toBe(404);
      expect((await storedKeys()).filter((key) => key.includes(ids[0] ?? '-'))).toEqual([]);
      expect(await storedKeys()).toHaveLength(30);
    });

    it.each([
      [
        'an SVG',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'logo.svg',
      ],
      ['an HTML page', Buffer.from('<!doctype html><html><body>hi</body></html>'), 'photo.jpg'],
      ['a PDF', Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n'), 'flyer.pdf'],
      ['plain text', Buffer.from('just some words'), 'notes.png'],
    ])(
      'refuses %s with a 415 that says what is accepted, and keeps nothing',
      async (_name, bytes, fileName) => {
        const response = await upload(owner, bytes, fileName);
        expect(response.statusCode, response.body).toBe(415);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json<Problem>()).toMatchObject({ code: 'unsupported_media_type' });
        expect(response.json<Problem>().detail).toMatch(
          /Accepted: JPEG, PNG, WebP, GIF, HEIC images and MP4 or MOV video/,
        );
        // What was found, as data: the sniffed type, or null when the bytes match no type known.
        expect(response.json<Problem>().facts).toMatchObject({ reason: 'media_type_refused' });
        expect(await storedKeys()).toEqual([]);
        expect((await as(owner, 'GET', `/api/media?business_id=${business.id}`)).json<Page>().items).toEqual(
          [],
        );
      },
    );

    it('refuses a request that is not multipart, or has no file', async () => {
      const json = await as(owner, 'POST', `/api/media?business_id=${business.id}`, { file: 'x' });
      expect(json.statusCode).toBe(415);
      const empty = await t.app.inject({
        method: 'POST',
        url: `/api/media?business_id=${business.id}`,
        headers: { ...owner.auth, 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x--\r\n',
      });
      expect(empty.statusCode).toBe(400);
    });

    it('reads a video’s duration, size and codecs with ffprobe and serves byte ranges', async () => {
      const video = await shortMp4();
      const response = await upload(owner, video, 'clip.mp4');
      expect(response.statusCode, response.body).toBe(201);
      const item = response.json<MediaItem>();
      expect(item).toMatchObject({
        kind: 'video',
        mime_type: 'video/mp4',
        width: 320,
        height: 240,
        renditions: [],
      });
      expect(item.video).toMatchObject({ video_codec: 'h264', audio_codec: 'aac', frame_rate: 25 });
      expect(item.video?.duration_seconds).toBeGreaterThan(0.9);
      expect(item.video?.duration_seconds).toBeLessThan(1.2);

      const stored = (await as(owner, 'GET', `/api/media/${item.id}/file`)).rawPayload;
      expect(stored.length).toBe(item.size_bytes);
      const part = await t.app.inject({
        method: 'GET',
        url: `/api/media/${item.id}/file`,
        headers: { ...owner.auth, range: 'bytes=100-199' },
      });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 100-199/${stored.length}`);
      expect(part.rawPayload.equals(stored.subarray(100, 200))).toBe(true);
      // A suffix range: the last 100 bytes (players read an MP4's index at its end this way).
      const end = await t.app.inject({
        method: 'GET',
        url: `/api/media/${item.id}/file`,
        headers: { ...owner.auth, range: 'bytes=-100' },
      });
      expect(end.statusCode).toBe(206);
      expect(end.headers['content-range']).toBe(
        `bytes ${stored.length - 100}-${stored.length - 1}/${stored.length}`,
      );
      expect(end.headers['content-length']).toBe('100');
      expect(end.rawPayload.equals(stored.subarray(-100))).toBe(true);
      const past = await t.app.inject({
        method: 'GET',
        url: `/api/media/${item.id}/file`,
        headers: { ...owner.auth, range: `bytes=${stored.length}-` },
      });
      expect(past.statusCode).toBe(416);
      const empty = await t.app.inject({
        method: 'GET',
        url: `/api/media/${item.id}/file`,
        headers: { ...owner.auth, range: 'bytes=-0' },
      });
      expect(empty.statusCode).toBe(416);
    });

    it('stores a video without its location or other metadata, losslessly and still upright', async () => {
      const video = await phoneMp4WithLocation();
      const before = await probeTags(video);
      expect(before.format.location).toBe('+48.8584+002.2945/');
      expect(before.rotation).not.toBeNull();

      const response = await upload(owner, video, 'IMG_0042.mp4');
      expect(response.statusCode, response.body).toBe(201);
      const item = response.json<MediaItem>();
      // Shown upright: the display matrix survived.
      expect(item).toMatchObject({ kind: 'video', width: 240, height: 320, note: null });
      const stored = (await as(owner, 'GET', `/api/media/${item.id}/file`)).rawPayload;
      expect(item.size_bytes).toBe(stored.length);
      expect(item.stored_bytes).toBe(stored.length);
      const after = await probeTags(stored);
      expect(Object.keys(after.format).filter((tag) => /location|title/.test(tag))).toEqual([]);
      expect(after.streams.some((tags) => tags.handler_name === 'Core Media Video')).toBe(false);
      expect(after.rotation).toBe(before.rotation);
      expect(stored.includes(Buffer.from('+48.8584'))).toBe(false);
      expect(stored.includes(Buffer.from('Secret trip'))).toBe(false);
    });

    it('refuses a damaged video and keeps nothing', async () => {
      const video = await shortMp4();
      const response = await upload(owner, video.subarray(0, 2000), 'broken.mp4');
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<Problem>().detail).toMatch(/video could not be read/);
      expect(await storedKeys()).toEqual([]);
    });

    it('decodes a HEIC photo (off the main thread) into the usual renditions, as JPEG without its EXIF or GPS', async () => {
      const response = await upload(owner, await heicPhotoWithGps(), 'IMG_0001.HEIC');
      expect(response.statusCode, response.body).toBe(201);
      const item = response.json<MediaItem>();
      expect(item).toMatchObject({
        kind: 'image',
        mime_type: 'image/jpeg',
        status: 'ready',
        width: 400,
        height: 300,
        note: null,
      });
      expect(item.renditions.map((rendition) => rendition.id)).toEqual(
        expect.arrayContaining(['w320.webp', 'w320.jpg', 'square.jpg', 'portrait.jpg', 'story.webp']),
      );
      const original = await as(owner, 'GET', `/api/media/${item.id}/file`);
      expect(original.headers['content-type']).toBe('image/jpeg');
      const meta = await sharp(original.rawPayload).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: 400, height: 300 });
      expect(meta.exif).toBeUndefined();
      expect(original.rawPayload.includes(Buffer.from('TestCam'))).toBe(false);
      // The picture itself: white band on top, red on the left, blue on the right.
      const { data, info } = await sharp(original.rawPayload).raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [
        ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
      ];
      const near = (actual: number[], expected: number[]) =>
        actual.every((value, index) => Math.abs(value - (expected[index] ?? 0)) < 40);
      expect(near(pixel(200, 10), [255, 255, 255])).toBe(true);
      expect(near(pixel(60, 200), [220, 30, 30])).toBe(true);
      expect(near(pixel(340, 200), [30, 30, 220])).toBe(true);
      const thumbnail = await as(owner, 'GET', `/api/media/${item.id}/renditions/w320.webp`);
      expect(thumbnail.statusCode).toBe(200);
      expect(await sharp(thumbnail.rawPayload).metadata()).toMatchObject({ format: 'webp', width: 320 });
    });

    it('refuses a HEIC that cannot be decoded, keeping nothing', async () => {
      const broken = await upload(owner, heicHeader(), 'IMG_0002.HEIC');
      expect(broken.statusCode, broken.body).toBe(400);
      expect(broken.json<Problem>().detail).toMatch(/image could not be read/);
      expect(await storedKeys()).toEqual([]);
    });

    it('lets viewers look and editors upload; keeps other workspaces out with 404s', async () => {
      const viewer = await registerAccount(t.app);
      const editor = await registerAccount(t.app);
      await addMember(t.app, owner, business, viewer, 'viewer');
      await addMember(t.app, owner, business, editor, 'editor');
      const png = await noisyPng(64, 64);
      const refused = await upload(viewer, png);
      expect(refused.statusCode).toBe(403);
      const uploaded = await upload(editor, png, 'team.png');
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const item = uploaded.json<MediaItem>();
      expect((await as(viewer, 'GET', `/api/media/${item.id}`)).statusCode).toBe(200);
      expect((await as(viewer, 'GET', `/api/media/${item.id}/renditions/w320.jpg`)).statusCode).toBe(200);
      expect((await as(viewer, 'PATCH', `/api/media/${item.id}`, { alt_text: 'x' })).statusCode).toBe(403);
      expect((await as(viewer, 'DELETE', `/api/media/${item.id}`)).statusCode).toBe(403);

      const stranger = await registerAccount(t.app);
      const theirs = await createBusiness(t.app, stranger, 'Other Shop');
      for (const [method, url, payload] of [
        ['GET', `/api/media/${item.id}`],
        ['GET', `/api/media/${item.id}/file`],
        ['GET', `/api/media/${item.id}/renditions/w320.jpg`],
        ['PATCH', `/api/media/${item.id}`, { alt_text: 'mine now' }],
        ['POST', `/api/media/${item.id}/signed-url`, {}],
        ['DELETE', `/api/media/${item.id}`],
        ['GET', `/api/media?business_id=${business.id}`],
      ] as const) {
        const response = await as(stranger, method, url, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
      expect((await upload(stranger, png, 'x.png', business.id)).statusCode).toBe(404);
      expect((await as(stranger, 'GET', `/api/media?business_id=${theirs.id}`)).json<Page>().items).toEqual(
        [],
      );
      expect((await as(undefined, 'GET', `/api/media/${item.id}/file`)).statusCode).toBe(401);
      expect((await as(owner, 'GET', `/api/media/${item.id}`)).json<MediaItem>().alt_text).toBe('');
    });

    it('serves signed links without sign-in until they expire, and refuses altered ones', async () => {
      const item = (await upload(owner, await noisyPng(300, 200), 'offer.png')).json<MediaItem>();
      const made = await as(owner, 'POST', `/api/media/${item.id}/signed-url`, {
        variant: 'w320.jpg',
        expires_in_seconds: 600,
      });
      expect(made.statusCode, made.body).toBe(201);
      const link = made.json<SignedUrl>();
      expect(link.expires_at).toBe(new Date((Math.floor(clock / 1000) + 600) * 1000).toISOString());
      const fetched = await t.app.inject({ method: 'GET', url: link.url });
      expect(fetched.statusCode, fetched.body).toBe(200);
      expect(fetched.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'x-content-type-options': 'nosniff',
      });

      const other = link.url.replace('w320.jpg', 'w640.jpg');
      expect((await t.app.inject({ method: 'GET', url: other })).statusCode).toBe(404);
      const later = link.url.replace(/expires=(\d+)/, (_m, n: string) => `expires=${Number(n) + 3600}`);
      expect((await t.app.inject({ method: 'GET', url: later })).statusCode).toBe(404);

      clock += 601_000;
      const expired = await t.app.inject({ method: 'GET', url: link.url });
      expect(expired.statusCode).toBe(410);
      expect(expired.json<Problem>().code).toBe('link_expired');
      expect(
        (await as(owner, 'POST', `/api/media/${item.id}/signed-url`, { variant: 'nope.jpg' })).statusCode,
      ).toBe(400);
    });

    it('sweeps uploads a crash left in processing and files whose item is gone, after a grace period', async () => {
      const kept = (await upload(owner, await noisyPng(64, 64), 'kept.png')).json<MediaItem>();
      const repos = t.services;
      await repos.mediaStore.put(
        `${business.id}/01900000-0000-7000-8000-00000000dead/original`,
        Buffer.from('x'),
        {
          size: 1,
          contentType: 'image/png',
        },
      );
      const stuck = (await upload(owner, await noisyPng(64, 64), 'stuck.png')).json<MediaItem>();
      await t.database.db
        .updateTable('media_items')
        .set({ status: 'processing' })
        .where('id', '=', stuck.id)
        .execute();

      // Half-written files a crash left in the local store: one from two hours ago, one being written now.
      const partials = path.join(dataDir, 'media', '.partial');
      mkdirSync(partials, { recursive: true });
      writeFileSync(path.join(partials, 'abandoned'), 'half');
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      utimesSync(path.join(partials, 'abandoned'), twoHoursAgo, twoHoursAgo);
      writeFileSync(path.join(partials, 'in-flight'), 'half');

      expect(await t.services.media.sweepOrphans()).toEqual({
        stuck_items: 0,
        orphan_files: 0,
        partial_files: 1,
        spool_files: 0,
      });
      expect(readdirSync(partials)).toEqual(['in-flight']);
      clock += 2 * 3_600_000;
      // The grace period for files runs on their modification time, which the store keeps in real time.
      const swept = await t.services.media.sweepOrphans();
      expect(swept.stuck_items).toBe(1);
      expect((await as(owner, 'GET', `/api/media/${stuck.id}`)).statusCode).toBe(404);
      const keys = await storedKeys();
      expect(keys.every((key) => key.includes(kept.id))).toBe(true);
      expect(keys).toHaveLength(15);
    });
  });

  describe('without ffmpeg', () => {
    beforeEach(() => start({}, { ffmpeg: '/nonexistent/ffmpeg' }));

    it('stores the video as uploaded and says its metadata was kept', async () => {
      const video = await shortMp4();
      const response = await upload(owner, video, 'clip.mp4');
      expect(response.statusCode, response.body).toBe(201);
      const item = response.json<MediaItem>();
      expect(item.note).toMatch(/ffmpeg is not installed.*where it was recorded/);
      expect(item.video?.video_codec).toBe('h264');
      expect((await as(owner, 'GET', `/api/media/${item.id}/file`)).rawPayload.equals(video)).toBe(true);
    });
  });

  describe('operator limits', () => {
    it('refuses uploads over their kind’s size, over the pixel limit, and past the quota, saying why', async () => {
      await start({
        MEDIA_MAX_IMAGE_BYTES: '100000',
        MEDIA_MAX_IMAGE_PIXELS: '1000000',
        MEDIA_QUOTA_BYTES: '400000',
      });
      const big = await upload(owner, await noisyPng(600, 600), 'big.png');
      expect(big.statusCode, big.body).toBe(413);
      expect(big.json<Problem>()).toMatchObject({
        code: 'media_too_large',
        detail: 'Images may be up to 97.7 KB; this one is larger.',
        facts: { reason: 'media_file_too_large', kind: 'image', limit_bytes: 100_000 },
      });

      // A few kilobytes that would decode to 25 megapixels: refused from the header, before decoding.
      const bomb = await sharp({ create: { width: 5000, height: 5000, channels: 3, background: '#ffffff' } })
        .png()
        .toBuffer();
      expect(bomb.length).toBeLessThan(100_000);
      const refused = await upload(owner, bomb, 'bomb.png');
      expect(refused.statusCode, refused.body).toBe(413);
      expect(refused.json<Problem>()).toMatchObject({
        detail: 'The image is 5000 × 5000 pixels (25 megapixels); the limit is 1 megapixels.',
        facts: { reason: 'image_over_pixel_limit', width: 5000, height: 5000, limit_pixels: 1_000_000 },
      });

      const small = await noisyPng(150, 150);
      let accepted = 0;
      let last = await upload(owner, small, 'one.png');
      while (last.statusCode === 201) {
        accepted += 1;
        last = await upload(owner, small, 'again.png');
      }
      expect(accepted).toBeGreaterThan(0);
      expect(last.statusCode, last.body).toBe(413);
      expect(last.json<Problem>()).toMatchObject({ code: 'quota_exceeded' });
      expect(last.json<Problem>().detail).toMatch(/^The library holds .* of its 390.6 KB; this file needs/);
      expect(await storedKeys()).toHaveLength(15 * accepted);
    });
  });
});
