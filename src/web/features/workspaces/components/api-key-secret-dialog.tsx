import type { CreatedApiKey } from '#shared/business.schema.js';
import { SecretDialog } from '#web/components/ui/secret-dialog.js';

/** Shows a new key's secret exactly once, with a copy button; it cannot be retrieved afterwards. */
export function ApiKeySecretDialog({
  created,
  onClose,
}: {
  created: CreatedApiKey | undefined;
  onClose: () => void;
}) {
  return (
    <SecretDialog
      secret={created?.secret}
      onClose={onClose}
      title={`API key “${created?.api_key.name ?? ''}” created`}
      label="API key secret"
      lostHint="If you lose it, revoke the key and create another."
    />
  );
}
