/** One email, already rendered (mail-templates.ts). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra header fields (`List-Unsubscribe`); never the ones the transport writes itself. */
  headers?: Record<string, string>;
}

/**
 * How this server sends mail: `smtp` reaches people; `outbox` keeps messages on this server for a
 * developer to read (development and tests without SMTP); `none` cannot send (production without SMTP).
 */
export type MailMode = 'smtp' | 'outbox' | 'none';

/** The one way the app sends email; which transport is behind it is decided once (create-mailer.ts). */
export interface Mailer {
  readonly mode: MailMode;
  send(message: MailMessage): Promise<void>;
  close(): void;
}
