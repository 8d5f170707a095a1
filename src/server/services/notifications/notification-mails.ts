import type { NotificationRow } from '#server/db/schema.js';
import { renderMail } from '#server/integrations/mail/mail-templates.js';
import type { MailMessage } from '#server/integrations/mail/mailer.js';
import { NOTIFICATION_KIND_INFO, type NotificationKind } from '#shared/notifications.schema.js';

const ACTION_LABELS: Record<NotificationKind, string> = {
  review_requested: 'Review the post',
  content_sent_back: 'Open the post',
  content_approved: 'Open the post',
  publish_failed: 'Open the post',
  inbox_attention: 'Open the conversation',
  ai_budget: 'Open the AI settings',
  job_died: 'Open the job',
  weekly_digest: 'Open the calendar',
  comment_mention: 'Open the comment',
};

/** The app's base URL (no trailing slash), the path of the unsubscribe API and of its web page. */
export interface NotificationMailLinks {
  baseUrl: string;
}

/**
 * The email of one notification, in the style of the account emails: its title, its text, a button to
 * where to act, why it came, and an unsubscribe link for its kind — in the body (a page that asks before
 * turning it off) and as RFC 8058 one-click headers (mail apps POST there directly).
 *
 * @example
 * notificationMail(row, { to: 'ada@example.com', workspace: 'Acme', token }, { baseUrl: 'https://mcc.example.com' });
 */
export function notificationMail(
  row: Pick<NotificationRow, 'kind' | 'title' | 'body' | 'link'>,
  recipient: { to: string; workspace: string; unsubscribeToken: string },
  links: NotificationMailLinks,
): MailMessage {
  const kind = NOTIFICATION_KIND_INFO[row.kind];
  const token = encodeURIComponent(recipient.unsubscribeToken);
  return renderMail(
    {
      subject: `${row.title} · ${recipient.workspace}`,
      heading: row.title,
      paragraphs: row.body.split(/\n+/).filter((line) => line.trim() !== ''),
      action: { label: ACTION_LABELS[row.kind], url: `${links.baseUrl}${row.link}` },
      footer: `You get this email about “${kind.label}” in the workspace “${recipient.workspace}”. Choose which notifications come by email in the workspace's Settings → Notifications.`,
      unsubscribe: {
        label: `Stop emails about “${kind.label}” from ${recipient.workspace}`,
        url: `${links.baseUrl}/unsubscribe#token=${token}`,
        oneClickUrl: `${links.baseUrl}/api/notifications/unsubscribe?token=${token}`,
      },
    },
    recipient.to,
  );
}
