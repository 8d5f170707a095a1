import { useNavigate } from 'react-router';
import { useToast } from '../../components/ui/toast.js';
import { MembersCard } from '../../features/workspaces/components/members-card.js';
import { useCurrentUser } from '../../lib/auth/use-session.js';
import { PageTitle } from '../../lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function MembersPage() {
  const business = useWorkspace();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <>
      <PageTitle title={`Members · ${business.name}`} />
      <MembersCard
        business={business}
        myUserId={user.id}
        onLeft={() => {
          toast(`You left ${business.name}`);
          navigate('/', { replace: true });
        }}
      />
    </>
  );
}
