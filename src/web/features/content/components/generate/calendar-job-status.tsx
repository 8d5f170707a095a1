import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { CalendarFailedSlot } from '#shared/calendar.schema.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useCalendarJob } from '#web/features/content/api/get-calendar-job.js';
import { contentKeys } from '#web/features/content/api/query-keys.js';
import { describeError } from '#web/lib/error-messages.js';
import { followJobOnScreen } from '#web/lib/followed-jobs.js';
import { jobFailureReason } from '#web/lib/job-failure.js';
import { type CalendarSummary, formatShare, summariseCalendarJob } from './calendar-summary.js';

interface CalendarJobStatusProps {
  businessId: string;
  jobId: string;
  /** Starts the same request again, under a new request key. */
  onRetry: () => void;
  /** Starts a job that writes just these slots (the ones this job could not write). */
  onRetrySlots: (slots: CalendarFailedSlot['slot'][]) => void;
  /** Back to the form, its values kept. */
  onEdit: () => void;
  onDone: () => void;
}

/**
 * Follows a calendar job: its live progress, then the plan it made (pillars and their share, cadence, the
 * reasoning), or why it failed with a way to try again.
 */
export function CalendarJobStatus({
  businessId,
  jobId,
  onRetry,
  onRetrySlots,
  onEdit,
  onDone,
}: CalendarJobStatusProps) {
  const job = useCalendarJob(businessId, jobId);
  const queryClient = useQueryClient();
  // The job's outcome shows here; a toast saying the same would show it twice.
  useEffect(() => followJobOnScreen(jobId), [jobId]);
  const succeeded = job.data?.state === 'succeeded';
  // The completion event refreshes the calendar too; this covers a socket that dropped meanwhile.
  useEffect(() => {
    if (succeeded) void queryClient.invalidateQueries({ queryKey: contentKeys.workspace(businessId) });
  }, [succeeded, queryClient, businessId]);

  if (job.isPending) return <Spinner label="Starting" />;
  if (job.isError) {
    return (
      <Banner tone="danger" action={<Button onClick={() => void job.refetch()}>Check again</Button>}>
        {describeError(job.error)}
      </Banner>
    );
  }
  const { state, progress, progress_message: message, last_error: lastError } = job.data;

  if (state === 'succeeded') {
    const summary = summariseCalendarJob(job.data.result);
    const failed = summary?.failed ?? [];
    return (
      <div className="stack">
        <CalendarSummaryView summary={summary} />
        {summary && summary.notes.length > 0 && <PlanNotes notes={summary.notes} />}
        {failed.length > 0 && <FailedSlots failed={failed} />}
        <div className="dialog__footer">
          <Button variant="ghost" onClick={onEdit}>
            Plan another
          </Button>
          {failed.length > 0 && (
            <Button onClick={() => onRetrySlots(failed.map(({ slot }) => slot))}>
              {failed.length === 1 ? 'Retry the 1 that failed' : `Retry the ${failed.length} that failed`}
            </Button>
          )}
          <Button variant="primary" onClick={onDone}>
            Show the calendar
          </Button>
        </div>
      </div>
    );
  }
  if (state === 'dead' || state === 'cancelled') {
    return (
      <div className="stack">
        <Banner tone="danger" title="The calendar could not be generated">
          {state === 'cancelled'
            ? 'The job was cancelled.'
            : lastError
              ? jobFailureReason(lastError)
              : 'The job failed.'}
        </Banner>
        <div className="dialog__footer">
          <Button variant="ghost" onClick={onEdit}>
            Change settings
          </Button>
          <Button variant="primary" onClick={onRetry}>
            Try again
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      <div className="gen-progress" role="status">
        <progress className="gen-progress__bar" max={100} value={progress} aria-label="Calendar progress" />
        <span>
          {progress}% · {message ?? (state === 'queued' ? 'Waiting for a worker' : 'Working')}
        </span>
      </div>
      {state === 'failed' && (
        <Banner tone="warning">
          An attempt failed ({lastError ? jobFailureReason(lastError) : 'no reason given'}); it is being tried
          again.
        </Banner>
      )}
      <p className="muted">
        You can close this: the job keeps running, and a notice tells you when it is done.
      </p>
      <div className="dialog__footer">
        <Button onClick={onDone}>Close</Button>
      </div>
    </div>
  );
}

const SHOWN_NOTES = 8;

/** What the checks changed in the plan (a range kept to the campaign, moved dates and times) and noticed. */
function PlanNotes({ notes }: { notes: string[] }) {
  const hidden = notes.length - SHOWN_NOTES;
  return (
    <Banner tone="info" title="What the checks changed">
      <ul className="gen-summary__list" aria-label="What the checks changed">
        {notes.slice(0, SHOWN_NOTES).map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      {hidden > 0 && <p className="muted">and {hidden} more</p>}
    </Banner>
  );
}

/** The slots the job could not write, each with its reason; the same reason is said once for all. */
function FailedSlots({ failed }: { failed: CalendarFailedSlot[] }) {
  const reasons = [...new Set(failed.map(({ reason }) => reason))];
  const count = failed.length === 1 ? '1 item' : `${failed.length} items`;
  return (
    <Banner tone="warning" title={`${count} could not be written`}>
      {reasons.length === 1 && <p>{reasons[0]}</p>}
      <ul className="gen-summary__list" aria-label="Items not written">
        {failed.map(({ slot, reason }) => (
          <li key={`${slot.channel} ${slot.date} ${slot.time}`}>
            {slot.date} {slot.time} · {CHANNEL_RULES[slot.channel].name} · <strong>{slot.title}</strong>
            {reasons.length > 1 && <span className="muted"> · {reason}</span>}
          </li>
        ))}
      </ul>
    </Banner>
  );
}

function summaryTitle(summary: CalendarSummary): string {
  const saved = summary.itemCount;
  if (summary.failed.length > 0) return `${saved} of ${saved + summary.failed.length} items saved`;
  return saved === 1 ? '1 item planned' : `${saved} items planned`;
}

function CalendarSummaryView({ summary }: { summary: CalendarSummary | undefined }) {
  if (!summary) return <Banner tone="success">The calendar is ready.</Banner>;
  const { strategy } = summary;
  return (
    <div className="stack gen-summary">
      <div className="row">
        <h3 className="gen-summary__title">{summaryTitle(summary)}</h3>
        {summary.offline && <Badge>Offline writer</Badge>}
      </div>
      {strategy && (
        <>
          <section aria-label="Pillars">
            <h4 className="field__label">Pillars</h4>
            <ul className="gen-summary__list">
              {strategy.pillars.map((pillar) => (
                <li key={pillar.name}>
                  <span className="gen-summary__share">{formatShare(pillar.share)}</span>{' '}
                  <strong>{pillar.name}</strong>
                  {pillar.description && <span className="muted"> · {pillar.description}</span>}
                </li>
              ))}
            </ul>
          </section>
          <section aria-label="Cadence">
            <h4 className="field__label">Cadence</h4>
            <ul className="gen-summary__list">
              {strategy.cadence.map(({ channel, per_week: perWeek }) => (
                <li key={channel}>
                  {CHANNEL_RULES[channel].name}: {perWeek} a week
                </li>
              ))}
            </ul>
          </section>
          {strategy.reasoning && (
            <section aria-label="Reasoning">
              <h4 className="field__label">Why this plan</h4>
              <p className="gen-summary__reasoning">{strategy.reasoning}</p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
