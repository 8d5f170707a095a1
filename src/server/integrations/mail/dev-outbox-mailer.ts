import type { Mailer, MailMessage } from './mailer.js';

/** A message kept in the dev outbox, newest first. */
export interface OutboxMessage extends MailMessage {
  id: number;
  sent_at: string;
}

/** The newest messages kept; older ones are forgotten (the outbox is for reading what was just sent). */
export const OUTBOX_CAPACITY = 50;

/**
 * Development and tests without SMTP: messages stay in this process's memory, where a developer reads
 * them (GET /api/dev/outbox, answered only to this machine). The log says only that a message was
 * written, to whom and about what: a reset or sign-up link is itself a credential, so it never reaches
 * the log. Never used in production.
 */
export class DevOutboxMailer implements Mailer {
  readonly mode = 'outbox';
  private readonly messages: OutboxMessage[] = [];
  private nextId = 1;

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly log: (line: string) => void = () => {},
  ) {}

  async send(message: MailMessage): Promise<void> {
    this.messages.unshift({ id: this.nextId++, sent_at: this.now().toISOString(), ...message });
    this.messages.length = Math.min(this.messages.length, OUTBOX_CAPACITY);
    this.log(`Mail to ${message.to} (“${message.subject}”) is in the dev outbox: GET /api/dev/outbox`);
  }

  /** Newest first. */
  list(): OutboxMessage[] {
    return [...this.messages];
  }

  close(): void {}
}
