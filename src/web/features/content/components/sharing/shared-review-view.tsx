import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedReview, SharedReviewItem } from '#shared/review-links.schema.js';
import { localDate } from '#shared/zoned-time.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatCivilDate, formatDate, formatDateTime } from '#web/lib/format-date.js';
import { setWorkspaceRegion } from '#web/lib/workspace-format.js';
import { useSharedReview } from '../../api/calendar-sharing.js';
import { STATUS_TONES } from '../content-format.js';
import './sharing.css';
import { channelName } from '#web/lib/channel-name.js';

/**
 * What a client's review link shows: the shared calendar, day by day on the workspace's clock, read-only.
 * The link's token is the only credential; an expired or revoked one reads as a link that does not work.
 */
export function SharedReviewView({ token }: { token: string }) {
  const { t } = useTranslation('content');
  const review = useSharedReview(token);
  if (token === '' || (review.error instanceof ApiError && review.error.status < 500)) {
    return (
      <Banner tone="warning" title={t('review.brokenTitle')}>
        {t('review.brokenText')}
      </Banner>
    );
  }
  if (review.isError) return <Banner tone="danger">{describeError(review.error)}</Banner>;
  if (!review.data) return <p className="muted">{t('review.opening')}</p>;
  return <SharedCalendar review={review.data} />;
}

function SharedCalendar({ review }: { review: SharedReview }) {
  const { t } = useTranslation('content');
  // Outside any workspace's pages: this page formats as the workspace that shared it.
  setWorkspaceRegion(review);
  useEffect(() => () => setWorkspaceRegion(undefined), []);
  const days = new Map<string, SharedReviewItem[]>();
  for (const item of review.items) {
    const day = localDate(item.scheduled_at, review.time_zone);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return (
    <div className="shared-review">
      <p className="muted">
        {t('review.intro', {
          workspace: review.workspace_name,
          label: review.label,
          date: formatDate(review.expires_at),
          zone: review.time_zone,
        })}
      </p>
      {days.size === 0 && <p>{t('review.empty')}</p>}
      {[...days].map(([day, items]) => (
        <section key={day} className="shared-review__day" aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{formatCivilDate(day)}</h2>
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a shared item carries no id, by design
            <article key={`${item.scheduled_at}-${index}`} className="shared-review__item card">
              <div className="card__body">
                <p className="muted">
                  {formatDateTime(item.scheduled_at)} · {channelName(item.channel)}{' '}
                  <Badge tone={STATUS_TONES[item.status]}>{t(`status.${item.status}`)}</Badge>
                </p>
                {item.title && <h3>{item.title}</h3>}
                {item.body && <p>{item.body}</p>}
                {item.thread.map((part, partIndex) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a thread have no other identity
                  <p key={partIndex}>{part}</p>
                ))}
                {item.hashtags.length > 0 && (
                  <p className="muted">{item.hashtags.map((tag) => `#${tag.replace(/^#/, '')}`).join(' ')}</p>
                )}
                {item.call_to_action && <p>{item.call_to_action}</p>}
              </div>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
