import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/components/ui/button.js';

/** A read-only value with a Copy button; the change to "Copied" is announced. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation('content');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };
  return (
    <div className="copy-field">
      <input
        className="input"
        readOnly
        value={value}
        aria-label={label}
        onFocus={(event) => event.currentTarget.select()}
      />
      <Button onClick={copy}>{copied ? t('share.copied') : t('share.copy')}</Button>
      <p className="visually-hidden" aria-live="polite">
        {copied ? t('share.fieldCopied', { label }) : ''}
      </p>
    </div>
  );
}
