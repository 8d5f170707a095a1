import type { Language } from '#shared/languages.js';
import type { MailMessage } from './mailer.js';

/** What every email says, in the app's words: a heading, a few paragraphs, at most one button. */
export interface MailContent {
  subject: string;
  heading: string;
  /** Plain sentences; user-provided values inside are escaped for the HTML part. */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the button (why this email came, what to do if unexpected). */
  footer?: string;
  /**
   * A link that stops this kind of email, shown last. The message also carries it as RFC 8058 one-click
   * `List-Unsubscribe` headers, so mail apps offer their own unsubscribe button.
   */
  unsubscribe?: { label: string; url: string; oneClickUrl: string };
  /** The language the words are in (the HTML part's `lang`, for screen readers); English by default. */
  language?: Language;
}

const APP_NAME = 'Marketing Command Center';

/**
 * Render an email's HTML and text parts. Every value is escaped, so a workspace or person's name cannot
 * add markup; the button's URL must be http(s) (our own links), anything else is refused.
 *
 * @example
 * renderMail({ subject: 'Reset your password', heading: 'Reset your password', paragraphs: ['…'] }, 'ada@example.com');
 */
export function renderMail(content: MailContent, to: string): MailMessage {
  const links = [content.action?.url, content.unsubscribe?.url, content.unsubscribe?.oneClickUrl];
  if (links.some((url) => url !== undefined && !/^https?:\/\//.test(url))) {
    throw new Error('Email links must be http(s) URLs');
  }
  const message: MailMessage = {
    to,
    subject: content.subject,
    text: renderText(content),
    html: renderHtml(content),
  };
  if (content.unsubscribe) {
    // RFC 8058: a mail app POSTs `List-Unsubscribe=One-Click` to the URL, with no cookies and no page.
    message.headers = {
      'List-Unsubscribe': `<${content.unsubscribe.oneClickUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    };
  }
  return message;
}

function renderText(content: MailContent): string {
  const lines = [content.heading, '', ...content.paragraphs.flatMap((paragraph) => [paragraph, ''])];
  // French sets a colon off with a no-break space.
  const colon = content.language === 'fr' ? '\u00a0:' : ':';
  if (content.action) lines.push(`${content.action.label}${colon} ${content.action.url}`, '');
  if (content.footer) lines.push('--', content.footer, '');
  if (content.unsubscribe) lines.push(`${content.unsubscribe.label}${colon} ${content.unsubscribe.url}`, '');
  lines.push(APP_NAME);
  return `${lines.join('\n')}\n`;
}

// Inline styles only (mail clients drop <style>), the app's colours: ink on white, indigo buttons.
function renderHtml(content: MailContent): string {
  const paragraphs = content.paragraphs
    .map((paragraph) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(paragraph)}</p>`)
    .join('\n');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="background:#4f46e5;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600;display:inline-block">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#64748b;word-break:break-all">${escapeHtml(content.action.url)}</p>`
    : '';
  const footer = content.footer
    ? `<p style="margin:24px 0 0;font-size:13px;color:#64748b">${escapeHtml(content.footer)}</p>`
    : '';
  const unsubscribe = content.unsubscribe
    ? `<p style="margin:16px 0 0;font-size:13px;color:#64748b"><a href="${escapeHtml(content.unsubscribe.url)}" style="color:#64748b">${escapeHtml(content.unsubscribe.label)}</a></p>`
    : '';
  return `<!doctype html>
<html lang="${content.language ?? 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:32px">
<p style="margin:0 0 24px;font-size:13px;font-weight:600;color:#4f46e5">${APP_NAME}</p>
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(content.heading)}</h1>
${paragraphs}
${action}
${footer}
${unsubscribe}
</div>
</body></html>
`;
}

/** Escape text for HTML content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
