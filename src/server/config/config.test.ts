import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const STRONG = 'f3a9c1d7e5b2a8c4d6e0f1a3b5c7d9e2f4a6b8c0d1e3f5a7';

describe('loadConfig', () => {
  it('gives the embedded defaults', () => {
    const config = loadConfig({});
    expect(config.server.port).toBe(8000);
    expect(config.database).toEqual({ kind: 'sqlite', path: 'data/mcc.db', autoMigrate: true });
    expect(config.demo.enabled).toBe(true);
    expect(config.auth.secureCookies).toBe(false);
  });

  it('chooses PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database.kind).toBe('postgres');
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' }).database).toMatchObject({
      kind: 'sqlite',
      path: '/tmp/x.db',
    });
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', MCC_DEMO: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/LOG_LEVEL/);
      expect(problems).toMatch(/MCC_DEMO/);
    }
  });

  it('refuses production without a strong SECRET_KEY', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_KEY: required/);
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'short' })).toThrow(/too weak/);
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'changeme'.repeat(5) })).toThrow(
      /too weak/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'a'.repeat(40) })).toThrow(/too weak/);
    const config = loadConfig({ NODE_ENV: 'production', SECRET_KEY: STRONG });
    expect(config.auth.secureCookies).toBe(true);
    expect(config.demo.enabled).toBe(false);
  });

  it('reads the outbound allow-list and refuses entries that are not hosts, addresses or ranges', () => {
    expect(loadConfig({}).outbound.allowedHosts).toEqual([]);
    expect(
      loadConfig({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1, 10.0.0.0/8,*.corp.example' }).outbound.allowedHosts,
    ).toEqual(['127.0.0.1', '10.0.0.0/8', '*.corp.example']);
    expect(() => loadConfig({ OUTBOUND_ALLOWED_HOSTS: 'http://x.example/' })).toThrow(
      /OUTBOUND_ALLOWED_HOSTS/,
    );
  });

  it('never honours the crash test hook in production', () => {
    expect(loadConfig({ MCC_TEST_KILL_BEFORE_WEBHOOK_RELAY: '1' }).testHooks.killBeforeWebhookRelay).toBe(
      true,
    );
    const production = {
      NODE_ENV: 'production',
      SECRET_KEY: STRONG,
      MCC_TEST_KILL_BEFORE_WEBHOOK_RELAY: '1',
    };
    expect(loadConfig(production).testHooks.killBeforeWebhookRelay).toBe(false);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).server.port).toBe(8000);
  });
});

describe('.env.example', () => {
  it('documents exactly the variables the config reads, and parses as valid', async () => {
    const { readFileSync } = await import('node:fs');
    const { envSchema } = await import('./config.schema.js');
    const text = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const entries = text
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=') as [string, string]);
    expect(entries.map(([key]) => key).sort()).toEqual(Object.keys(envSchema.shape).sort());
    expect(() => loadConfig(Object.fromEntries(entries))).not.toThrow();
  });
});
