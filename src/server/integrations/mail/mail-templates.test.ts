import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMail } from './mail-templates.js';

describe('renderMail', () => {
  const content = {
    subject: 'You are invited to <Acme>',
    heading: 'Join "Acme & Co"',
    paragraphs: ['<script>alert(1)</script> invited you.'],
    action: { label: 'Accept', url: 'https://mcc.example.com/invitations/accept?token=a&b=1' },
    footer: 'Not expecting this? Ignore it.',
  };

  it('escapes every user-provided value in the HTML part', () => {
    const { html } = renderMail(content, 'ada@example.com');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; invited you.');
    expect(html).toContain('Join &quot;Acme &amp; Co&quot;');
    expect(html).toContain('href="https://mcc.example.com/invitations/accept?token=a&amp;b=1"');
  });

  it('writes a text part with the link in full', () => {
    const message = renderMail(content, 'ada@example.com');
    expect(message.to).toBe('ada@example.com');
    expect(message.subject).toBe('You are invited to <Acme>');
    expect(message.text).toContain('<script>alert(1)</script> invited you.');
    expect(message.text).toContain('Accept: https://mcc.example.com/invitations/accept?token=a&b=1');
    expect(message.text).toContain('Not expecting this? Ignore it.');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() =>
      renderMail({ ...content, action: { label: 'x', url: 'javascript:alert(1)' } }, 'ada@example.com'),
    ).toThrow(/http/);
  });

  it('escapes quotes for attributes', () => {
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('adds an unsubscribe link to both parts and RFC 8058 one-click headers', () => {
    const message = renderMail(
      {
        ...content,
        unsubscribe: {
          label: 'Stop these emails',
          url: 'https://mcc.example.com/unsubscribe#token=a.b',
          oneClickUrl: 'https://mcc.example.com/api/notifications/unsubscribe?token=a.b',
        },
      },
      'ada@example.com',
    );
    expect(message.text).toContain('Stop these emails: https://mcc.example.com/unsubscribe#token=a.b');
    expect(message.html).toContain('href="https://mcc.example.com/unsubscribe#token=a.b"');
    expect(message.headers).toEqual({
      'List-Unsubscribe': '<https://mcc.example.com/api/notifications/unsubscribe?token=a.b>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(renderMail(content, 'ada@example.com').headers).toBeUndefined();
    expect(() =>
      renderMail(
        {
          ...content,
          unsubscribe: { label: 'x', url: 'mailto:x@example.com', oneClickUrl: 'https://a.example' },
        },
        'ada@example.com',
      ),
    ).toThrow(/http/);
  });
});
