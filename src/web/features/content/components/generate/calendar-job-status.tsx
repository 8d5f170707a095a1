import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarFailedSlot } from '#shared/calendar.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useCalendarJob } from '#web/features/content/api/get-calendar-job.js';
import { contentKeys } from '#web/features/content/api/query-keys.js';
import { channelName } from '#web/lib/channel-name.js';
import { describeError, describeRefusal, loadProblemFactsWording } from '#web/lib/error-messages.js';
import { followJobOnScreen } from '#web/lib/followed-jobs.js';
import { jobFailureReason } from '#web/lib/job-failure.js';
import { jobNoteText } from '#web/lib/job-note.js';
import { type CalendarSummary, sharePercent, summariseCalendarJob } from './calendar-summary.js';

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
  const { t } = useTranslation('content');
  const { t: common } = useTranslation();
  const job = useCalendarJob(businessId, jobId);
  const queryClient = useQueryClient();
  // The job's outcome shows here; a toast saying the same would show it twice.
  useEffect(() => followJobOnScreen(jobId), [jobId]);
  const succeeded = job.data?.state === 'succeeded';
  // The completion event refreshes the calendar too; this covers a socket that dropped meanwhile.
  useEffect(() => {
    if (succeeded) void queryClient.invalidateQueries({ queryKey: contentKeys.workspace(businessId) });
  }, [succeeded, queryClient, businessId]);

  if (job.isPending) return <Spinner label={t('job.starting')} />;
  if (job.isError) {
    return (
      <Banner
        tone="danger"
        action={<Button onClick={() => void job.refetch()}>{t('job.checkAgain')}</Button>}
      >
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
            {t('job.planAnother')}
          </Button>
          {failed.length > 0 && (
            <Button onClick={() => onRetrySlots(failed.map(({ slot }) => slot))}>
              {t('job.retryFailed', { count: failed.length })}
            </Button>
          )}
          <Button variant="primary" onClick={onDone}>
            {t('job.showCalendar')}
          </Button>
        </div>
      </div>
    );
  }
  if (state === 'dead' || state === 'cancelled') {
    return (
      <div className="stack">
        <Banner tone="danger" title={t('job.failedTitle')}>
          {state === 'cancelled'
            ? t('job.cancelled')
            : lastError
              ? jobFailureReason(lastError)
              : t('job.failed')}
        </Banner>
        <div className="dialog__footer">
          <Button variant="ghost" onClick={onEdit}>
            {t('job.changeSettings')}
          </Button>
          <Button variant="primary" onClick={onRetry}>
            {t('job.tryAgain')}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      <div className="gen-progress" role="status">
        <progress
          className="gen-progress__bar"
          max={100}
          value={progress}
          aria-label={t('job.progressLabel')}
        />
        <span>
          {t('job.progress', {
            progress,
            message: message
              ? jobNoteText(message, common)
              : state === 'queued'
                ? t('job.waiting')
                : t('job.working'),
          })}
        </span>
      </div>
      {state === 'failed' && (
        <Banner tone="warning">
          {t('job.attemptFailed', { reason: lastError ? jobFailureReason(lastError) : t('job.noReason') })}
        </Banner>
      )}
      <p className="muted">{t('job.canClose')}</p>
      <div className="dialog__footer">
        <Button onClick={onDone}>{t('job.close')}</Button>
      </div>
    </div>
  );
}

const SHOWN_NOTES = 8;

/** What the checks changed in the plan (a range kept to the campaign, moved dates and times) and noticed. */
function PlanNotes({ notes }: { notes: string[] }) {
  const { t } = useTranslation('content');
  const hidden = notes.length - SHOWN_NOTES;
  return (
    <Banner tone="info" title={t('job.notes')}>
      <ul className="gen-summary__list" aria-label={t('job.notes')}>
        {notes.slice(0, SHOWN_NOTES).map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      {hidden > 0 && <p className="muted">{t('job.moreNotes', { count: hidden })}</p>}
    </Banner>
  );
}

/** The slots the job could not write, each with its reason; the same reason is said once for all. */
function FailedSlots({ failed }: { failed: CalendarFailedSlot[] }) {
  const { t } = useTranslation('content');
  // What says the refusals' facts loads on demand; the list is said again once it is here.
  const [, wordingLoaded] = useReducer(() => true, false);
  const withFacts = failed.some((entry) => entry.facts);
  useEffect(() => {
    if (withFacts) void loadProblemFactsWording().then(wordingLoaded);
  }, [withFacts]);
  const reasons = [...new Set(failed.map((entry) => describeRefusal(entry)))];
  return (
    <Banner tone="warning" title={t('job.notWritten', { count: failed.length })}>
      {reasons.length === 1 && <p>{reasons[0]}</p>}
      <ul className="gen-summary__list" aria-label={t('job.notWrittenList')}>
        {failed.map((entry) => (
          <li key={`${entry.slot.channel} ${entry.slot.date} ${entry.slot.time}`}>
            {entry.slot.date} {entry.slot.time} · {channelName(entry.slot.channel)} ·{' '}
            <strong>{entry.slot.title}</strong>
            {reasons.length > 1 && <span className="muted"> · {describeRefusal(entry)}</span>}
          </li>
        ))}
      </ul>
    </Banner>
  );
}

function summaryTitle(summary: CalendarSummary, t: TFunction<'content'>): string {
  const saved = summary.itemCount;
  if (summary.failed.length > 0) {
    return t('job.partlySaved', { saved, count: saved + summary.failed.length });
  }
  return t('job.planned', { count: saved });
}

function CalendarSummaryView({ summary }: { summary: CalendarSummary | undefined }) {
  const { t } = useTranslation('content');
  if (!summary) return <Banner tone="success">{t('job.ready')}</Banner>;
  const { strategy } = summary;
  return (
    <div className="stack gen-summary">
      <div className="row">
        <h3 className="gen-summary__title">{summaryTitle(summary, t)}</h3>
        {summary.offline && <Badge>{t('job.offline')}</Badge>}
      </div>
      {strategy && (
        <>
          <section aria-label={t('job.pillars')}>
            <h4 className="field__label">{t('job.pillars')}</h4>
            <ul className="gen-summary__list">
              {strategy.pillars.map((pillar) => (
                <li key={pillar.name}>
                  <span className="gen-summary__share">
                    {t('job.share', { percent: sharePercent(pillar.share) })}
                  </span>{' '}
                  <strong>{pillar.name}</strong>
                  {pillar.description && <span className="muted"> · {pillar.description}</span>}
                </li>
              ))}
            </ul>
          </section>
          <section aria-label={t('job.cadence')}>
            <h4 className="field__label">{t('job.cadence')}</h4>
            <ul className="gen-summary__list">
              {strategy.cadence.map(({ channel, per_week: perWeek }) => (
                <li key={channel}>{t('job.perWeek', { network: channelName(channel), perWeek })}</li>
              ))}
            </ul>
          </section>
          {strategy.reasoning && (
            <section aria-label={t('job.reasoning')}>
              <h4 className="field__label">{t('job.why')}</h4>
              <p className="gen-summary__reasoning">{strategy.reasoning}</p>
            </section>
          )}
        </>
      )}
    </div>
  );
}
