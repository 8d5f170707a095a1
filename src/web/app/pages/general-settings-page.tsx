import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Card } from '#web/components/ui/card.js';
import { useToast } from '#web/components/ui/toast.js';
import { DeleteBusinessCard } from '#web/features/workspaces/components/delete-business-card.js';
import { GeneralSettingsForm } from '#web/features/workspaces/components/general-settings-form.js';
import { TwoFactorRequirementCard } from '#web/features/workspaces/components/two-factor-requirement-card.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function GeneralSettingsPage() {
  const business = useWorkspace();
  const navigate = useNavigate();
  const toast = useToast();
  const { t } = useTranslation('workspaces');
  return (
    <>
      <PageTitle title={t('page.generalTitle', { workspace: business.name })} />
      <Card title={t('page.profileTitle')} description={t('page.profileDescription')}>
        <GeneralSettingsForm key={business.updated_at} business={business} />
      </Card>
      <TwoFactorRequirementCard business={business} />
      <DeleteBusinessCard
        business={business}
        onDeleted={() => {
          toast(t('page.deleted', { workspace: business.name }));
          navigate('/', { replace: true });
        }}
      />
    </>
  );
}
