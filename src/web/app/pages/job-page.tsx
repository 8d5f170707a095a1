import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { useJob } from '#web/features/jobs/api/get-job.js';
import { JobDetail } from '#web/features/jobs/components/job-detail.js';
import { jobLabel } from '#web/features/jobs/components/job-format.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** One job, where a toast's "View job" leads: live state, the reason it failed, Retry. */
export function JobPage() {
  const business = useWorkspace();
  const { jobId = '' } = useParams();
  const job = useJob(business.id, jobId);
  const { t } = useTranslation('jobs');
  if (job.isPending) return <PageSpinner label={t('page.loading')} />;
  if (job.isError) {
    if (job.error instanceof ApiError && job.error.status === 404) {
      return (
        <EmptyState
          title={t('page.notFound')}
          action={
            <Link to=".." relative="path">
              {t('page.all')}
            </Link>
          }
        >
          {t('page.notFoundHint')}
        </EmptyState>
      );
    }
    return <Banner tone="danger">{describeError(job.error)}</Banner>;
  }
  const label = jobLabel(job.data.name, t);
  return (
    <>
      <PageTitle title={t('page.jobTitle', { job: label, workspace: business.name })} />
      <div className="page-header__text">
        <Link to=".." relative="path" className="muted">
          {t('page.back')}
        </Link>
        <h1>{label}</h1>
      </div>
      <JobDetail job={job.data} businessId={business.id} canManage={can(business.role, 'jobs.manage')} />
    </>
  );
}
