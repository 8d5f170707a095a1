import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, servingProblems } from './config.js';

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

  it('keeps media under the data directory by default, with the documented limits', () => {
    expect(loadConfig({ DATA_DIR: '/srv/mcc' }).media).toEqual({
      storage: { kind: 'local', directory: '/srv/mcc/media' },
      maxImageBytes: 20 * 1024 * 1024,
      maxVideoBytes: 500 * 1024 * 1024,
      maxImagePixels: 100_000_000,
      quotaBytes: 5 * 1024 * 1024 * 1024,
      processingConcurrency: 2,
      imageThreadNice: 10,
    });
  });

  it('reads an S3-compatible store, and refuses one without a bucket or with half a key pair', () => {
    const config = loadConfig({
      MEDIA_STORAGE: 's3',
      S3_ENDPOINT: 'http://minio.internal:9000',
      S3_BUCKET: 'mcc-media',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'key',
      S3_FORCE_PATH_STYLE: '1',
      S3_PREFIX: 'prod/',
    });
    expect(config.media.storage).toEqual({
      kind: 's3',
      endpoint: 'http://minio.internal:9000',
      region: 'us-east-1',
      bucket: 'mcc-media',
      credentials: { accessKeyId: 'id', secretAccessKey: 'key' },
      forcePathStyle: true,
      prefix: 'prod/',
    });
    expect(() => loadConfig({ MEDIA_STORAGE: 's3' })).toThrow(/S3_BUCKET: required/);
    expect(() => loadConfig({ S3_BUCKET: 'mcc-media', S3_ACCESS_KEY_ID: 'id' })).toThrow(
      /set both or neither/,
    );
    expect(() => loadConfig({ S3_BUCKET: 'Not_A_Bucket' })).toThrow(/S3_BUCKET/);
  });

  it('reads the sign-up mode: confirm by email unless the operator says otherwise', () => {
    expect(loadConfig({}).auth.signUp).toBe('confirm_by_email');
    expect(loadConfig({ SIGN_UP: 'immediate' }).auth.signUp).toBe('immediate');
    expect(loadConfig({ SIGN_UP: 'closed' }).auth.signUp).toBe('closed');
    expect(() => loadConfig({ SIGN_UP: 'open' })).toThrow(/SIGN_UP/);
  });

  it('reads SMTP, and refuses another scheme, a missing sender, or production links without PUBLIC_URL', () => {
    expect(loadConfig({}).mail).toEqual({
      smtpUrl: undefined,
      from: 'Marketing Command Center <mcc@localhost>',
    });
    expect(
      loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465', MAIL_FROM: 'Acme <mcc@acme.example>' }).mail,
    ).toEqual({ smtpUrl: 'smtps://u:p@mail.example.com:465', from: 'Acme <mcc@acme.example>' });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com', MAIL_FROM: 'a@b.c' })).toThrow(
      /SMTP_URL: Use smtp:\/\//,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.com', MAIL_FROM: 'not an address' })).toThrow(
      /MAIL_FROM/,
    );
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.com' })).toThrow(
      /MAIL_FROM: required with SMTP_URL/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        SECRET_KEY: 'q8Zr3mXv0LkP7tYw2NcB5hJd9GsF4aEu6RiO1lKxVbnM',
        SMTP_URL: 'smtp://mail.example.com',
        MAIL_FROM: 'mcc@example.com',
      }),
    ).toThrow(/PUBLIC_URL: required with SMTP_URL in production/);
  });

  it('reads the image model and image prices per picture beside token prices', () => {
    expect(loadConfig({}).ai.imageModel).toBeUndefined();
    const config = loadConfig({
      AI_IMAGE_MODEL: 'gpt-image-1',
      AI_PRICES: '{"my-model":{"input":0.5,"output":1.5},"flux-schnell":{"per_image":0.003}}',
    });
    expect(config.ai.imageModel).toBe('gpt-image-1');
    expect(config.ai.prices).toEqual({
      'my-model': { input: 0.5, output: 1.5 },
      'flux-schnell': { per_image: 0.003 },
    });
    expect(() => loadConfig({ AI_PRICES: '{"x":{"input":1,"per_image":2}}' })).toThrow(/AI_PRICES/);
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

  it('refuses a metrics port beyond loopback without a metrics token in production', () => {
    const production = { NODE_ENV: 'production', SECRET_KEY: STRONG, METRICS_PORT: '9464' };
    expect(loadConfig(production).metrics).toEqual({ token: undefined, port: 9464, host: '127.0.0.1' });
    expect(() => loadConfig({ ...production, METRICS_HOST: '0.0.0.0' })).toThrow(/METRICS_TOKEN: required/);
    const token = '9d2c4e6f8a1b3c5d7e9f0a2b4c6d8e1f';
    expect(loadConfig({ ...production, METRICS_HOST: '0.0.0.0', METRICS_TOKEN: token }).metrics.token).toBe(
      token,
    );
    // Outside production the metrics port may listen anywhere; the token must still be long.
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics.host).toBe('0.0.0.0');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('derives the host allow-list from PUBLIC_URL in production, extended by ALLOWED_HOSTS', () => {
    const production = { NODE_ENV: 'production', SECRET_KEY: STRONG };
    expect(
      loadConfig({ ...production, PUBLIC_URL: 'https://mcc.example.com:8443/app' }).server.allowedHosts,
    ).toEqual(['mcc.example.com']);
    expect(
      loadConfig({
        ...production,
        PUBLIC_URL: 'https://mcc.example.com',
        ALLOWED_HOSTS: 'mcc.internal,*.example.org',
      }).server.allowedHosts,
    ).toEqual(['mcc.example.com', 'mcc.internal', '*.example.org']);
    expect(loadConfig({ ...production, ALLOWED_HOSTS: '*' }).server.allowedHosts).toBeUndefined();
    // Production with neither: an empty list, which `mcc serve` refuses to start with.
    const unknown = loadConfig(production);
    expect(unknown.server.allowedHosts).toEqual([]);
    expect(servingProblems(unknown).join('\n')).toMatch(/PUBLIC_URL: required in production/);
    expect(servingProblems(loadConfig({ ...production, PUBLIC_URL: 'https://x.example' }))).toEqual([]);
    // Elsewhere any host, unless ALLOWED_HOSTS is set.
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:8000' }).server.allowedHosts).toBeUndefined();
    expect(loadConfig({ ALLOWED_HOSTS: 'dev.local' }).server.allowedHosts).toEqual(['dev.local']);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'https://mcc.example.com' })).toThrow(/ALLOWED_HOSTS/);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'mcc.example.com:443' })).toThrow(/ALLOWED_HOSTS/);
  });

  it('compresses responses unless COMPRESSION is off', () => {
    expect(loadConfig({}).server.compression).toBe(true);
    expect(loadConfig({ COMPRESSION: 'off' }).server.compression).toBe(false);
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

  it('allows the cheap password hashing profile only to the test suite', () => {
    expect(loadConfig({}).auth.passwordHashProfile).toBe('owasp');
    expect(loadConfig({ NODE_ENV: 'test', PASSWORD_HASH_PROFILE: 'test' }).auth.passwordHashProfile).toBe(
      'test',
    );
    expect(() => loadConfig({ PASSWORD_HASH_PROFILE: 'test' })).toThrow(/PASSWORD_HASH_PROFILE/);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', SECRET_KEY: STRONG, PASSWORD_HASH_PROFILE: 'test' }),
    ).toThrow(/PASSWORD_HASH_PROFILE/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).server.port).toBe(8000);
  });
});

