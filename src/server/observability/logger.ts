import type { LoggerOptions } from 'pino';
import type { Config } from '../config/config.js';

// Credentials can reach a log line through request/response headers or a logged object; pino removes
// these paths before the line is written. Wildcards cover one level of nesting, the usual `{ user: {...} }`.
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.apiKey',
];

/**
 * Pino options for the app's logger: level, redaction of secrets, and a readable transport when
 * `LOG_PRETTY` is on (development). The request id is bound by Fastify's child logger on each request.
 *
 * @example
 * Fastify({ logger: loggerOptions(config) });
 */
export function loggerOptions(config: Config): LoggerOptions {
  return {
    level: config.log.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(config.log.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', singleLine: true },
          },
        }
      : {}),
  };
}
