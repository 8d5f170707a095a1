import { useEffect, useRef } from 'react';

export type InboxShortcut = 'next' | 'previous' | 'reply' | 'resolve';

/** The inbox's single-key shortcuts, as listed in the help popover (each described by `shortcuts.<action>`). */
export const INBOX_SHORTCUTS: readonly { key: string; action: InboxShortcut }[] = [
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: 'r', action: 'reply' },
  { key: 'e', action: 'resolve' },
];

/**
 * The shortcut a key press means, or undefined. Never while typing (an input, a text area, a select or
 * editable text has focus), with a modifier held (Ctrl+R must still reload), or when a dialog is open.
 *
 * @example
 * shortcutFor(event); // 'next' for a bare "j" on the page
 */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'defaultPrevented'>,
): InboxShortcut | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return undefined;
  return INBOX_SHORTCUTS.find((shortcut) => shortcut.key === event.key)?.action;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  return (
    (target as Element).closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !==
    null
  );
}

/**
 * Runs `onShortcut` for the inbox's keys while the inbox is shown.
 *
 * @example
 * useInboxShortcuts((action) => (action === 'next' ? selectNext() : undefined));
 */
export function useInboxShortcuts(onShortcut: (action: InboxShortcut) => void): void {
  // The listener is added once; it calls whichever handler is current.
  const handler = useRef(onShortcut);
  handler.current = onShortcut;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
