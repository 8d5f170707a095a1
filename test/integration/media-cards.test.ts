import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describeEachDialect('text cards', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let dataDir: string;

  const start = async (env: Record<string, string> = {}) => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-cards-'));
    t = await createTestApp(await create(), { DATA_DIR: dataDir, ...env });
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner, 'Velo & Co');
  };
  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const card = (account: TestAccount, payload: object, businessId = business.id) =>
    t.app.inject({
      method: 'POST',
      url: `/api/media/cards?business_id=${businessId}`,
      headers: account.auth,
      payload,
    });
  const pixels = async (bytes: Buffer) => {
    const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    return {
      info,
      at: (x: number, y: number) => [
        ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
      ],
    };
  };

  it('draws a card in the brand’s colours as a library item with renditions, its words as alt text', async () => {
    await start();
    const brand = await t.app.inject({
      method: 'PATCH',
      url: `/api/business/${business.id}`,
      headers: owner.auth,
      payload: {
        brand: {
          visual: { primary_colour: '#FF0000', background_colour: '#0000ff', text_colour: '#ffffff' },
        },
      },
    });
    expect(brand.statusCode, brand.body).toBe(200);
    expect(brand.json<Business>().brand.visual).toEqual({
      primary_colour: '#FF0000',
      secondary_colour: '#f59e0b',
      background_colour: '#0000ff',
      text_colour: '#ffffff',
      font: 'sans',
    });

    const response = await card(owner, {
      kind: 'offer',
      headline: '20% off </text><script>alert(1)</script>',
      body: 'This weekend only.',
      footer: 'Code SPRING20',
      aspect: '4:5',
    });
    expect(response.statusCode, response.body).toBe(201);
    const item = response.json<MediaItem>();
    expect(item).toMatchObject({
      kind: 'image',
      mime_type: 'image/png',
      status: 'ready',
      width: 1080,
      height: 1350,
      tags: ['card', 'offer'],
      alt_text: '20% off </text><script>alert(1)</script>. This weekend only. Code SPRING20.',
    });
    expect(item.renditions.map((rendition) => rendition.id)).toContain('portrait.webp');
    expect(item.stored_bytes).toBeGreaterThan(item.size_bytes);

    const file = await t.app.inject({
      method: 'GET',
      url: `/api/media/${item.id}/file`,
      headers: owner.auth,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    const { info, at } = await pixels(file.rawPayload);
    expect([info.width, info.height]).toEqual([1080, 1350]);
    expect(at(540, 4)).toEqual([255, 0, 0]);
    expect(at(1076, 700)).toEqual([0, 0, 255]);
  });

  it('uses the default look without a visual in the profile, on every aspect', async () => {
    await start();
    for (const [aspect, size] of [
      ['1:1', [1080, 1080]],
      ['9:16', [1080, 1920]],
      ['1.91:1', [1200, 628]],
    ] as const) {
      const response = await card(owner, {
        kind: 'quote',
        headline: 'Fixed my wheel in ten minutes',
        aspect,
      });
      expect(response.statusCode, response.body).toBe(201);
      const file = await t.app.inject({
        method: 'GET',
        url: `/api/media/${response.json<MediaItem>().id}/file`,
        headers: owner.auth,
      });
      const { info, at } = await pixels(file.rawPayload);
      expect([info.width, info.height]).toEqual(size);
      expect(at(info.width - 3, Math.round(info.height / 2))).toEqual([255, 255, 255]);
      expect(at(Math.round(info.width / 2), 3)).toEqual([0x1d, 0x4e, 0xd8]);
    }
  });

  it('answers a viewer 403, another workspace 404, a bad body 400 with field errors, and counts the quota', async () => {
    await start({ MEDIA_QUOTA_BYTES: '60000' });
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    expect((await card(viewer, { kind: 'quote', headline: 'Hi' })).statusCode).toBe(403);

    const stranger = await registerAccount(t.app);
    expect((await card(stranger, { kind: 'quote', headline: 'Hi' })).statusCode).toBe(404);

    const bad = await card(owner, { kind: 'poster', headline: '', aspect: '2:3' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<Problem>().errors?.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.kind', 'body.headline', 'body.aspect']));

    // The first card fits; its renditions fill the rest, so the next is refused like an upload would be.
    let last = await card(owner, { kind: 'announcement', headline: 'We are open on Sundays' });
    for (let tries = 0; last.statusCode === 201 && tries < 10; tries += 1) {
      last = await card(owner, { kind: 'announcement', headline: `Open on Sundays ${tries}` });
    }
    expect(last.statusCode).toBe(413);
    expect(last.json<Problem>()).toMatchObject({ code: 'quota_exceeded' });
  });
});

describe('brand visual', () => {
  it('is optional, and refuses colours that are not #rrggbb and fonts the renderer lacks', async () => {
    const { brandProfileSchema } = await import('#shared/brand.schema.js');
    expect(brandProfileSchema.parse({}).visual).toBeUndefined();
    const bad = brandProfileSchema.safeParse({ visual: { primary_colour: 'red', font: 'Comic Sans' } });
    expect(bad.success).toBe(false);
  });
});
