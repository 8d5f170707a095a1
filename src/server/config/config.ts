import path from 'node:path';
import type { SignUpMode } from '#shared/auth.schema.js';
import { NETWORK_IDS, type NetworkId } from '#shared/network.schema.js';
import { type Env, envSchema, oauthCredentialSchema } from './config.schema.js';

/** The typed, nested configuration every other module receives; nothing else reads `process.env`. */
export interface Config {
  env: 'development' | 'production' | 'test';
  server: {
    host: string;
    port: number;
    publicUrl: string | undefined;
    trustProxy: boolean | string;
    bodyLimitBytes: number;
    shutdownTimeoutMs: number;
    corsOrigins: string[];
    /**
     * Host names the app answers for (PUBLIC_URL's plus ALLOWED_HOSTS); undefined: any. Enforced in
     * production, elsewhere only when ALLOWED_HOSTS is set.
     */
    allowedHosts: string[] | undefined;
    /** Compress responses (off behind a proxy that compresses). */
    compression: boolean;
  };
  dataDir: string;
  database:
    | { kind: 'sqlite'; path: string; autoMigrate: boolean }
    | { kind: 'postgres'; url: string; autoMigrate: boolean };
  /** Scale-out mode when `url` is set: live events (and later jobs, rate limits) go through Redis. */
  redis: { url: string | undefined; prefix: string };
  auth: {
    /** Undefined until `resolveSecret` has read or created the development secret. */
    secret: string | undefined;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    /** How long a just-rotated refresh token still gets its successor (tabs refreshing at once); 0: never. */
    refreshGraceSeconds: number;
    /** How long an instance reuses "this session is still signed in"; revocations clear it at once. */
    sessionCacheTtlMs: number;
    /** argon2id's cost (services/access/security/passwords.ts); `test` only with NODE_ENV=test. */
    passwordHashProfile: 'owasp' | 'test';
    secureCookies: boolean;
    /** How people sign up without an invitation (services/access/sign-up.service.ts; docs/accounts.md). */
    signUp: SignUpMode;
  };
  rateLimit: {
    max: number;
    windowSeconds: number;
    authMax: number;
    authWindowSeconds: number;
  };
  telemetry: { sampleRate: number };
  log: { level: string; pretty: boolean };
  demo: { enabled: boolean };
  web: { distDir: string };
  jobs: {
    /** Jobs one worker runs at a time. */
    concurrency: number;
    /** Whether `mcc serve` runs workers too (otherwise only `mcc worker` processes do). */
    runInWeb: boolean;
    /** How long a job stays claimed without a heartbeat; a crashed worker's jobs run again after it. */
    leaseMs: number;
    /** The first retry's delay; each later one doubles, up to an hour (see jobs/backoff.ts). */
    retryBaseMs: number;
  };
  /** Who may read /metrics, and the separate metrics port (metrics-access.ts). */
  metrics: {
    /** A Bearer token every /metrics request must carry; without one /metrics is open, except in production. */
    token: string | undefined;
    /** A port of its own serving /metrics and /healthz (the only HTTP of `mcc worker`); undefined: none. */
    port: number | undefined;
    /** Where that port listens: loopback unless set. */
    host: string;
  };
  ai: {
    /** The server-wide provider; undefined means the offline writer (workspaces may bring their own). */
    provider: { baseUrl: string | undefined; apiKey: string | undefined; model: string } | undefined;
    timeoutMs: number;
    maxRetries: number;
    retryBudgetMs: number;
    /** The most tokens any answer may take (tasks ask for less); bounds what a call can cost. */
    maxOutputTokens: number;
    circuitFailures: number;
    circuitCooldownMs: number;
    cacheTtlMs: number;
    /** Image generation's model on the workspace's or the server's endpoint; undefined: no images. */
    imageModel: string | undefined;
    /** Extra or overriding prices: USD per million tokens, or per image for image models. */
    prices: Record<string, { input: number; output: number } | { per_image: number }>;
    /** Let workspaces point their provider at private or loopback addresses (a local Ollama, say). */
    allowPrivateBaseUrls: boolean;
  };
  /** Calls to URLs users give (webhooks, publishing): hosts that may be private or loopback anyway. */
  outbound: { allowedHosts: string[] };
  /**
   * The instance's OAuth app on each network (`MCC_OAUTH_<NETWORK>_CLIENT_ID`, `…_CLIENT_SECRET`); a
   * network without one is connected with the workspace's own app. `clientSecret` null: a public client.
   */
  oauthApps: Partial<Record<NetworkId, { clientId: string; clientSecret: string | null }>>;
  /** The media library (docs/media.md): where files live, what uploads may weigh, each workspace's share. */
  media: {
    storage: MediaStorageConfig;
    maxImageBytes: number;
    maxVideoBytes: number;
    /** Width × height an image may decode to; larger ones are refused before decoding (pixel bombs). */
    maxImagePixels: number;
    /** Bytes a workspace's library may hold, renditions included. */
    quotaBytes: number;
    /** Images processed at once per process; others wait their turn (bounds memory). */
    processingConcurrency: number;
    /** How far below the event loop libvips' pixel threads run (0-19; 0 leaves them as they are). */
    imageThreadNice: number;
  };
  /**
   * Email (integrations/mail): SMTP when `smtpUrl` is set; otherwise development and tests keep messages
   * in a dev outbox and production cannot send (features that need mail say so).
   */
  mail: {
    /** Carries the SMTP password: never log it. */
    smtpUrl: string | undefined;
    from: string;
  };
  /** Fault injection for tests of crash recovery; always off in production. */
  testHooks: {
    /** SIGKILL the process right after a commit that wrote webhook deliveries, before they are relayed. */
    killBeforeWebhookRelay: boolean;
  };
}

