import { formatZoned } from '#shared/zoned-time.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useContentHistory } from '#web/features/content/api/get-content-history.js';
import { describeError } from '#web/lib/error-messages.js';
import { ACTION_LABELS } from '../content-format.js';

/** What changed in an edit, in words: "body, hashtags". */
function changedFields(snapshot: Record<string, unknown>): string {
  return Object.keys(snapshot)
    .filter((field) => field !== 'status')
    .map((field) => field.replaceAll('_', ' '))
    .join(', ');
}

/** Every change of the item, newest first, with reviewers' comments. */
export function HistoryList({
  businessId,
  itemId,
  timeZone,
}: {
  businessId: string;
  itemId: string;
  timeZone: string;
}) {
  const history = useContentHistory(businessId, itemId);
  return (
    <Card title="History">
      {history.isPending ? (
        <Spinner label="Loading the history" />
      ) : history.isError ? (
        <Banner tone="danger">{describeError(history.error)}</Banner>
      ) : (
        <ol className="history">
          {history.data.items.toReversed().map((entry) => {
            const fields = entry.action === 'edited' ? changedFields(entry.snapshot) : '';
            return (
              <li key={entry.id} className="history__entry">
                <span className="history__action">{ACTION_LABELS[entry.action]}</span>
                {fields && <span className="muted"> · {fields}</span>}
                <time className="history__time muted" dateTime={entry.created_at}>
                  {formatZoned(entry.created_at, timeZone)}
                </time>
                {entry.comment && <blockquote className="history__comment">{entry.comment}</blockquote>}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
