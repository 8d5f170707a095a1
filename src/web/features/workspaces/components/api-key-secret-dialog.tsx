import { useState } from 'react';
import type { CreatedApiKey } from '../../../../shared/business.schema.js';
import { Banner } from '../../../components/ui/banner.js';
import { Button } from '../../../components/ui/button.js';
import { Dialog } from '../../../components/ui/dialog.js';
import './settings.css';

/** Shows a new key's secret exactly once, with a copy button; it cannot be retrieved afterwards. */
export function ApiKeySecretDialog({
  created,
  onClose,
}: {
  created: CreatedApiKey | undefined;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!created) return;
    await navigator.clipboard.writeText(created.secret);
    setCopied(true);
  };
  const close = () => {
    setCopied(false);
    onClose();
  };
  return (
    <Dialog
      open={created !== undefined}
      onClose={close}
      title={`API key “${created?.api_key.name ?? ''}” created`}
      description="Copy the secret now and store it somewhere safe, such as a password manager."
      footer={
        <Button variant="primary" onClick={close}>
          I have stored it
        </Button>
      }
    >
      <Banner tone="warning">
        This is the only time the secret is shown. If you lose it, revoke the key and create another.
      </Banner>
      <div className="secret">
        <input
          className="input"
          readOnly
          value={created?.secret ?? ''}
          aria-label="API key secret"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {copied ? 'Secret copied to the clipboard' : ''}
      </p>
    </Dialog>
  );
}
