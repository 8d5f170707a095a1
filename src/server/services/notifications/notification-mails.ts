import type { NotificationRow } from '#server/db/schema.js';
import { renderMail } from '#server/integrations/mail/mail-templates.js';
import type { MailMessage } from '#server/integrations/mail/mailer.js';
import type { Language } from '#shared/languages.js';
import { factsOf } from './notification-center.service.js';
import { NOTIFICATION_MAIL_TEXTS } from './notification-mail-texts.js';

/** The app's base URL (no trailing slash), the path of the unsubscribe API and of its web page. */
export interface NotificationMailLinks {
  baseUrl: string;
}

/**
 * The email of one notification, in the style of the account emails: its title, its text, a button to
 * where to act, why it came, and an unsubscribe link for its kind — in the body (a page that asks before
 * turning it off) and as RFC 8058 one-click headers (mail apps POST there directly). Written in the
 * recipient's language from the notification's facts (notification-mail-texts.ts); in English, from the
 * stored title and body, where that language cannot say them (a row written before facts were kept).
 *
 * @example
 * notificationMail(row, { to: 'ada@example.com', language: 'fr', workspace: 'Acme', timeZone: 'Europe/Paris', unsubscribeToken }, { baseUrl });
 */
export function notificationMail(
  row: Pick<NotificationRow, 'kind' | 'title' | 'body' | 'link' | 'facts'>,
  recipient: {
    to: string;
    language: Language;
    workspace: string;
    /** The workspace's clock, for the times a digest lists. */
    timeZone: string;
    unsubscribeToken: string;
  },
  links: NotificationMailLinks,
): MailMessage {
  const said = sayInLanguage(row, recipient.language, recipient.timeZone);
  const texts = NOTIFICATION_MAIL_TEXTS[said.language];
  const kind = texts.kind[row.kind];
  const token = encodeURIComponent(recipient.unsubscribeToken);
  return renderMail(
    {
      subject: `${said.title} · ${recipient.workspace}`,
      heading: said.title,
      paragraphs: said.body.split(/\n+/).filter((line) => line.trim() !== ''),
      action: { label: texts.action[row.kind], url: `${links.baseUrl}${row.link}` },
      footer: texts.footer(kind, recipient.workspace),
      language: said.language,
      unsubscribe: {
        label: texts.unsubscribe(kind, recipient.workspace),
        url: `${links.baseUrl}/unsubscribe#token=${token}`,
        oneClickUrl: `${links.baseUrl}/api/notifications/unsubscribe?token=${token}`,
      },
    },
    recipient.to,
  );
}

/** The title and body in `language` from the row's facts, else the stored English. */
function sayInLanguage(
  row: Pick<NotificationRow, 'kind' | 'title' | 'body' | 'facts'>,
  language: Language,
  timeZone: string,
): { language: Language; title: string; body: string } {
  if (language !== 'en') {
    const facts = factsOf(row);
    const words = facts && NOTIFICATION_MAIL_TEXTS[language].words(facts, { timeZone });
    if (words) return { language, ...words };
  }
  return { language: 'en', title: row.title, body: row.body };
}
