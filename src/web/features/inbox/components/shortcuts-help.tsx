import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_SHORTCUTS } from '../hooks/use-inbox-shortcuts.js';

/**
 * A "Keyboard shortcuts" button opening a native popover that lists them: Escape and a click outside
 * close it, and focus returns to the button, with no script of our own.
 */
export function ShortcutsHelp() {
  const { t } = useTranslation('inbox');
  const id = useId();
  return (
    <div className="shortcuts-help">
      <button type="button" className="button button--ghost button--sm" popoverTarget={id}>
        {t('shortcuts.button')}
      </button>
      <div
        id={id}
        popover="auto"
        className="shortcuts-help__popover"
        role="dialog"
        aria-label={t('shortcuts.button')}
      >
        <p className="shortcuts-help__title">{t('shortcuts.button')}</p>
        <dl className="shortcuts-help__list">
          {INBOX_SHORTCUTS.map((shortcut) => (
            <div key={shortcut.key} className="shortcuts-help__row">
              <dt>
                <kbd>{shortcut.key}</kbd>
              </dt>
              <dd>{t(`shortcuts.${shortcut.action}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted shortcuts-help__note">{t('shortcuts.note')}</p>
      </div>
    </div>
  );
}
