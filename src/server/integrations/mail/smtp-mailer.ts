import { createRequire } from 'node:module';
import type { Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from './mailer.js';

/**
 * Mail over SMTP. `smtpUrl` is smtp://user:pass@host:port (STARTTLS when the server offers it) or
 * smtps://… (TLS from the first byte). nodemailer's own logging stays off: it would print the
 * conversation, credentials included.
 */
export class SmtpMailer implements Mailer {
  readonly mode = 'smtp';
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Loaded here, not with the app: an instance without SMTP never needs it (it is CommonJS, so
    // `require` loads it at once).
    const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof import('nodemailer');
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      logger: false,
      debug: false,
      // Bounded waits: a stuck server fails the job (which retries) instead of holding a worker.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }

  close(): void {
    this.transport.close();
  }
}
