import { useTranslation } from 'react-i18next';
import type { PublishAttempt } from '#shared/connector.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { failureReasonText } from '#web/lib/failure-reason.js';
import { formatDuration } from '#web/lib/workspace-format.js';
import { usePublishAttempts } from '../api/get-publish-attempts.js';
import { OUTCOME_TONES, sentence } from './publishing-format.js';
import './publishing.css';

type PublishedFields = Pick<ContentItem, 'id' | 'status' | 'scheduled_at' | 'published_at' | 'publish_error'>;

interface PublishStatusCardProps {
  businessId: string;
  item: PublishedFields;
  /** Formats a time the way the page does (the workspace's time zone). */
  formatTime: (iso: string) => string;
}

/**
 * Where an item stands with publishing, and every attempt so far: nothing fails silently. Shown for
 * items that are scheduled, published or failed, or that have attempts from an earlier schedule.
 */
export function PublishStatusCard({ businessId, item, formatTime }: PublishStatusCardProps) {
  const attempts = usePublishAttempts(businessId, item.id);
  const { t } = useTranslation('publishing');
  const relevant = ['scheduled', 'published', 'failed'].includes(item.status);
  if (!relevant && !attempts.data?.length) return null;

  return (
    <Card title={t('status.title')}>
      <div className="stack">
        <Summary item={item} formatTime={formatTime} />
        {attempts.isPending ? (
          <Spinner label={t('status.loading')} />
        ) : attempts.isError ? (
          <Banner tone="danger">{describeError(attempts.error)}</Banner>
        ) : attempts.data.length === 0 ? (
          <p className="muted">{t('status.noAttempt')}</p>
        ) : (
          <ol className="attempt-list" aria-label={t('status.attempts')}>
            {attempts.data.toReversed().map((attempt) => (
              <Attempt key={attempt.id} attempt={attempt} formatTime={formatTime} />
            ))}
          </ol>
        )}
      </div>
    </Card>
  );
}

function Summary({ item, formatTime }: { item: PublishedFields; formatTime: (iso: string) => string }) {
  const { t } = useTranslation('publishing');
  const { t: common } = useTranslation();
  if (item.status === 'published') {
    return (
      <p className="publish-summary">
        <Badge tone="success">{t('status.published')}</Badge>{' '}
        {item.published_at ? formatTime(item.published_at) : ''}
      </p>
    );
  }
  if (item.status === 'failed') {
    return (
      <Banner tone="danger" title={t('status.notPublished')}>
        {t('status.failedText', {
          reason: sentence(
            item.publish_error ? failureReasonText(item.publish_error, common) : t('status.failedFallback'),
          ),
        })}
      </Banner>
    );
  }
  if (item.status === 'scheduled' && item.scheduled_at) {
    return (
      <p className="publish-summary">{t('status.scheduled', { time: formatTime(item.scheduled_at) })}</p>
    );
  }
  return null;
}

function Attempt({ attempt, formatTime }: { attempt: PublishAttempt; formatTime: (iso: string) => string }) {
  const { t } = useTranslation('publishing');
  const { t: common } = useTranslation();
  const number = attempt.attempt;
  const duration = formatDuration(attempt.duration_ms);
  return (
    <li className="attempt">
      <div className="row">
        <Badge tone={OUTCOME_TONES[attempt.outcome]}>{t(`outcomes.${attempt.outcome}`)}</Badge>
        <span className="muted">
          {attempt.status_code === null
            ? t('status.attempt', { number, duration })
            : t('status.attemptHttp', { number, code: attempt.status_code, duration })}
        </span>
      </div>
      <time className="muted" dateTime={attempt.created_at}>
        {formatTime(attempt.created_at)}
      </time>
      {attempt.failure_kind && <span>{t(`failureKinds.${attempt.failure_kind}`)}</span>}
      {attempt.error && <span className="attempt__error">{failureReasonText(attempt.error, common)}</span>}
      {attempt.external_url && /^https?:\/\//.test(attempt.external_url) && (
        <a href={attempt.external_url} target="_blank" rel="noreferrer noopener">
          {t('status.viewPost')}
        </a>
      )}
    </li>
  );
}
