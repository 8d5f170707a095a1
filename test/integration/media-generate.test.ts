import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { AiCall } from '#shared/ai.schema.js';
import type { Business } from '#shared/business.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import type { GeneratedImage } from '#shared/media-cards.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import type { FakeOpenAI } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';
import { multipartFile } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const PROMPT = 'A bowl of ramen on a wooden counter, steam rising, warm morning light';

describeEachDialect('generated images', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let dataDir: string;
  let fake: FakeOpenAI;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(async () => {
    await fake.close();
  });

  /** The server's endpoint is the fake, unless `offline`. */
  const start = async (env: Record<string, string> = { AI_IMAGE_MODEL: 'gpt-image-1' }, offline = false) => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-generate-'));
    t = await createTestApp(await create(), {
      DATA_DIR: dataDir,
      ...(offline ? {} : { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test-key' }),
      ...env,
    });
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner, 'Noodle Bar');
  };
  afterEach(async () => {
    fake.reset();
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const generate = (account: TestAccount, payload: object, businessId = business.id) =>
    t.app.inject({
      method: 'POST',
      url: `/api/media/generate?business_id=${businessId}`,
      headers: account.auth,
      payload,
    });
  const calls = async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/ai/calls?business_id=${business.id}&task=generateImage`,
      headers: owner.auth,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ items: AiCall[] }>().items;
  };
  const library = async () =>
    (
      await t.app.inject({ method: 'GET', url: `/api/media?business_id=${business.id}`, headers: owner.auth })
    ).json<{ items: MediaItem[] }>().items;

  it('draws a portrait with gpt-image-1, keeps it in the library with the prompt as alt text, and meters it', async () => {
    await start();
    const response = await generate(owner, { prompt: `  ${PROMPT} `, aspect: '2:3' });
    expect(response.statusCode, response.body).toBe(201);
    const generated = response.json<GeneratedImage>();
    expect(generated).toMatchObject({
      task: 'generateImage',
      model: 'gpt-image-1',
      provider: 'openai-compatible',
      offline: false,
      cost_micro_usd: 63_000,
    });
    expect(generated.item).toMatchObject({
      kind: 'image',
      mime_type: 'image/png',
      width: 1024,
      height: 1536,
      alt_text: PROMPT,
      tags: ['generated'],
      status: 'ready',
    });
    expect(generated.item.renditions.map((rendition) => rendition.id)).toContain('square.webp');

    // OpenAI's wire format for GPT image models: base64 always, so no response_format; a quality.
    const [request] = fake.imageRequests();
    expect(request?.path).toBe('/v1/images/generations');
    expect(request?.headers.authorization).toBe('Bearer test-key');
    expect(request?.body).toEqual({
      model: 'gpt-image-1',
      prompt: PROMPT,
      n: 1,
      size: '1024x1536',
      quality: 'medium',
    });

    const [row] = await calls();
    expect(row).toMatchObject({
      id: generated.call_id,
      task: 'generateImage',
      outcome: 'ok',
      cost_micro_usd: 63_000,
      price_known: true,
      attempts: 1,
    });
    expect((await library()).map((item) => item.id)).toEqual([generated.item.id]);
  });

  it('asks DALL·E 3 for base64 in its own landscape size', async () => {
    await start({ AI_IMAGE_MODEL: 'dall-e-3' });
    const response = await generate(owner, { prompt: PROMPT, aspect: '3:2' });
    expect(response.statusCode, response.body).toBe(201);
    const generated = response.json<GeneratedImage>();
    expect([generated.item.width, generated.item.height]).toEqual([1792, 1024]);
    expect(generated.cost_micro_usd).toBe(80_000);
    expect(fake.imageRequests()[0]?.body).toEqual({
      model: 'dall-e-3',
      prompt: PROMPT,
      n: 1,
      size: '1792x1024',
      quality: 'standard',
      response_format: 'b64_json',
    });
  });

  it('refuses with 402 before calling the provider when the budget cannot hold one image', async () => {
    await start();
    const setBudget = async (limit: number) => {
      const budget = await t.app.inject({
        method: 'PUT',
        url: `/api/business/${business.id}/ai-budget`,
        headers: owner.auth,
        payload: { monthly_limit_micro_usd: limit },
      });
      expect(budget.statusCode, budget.body).toBe(200);
    };
    await setBudget(0);
    const none = await generate(owner, { prompt: PROMPT });
    expect(none.statusCode, none.body).toBe(402);
    expect(fake.imageRequests()).toHaveLength(0);

    // Like text calls, a call is admitted while the month's spend is under the limit ($0.01 here, less
    // than one picture); the spend then stands past it, so the next one is refused before the provider.
    await setBudget(10_000);
    const response = await generate(owner, { prompt: PROMPT });
    expect(response.statusCode, response.body).toBe(201);
    const refused = await generate(owner, { prompt: PROMPT });
    expect(refused.statusCode, refused.body).toBe(402);
    expect(refused.json<Problem>()).toMatchObject({ code: 'budget_exceeded' });
    expect(fake.imageRequests()).toHaveLength(1);
    expect((await calls()).map((call) => call.outcome)).toEqual(['budget_exceeded', 'ok', 'budget_exceeded']);
    expect(await library()).toHaveLength(1);
  });

  it('answers 409 pointing to text cards without an image model, or offline', async () => {
    await start({});
    const noModel = await generate(owner, { prompt: PROMPT });
    expect(noModel.statusCode, noModel.body).toBe(409);
    expect(noModel.json<Problem>()).toMatchObject({ code: 'image_generator_missing' });
    expect(noModel.json<Problem>().detail).toMatch(/AI_IMAGE_MODEL.*POST \/api\/media\/cards/);
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });

    await start({ AI_IMAGE_MODEL: 'gpt-image-1' }, true);
    const offline = await generate(owner, { prompt: PROMPT });
    expect(offline.statusCode, offline.body).toBe(409);
    expect(offline.json<Problem>().detail).toBe(
      'Offline mode has no image generator: make a text card instead (POST /api/media/cards).',
    );
    expect(fake.imageRequests()).toHaveLength(0);
    expect(await calls()).toHaveLength(0);
  });

  it('passes on a content policy refusal as 422 with the provider’s reason, at no cost', async () => {
    await start();
    fake.scriptImages({
      status: 400,
      error: {
        message: 'Your request was rejected as a result of our safety system.',
        code: 'content_policy_violation',
        param: null,
      },
    });
    const response = await generate(owner, { prompt: PROMPT });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json<Problem>()).toMatchObject({ code: 'image_refused' });
    expect(response.json<Problem>().detail).toContain(
      'Your request was rejected as a result of our safety system.',
    );
    const [row] = await calls();
    expect(row).toMatchObject({ outcome: 'error', error_code: 'image_refused', cost_micro_usd: 0 });
    expect(await library()).toHaveLength(0);
  });

  it('turns a bad key, rate limiting and server errors into readable problems', async () => {
    await start();
    fake.scriptImages({ status: 401 }, { status: 429, retryAfter: 7 }, { status: 503 });
    const badKey = await generate(owner, { prompt: PROMPT });
    expect(badKey.statusCode, badKey.body).toBe(502);
    expect(badKey.json<Problem>().detail).toMatch(/refused the request.*key/);
    const limited = await generate(owner, { prompt: PROMPT });
    expect(limited.statusCode, limited.body).toBe(502);
    expect(limited.json<Problem>().detail).toMatch(/slow down/);
    expect(limited.headers['retry-after']).toBe('7');
    const failed = await generate(owner, { prompt: PROMPT });
    expect(failed.statusCode, failed.body).toBe(502);
    expect(failed.json<Problem>().detail).toMatch(/error on its side/);
    expect((await calls()).map((call) => [call.outcome, call.cost_micro_usd])).toEqual([
      ['error', 0],
      ['error', 0],
      ['error', 0],
    ]);
    expect(await library()).toHaveLength(0);
  });

  it('uses the workspace’s own endpoint and key, through the outbound guard, with the server’s image model', async () => {
    await start({ AI_IMAGE_MODEL: 'gpt-image-1', AI_ALLOW_PRIVATE_BASE_URLS: '1' }, true);
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/business/${business.id}/ai-provider`,
      headers: owner.auth,
      payload: { base_url: fake.url, model: 'gpt-4o-mini', api_key: 'sk-workspace-own' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const response = await generate(owner, { prompt: PROMPT, aspect: '3:2' });
    expect(response.statusCode, response.body).toBe(201);
    expect([response.json<GeneratedImage>().item.width, response.json<GeneratedImage>().item.height]).toEqual(
      [1536, 1024],
    );
    const [request] = fake.imageRequests();
    expect(request?.headers.authorization).toBe('Bearer sk-workspace-own');
    expect(request?.body).toMatchObject({ model: 'gpt-image-1', size: '1536x1024' });
  });

  it('refuses with 413 before buying a picture the full library could not take', async () => {
    await start({ AI_IMAGE_MODEL: 'gpt-image-1', MEDIA_QUOTA_BYTES: '1000' });
    // The first picture is bought and then refused by the upload's own check; the ledger keeps its cost.
    const first = await generate(owner, { prompt: PROMPT });
    expect(first.statusCode, first.body).toBe(413);
    expect((await calls()).map((call) => [call.outcome, call.cost_micro_usd])).toEqual([['ok', 42_000]]);
    expect(fake.imageRequests()).toHaveLength(1);

    // A tiny upload fits; its renditions then fill the library, so the next picture is not even asked for.
    const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0e7490' } })
      .png()
      .toBuffer();
    const body = multipartFile(tiny, { fileName: 'dot.png', contentType: 'image/png' });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/media?business_id=${business.id}`,
      headers: { ...owner.auth, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const full = await generate(owner, { prompt: PROMPT });
    expect(full.statusCode, full.body).toBe(413);
    expect(full.json<Problem>()).toMatchObject({ code: 'quota_exceeded' });
    expect(fake.imageRequests()).toHaveLength(1);
    expect(await calls()).toHaveLength(1);
  });

  it('answers a viewer 403, another workspace 404 and a bad body 400 with field errors', async () => {
    await start();
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    expect((await generate(viewer, { prompt: PROMPT })).statusCode).toBe(403);

    const stranger = await registerAccount(t.app);
    expect((await generate(stranger, { prompt: PROMPT })).statusCode).toBe(404);
    const theirs = await createBusiness(t.app, stranger, 'Elsewhere');
    expect((await generate(owner, { prompt: PROMPT }, theirs.id)).statusCode).toBe(404);

    const bad = await generate(owner, { prompt: 'hi', aspect: '4:5' });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<Problem>().errors?.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['body.prompt', 'body.aspect']));
    expect(fake.imageRequests()).toHaveLength(0);
  });
});