/** Where media files are stored: a directory, or an S3-compatible bucket. */
export type MediaStorageConfig =
  | { kind: 'local'; directory: string }
  | {
      kind: 's3';
      /** Undefined: AWS S3 itself; otherwise MinIO, R2 or another S3-compatible endpoint. */
      endpoint: string | undefined;
      region: string;
      bucket: string;
      /** Undefined: the AWS SDK's default credential chain (environment, instance role, …). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      forcePathStyle: boolean;
      /** Prepended to every key, so an installation can share a bucket. */
      prefix: string;
    };

/** Start-up stops with every problem listed, not just the first. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const MIN_SECRET_BYTES = 32;

/**
 * Parse environment variables into a `Config`.
 *
 * @example
 * const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://localhost/mcc' });
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const production = e.NODE_ENV === 'production';

  if (production) {
    if (!e.SECRET_KEY) problems.push('SECRET_KEY: required in production (at least 32 bytes of randomness)');
    else if (Buffer.byteLength(e.SECRET_KEY) < MIN_SECRET_BYTES || isWeakSecret(e.SECRET_KEY)) {
      problems.push(
        `SECRET_KEY: too weak; use at least ${MIN_SECRET_BYTES} random bytes (openssl rand -hex 32)`,
      );
    }
  } else if (e.SECRET_KEY !== undefined && Buffer.byteLength(e.SECRET_KEY) < MIN_SECRET_BYTES) {
    problems.push(`SECRET_KEY: must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  if (production) problems.push(...productionExposureProblems(e));
  problems.push(...mediaStorageProblems(e));
  const apps = oauthApps(env);
  problems.push(...apps.problems);
  if (production && e.SMTP_URL && !e.PUBLIC_URL) {
    problems.push('PUBLIC_URL: required with SMTP_URL in production (the links in emails lead there)');
  }
  if (e.SMTP_URL && !e.MAIL_FROM) {
    problems.push(
      'MAIL_FROM: required with SMTP_URL (the sender people see, e.g. Marketing <mcc@example.com>)',
    );
  }
  if (e.PASSWORD_HASH_PROFILE === 'test' && e.NODE_ENV !== 'test') {
    problems.push('PASSWORD_HASH_PROFILE: `test` is for the test suite only (NODE_ENV=test); use owasp');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    server: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.PUBLIC_URL,
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      corsOrigins: e.CORS_ORIGINS,
      allowedHosts: allowedHosts(e, production),
      compression: e.COMPRESSION,
    },
    dataDir: e.DATA_DIR,
    database: parseDatabaseUrl(e.DATABASE_URL, e.DATA_DIR, e.MCC_AUTO_MIGRATE),
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    auth: {
      secret: e.SECRET_KEY,
      accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
      refreshGraceSeconds: e.REFRESH_TOKEN_GRACE_SECONDS,
      sessionCacheTtlMs: e.SESSION_CACHE_TTL_MS,
      passwordHashProfile: e.PASSWORD_HASH_PROFILE,
      secureCookies: production,
      signUp: e.SIGN_UP,
    },
    rateLimit: {
      max: e.RATE_LIMIT_MAX,
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      authMax: e.AUTH_RATE_LIMIT_MAX,
      authWindowSeconds: e.AUTH_RATE_LIMIT_WINDOW_SECONDS,
    },
    telemetry: { sampleRate: e.TELEMETRY_SAMPLE_RATE },
    log: { level: e.LOG_LEVEL, pretty: e.LOG_PRETTY ?? false },
    demo: { enabled: e.MCC_DEMO && !production },
    web: { distDir: e.WEB_DIST_DIR },
    jobs: {
      concurrency: e.JOBS_CONCURRENCY,
      runInWeb: e.JOBS_RUN_IN_WEB,
      leaseMs: e.JOBS_LEASE_SECONDS * 1000,
      retryBaseMs: e.JOBS_RETRY_BASE_MS,
    },
    metrics: { token: e.METRICS_TOKEN, port: e.METRICS_PORT, host: e.METRICS_HOST },
    ai: {
      provider:
        e.OPENAI_API_KEY || e.OPENAI_BASE_URL
          ? { baseUrl: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY, model: e.AI_MODEL }
          : undefined,
      timeoutMs: e.AI_TIMEOUT_MS,
      maxRetries: e.AI_MAX_RETRIES,
      retryBudgetMs: e.AI_RETRY_BUDGET_MS,
      maxOutputTokens: e.AI_MAX_OUTPUT_TOKENS,
      circuitFailures: e.AI_CIRCUIT_FAILURES,
      circuitCooldownMs: e.AI_CIRCUIT_COOLDOWN_SECONDS * 1000,
      cacheTtlMs: e.AI_CACHE_TTL_SECONDS * 1000,
      imageModel: e.AI_IMAGE_MODEL,
      prices: e.AI_PRICES ?? {},
      allowPrivateBaseUrls: e.AI_ALLOW_PRIVATE_BASE_URLS,
    },
    outbound: { allowedHosts: e.OUTBOUND_ALLOWED_HOSTS },
    oauthApps: apps.apps,
    media: {
      storage: mediaStorage(e),
      maxImageBytes: e.MEDIA_MAX_IMAGE_BYTES,
      maxVideoBytes: e.MEDIA_MAX_VIDEO_BYTES,
      maxImagePixels: e.MEDIA_MAX_IMAGE_PIXELS,
      quotaBytes: e.MEDIA_QUOTA_BYTES,
      processingConcurrency: e.MEDIA_PROCESSING_CONCURRENCY,
      imageThreadNice: e.MEDIA_THREAD_NICE,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? 'Marketing Command Center <mcc@localhost>' },
    testHooks: { killBeforeWebhookRelay: e.MCC_TEST_KILL_BEFORE_WEBHOOK_RELAY && !production },
  };
}

const OAUTH_VARIABLE = /^MCC_OAUTH_([A-Z0-9_]+)_CLIENT_(ID|SECRET)$/;

/**
 * The OAuth apps named by `MCC_OAUTH_<NETWORK>_CLIENT_ID` and `…_CLIENT_SECRET` (the network's id in
 * capitals: `MCC_OAUTH_X_CLIENT_ID`, `MCC_OAUTH_GOOGLE_BUSINESS_CLIENT_ID`). Read by pattern rather than
 * listed in the schema, so a network that joins NETWORK_IDS needs no change here.
 */
