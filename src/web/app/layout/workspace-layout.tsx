import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { useJobToasts } from '#web/features/jobs/hooks/use-job-toasts.js';
import { usePublishToasts } from '#web/features/publishing/hooks/use-publish-toasts.js';
import { useBusiness } from '#web/features/workspaces/api/get-business.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { rememberWorkspaceId } from '#web/lib/last-workspace.js';
import { PageTitle } from '#web/lib/page-title.js';
import { setWorkspaceRegion } from '#web/lib/workspace-format.js';
import { useLiveUpdates } from '../use-live-updates.js';

/** Loads the workspace named in the URL and hands it to the pages below through the outlet context. */
export function WorkspaceLayout() {
  const { businessId = '' } = useParams();
  const business = useBusiness(businessId);
  const { t } = useTranslation();
  const announceJob = useJobToasts(businessId);
  const announcePublishing = usePublishToasts(businessId);
  useLiveUpdates(businessId, (event) => {
    announceJob(event);
    announcePublishing(event);
  });

  useEffect(() => {
    if (business.isSuccess) rememberWorkspaceId(business.data.id);
  }, [business.isSuccess, business.data?.id]);
  // Leaving the workspace's pages: the browser's conventions again.
  useEffect(() => () => setWorkspaceRegion(undefined), []);

  if (business.isPending) return <PageSpinner label={t('workspace.loading')} />;
  if (business.isError) {
    if (business.error instanceof ApiError && [404, 403, 400].includes(business.error.status)) {
      return (
        <>
          <PageTitle title={t('workspace.notFound')} />
          <EmptyState
            title={t('workspace.notFound')}
            action={<Link to="/">{t('workspace.goToWorkspaces')}</Link>}
          >
            {t('workspace.notFoundHint')}
          </EmptyState>
        </>
      );
    }
    return <Banner tone="danger">{describeError(business.error)}</Banner>;
  }
  // Set while rendering, not in an effect, so the pages below format in the workspace's locale from their
  // first render on (an effect would run after them).
  setWorkspaceRegion(business.data);
  return <Outlet context={business.data satisfies Business} />;
}

/** The current workspace, for pages rendered under `/w/:businessId`. */
export function useWorkspace(): Business {
  return useOutletContext<Business>();
}
