import { useState } from 'react';
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

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'unread', label: 'Unread' },
] as const;

/** Every notification of mine in the workspace, newest first, a page at a time. */
export function NotificationsView({ businessId }: { businessId: string }) {
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useNotifications(businessId, filter);
  const unread = useUnreadCount(businessId);
  const markAll = useMarkAllNotificationsRead(businessId);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card
      title="Notifications"
      description={
        <>
          Everything is shown here; which kinds also come by email is yours to choose in{' '}
          <Link to={`/w/${businessId}/settings/notifications`}>Settings → Notifications</Link>.
        </>
      }
      actions={
        <Button
          size="sm"
          disabled={(unread.data?.unread ?? 0) === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          Mark all read
        </Button>
      }
    >
      <div className="stack">
        <SegmentedControl label="Show" options={FILTERS} value={filter} onChange={setFilter} />
        {markAll.isError && <Banner tone="danger">{describeError(markAll.error)}</Banner>}
        {list.isPending ? (
          <Spinner label="Loading notifications" />
        ) : list.isError ? (
          <Banner tone="danger">{describeError(list.error)}</Banner>
        ) : items.length === 0 ? (
          <EmptyState title={filter === 'unread' ? 'No unread notifications' : 'No notifications yet'}>
            Requests for review, failed posts, urgent messages and the weekly digest show up here.
          </EmptyState>
        ) : (
          <>
            <NotificationList businessId={businessId} items={items} />
            {list.hasNextPage && (
              <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                Show older
              </Button>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
