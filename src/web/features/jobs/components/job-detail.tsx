import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Job } from '#shared/jobs.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { failureReasonText } from '#web/lib/failure-reason.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { jobFailureReason } from '#web/lib/job-failure.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { JobActions } from './job-actions.js';
import { contentItemsOf, describeAttempts, resultFacts, STATE_TONES } from './job-format.js';
import { JobProgress } from './job-progress.js';
import './jobs.css';

const RESULT_FORMATS = { number: (value: number) => formatNumber(value), dateTime: formatDateTime };

/** One job in full: state, progress, attempts and times, then its failure reason or what it produced. */
export function JobDetail({
  job,
  businessId,
  canManage,
}: {
  job: Job;
  businessId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation('jobs');
  const { t: common } = useTranslation();
  return (
    <div className="stack">
      <Card
        title={t('detail.status')}
        actions={
          canManage && (
            <div className="row">
              <JobActions job={job} businessId={businessId} />
            </div>
          )
        }
      >
        <div className="stack">
          <div className="row">
            <Badge tone={STATE_TONES[job.state]}>{t(`states.${job.state}`)}</Badge>
            <span className="muted">{describeAttempts(job, t)}</span>
          </div>
          {job.state === 'running' && <JobProgress job={job} />}
          <dl className="job-facts">
            <Fact term={t('detail.started')}>{formatDateTime(job.created_at)}</Fact>
            <Fact term={t('detail.lastChange')}>{formatDateTime(job.updated_at)}</Fact>
            {job.state === 'failed' && <Fact term={t('detail.nextTry')}>{formatDateTime(job.run_at)}</Fact>}
            {job.state === 'queued' && <Fact term={t('detail.runsAt')}>{formatDateTime(job.run_at)}</Fact>}
            {job.finished_at && <Fact term={t('detail.finished')}>{formatDateTime(job.finished_at)}</Fact>}
          </dl>
        </div>
      </Card>
      {job.last_error && (job.state === 'failed' || job.state === 'dead') && (
        <Banner tone="danger" title={t('detail.whyFailed')}>
          {failureReasonText(jobFailureReason(job.last_error), common)}
        </Banner>
      )}
      {job.state === 'succeeded' && <JobResult job={job} />}
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What a finished job produced: a link for results the app knows, a list of its fields for others. */
function JobResult({ job }: { job: Job }) {
  const { t } = useTranslation('jobs');
  const items = contentItemsOf(job);
  if (items) {
    return (
      <Card title={t('detail.result')}>
        <p>
          <Trans
            t={t}
            i18nKey="detail.itemsSaved"
            count={items.length}
            components={{ calendar: <Link to="../../calendar" relative="path" /> }}
          />
        </p>
      </Card>
    );
  }
  if (job.result === null || job.result === undefined) return null;
  const facts = resultFacts(job.result, t, RESULT_FORMATS);
  return (
    <Card title={t('detail.result')}>
      {facts ? (
        <dl className="job-facts">
          {facts.map((fact) => (
            <Fact key={fact.key} term={fact.term}>
              {fact.value}
            </Fact>
          ))}
        </dl>
      ) : (
        <pre className="job-result">{JSON.stringify(job.result, null, 2)}</pre>
      )}
    </Card>
  );
}
