import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { SegmentedControl } from '#web/components/ui/segmented-control.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { useNotifications, useUnreadCount } from '../api/get-notifications.js';
import { useMarkAllNotificationsRead } from '../api/mark-read.js';
import { NotificationList } from './notification-list.js';
import './notifications.css';

/** Every notification of mine in the workspace, newest first, a page at a time. */
export function NotificationsView({ businessId }: { businessId: string }) {
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useNotifications(businessId, filter);
  const unread = useUnreadCount(businessId);
  const markAll = useMarkAllNotificationsRead(businessId);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const { t } = useTranslation('notifications');
  const filters = [
    { value: 'all', label: t('page.all') },
    { value: 'unread', label: t('page.unreadFilter') },
  ] as const;
  return (
    <Card
      title={t('page.title')}
      description={
        <Trans
          t={t}
          i18nKey="page.description"
          components={{ settings: <Link to={`/w/${businessId}/settings/notifications`} /> }}
        />
      }
      actions={
        <Button
          size="sm"
          disabled={(unread.data?.unread ?? 0) === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('page.markAllRead')}
        </Button>
      }
    >
      <div className="stack">
        <SegmentedControl label={t('page.show')} options={filters} value={filter} onChange={setFilter} />
        {markAll.isError && <Banner tone="danger">{describeError(markAll.error)}</Banner>}
        {list.isPending ? (
          <Spinner label={t('page.loading')} />
        ) : list.isError ? (
          <Banner tone="danger">{describeError(list.error)}</Banner>
        ) : items.length === 0 ? (
          <EmptyState title={filter === 'unread' ? t('page.noUnread') : t('page.none')}>
            {t('page.emptyHint')}
          </EmptyState>
        ) : (
          <>
            <NotificationList businessId={businessId} items={items} />
            {list.hasNextPage && (
              <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('page.older')}
              </Button>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
