import { useTranslation } from 'react-i18next';
import { AiSettingsView } from '#web/features/ai/components/ai-settings-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function AiSettingsPage() {
  const business = useWorkspace();
  const { t } = useTranslation('ai');
  return (
    <>
      <PageTitle title={t('pages.settingsTitle', { workspace: business.name })} />
      <AiSettingsView business={business} />
    </>
  );
}
