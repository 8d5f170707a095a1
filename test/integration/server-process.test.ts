import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServerProcess } from '../support/server-process.js';

const STRONG_SECRET = 'c0ffee11d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9';

describe('the server process', { timeout: 60_000 }, () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-server-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates an empty SQLite file, seeds the demo once, serves real HTTP and shuts down cleanly', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    expect(server.output()).toMatch(/email: {4}demo@mcc\.local/);
    const password = /password: (\S+)/.exec(server.output())?.[1] ?? '';

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-request-id')).toBeTruthy();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@mcc.local', password }),
    });
    expect(login.status).toBe(200);
    const { access_token: token } = (await login.json()) as { access_token: string };
    const auth = { authorization: `Bearer ${token}` };
    const businesses = (await (await fetch(`${server.url}/api/business/`, { headers: auth })).json()) as {
      items: Array<{ id: string; brand: { products: unknown[] } }>;
    };
    expect(businesses.items).toHaveLength(1);
    const demo = businesses.items[0];
    expect(demo?.brand.products.length).toBeGreaterThan(0);
    // A campaign with a two-week calendar of drafts planned offline, and one already running with results.
    const campaigns = (await (
      await fetch(`${server.url}/api/campaign/?business_id=${demo?.id}`, { headers: auth })
    ).json()) as { items: Array<{ name: string; status: string }> };
    expect(campaigns.items.map((campaign) => campaign.name).sort()).toEqual([
      'Autumn subscription push',
      'Espresso blend launch',
    ]);
    const content = (await (
      await fetch(`${server.url}/api/content?business_id=${demo?.id}&limit=100`, { headers: auth })
    ).json()) as {
      items: Array<{ status: string; scheduled_at: string | null }>;
    };
    expect(content.items.length).toBeGreaterThan(6);
    // Customer messages on four channels, in English and Spanish, classified in the background.
    const inbox = (await (
      await fetch(`${server.url}/api/messages?business_id=${demo?.id}`, { headers: auth })
    ).json()) as { items: Array<{ channel: string; language: string | null }> };
    expect(inbox.items).toHaveLength(5);
    expect(new Set(inbox.items.map((conversation) => conversation.channel)).size).toBe(4);
    await vi.waitFor(
      async () => {
        const classified = (await (
          await fetch(`${server.url}/api/messages?business_id=${demo?.id}`, { headers: auth })
        ).json()) as { items: Array<{ language: string | null }> };
        expect(new Set(classified.items.map((conversation) => conversation.language))).toEqual(
          new Set(['en', 'es']),
        );
      },
      { timeout: 20_000, interval: 200 },
    );
    // Every item has its time; a first look shows each stage of publishing, not only drafts.
    expect(content.items.every((item) => item.scheduled_at)).toBe(true);
    expect(new Set(content.items.map((item) => item.status))).toEqual(
      new Set(['draft', 'in_review', 'approved', 'scheduled', 'published', 'failed']),
    );

    // The password is printed for the person at the console, never logged as JSON.
    expect(server.output()).not.toMatch(new RegExp(`"[^"]*":"[^"]*${password}`));
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toMatch(/shutdown complete/);

    // Second start on the same data: no new demo, same secret (so the token still verifies).
    const again = await startServerProcess({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    expect(again.output()).not.toMatch(/demo account was created/);
    const me = await fetch(`${again.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await again.stop('SIGINT')).toBe(0);
  });

  it('never seeds in production, and honours MCC_DEMO=0 in development', async () => {
    const production = await startServerProcess({
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      SECRET_KEY: STRONG_SECRET,
      // Production answers only for PUBLIC_URL's host (the helper reads the http:// URL it prints).
      PUBLIC_URL: 'http://mcc.example.com',
      MCC_DEMO: '1',
    });
    expect(production.output()).not.toMatch(/demo account/);
    expect(await production.stop()).toBe(0);
    const other = mkdtempSync(path.join(tmpdir(), 'mcc-server-'));
    const development = await startServerProcess({ DATA_DIR: other, NODE_ENV: 'development', MCC_DEMO: '0' });
    expect(development.output()).not.toMatch(/demo account/);
    expect(await development.stop()).toBe(0);
    rmSync(other, { recursive: true, force: true });
  });
});
