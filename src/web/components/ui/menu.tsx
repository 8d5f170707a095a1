import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import './menu.css';

export type MenuItem =
  | {
      kind: 'link';
      key: string;
      label: ReactNode;
      to: string;
      current?: boolean;
      /** A page of the server outside the app (the API docs): a full page load, not a route. */
      document?: boolean;
    }
  | { kind: 'action'; key: string; label: ReactNode; onSelect: () => void }
  | { kind: 'separator'; key: string };

interface MenuProps {
  /**
   * The menu's accessible name. The trigger is named by its content alone: an `aria-label` there would hide
   * the text people see from speech input (WCAG 2.5.3), so context it needs goes in visually hidden text.
   */
  label: string;
  trigger: ReactNode;
  items: readonly MenuItem[];
  align?: 'start' | 'end';
}

/**
 * A menu button following the WAI-ARIA pattern: arrows move between items, Home/End jump, Escape closes
 * and returns focus to the trigger, Tab and clicks outside close it.
 */
export function Menu({ label, trigger, items, align = 'start' }: MenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const items = itemsIn(rootRef.current);
    const first = items.find((item) => item.getAttribute('aria-current') === 'page') ?? items[0];
    first?.focus();
    const closeOnOutsideClick = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutsideClick);
    return () => document.removeEventListener('pointerdown', closeOnOutsideClick);
  }, [open]);

  const close = (restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const all = itemsIn(rootRef.current);
    const index = all.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => all[(next + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') focusAt(index + 1);
    else if (event.key === 'ArrowUp') focusAt(index - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(all.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  const onTriggerKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
    }
  };

  return (
    <div className="menu" ref={rootRef}>
      <button
        ref={triggerRef}
        type="button"
        className="menu__trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((current) => !current)}
        onKeyDown={onTriggerKeyDown}
      >
        {trigger}
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={label}
          className={`menu__list menu__list--${align}`}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => renderItem(item, () => close(false)))}
        </div>
      )}
    </div>
  );
}

function itemsIn(root: HTMLElement | null): HTMLElement[] {
  return Array.from(root?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
}

function renderItem(item: MenuItem, close: () => void) {
  if (item.kind === 'separator') return <hr key={item.key} className="menu__separator" />;
  if (item.kind === 'link' && item.document) {
    return (
      <a key={item.key} href={item.to} role="menuitem" tabIndex={-1} className="menu__item" onClick={close}>
        {item.label}
      </a>
    );
  }
  if (item.kind === 'link') {
    return (
      <Link
        key={item.key}
        to={item.to}
        role="menuitem"
        tabIndex={-1}
        className="menu__item"
        aria-current={item.current ? 'page' : undefined}
        onClick={close}
      >
        {item.label}
      </Link>
    );
  }
  return (
    <button
      key={item.key}
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="menu__item"
      onClick={() => {
        close();
        item.onSelect();
      }}
    >
      {item.label}
    </button>
  );
}
