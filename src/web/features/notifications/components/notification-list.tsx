import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '#shared/notifications.schema.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useMarkNotificationRead } from '../api/mark-read.js';
import { notificationPath } from './notification-link.js';

/**
 * Notifications as a list of links, unread ones marked; following one marks it read and leads to where
 * to act (`onFollow` closes the panel it sits in).
 */
export function NotificationList({
  businessId,
  items,
  onFollow,
}: {
  businessId: string;
  items: readonly Notification[];
  onFollow?: () => void;
}) {
  const markRead = useMarkNotificationRead(businessId);
  const { t } = useTranslation('notifications');
  return (
    <ul className="notification-list">
      {items.map((notification) => {
        const unread = notification.read_at === null;
        return (
          <li key={notification.id} className="notification-list__item" data-unread={unread || undefined}>
            <Link
              to={notificationPath(notification.link, businessId)}
              className="notification-list__link"
              onClick={() => {
                if (unread) markRead.mutate(notification.id);
                onFollow?.();
              }}
            >
              <span className="notification-list__title">
                {unread && <span className="visually-hidden">{t('list.unread')}</span>}
                {notification.title}
              </span>
              <span className="notification-list__body">{notification.body}</span>
              <time className="notification-list__time" dateTime={notification.created_at}>
                {formatDateTime(notification.created_at)}
              </time>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
