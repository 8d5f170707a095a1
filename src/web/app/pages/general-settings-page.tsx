import { useNavigate } from 'react-router';
import { Card } from '../../components/ui/card.js';
import { useToast } from '../../components/ui/toast.js';
import { DeleteBusinessCard } from '../../features/workspaces/components/delete-business-card.js';
import { GeneralSettingsForm } from '../../features/workspaces/components/general-settings-form.js';
import { PageTitle } from '../../lib/page-title.js';
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
