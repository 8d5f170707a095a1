import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Icon } from '#web/components/ui/icon.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { useNotifications, useUnreadCount } from '../api/get-notifications.js';
import { useMarkAllNotificationsRead } from '../api/mark-read.js';
import { NotificationList } from './notification-list.js';
import './notifications.css';

/** The newest notifications the panel shows; the page has the rest. */
const PANEL_SIZE = 8;

/**
 * The bell in the top bar: my unread count in the workspace (refreshed live by `notification.changed`
 * events), and a panel with the newest notifications, "mark all read", and links to the full list and
 * to the email settings. Escape or a click outside closes the panel.
 */
export function NotificationBell({ businessId }: { businessId: string }) {
  const unread = useUnreadCount(businessId);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const count = unread.data?.unread ?? 0;
  const { t } = useTranslation('notifications');

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutsideClick);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  return (
    <div className="notification-bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button notification-bell__button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={count > 0 ? t('bell.labelUnread', { count }) : t('bell.label')}
        onClick={() => setOpen((current) => !current)}
      >
        <Icon name="bell" />
        {count > 0 && (
          <span className="notification-bell__count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <NotificationPanel
          id={panelId}
          businessId={businessId}
          unread={count}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}

function NotificationPanel({
  id,
  businessId,
  unread,
  onClose,
}: {
  id: string;
  businessId: string;
  unread: number;
  onClose: () => void;
}) {
  const list = useNotifications(businessId, 'all', PANEL_SIZE);
  const markAll = useMarkAllNotificationsRead(businessId);
  const items = list.data?.pages[0]?.items ?? [];
  const { t } = useTranslation('notifications');
  return (
    <section id={id} className="notification-panel" aria-label={t('bell.recent')}>
      <header className="notification-panel__header">
        <h2 className="notification-panel__title">{t('bell.title')}</h2>
        <Button
          variant="ghost"
          size="sm"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('bell.markAllRead')}
        </Button>
      </header>
      {list.isPending ? (
        <Spinner label={t('bell.loading')} />
      ) : list.isError ? (
        <Banner tone="danger">{describeError(list.error)}</Banner>
      ) : items.length === 0 ? (
        <p className="notification-panel__empty muted">{t('bell.empty')}</p>
      ) : (
        <NotificationList businessId={businessId} items={items} onFollow={onClose} />
      )}
      <footer className="notification-panel__footer">
        <Link to={`/w/${businessId}/notifications`} onClick={onClose}>
          {t('bell.seeAll')}
        </Link>
        <Link to={`/w/${businessId}/settings/notifications`} onClick={onClose}>
          {t('bell.emailSettings')}
        </Link>
      </footer>
    </section>
  );
}
