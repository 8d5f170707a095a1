import { useTranslation } from 'react-i18next';
import { ApiKeysCard } from '#web/features/workspaces/components/api-keys-card.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function ApiKeysPage() {
  const business = useWorkspace();
  const { t } = useTranslation('workspaces');
  return (
    <>
      <PageTitle title={t('page.apiKeysTitle', { workspace: business.name })} />
      <ApiKeysCard business={business} />
    </>
  );
}
