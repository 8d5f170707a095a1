import { useId } from 'react';
import { INBOX_SHORTCUTS } from '../hooks/use-inbox-shortcuts.js';

/**
 * A "Keyboard shortcuts" button opening a native popover that lists them: Escape and a click outside
 * close it, and focus returns to the button, with no script of our own.
 */
export function ShortcutsHelp() {
  const id = useId();
  return (
    <div className="shortcuts-help">
      <button type="button" className="button button--ghost button--sm" popoverTarget={id}>
        Keyboard shortcuts
      </button>
      <div
        id={id}
        popover="auto"
        className="shortcuts-help__popover"
        role="dialog"
        aria-label="Keyboard shortcuts"
      >
        <p className="shortcuts-help__title">Keyboard shortcuts</p>
        <dl className="shortcuts-help__list">
          {INBOX_SHORTCUTS.map((shortcut) => (
            <div key={shortcut.key} className="shortcuts-help__row">
              <dt>
                <kbd>{shortcut.key}</kbd>
              </dt>
              <dd>{shortcut.label}</dd>
            </div>
          ))}
        </dl>
        <p className="muted shortcuts-help__note">Not while typing in a field.</p>
      </div>
    </div>
  );
}
