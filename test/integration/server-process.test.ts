import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    const businesses = await fetch(`${server.url}/api/business/`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await businesses.json()) as { items: unknown[] }).items).toHaveLength(1);

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
