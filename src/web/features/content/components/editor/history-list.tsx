import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useContentHistory } from '#web/features/content/api/get-content-history.js';
import { describeError } from '#web/lib/error-messages.js';
import { failureReasonText } from '#web/lib/failure-reason.js';
import { formatDateTime } from '#web/lib/format-date.js';

/** The fields an edit can change, named in the `history.fields` strings. */
const FIELD_NAMES = [
  'channel',
  'format',
  'title',
  'body',
  'thread',
  'hashtags',
  'call_to_action',
  'media_brief',
  'preheader',
  'pillar',
  'campaign_id',
  'scheduled_at',
  'evergreen_days',
  'media_ids',
] as const;
const isNamed = (field: string): field is (typeof FIELD_NAMES)[number] =>
  (FIELD_NAMES as readonly string[]).includes(field);

/** What changed in an edit, in words: "body, hashtags"; a field without a name yet reads as it is spelt. */
function changedFields(snapshot: Record<string, unknown>, t: TFunction<'content'>): string {
  return Object.keys(snapshot)
    .filter((field) => field !== 'status')
    .map((field) => (isNamed(field) ? t(`history.fields.${field}`) : field.replaceAll('_', ' ')))
    .join(', ');
}

/** Every change of the item, newest first, with reviewers' comments. */
export function HistoryList({ businessId, itemId }: { businessId: string; itemId: string }) {
  const { t } = useTranslation('content');
  const { t: common } = useTranslation();
  const history = useContentHistory(businessId, itemId);
  return (
    <Card title={t('history.title')}>
      {history.isPending ? (
        <Spinner label={t('history.loading')} />
      ) : history.isError ? (
        <Banner tone="danger">{describeError(history.error)}</Banner>
      ) : (
        <ol className="history">
          {history.data.items.toReversed().map((entry) => {
            const fields = entry.action === 'edited' ? changedFields(entry.snapshot, t) : '';
            return (
              <li key={entry.id} className="history__entry">
                <span className="history__action">{t(`action.${entry.action}`)}</span>
                {fields && <span className="muted"> · {fields}</span>}
                <time className="history__time muted" dateTime={entry.created_at}>
                  {formatDateTime(entry.created_at)}
                </time>
                {entry.comment && (
                  <blockquote className="history__comment">
                    {/* A failure's note is the server's reason; any other comment is a person's words. */}
                    {entry.action === 'failed' ? failureReasonText(entry.comment, common) : entry.comment}
                  </blockquote>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
