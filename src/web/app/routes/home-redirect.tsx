import { Navigate } from 'react-router';
import { Banner } from '../../components/ui/banner.js';
import { PageSpinner } from '../../components/ui/spinner.js';
import { useBusinesses } from '../../features/workspaces/api/get-businesses.js';
import { describeError } from '../../lib/error-messages.js';
import { getLastWorkspaceId } from '../../lib/last-workspace.js';

/** "/" opens the last workspace used, the first one otherwise, or onboarding when there is none. */
export function HomeRedirect() {
  const businesses = useBusinesses();
  if (businesses.isPending) return <PageSpinner label="Loading your workspaces" />;
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
