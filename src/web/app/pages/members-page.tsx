import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useToast } from '#web/components/ui/toast.js';
import { MembersCard } from '#web/features/workspaces/components/members-card.js';
import { useCurrentUser } from '#web/lib/auth/use-session.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function MembersPage() {
  const business = useWorkspace();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const { t } = useTranslation('workspaces');
  return (
    <>
      <PageTitle title={t('page.membersTitle', { workspace: business.name })} />
      <MembersCard
        business={business}
        myUserId={user.id}
        onLeft={() => {
          toast(t('page.left', { workspace: business.name }));
          navigate('/', { replace: true });
        }}
      />
    </>
  );
}
