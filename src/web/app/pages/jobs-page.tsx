import { useTranslation } from 'react-i18next';
import { can } from '#shared/roles.js';
import { JobList } from '#web/features/jobs/components/job-list.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** The workspace's background work: what is running, what failed and why, what finished. */
export function JobsPage() {
  const business = useWorkspace();
  const { t } = useTranslation('jobs');
  return (
    <>
      <PageTitle title={t('page.title', { workspace: business.name })} />
      <div className="page-header__text">
        <h1>{t('page.heading')}</h1>
        <p className="muted">{t('page.description')}</p>
      </div>
      <JobList businessId={business.id} canManage={can(business.role, 'jobs.manage')} />
    </>
  );
}
