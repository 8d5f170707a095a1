import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Banner } from '#web/components/ui/banner.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { useBusinesses } from '#web/features/workspaces/api/get-businesses.js';
import { describeError } from '#web/lib/error-messages.js';
import { getLastWorkspaceId } from '#web/lib/last-workspace.js';

/** "/" opens the last workspace used, the first one otherwise, or onboarding when there is none. */
export function HomeRedirect() {
  const businesses = useBusinesses();
  const { t } = useTranslation();
  if (businesses.isPending) return <PageSpinner label={t('workspace.loadingAll')} />;
  if (businesses.isError) {
    return (
      <main id="main" className="centered-page">
        <Banner tone="danger">{describeError(businesses.error)}</Banner>
      </main>
    );
  }
  const lastId = getLastWorkspaceId();
  const target = businesses.data.find((business) => business.id === lastId) ?? businesses.data[0];
  return <Navigate to={target ? `/w/${target.id}` : '/onboarding'} replace />;
}
