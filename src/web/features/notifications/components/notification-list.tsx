import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '#shared/notifications.schema.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useMarkNotificationRead } from '../api/mark-read.js';
import { notificationPath } from './notification-link.js';
import { notificationWords } from './notification-text.js';

/**
 * Notifications as a list of links, unread ones marked, each in the reader's language (notification-text.ts);
 * following one marks it read and leads to where to act (`onFollow` closes the panel it sits in). The bell's
 * panel and the notifications page both list them with this.
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
  const { t: common } = useTranslation('common');
  return (
    <ul className="notification-list">
      {items.map((notification) => {
        const unread = notification.read_at === null;
        const words = notificationWords(notification, t, common);
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
                {words.title}
              </span>
              <span className="notification-list__body">{words.body}</span>
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
