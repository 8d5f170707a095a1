import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';

/**
 * A list of inbox settings entries (canned replies, knowledge, rules) in its loading, failed and empty
 * states; `renderItem` draws one entry inside its `<li>`.
 */
export function SettingsEntryList<T extends { id: string }>({
  query,
  label,
  loadingLabel,
  empty,
  renderItem,
}: {
  query: UseQueryResult<T[]>;
  /** The list's accessible name. */
  label: string;
  loadingLabel: string;
  /** What an empty list shows (an EmptyState). */
  empty: ReactNode;
  renderItem: (item: T) => ReactNode;
}) {
  if (query.isPending) return <Spinner label={loadingLabel} />;
  if (query.isError) return <Banner tone="danger">{describeError(query.error)}</Banner>;
  if (query.data.length === 0) return <>{empty}</>;
  return (
    <ul className="settings-list" aria-label={label}>
      {query.data.map((item) => (
        <li key={item.id} className="settings-list__item">
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}

/** An on/off switch of an entry, with the words for each way ("Turn off" / "Turn on"). */
export interface EntryToggle {
  on: boolean;
  offLabel: string;
  onLabel: string;
  onToggle: () => void;
}

/**
 * One entry as read: its name with badges, a line of text, and Edit, an optional toggle and Delete
 * (each button named after the entry for screen readers). `actions={false}` hides the buttons.
 */
export function SettingsEntryRow({
  name,
  badges,
  text,
  toggle,
  onEdit,
  onDelete,
  actions = true,
}: {
  name: string;
  badges?: ReactNode;
  text: ReactNode;
  toggle?: EntryToggle;
  onEdit: () => void;
  onDelete: () => void;
  actions?: boolean;
}) {
  const { t } = useTranslation('inbox');
  const toggleLabel = toggle && (toggle.on ? toggle.offLabel : toggle.onLabel);
  return (
    <>
      <div className="settings-list__main">
        {badges ? (
          <span className="row">
            <span className="settings-list__name">{name}</span>
            {badges}
          </span>
        ) : (
          <span className="settings-list__name">{name}</span>
        )}
        <span className="muted settings-list__text">{text}</span>
      </div>
      {actions && (
        <div className="row">
          <Button size="sm" variant="ghost" aria-label={t('entries.editLabel', { name })} onClick={onEdit}>
            {t('entries.edit')}
          </Button>
          {toggle && (
            <Button
              size="sm"
              variant="ghost"
              aria-label={t('entries.toggleLabel', { action: toggleLabel, name })}
              onClick={toggle.onToggle}
            >
              {toggleLabel}
            </Button>
          )}
          <Button
            size="sm"
            variant="ghost"
            aria-label={t('entries.deleteLabel', { name })}
            onClick={onDelete}
          >
            {t('entries.delete')}
          </Button>
        </div>
      )}
    </>
  );
}
