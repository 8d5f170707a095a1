import { can } from '#shared/roles.js';
import { JobList } from '#web/features/jobs/components/job-list.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** The workspace's background work: what is running, what failed and why, what finished. */
export function JobsPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Jobs · ${business.name}`} />
      <div className="page-header__text">
        <h1>Jobs</h1>
        <p className="muted">
          AI calendars, publishing and webhook deliveries run in the background, even with this tab closed.
        </p>
      </div>
      <JobList businessId={business.id} canManage={can(business.role, 'jobs.manage')} />
    </>
  );
}
