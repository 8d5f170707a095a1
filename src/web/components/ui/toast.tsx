import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import './toast.css';
import { useTranslation } from 'react-i18next';

type ToastTone = 'success' | 'danger' | 'info';

/**
 * A link at the end of a toast ("View job"). The toasts live outside the router, so the caller passes how
 * to follow it in the app (`navigate`); a modified click (new tab) is left to the browser.
 */
export interface ToastLink {
  label: string;
  href: string;
  onFollow?: (href: string) => void;
}

/** A button at the end of a toast ("Undo"): acting on it dismisses the toast. */
export interface ToastAction {
  label: string;
  onAct: () => void;
}

interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  link: ToastLink | undefined;
  action: ToastAction | undefined;
}

type ShowToast = (
  message: string,
  tone?: ToastTone,
  options?: { link?: ToastLink; action?: ToastAction },
) => void;

const ToastContext = createContext<ShowToast | null>(null);
const TOAST_LIFETIME_MS = 5000;
/** A toast with a link stays longer, so there is time to reach the link by keyboard. */
const LINKED_TOAST_LIFETIME_MS = 12_000;
/** How long an Undo stays offered: long enough to notice the mistake and reach the button. */
export const ACTION_TOAST_LIFETIME_MS = 10_000;

/**
 * Hosts transient confirmations ("Member invited"). The live region is always in the DOM so screen readers
 * announce each toast as it is added.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback<ShowToast>(
    (message, tone = 'success', options) => {
      const id = nextId.current++;
      const link = options?.link;
      const action = options?.action;
      setToasts((current) => [...current.slice(-2), { id, tone, message, link, action }]);
      const lifetime = action
        ? ACTION_TOAST_LIFETIME_MS
        : link
          ? LINKED_TOAST_LIFETIME_MS
          : TOAST_LIFETIME_MS;
      setTimeout(() => dismiss(id), lifetime);
    },
    [dismiss],
  );

  const value = useMemo(() => show, [show]);
  const { t } = useTranslation();
  return (
    <ToastContext value={value}>
      {children}
      <section className="toasts" aria-live="polite" aria-label={t('notifications')}>
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.tone}`}>
            <span>
              {toast.message}
              {toast.link && <ToastLinkView link={toast.link} onFollowed={() => dismiss(toast.id)} />}
            </span>
            {toast.action && (
              <button
                type="button"
                className="toast__action"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.onAct();
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="toast__close" onClick={() => dismiss(toast.id)}>
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">{t('actions.dismiss')}</span>
            </button>
          </div>
        ))}
      </section>
    </ToastContext>
  );
}

function ToastLinkView({ link, onFollowed }: { link: ToastLink; onFollowed: () => void }) {
  return (
    <>
      {' '}
      <a
        className="toast__link"
        href={link.href}
        onClick={(event) => {
          const newTab = event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0;
          if (!link.onFollow || newTab) return;
          event.preventDefault();
          link.onFollow(link.href);
          onFollowed();
        }}
      >
        {link.label}
      </a>
    </>
  );
}

/** Shows a short-lived message in the corner, optionally with a link to what it is about. */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast must be used inside <ToastProvider>');
  return show;
}
