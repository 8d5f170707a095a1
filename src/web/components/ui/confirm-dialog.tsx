import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from './banner.js';
import { Button } from './button.js';
import { Dialog } from './dialog.js';
import { TextField } from './field.js';

interface ConfirmDialogProps {
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Destructive actions get a red button. */
  tone?: 'default' | 'danger';
  pending?: boolean;
  /** A message from a failed attempt, shown inside the dialog. */
  error?: string | undefined;
  /** When set, the person must type this exactly before confirming (for irreversible deletes). */
  typedConfirmation?: string;
}

/** Asks before doing something that cannot be undone. */
export function ConfirmDialog({
  open,
  onCancel,
  onConfirm,
  title,
  description,
  confirmLabel,
  tone = 'default',
  pending = false,
  error,
  typedConfirmation,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const { t } = useTranslation();
  const confirmed = typedConfirmation === undefined || typed === typedConfirmation;
  const close = () => {
    setTyped('');
    onCancel();
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={title}
      description={description}
      footer={
        <>
          <Button onClick={close}>{t('actions.cancel')}</Button>
          <Button
            variant={tone === 'danger' ? 'danger' : 'primary'}
            onClick={onConfirm}
            loading={pending}
            disabled={!confirmed}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      {typedConfirmation !== undefined && (
        <TextField
          label={t('confirm.typeToConfirm', { text: typedConfirmation })}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      )}
      {error && <Banner tone="danger">{error}</Banner>}
    </Dialog>
  );
}
