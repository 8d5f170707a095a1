import { z } from 'zod';
import { SIGN_UP_MODES } from '#shared/auth.schema.js';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();
const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

/**
 * An OAuth app's client id or secret (`MCC_OAUTH_<NETWORK>_CLIENT_ID`, `…_CLIENT_SECRET`; config.ts reads
 * those by pattern, one pair per network).
 */
export const oauthCredentialSchema = z
  .string()
  .trim()
  .max(500, 'at most 500 characters')
  .regex(/^[\x21-\x7e]+$/, 'printable characters without spaces only');

/**
 * The environment variables the app reads, with their defaults. `.env.example` documents each one;
 * keep the two in step.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(8000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((url) => /^(postgres(ql)?:\/\/|sqlite:|file:)/.test(url) || !url.includes('://'), {
      message: 'Use postgres://…, sqlite:<path>, or a file path',
    })
    .optional(),
  REDIS_URL: z
    .string()
    .refine((url) => /^rediss?:\/\//.test(url), { message: 'Use redis://… or rediss://…' })
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'Letters, digits and _ . : - only')
    .default('mcc'),
  MCC_AUTO_MIGRATE: bool.default(true),
  MCC_DEMO: bool.default(true),
  SECRET_KEY: z.string().optional(),
  ACCESS_TOKEN_TTL_SECONDS: positiveInt.max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: positiveInt.max(365).default(30),
  PASSWORD_HASH_PROFILE: z.enum(['owasp', 'test']).default('owasp'),
  REFRESH_TOKEN_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  SESSION_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  CORS_ORIGINS: list.default([]),
  ALLOWED_HOSTS: list
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(\*|(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])$/,
            'Host names without scheme or port (*.example.com for subdomains, * for any), comma-separated',
          ),
      ),
    )
    .default([]),
  COMPRESSION: bool.default(true),
  TRUST_PROXY: z.string().default('loopback'),
  BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
  RATE_LIMIT_MAX: positiveInt.default(600),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(60),
  AUTH_RATE_LIMIT_MAX: positiveInt.default(10),
  AUTH_RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(900),
  TELEMETRY_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(1),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
  JOBS_CONCURRENCY: positiveInt.max(100).default(4),
  JOBS_RUN_IN_WEB: bool.default(true),
  JOBS_LEASE_SECONDS: positiveInt.max(3_600).default(30),
  JOBS_RETRY_BASE_MS: positiveInt.max(3_600_000).default(10_000),
  METRICS_PORT: port.optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: z.string().min(32, 'At least 32 characters (openssl rand -hex 32)').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.optional(),
  WEB_DIST_DIR: z.string().default('dist/web'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  AI_MODEL: z.string().min(1).max(200).default('gpt-4o-mini'),
  /** The image model on the same endpoint (gpt-image-1, dall-e-3, …); unset, no images are generated. */
  AI_IMAGE_MODEL: z.string().min(1).max(200).optional(),
  AI_TIMEOUT_MS: positiveInt.max(600_000).default(60_000),
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  AI_RETRY_BUDGET_MS: positiveInt.max(600_000).default(90_000),
  AI_CIRCUIT_FAILURES: positiveInt.max(100).default(5),
  AI_CIRCUIT_COOLDOWN_SECONDS: positiveInt.max(3600).default(30),
  AI_MAX_OUTPUT_TOKENS: positiveInt.max(1_000_000).default(16_384),
  AI_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(0),
  AI_PRICES: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(
      z.record(
        z.string(),
        z.union([
          z.strictObject({ input: z.number().min(0), output: z.number().min(0) }),
          // An image model's price: USD per generated image.
          z.strictObject({ per_image: z.number().min(0) }),
        ]),
      ),
    )
    .optional(),
  AI_ALLOW_PRIVATE_BASE_URLS: bool.default(false),
  OUTBOUND_ALLOWED_HOSTS: list
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(\*\.)?[A-Za-z0-9.:_[\]-]+(\/\d{1,3})?$/,
            'Host names, IP addresses or CIDR ranges, comma-separated',
          ),
      ),
    )
    .default([]),
  MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
  MEDIA_DIR: z.string().min(1).optional(),
  MEDIA_MAX_IMAGE_BYTES: positiveInt.default(20 * 1024 * 1024),
  MEDIA_MAX_VIDEO_BYTES: positiveInt.default(500 * 1024 * 1024),
  MEDIA_MAX_IMAGE_PIXELS: positiveInt.max(1_000_000_000).default(100_000_000),
  MEDIA_QUOTA_BYTES: positiveInt.default(5 * 1024 * 1024 * 1024),
  MEDIA_PROCESSING_CONCURRENCY: positiveInt.max(16).default(2),
  MEDIA_THREAD_NICE: z.coerce.number().int().min(0).max(19).default(10),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'A bucket name: 3-63 lower-case letters, digits, dots, hyphens',
    )
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  S3_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._/-]{1,200}$/, 'Letters, digits and . _ / - only')
    .optional(),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: 'Use smtp://user:pass@host:port, or smtps://… for TLS' })
    .optional(),
  MAIL_FROM: z
    .string()
    .max(320)
    .regex(
      /^([^<>\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/,
      'An address, or a name and an address: Marketing <mcc@example.com>',
    )
    .optional(),
  /**
   * How people sign up without an invitation: `confirm_by_email` (an emailed link; production without
   * SMTP then lets only the first account in), `immediate` (signed in at once; a taken address answers
   * 409, so registration tells who has an account), `closed` (invitations and `mcc user create` only).
   */
  SIGN_UP: z.enum(SIGN_UP_MODES).default('confirm_by_email'),
  /** Test only (ignored in production): SIGKILL the process after a commit, before its webhook relay. */
  MCC_TEST_KILL_BEFORE_WEBHOOK_RELAY: bool.default(false),
});

export type Env = z.infer<typeof envSchema>;
