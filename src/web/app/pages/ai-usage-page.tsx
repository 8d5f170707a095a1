import { useTranslation } from 'react-i18next';
import { AiUsageView } from '#web/features/ai/components/ai-usage-view.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function AiUsagePage() {
  const business = useWorkspace();
  const { t } = useTranslation('ai');
  return (
    <>
      <PageTitle title={t('pages.usageTitle', { workspace: business.name })} />
      <div className="page-header__text">
        <h1>{t('pages.usageHeading')}</h1>
        <p className="muted">{t('pages.usageIntro', { workspace: business.name })}</p>
      </div>
      <AiUsageView business={business} />
    </>
  );
}
