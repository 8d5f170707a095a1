import './dev-outbox-page.css';
import { Trans, useTranslation } from 'react-i18next';
import { Banner } from '#web/components/ui/banner.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useDevOutbox } from '#web/features/dev-outbox/api/get-outbox.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { PageTitle } from '#web/lib/page-title.js';

/** Web addresses in an email's text: its reset, sign-up and invitation links. */
const LINK = /https?:\/\/[^\s<>"')]+/g;

/**
 * The emails the server kept instead of sending (development without SMTP). The API answers only on the
 * machine the server runs on, so this page works there and nowhere else.
 */
export function DevOutboxPage() {
  const outbox = useDevOutbox();
  const { t } = useTranslation();
  return (
    <main id="main" className="dev-outbox stack">
      <PageTitle title={t('devOutbox.title')} />
      <h1>{t('devOutbox.title')}</h1>
      <p className="muted">
        <Trans t={t} i18nKey="devOutbox.intro" components={{ code: <code /> }} />
      </p>
      {outbox.isPending && <Spinner label={t('devOutbox.loading')} />}
      {outbox.isError && (
        <Banner tone="danger">
          {outbox.error instanceof ApiError && outbox.error.status === 404
            ? t('devOutbox.noOutbox')
            : describeError(outbox.error)}
        </Banner>
      )}
      {outbox.isSuccess && outbox.data.length === 0 && (
        <EmptyState title={t('devOutbox.emptyTitle')}>{t('devOutbox.emptyHint')}</EmptyState>
      )}
      {outbox.isSuccess && outbox.data.length > 0 && (
        <ol className="dev-outbox__list stack" aria-label={t('devOutbox.emails')}>
          {outbox.data.map((email) => (
            <li key={email.id}>
              <details>
                <summary>
                  <Trans
                    t={t}
                    i18nKey="devOutbox.to"
                    values={{ subject: email.subject, to: email.to }}
                    components={{ subject: <strong /> }}
                  />{' '}
                  <time className="muted" dateTime={email.sent_at}>
                    {formatDateTime(email.sent_at)}
                  </time>
                </summary>
                <ul aria-label={t('devOutbox.links')}>
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
