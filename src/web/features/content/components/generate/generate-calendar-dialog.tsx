import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Business } from '#shared/business.schema.js';
import type { CalendarFailedSlot } from '#shared/calendar.schema.js';
import { campaignRequest, planDays, requestedDays } from '#shared/calendar-range.js';
import type { Campaign } from '#shared/campaign.schema.js';
import { addDays, todayIn } from '#shared/zoned-time.js';
import { Dialog } from '#web/components/ui/dialog.js';
import { useGenerateCalendar } from '#web/features/content/api/generate-calendar.js';
import { describeError } from '#web/lib/error-messages.js';
import { CalendarJobStatus } from './calendar-job-status.js';
import { newRequestKey } from './calendar-summary.js';
import {
  type CalendarCampaign,
  type CalendarFormOutput,
  type CalendarFormValues,
  GenerateCalendarForm,
} from './generate-calendar-form.js';
import './generate.css';

type CalendarSlot = CalendarFailedSlot['slot'];

interface GenerateCalendarDialogProps {
  business: Business;
  /** The campaigns a calendar may belong to. */
  campaigns: readonly CalendarCampaign[];
  /** Opened from a campaign: plan for it, over its dates, on its channels and objective. */
  campaign?: Pick<Campaign, 'id' | 'name' | 'channels' | 'objective' | 'start_date' | 'end_date'> | undefined;
  open: boolean;
  onClose: () => void;
  /** Closes the dialog on the calendar's first day (where its items appear once the job is done). */
  onShow: (startDate: string) => void;
}

/**
 * "Generate a calendar": the request form, then the job's live progress and the plan it made. Its state
 * starts afresh each time it opens.
 *
 * @example
 * <GenerateCalendarDialog business={business} campaigns={options} open={open} onClose={close} onShow={goTo} />
 */
export function GenerateCalendarDialog({ open, onClose, ...props }: GenerateCalendarDialogProps) {
  const { t } = useTranslation('content');
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('generate.title')}
      description={t('generate.description', { zone: props.business.time_zone.replaceAll('_', ' ') })}
    >
      {open && <GenerateCalendarFlow {...props} onClose={onClose} />}
    </Dialog>
  );
}

function GenerateCalendarFlow({
  business,
  campaigns,
  campaign,
  onClose,
  onShow,
}: Omit<GenerateCalendarDialogProps, 'open'>) {
  const generate = useGenerateCalendar();
  const [earliestStart] = useState(() => addDays(todayIn(business.time_zone), 1));
  const [values, setValues] = useState<CalendarFormValues>(() => ({
    // From a campaign, its days (from tomorrow, once it has started); otherwise four weeks from tomorrow.
    ...(campaign ? campaignRequest(campaign, earliestStart) : { start_date: earliestStart, weeks: 4 }),
    channels: campaign?.channels ?? business.brand.channels,
    cadence: {},
    pillars: [],
    objective: campaign?.objective ?? 'awareness',
    detail: 'ideas',
    campaign_id: campaign?.id ?? null,
  }));
  // One key per submission: a double click, or a request retried after a lost answer, finds the same job.
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [jobId, setJobId] = useState<string>();
  const options =
    campaign && !campaigns.some(({ id }) => id === campaign.id) ? [...campaigns, campaign] : campaigns;

  // The slots of a "retry the ones that failed" job; the form's values stay those of the whole calendar.
  const [slots, setSlots] = useState<CalendarSlot[]>();

  const start = (request: CalendarFormOutput, key: string, retrySlots?: CalendarSlot[]) => {
    const { slots: _ignored, ...fields } = request;
    setValues(fields);
    setSlots(retrySlots);
    generate.mutate(
      { ...fields, ...(retrySlots ? { slots: retrySlots } : {}), business_id: business.id, request_key: key },
      {
        onSuccess: ({ job_id: id }) => setJobId(id),
      },
    );
  };
  const startAfresh = () => {
    const key = newRequestKey();
    setRequestKey(key);
    return key;
  };

  if (jobId) {
    return (
      <CalendarJobStatus
        businessId={business.id}
        jobId={jobId}
        onRetry={() => {
          setJobId(undefined);
          start(values as CalendarFormOutput, startAfresh(), slots);
        }}
        onRetrySlots={(failed) => {
          setJobId(undefined);
          start(values as CalendarFormOutput, startAfresh(), failed);
        }}
        onEdit={() => {
          setJobId(undefined);
          setSlots(undefined);
          generate.reset();
          startAfresh();
        }}
        onDone={() => onShow(firstPlannedDay(values, options))}
      />
    );
  }
  return (
    <GenerateCalendarForm
      defaultValues={values}
      campaigns={options}
      earliestStart={earliestStart}
      lockCampaign={campaign !== undefined}
      submitting={generate.isPending}
      error={generate.isError ? describeError(generate.error) : undefined}
      onSubmit={(request) => start(request, requestKey)}
      onCancel={onClose}
    />
  );
}

/** The calendar's first day: the start date, or the campaign's first day when the plan keeps to it. */
function firstPlannedDay(values: CalendarFormValues, campaigns: readonly CalendarCampaign[]): string {
  const campaign = campaigns.find(({ id }) => id === values.campaign_id);
  const weeks = typeof values.weeks === 'number' ? values.weeks : 1;
  const days = planDays(requestedDays(values.start_date, weeks), {
    from: campaign?.start_date,
    to: campaign?.end_date,
  });
  return days?.first ?? values.start_date;
}
