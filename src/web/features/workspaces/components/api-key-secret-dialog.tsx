import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('workspaces');
  return (
    <SecretDialog
      secret={created?.secret}
      onClose={onClose}
      title={t('apiKeys.secretTitle', { name: created?.api_key.name ?? '' })}
      label={t('apiKeys.secretLabel')}
      lostHint={t('apiKeys.lostHint')}
    />
  );
}
