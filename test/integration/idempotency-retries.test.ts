import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Business, CreatedApiKey } from '#shared/business.schema.js';
import type { Campaign } from '#shared/campaign.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { type DroppingProxy, startDroppingProxy } from '../support/dropping-proxy.js';
import { noisyPng } from '../support/media-fixtures.js';
import { multipartFile } from '../support/multipart.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Headers = Record<string, string>;

/**
 * What a careful client does: send, and when the connection fails before an answer arrives, send the
 * same request again (with the same headers, so the same Idempotency-Key if it had one).
 */
async function postWithRetries(url: string, headers: Headers, body: string, attempts = 3) {
  const failures: unknown[] = [];
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      return { response: await fetch(url, { method: 'POST', headers, body }), failures };
    } catch (error) {
      failures.push(error);
    }
  }
  throw new Error(`No answer after ${attempts} attempts`, { cause: failures });
}

describeEachDialect('idempotent retries over a real connection', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let origin: string;
  let proxy: DroppingProxy | undefined;
  let clock: number;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-idempotency-'));
    // Real time at first (access tokens are checked against it); the expiry test moves it on.
    clock = Date.now();
    t = await createTestApp(await create(), { DATA_DIR: dataDir }, { now: () => new Date(clock) });
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const campaignBody = () =>
    JSON.stringify({
      business_id: business.id,
      name: 'Spring launch',
      objective: 'sales',
      channels: ['x'],
      start_date: '2026-03-01',
      end_date: '2026-03-31',
    });
  const campaigns = async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/campaign/?business_id=${business.id}`,
      headers: owner.auth,
    });
    return response.json<{ items: Campaign[] }>().items;
  };

  it('creates once when the first answer is lost and the client retries with the same key', async () => {
    proxy = await startDroppingProxy(origin);
    proxy.dropNext(1);
    const headers = { ...owner.auth, 'content-type': 'application/json', 'idempotency-key': 'retry-me-1' };

    const { response, failures } = await postWithRetries(
      `${proxy.url}/api/campaign/`,
      headers,
      campaignBody(),
    );

    expect(failures).toHaveLength(1);
    expect(proxy.dropped).toBe(1);
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBe('true');
    const created = (await response.json()) as Campaign;
    expect((await campaigns()).map((item) => item.id)).toEqual([created.id]);
  });

  it('creates twice through the same proxy when the client retries without a key', async () => {
    proxy = await startDroppingProxy(origin);
    proxy.dropNext(1);
    const headers = { ...owner.auth, 'content-type': 'application/json' };

    const { response, failures } = await postWithRetries(
      `${proxy.url}/api/campaign/`,
      headers,
      campaignBody(),
    );

    expect(failures).toHaveLength(1);
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    expect(await campaigns()).toHaveLength(2);
  });

  it('answers 409 "in progress" with Retry-After while the first request still runs, then its answer', async () => {
    const upload = multipartFile(await noisyPng(32, 32), { fileName: 'loaf.png', contentType: 'image/png' });
    const headers = {
      ...owner.auth,
      ...upload.headers,
      'content-length': String(upload.payload.length),
      'idempotency-key': 'upload-1',
    };
    const url = `${origin}/api/media?business_id=${business.id}`;

    // The first upload sends its headers and a few bytes, then stalls: its handler is waiting for the file.
    const first = http.request(url, { method: 'POST', headers });
    const firstAnswer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      first.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      first.on('error', reject);
    });
    first.write(upload.payload.subarray(0, 16));
    await vi.waitFor(
      async () => {
        const rows = await t.database.db.selectFrom('idempotency_keys').select('state').execute();
        expect(rows).toEqual([{ state: 'running' }]);
      },
      { timeout: 10_000 },
    );

    const meanwhile = await fetch(url, { method: 'POST', headers, body: upload.payload });
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.headers.get('retry-after')).toBe('1');
    expect(meanwhile.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(((await meanwhile.json()) as Problem).code).toBe('idempotency_key_in_progress');

    first.end(upload.payload.subarray(16));
    const answered = await firstAnswer;
    expect(answered.status, answered.body).toBe(201);

    const after = await fetch(url, { method: 'POST', headers, body: upload.payload });
    expect(after.status).toBe(201);
    expect(after.headers.get('idempotent-replayed')).toBe('true');
    expect(await after.text()).toBe(answered.body);
    const library = await t.app.inject({
      method: 'GET',
      url: `/api/media?business_id=${business.id}`,
      headers: owner.auth,
    });
    expect(library.json<{ items: MediaItem[] }>().items).toHaveLength(1);
  });

  it('forgets a key after 24 hours: the same request then creates again, and the sweep removes old keys', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/business/${business.id}/api-keys`,
      headers: owner.auth,
      payload: { name: 'CRM' },
    });
    // An API key: a person's access token would have expired by the time the clock has moved a day.
    const headers = {
      authorization: `Bearer ${created.json<CreatedApiKey>().secret}`,
      'content-type': 'application/json',
      'idempotency-key': 'daily-1',
    };
    const send = () => fetch(`${origin}/api/campaign/`, { method: 'POST', headers, body: campaignBody() });

    expect((await send()).status).toBe(201);
    clock += 24 * 3_600_000 - 1_000;
    expect((await send()).headers.get('idempotent-replayed')).toBe('true');
    clock += 2_000;
    const afresh = await send();
    expect(afresh.status).toBe(201);
    expect(afresh.headers.get('idempotent-replayed')).toBeNull();
    expect(await campaigns()).toHaveLength(2);

    expect(await t.services.idempotency.purgeExpired()).toBe(0);
    clock += 24 * 3_600_000 + 1;
    expect(await t.services.idempotency.purgeExpired()).toBe(1);
    expect(await t.database.db.selectFrom('idempotency_keys').selectAll().execute()).toEqual([]);
  });
});
