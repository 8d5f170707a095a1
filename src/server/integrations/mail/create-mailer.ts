import type { Config } from '#server/config/config.js';
import { DevOutboxMailer } from './dev-outbox-mailer.js';
import type { Mailer } from './mailer.js';
import { SmtpMailer } from './smtp-mailer.js';
import { UnavailableMailer } from './unavailable-mailer.js';

/** SMTP when configured; otherwise the dev outbox, except in production, which then cannot send. */
export function createMailer(
  config: Config,
  options: { now?: () => Date; log?: (line: string) => void } = {},
): Mailer {
  if (config.mail.smtpUrl) return new SmtpMailer(config.mail.smtpUrl, config.mail.from);
  if (config.env === 'production') return new UnavailableMailer();
  return new DevOutboxMailer(options.now, options.log);
}
