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
  return (
    <>
      <PageTitle title={`General settings · ${business.name}`} />
      <Card title="Business profile" description="The AI reads this profile before every plan and post.">
        <GeneralSettingsForm key={business.updated_at} business={business} />
      </Card>
      <TwoFactorRequirementCard business={business} />
      <DeleteBusinessCard
        business={business}
        onDeleted={() => {
          toast(`${business.name} was deleted`);
          navigate('/', { replace: true });
        }}
      />
    </>
  );
}