function oauthApps(env: Record<string, string | undefined>): {
  apps: Config['oauthApps'];
  problems: string[];
} {
  const found = new Map<string, { id?: string; secret?: string }>();
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(env)) {
    const match = OAUTH_VARIABLE.exec(name);
    if (!match?.[1] || !raw?.trim()) continue;
    const parsed = oauthCredentialSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`${name}: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
      continue;
    }
    const value = parsed.data;
    const entry = found.get(match[1]) ?? {};
    if (match[2] === 'ID') entry.id = value;
    else entry.secret = value;
    found.set(match[1], entry);
  }
  const apps: Config['oauthApps'] = {};
  for (const [upper, entry] of found) {
    const network = NETWORK_IDS.find((id) => id.toUpperCase() === upper);
    if (!network) {
      problems.push(
        `MCC_OAUTH_${upper}_CLIENT_ID: no network is called ${upper.toLowerCase()} (${NETWORK_IDS.join(', ')})`,
      );
    } else if (!entry.id) {
      problems.push(`MCC_OAUTH_${upper}_CLIENT_ID: required with MCC_OAUTH_${upper}_CLIENT_SECRET`);
    } else {
      apps[network] = { clientId: entry.id, clientSecret: entry.secret ?? null };
    }
  }
  return { apps, problems };
}

/** Settings that would open something to the network without credentials in production. */
function productionExposureProblems(e: Env): string[] {
  const problems: string[] = [];
  if (e.METRICS_PORT !== undefined && !isLoopbackHost(e.METRICS_HOST) && !e.METRICS_TOKEN) {
    problems.push(
      `METRICS_TOKEN: required in production when the metrics port listens beyond loopback (METRICS_HOST=${e.METRICS_HOST})`,
    );
  }
  return problems;
}

/** An S3 store needs its bucket; keys come as a pair or not at all (then the SDK's chain finds them). */
function mediaStorageProblems(e: Env): string[] {
  const problems: string[] = [];
  if (e.MEDIA_STORAGE === 's3' && !e.S3_BUCKET) {
    problems.push('S3_BUCKET: required when MEDIA_STORAGE=s3');
  }
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: set both or neither');
  }
  return problems;
}

function mediaStorage(e: Env): MediaStorageConfig {
  if (e.MEDIA_STORAGE === 'local' || !e.S3_BUCKET) {
    return { kind: 'local', directory: e.MEDIA_DIR ?? path.join(e.DATA_DIR, 'media') };
  }
  return {
    kind: 's3',
    endpoint: e.S3_ENDPOINT,
    region: e.S3_REGION,
    bucket: e.S3_BUCKET,
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    prefix: e.S3_PREFIX ? `${e.S3_PREFIX.replace(/\/+$/, '')}/` : '',
  };
}

function allowedHosts(e: Env, production: boolean): string[] | undefined {
  if (!production && e.ALLOWED_HOSTS.length === 0) return undefined;
  if (e.ALLOWED_HOSTS.includes('*')) return undefined;
  const publicHost = e.PUBLIC_URL ? new URL(e.PUBLIC_URL).hostname : undefined;
  return [...new Set([...(publicHost ? [publicHost] : []), ...e.ALLOWED_HOSTS])];
}

/**
 * What stops `mcc serve` (not the worker or the CLI) from starting: in production it must know which
 * Host it answers for.
 */
export function servingProblems(config: Config): string[] {
  if (config.env !== 'production' || config.server.allowedHosts?.length !== 0) return [];
  return [
    'PUBLIC_URL: required in production, so the app knows which host it answers for (or list them in ALLOWED_HOSTS; ALLOWED_HOSTS=* answers any)',
  ];
}

/** Whether a listen address only takes connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function withoutEmptyValues(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

function parseDatabaseUrl(
  url: string | undefined,
  dataDir: string,
  autoMigrate: boolean,
): Config['database'] {
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url, autoMigrate };
  const file = url ? url.replace(/^(sqlite|file):(\/\/)?/, '') : path.join(dataDir, 'mcc.db');
  return { kind: 'sqlite', path: file, autoMigrate };
}

function parseTrustProxy(value: string): boolean | string {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  return value;
}

/** Repeated characters or a well-known placeholder are weak whatever their length. */
function isWeakSecret(secret: string): boolean {
  if (new Set(secret).size < 8) return true;
  return /change.?me|secret|password|example|default/i.test(secret);
}
