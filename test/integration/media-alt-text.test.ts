import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { AiCall } from '#shared/ai.schema.js';
import type { Business } from '#shared/business.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import type { AltTextSuggestion } from '#shared/media-cards.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { messageImages } from '../support/fake-openai/chat-request.schema.js';
import type { FakeOpenAI } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';
import { multipartFile } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describeEachDialect('alt text suggestions', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let dataDir: string;
  let fake: FakeOpenAI;
  let blind: FakeOpenAI;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    blind = await startFakeOpenAI({ vision: false });
  });
  afterAll(async () => {
    await fake.close();
    await blind.close();
  });

  const start = async (env: Record<string, string> = {}) => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-alt-'));
    t = await createTestApp(await create(), { DATA_DIR: dataDir, ...env });
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner, 'Acme Bakery');
  };
  afterEach(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const uploadBluePhoto = async (fileName: string) => {
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#1d4ed8' } })
      .png()
      .toBuffer();
    const body = multipartFile(png, { fileName, contentType: 'image/png' });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/media?business_id=${business.id}`,
      headers: { ...owner.auth, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<MediaItem>();
  };
  const suggest = (account: TestAccount, id: string, payload?: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/media/${id}/alt-text/suggest`,
      headers: account.auth,
      ...(payload ? { payload } : {}),
    });
  const calls = async () =>
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/ai/calls?business_id=${business.id}`,
        headers: owner.auth,
      })
    ).json<{ items: AiCall[] }>().items;

  it('offline: describes from the file name, colour and brand, in the workspace language, without saving it', async () => {
    await start();
    const item = await uploadBluePhoto('IMG_20240501_croissants_on_the_counter.png');
    const response = await suggest(owner, item.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<AltTextSuggestion>()).toMatchObject({
      alt_text: 'Photo: croissants on the counter from Acme Bakery, mostly in blue tones.',
      offline: true,
      saw_image: false,
      task: 'suggestAltText',
    });
    const german = await suggest(owner, item.id, { language: 'de', brief: 'Frische Croissants' });
    expect(german.json<AltTextSuggestion>().alt_text).toBe(
      'Foto: croissants on the counter von Acme Bakery, überwiegend in Blautönen.',
    );
    const again = await t.app.inject({ method: 'GET', url: `/api/media/${item.id}`, headers: owner.auth });
    expect(again.json<MediaItem>().alt_text).toBe('');
    expect((await calls()).map((call) => [call.task, call.outcome])).toEqual([
      ['suggestAltText', 'ok'],
      ['suggestAltText', 'ok'],
    ]);
  });

  it('answers a viewer 403 and another workspace 404', async () => {
    await start();
    const item = await uploadBluePhoto('bread.png');
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    expect((await suggest(viewer, item.id)).statusCode).toBe(403);
    const stranger = await registerAccount(t.app);
    expect((await suggest(stranger, item.id)).statusCode).toBe(404);
  });

  it('shows a vision model the 640 px rendition as an image part, and meters the call', async () => {
    fake.reset();
    await start({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'server-key', AI_MODEL: 'gpt-4o-mini' });
    const item = await uploadBluePhoto('bread.png');
    fake.script({ reply: { alt_text: 'A plain blue background with nothing else in it.' } });
    const response = await suggest(owner, item.id, { brief: 'Our new look' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<AltTextSuggestion>()).toMatchObject({
      alt_text: 'A plain blue background with nothing else in it.',
      offline: false,
      saw_image: true,
    });
    const [request] = fake.chatRequests();
    const images = request?.chat.messages.flatMap(messageImages) ?? [];
    expect(images).toHaveLength(1);
    const sent = await sharp(Buffer.from(images[0]?.split(',')[1] ?? '', 'base64')).metadata();
    expect([sent.format, sent.width, sent.height]).toEqual(['jpeg', 640, 480]);
    const [call] = await calls();
    expect(call).toMatchObject({ task: 'suggestAltText', outcome: 'ok', model: 'gpt-4o-mini' });
    expect(call?.prompt_tokens).toBeGreaterThan(0);
    expect(call?.cost_micro_usd).toBeGreaterThan(0);
  });

  it('asks again from the words alone when the model does not read images', async () => {
    blind.reset();
    await start({ OPENAI_BASE_URL: blind.url, OPENAI_API_KEY: 'server-key', AI_MODEL: 'gpt-4o-mini' });
    const item = await uploadBluePhoto('croissants.png');
    blind.script({ reply: { alt_text: 'Croissants from Acme Bakery on a blue background.' } });
    const response = await suggest(owner, item.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<AltTextSuggestion>()).toMatchObject({
      alt_text: 'Croissants from Acme Bakery on a blue background.',
      saw_image: false,
    });
    expect(blind.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(2);
    const sentImages = blind
      .chatRequests()
      .map((request) => request.chat.messages.flatMap(messageImages).length);
    expect(sentImages).toEqual([1, 0]);
    expect((await calls()).map((call) => call.outcome).sort()).toEqual(['error', 'ok']);
  });
});
