import { type ReactNode, useState } from 'react';
import { Banner } from './banner.js';
import { Button } from './button.js';
import { Dialog } from './dialog.js';
import './secret-dialog.css';
import { useTranslation } from 'react-i18next';

interface SecretDialogProps {
  /** The secret to show; the dialog is open while it is set. */
  secret: string | undefined;
  onClose: () => void;
  title: string;
  /** Names the secret's field ("API key secret", "Signing secret"). */
  label: string;
  /** What to do if it is lost, after the warning that the secret is shown only once. */
  lostHint: ReactNode;
}

/**
 * Shows a new secret exactly once, with a copy button: API keys, webhook and connector signing secrets.
 * The server never returns it again, so the dialog says so.
 *
 * @example
 * <SecretDialog secret={created?.secret} onClose={clear} title="Webhook created" label="Signing secret"
 *   lostHint="If you lose it, rotate the secret." />
 */
export function SecretDialog({ secret, onClose, title, label, lostHint }: SecretDialogProps) {
  const [copied, setCopied] = useState(false);
  const { t } = useTranslation();
  const copy = async () => {
    if (!secret) return;
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  };
  const close = () => {
    setCopied(false);
    onClose();
  };
  return (
    <Dialog
      open={secret !== undefined}
      onClose={close}
      title={title}
      description={t('secret.description')}
      footer={
        <Button variant="primary" onClick={close}>
          {t('secret.stored')}
        </Button>
      }
    >
      <Banner tone="warning">
        {t('secret.shownOnce')} {lostHint}
      </Banner>
      <div className="secret">
        <input
          className="input"
          readOnly
          value={secret ?? ''}
          aria-label={label}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button onClick={copy}>{copied ? t('actions.copied') : t('actions.copy')}</Button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {copied ? t('secret.copied') : ''}
      </p>
    </Dialog>
  );
}