describe('OAuth apps', () => {
  it('reads each network’s app from MCC_OAUTH_<NETWORK>_CLIENT_ID and _CLIENT_SECRET; a public client has no secret', () => {
    const config = loadConfig({
      MCC_OAUTH_X_CLIENT_ID: 'x-client',
      MCC_OAUTH_X_CLIENT_SECRET: 'x-secret',
      MCC_OAUTH_MASTODON_CLIENT_ID: 'public-client',
    });
    expect(config.oauthApps).toEqual({
      x: { clientId: 'x-client', clientSecret: 'x-secret' },
      mastodon: { clientId: 'public-client', clientSecret: null },
    });
    expect(loadConfig({}).oauthApps).toEqual({});
  });

  it('names an unknown network, a secret without its id, and a value with spaces', () => {
    expect(() =>
      loadConfig({
        MCC_OAUTH_MYSPACE_CLIENT_ID: 'a',
        MCC_OAUTH_X_CLIENT_SECRET: 'b',
        MCC_OAUTH_BLUESKY_CLIENT_ID: 'has space',
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'MCC_OAUTH_BLUESKY_CLIENT_ID: printable characters without spaces only',
          expect.stringContaining('MCC_OAUTH_MYSPACE_CLIENT_ID: no network is called myspace'),
          'MCC_OAUTH_X_CLIENT_ID: required with MCC_OAUTH_X_CLIENT_SECRET',
        ],
      }),
    );
  });
});

describe('.env.example', () => {
  it('documents exactly the variables the config reads, and parses as valid', async () => {
    const { readFileSync } = await import('node:fs');
    const { envSchema } = await import('./config.schema.js');
    const text = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    const entries = text
      .split('\n')
      .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
      .map((line) => line.split('=') as [string, string]);
    expect(entries.map(([key]) => key).sort()).toEqual(Object.keys(envSchema.shape).sort());
    expect(() => loadConfig(Object.fromEntries(entries))).not.toThrow();
  });
});
