import { AppError } from '#server/errors/app-error.js';
import type { Mailer } from './mailer.js';

/** Production without SMTP: every send is refused with a problem that says what to configure. */
export class UnavailableMailer implements Mailer {
  readonly mode = 'none';

  async send(): Promise<void> {
    throw mailUnavailable();
  }

  close(): void {}
}

/** The problem a feature that needs email answers when this server cannot send any. */
export function mailUnavailable(): AppError {
  return new AppError(
    'mail_unavailable',
    'This server cannot send email yet; an administrator needs to set SMTP_URL and MAIL_FROM',
  );
}
