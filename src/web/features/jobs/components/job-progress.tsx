import { useTranslation } from 'react-i18next';
import type { Job } from '#shared/jobs.schema.js';
import { jobNoteText } from '#web/lib/job-note.js';
import { jobLabel } from './job-format.js';
import './jobs.css';

/** A running job's progress bar with its percentage and the handler's last message. */
export function JobProgress({ job }: { job: Pick<Job, 'name' | 'progress' | 'progress_message'> }) {
  const { t } = useTranslation('jobs');
  const { t: common } = useTranslation();
  return (
    <div className="job-progress">
      <progress
        className="job-progress__bar"
        max={100}
        value={job.progress}
        aria-label={t('list.progressOf', { job: jobLabel(job.name, t) })}
      />
      <span className="job-progress__text">
        {job.progress}%
        {job.progress_message && (
          <span className="muted"> · {jobNoteText(job.progress_message, common)}</span>
        )}
      </span>
    </div>
  );
}
