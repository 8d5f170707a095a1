import './dev-outbox-page.css';
import { Banner } from '#web/components/ui/banner.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useDevOutbox } from '#web/features/dev-outbox/api/get-outbox.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { PageTitle } from '#web/lib/page-title.js';

/** Web addresses in an email's text: its reset, sign-up and invitation links. */
const LINK = /https?:\/\/[^\s<>"')]+/g;

/**
 * The emails the server kept instead of sending (development without SMTP). The API answers only on the
 * machine the server runs on, so this page works there and nowhere else.
 */
export function DevOutboxPage() {
  const outbox = useDevOutbox();
  return (
    <main id="main" className="dev-outbox stack">
      <PageTitle title="Dev outbox" />
      <h1>Dev outbox</h1>
      <p className="muted">
        No SMTP server is configured, so emails are kept here instead of sent. Set <code>SMTP_URL</code> to
        send them. This page works only on the machine the server runs on.
      </p>
      {outbox.isPending && <Spinner label="Loading the outbox" />}
      {outbox.isError && (
        <Banner tone="danger">
          {outbox.error instanceof ApiError && outbox.error.status === 404
            ? 'There is no outbox here: this server sends email over SMTP, or you are not on its machine.'
            : describeError(outbox.error)}
        </Banner>
      )}
      {outbox.isSuccess && outbox.data.length === 0 && (
        <EmptyState title="No emails yet">Password resets, sign-ups and invitations appear here.</EmptyState>
      )}
      {outbox.isSuccess && outbox.data.length > 0 && (
        <ol className="dev-outbox__list stack" aria-label="Emails">
          {outbox.data.map((email) => (
            <li key={email.id}>
              <details>
                <summary>
                  <strong>{email.subject}</strong> to {email.to}{' '}
                  <time className="muted" dateTime={email.sent_at}>
                    {new Date(email.sent_at).toLocaleString()}
                  </time>
                </summary>
                <ul aria-label="Links in this email">
                  {[...new Set(email.text.match(LINK) ?? [])].map((link) => (
                    <li key={link}>
                      <a href={link}>{link}</a>
                    </li>
                  ))}
                </ul>
                <pre className="dev-outbox__text">{email.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
