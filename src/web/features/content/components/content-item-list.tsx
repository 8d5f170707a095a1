import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useContentItems } from '../api/get-content-items.js';
import type { ContentFilters } from '../api/query-keys.js';
import { itemLabel, STATUS_TONES } from './content-format.js';
import './channel-colors.css';
import './content.css';
import { channelName } from '#web/lib/channel-name.js';

interface ContentItemListProps {
  businessId: string;
  filters: ContentFilters;
  /** Shown when nothing matches. */
  emptyTitle: string;
  emptyText?: string;
}

/** Content items as a list (a campaign's posts, say): channel, title, status and when it goes out. */
export function ContentItemList({ businessId, filters, emptyTitle, emptyText }: ContentItemListProps) {
  const { t } = useTranslation('content');
  const items = useContentItems(businessId, filters);
  if (items.isPending) return <Spinner label={t('itemList.loading')} />;
  if (items.isError) return <Banner tone="danger">{describeError(items.error)}</Banner>;
  const all = items.data.pages.flatMap((page) => page.items);
  if (all.length === 0) return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>;
  return (
    <div className="stack">
      <ul className="content-list" aria-label={t('itemList.label')}>
        {all.map((item) => (
          <li key={item.id} className={`content-list__row channel--${item.channel}`}>
            <span className="content-list__channel">
              <span className="channel-dot" aria-hidden="true" />
              {channelName(item.channel)}
            </span>
            <Link to={`/w/${businessId}/content/${item.id}`} className="content-list__title">
              {itemLabel(item, t('item.untitled'))}
            </Link>
            <span className="muted content-list__when">
              {item.scheduled_at ? formatDateTime(item.scheduled_at) : t('item.notScheduled')}
            </span>
            <Badge tone={STATUS_TONES[item.status]}>{t(`status.${item.status}`)}</Badge>
          </li>
        ))}
      </ul>
      {items.hasNextPage && (
        <div>
          <Button loading={items.isFetchingNextPage} onClick={() => items.fetchNextPage()}>
            {t('itemList.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
