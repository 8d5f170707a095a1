import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Job, JobState } from '#shared/jobs.schema.js';
import { jobStateSchema } from '#shared/jobs.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { SelectField } from '#web/components/ui/field.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { Table } from '#web/components/ui/table.js';
import { describeError } from '#web/lib/error-messages.js';
import { failureReasonText } from '#web/lib/failure-reason.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { jobFailureReason } from '#web/lib/job-failure.js';
import { useJobs } from '../api/get-jobs.js';
import { JobActions } from './job-actions.js';
import { describeAttempts, jobLabel, STATE_FILTERS, STATE_TONES } from './job-format.js';
import { JobProgress } from './job-progress.js';
import './jobs.css';

/**
 * The workspace's background work, newest first: running jobs with their progress, failed ones with the
 * reason and Retry, finished ones. The state filter sits in the address (`?state=dead`), so a link can
 * open the failures directly. Live job events keep it current.
 */
export function JobList({ businessId, canManage }: { businessId: string; canManage: boolean }) {
  const [params, setParams] = useSearchParams();
  const parsed = jobStateSchema.safeParse(params.get('state'));
  const state = parsed.success ? parsed.data : undefined;
  const jobs = useJobs(businessId, state);
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];
  const { t } = useTranslation('jobs');

  const filter = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('state', value);
        else next.delete('state');
        return next;
      },
      { replace: true },
    );

  return (
    <Card title={t('list.title')} description={t('list.description')}>
      <div className="stack">
        <div className="job-toolbar">
          <SelectField
            label={t('list.state')}
            value={state ?? ''}
            onChange={(event) => filter(event.target.value)}
          >
            <option value="">{t('list.allStates')}</option>
            {STATE_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`states.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {jobs.isPending ? (
          <Spinner label={t('list.loading')} />
        ) : jobs.isError ? (
          <Banner tone="danger">{describeError(jobs.error)}</Banner>
        ) : items.length === 0 ? (
          <EmptyState title={state ? t(`list.noneInState.${state}`) : t('list.none')}>
            {t('list.emptyText')}
          </EmptyState>
        ) : (
          <Table
            caption={t('list.caption')}
            head={
              <tr>
                <th scope="col">{t('list.job')}</th>
                <th scope="col">{t('list.state')}</th>
                <th scope="col">{t('list.progress')}</th>
                <th scope="col">{t('list.started')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('list.actions')}</span>
                </th>
              </tr>
            }
          >
            {items.map((job) => (
              <JobRow key={job.id} job={job} businessId={businessId} canManage={canManage} />
            ))}
          </Table>
        )}
        {jobs.hasNextPage && (
          <div>
            <Button loading={jobs.isFetchingNextPage} onClick={() => jobs.fetchNextPage()}>
              {t('list.loadOlder')}
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}

function JobRow({ job, businessId, canManage }: { job: Job; businessId: string; canManage: boolean }) {
  const { t } = useTranslation('jobs');
  const label = jobLabel(job.name, t);
  const started = formatDateTime(job.created_at);
  return (
    <tr>
      <td className="job-cell">
        <Link to={job.id} className="job-name">
          {label}
        </Link>
        <div className="muted job-meta">{describeAttempts(job, t)}</div>
        <JobReason job={job} />
      </td>
      <td>
        <Badge tone={STATE_TONES[job.state]}>{t(`states.${job.state}`)}</Badge>
      </td>
      <td className="job-progress-cell">
        <ProgressCell job={job} />
      </td>
      <td className="nowrap">{started}</td>
      <td className="cell-actions">
        {canManage && <JobActions job={job} businessId={businessId} name={`${label}, ${started}`} />}
      </td>
    </tr>
  );
}

function ProgressCell({ job }: { job: Job }) {
  const { t } = useTranslation('jobs');
  if (job.state === 'running') return <JobProgress job={job} />;
  if (job.state === 'failed') {
    return <span className="muted">{t('list.nextTry', { date: formatDateTime(job.run_at) })}</span>;
  }
  if (job.state === 'queued') return <span className="muted">{t('list.waiting')}</span>;
  if (job.state === 'succeeded' && job.finished_at) {
    return <span className="muted">{t('list.done', { date: formatDateTime(job.finished_at) })}</span>;
  }
  return <span className="muted">—</span>;
}

/** Why the last attempt failed, for failed and dead jobs. */
export function JobReason({ job }: { job: Pick<Job, 'state' | 'last_error'> }) {
  const { t } = useTranslation();
  const shown: JobState[] = ['failed', 'dead'];
  if (!shown.includes(job.state) || !job.last_error) return null;
  return <p className="job-reason">{failureReasonText(jobFailureReason(job.last_error), t)}</p>;
}
