import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { generateCalendarFieldsSchema } from '#shared/calendar.schema.js';
import { campaignRequest, dayCount, planDays, requestedDays } from '#shared/calendar-range.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { SegmentedControl } from '#web/components/ui/segmented-control.js';
import { TagInput } from '#web/components/ui/tag-input.js';
import { formatCivilDate } from '#web/lib/format-date.js';

/** The dialog's fields: the request without the workspace and the idempotency key, which it adds. */
export const calendarFormSchema = generateCalendarFieldsSchema.omit({ business_id: true, request_key: true });
export type CalendarFormValues = z.input<typeof calendarFormSchema>;
export type CalendarFormOutput = z.output<typeof calendarFormSchema>;

const DETAILS = [
  { value: 'ideas', label: 'Ideas with briefs' },
  { value: 'drafts', label: 'Full drafts' },
] as const;
const OBJECTIVES = [
  { value: 'awareness', label: 'Awareness' },
  { value: 'traffic', label: 'Traffic' },
  { value: 'leads', label: 'Leads' },
  { value: 'sales', label: 'Sales' },
  { value: 'engagement', label: 'Engagement' },
] as const;

/** A campaign the calendar may be for; its dates, when known, bound the plan. */
export interface CalendarCampaign {
  id: string;
  name: string;
  start_date?: string | undefined;
  end_date?: string | undefined;
}

interface GenerateCalendarFormProps {
  defaultValues: CalendarFormValues;
  campaigns: readonly CalendarCampaign[];
  /** The first day a plan may start (tomorrow in the workspace), for "Use the campaign's dates". */
  earliestStart: string;
  /** Set when the dialog was opened from a campaign: the campaign is fixed. */
  lockCampaign: boolean;
  submitting: boolean;
  error: string | undefined;
  onSubmit: (values: CalendarFormOutput) => void;
  onCancel: () => void;
}

/**
 * What to plan: start date, 1–12 weeks, channels, an optional cadence per channel and pillars (empty means
 * "let the AI propose"), ideas or full drafts, and an optional campaign; validated with the shared schema.
 */
export function GenerateCalendarForm({
  defaultValues,
  campaigns,
  earliestStart,
  lockCampaign,
  submitting,
  error,
  onSubmit,
  onCancel,
}: GenerateCalendarFormProps) {
  const { register, control, handleSubmit, formState, setValue } = useForm<
    CalendarFormValues,
    unknown,
    CalendarFormOutput
  >({ resolver: zodResolver(calendarFormSchema), mode: 'onTouched', defaultValues });
  const { errors } = formState;
  const channels = (useWatch({ control, name: 'channels' }) ?? []) as ChannelId[];
  const [startDate, weeks, campaignId] = useWatch({ control, name: ['start_date', 'weeks', 'campaign_id'] });
  const campaign = campaigns.find(({ id }) => id === campaignId);
  const fit = campaignFit(campaign, startDate, weeks);

  // A cadence for a channel unticked afterwards would plan posts nobody asked for. Dates that miss the
  // campaign are refused here, where the notice says why, rather than by the server.
  const submit = handleSubmit((values) => {
    if (campaignFit(campaign, values.start_date, values.weeks)?.kind === 'misses') return;
    onSubmit({
      ...values,
      cadence: Object.fromEntries(
        Object.entries(values.cadence).filter(([channel]) => values.channels.includes(channel as ChannelId)),
      ),
    });
  });
  const applyCampaignDates = () => {
    if (!campaign?.start_date || !campaign.end_date) return;
    const request = campaignRequest(
      { start_date: campaign.start_date, end_date: campaign.end_date },
      earliestStart,
    );
    setValue('start_date', request.start_date, { shouldValidate: true });
    setValue('weeks', request.weeks, { shouldValidate: true });
  };

  return (
    <form className="stack gen-form" onSubmit={submit} noValidate>
      <div className="gen-form__grid">
        <TextField
          label="Start date"
          type="date"
          error={errors.start_date && 'Pick a day'}
          {...register('start_date')}
        />
        <TextField
          label="Weeks"
          type="number"
          min={1}
          max={12}
          inputMode="numeric"
          error={errors.weeks && 'From 1 to 12 weeks'}
          {...register('weeks', { valueAsNumber: true })}
        />
      </div>
      {campaign && fit && (
        <CampaignDatesNotice campaign={campaign} fit={fit} onUseCampaignDates={applyCampaignDates} />
      )}
      <fieldset className="gen-form__channels" aria-describedby="gen-channels-error">
        <legend className="field__label">Channels</legend>
        <div className="gen-form__options">
          {CHANNEL_IDS.map((channel) => (
            <CheckboxField
              key={channel}
              label={CHANNEL_RULES[channel].name}
              value={channel}
              {...register('channels')}
            />
          ))}
        </div>
        <p className="field__error" id="gen-channels-error" aria-live="polite">
          {errors.channels && 'Pick at least one channel'}
        </p>
      </fieldset>
      {channels.length > 0 && (
        <Controller
          control={control}
          name="cadence"
          render={({ field }) => {
            const cadence: Partial<Record<ChannelId, number>> = field.value ?? {};
            const setCadence = (channel: ChannelId, text: string) => {
              const next = { ...cadence };
              if (text.trim() === '') delete next[channel];
              else next[channel] = Number(text);
              field.onChange(next);
            };
            return (
              <fieldset className="gen-form__cadence">
                <legend className="field__label">Posts a week</legend>
                <p className="field__hint">Leave a channel empty to let the AI propose its cadence.</p>
                <div className="gen-form__grid">
                  {channels.map((channel) => (
                    <TextField
                      key={channel}
                      label={`${CHANNEL_RULES[channel].name} posts a week`}
                      type="number"
                      min={0}
                      max={21}
                      inputMode="numeric"
                      placeholder="AI proposes"
                      value={cadence[channel] ?? ''}
                      error={errors.cadence?.[channel] && 'From 0 to 21 a week'}
                      onChange={(event) => setCadence(channel, event.target.value)}
                      onBlur={field.onBlur}
                    />
                  ))}
                </div>
              </fieldset>
            );
          }}
        />
      )}
      <Controller
        control={control}
        name="pillars"
        render={({ field }) => (
          <TagInput
            label="Content pillars"
            hint="Up to 8 themes, such as “behind the scenes”. Leave empty to let the AI propose them."
            max={8}
            maxLength={60}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors.pillars && 'Up to 8 pillars of up to 60 characters'}
          />
        )}
      />
      <div className="gen-form__grid">
        <SelectField label="Objective" {...register('objective')}>
          {OBJECTIVES.map((objective) => (
            <option key={objective.value} value={objective.value}>
              {objective.label}
            </option>
          ))}
        </SelectField>
        {lockCampaign ? (
          <p className="gen-form__campaign">
            <span className="field__label">Campaign</span>
            <span>{campaigns.find((campaign) => campaign.id === defaultValues.campaign_id)?.name}</span>
          </p>
        ) : (
          <SelectField
            label="Campaign"
            {...register('campaign_id', { setValueAs: (value: string | null) => value || null })}
          >
            <option value="">No campaign</option>
            {campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <Controller
        control={control}
        name="detail"
        render={({ field }) => (
          <SegmentedControl
            label="What to write"
            showLabel
            options={DETAILS}
            value={field.value ?? 'ideas'}
            onChange={field.onChange}
          />
        )}
      />
      {error && <Banner tone="danger">{error}</Banner>}
      <div className="dialog__footer">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" loading={submitting}>
          Generate calendar
        </Button>
      </div>
    </form>
  );
}

type CampaignFit = { kind: 'narrowed'; planned: number; asked: number } | { kind: 'misses' } | undefined;

/**
 * How the requested dates meet the campaign's: narrowed to the campaign (the plan keeps to its days),
 * missing it entirely, or undefined when the campaign holds them all (or the dates are not readable yet).
 */
function campaignFit(
  campaign: CalendarCampaign | undefined,
  startDate: string | undefined,
  weeks: number | undefined,
): CampaignFit {
  if (!campaign?.start_date || !campaign.end_date) return undefined;
  if (!startDate || !/^\d{4}-\d{2}-\d{2}$/.test(startDate)) return undefined;
  if (typeof weeks !== 'number' || !Number.isInteger(weeks) || weeks < 1 || weeks > 12) return undefined;
  const requested = requestedDays(startDate, weeks);
  const days = planDays(requested, { from: campaign.start_date, to: campaign.end_date });
  if (!days) return { kind: 'misses' };
  return days.narrowed
    ? { kind: 'narrowed', planned: dayCount(days), asked: dayCount(requested) }
    : undefined;
}

/** Said before generating: a campaign's plan keeps to the campaign's days, and dates that miss it are refused. */
function CampaignDatesNotice({
  campaign,
  fit,
  onUseCampaignDates,
}: {
  campaign: CalendarCampaign;
  fit: NonNullable<CampaignFit>;
  onUseCampaignDates: () => void;
}) {
  const runs = `“${campaign.name}” runs from ${formatCivilDate(campaign.start_date ?? '')} to ${formatCivilDate(campaign.end_date ?? '')}`;
  const action = (
    <Button size="sm" onClick={onUseCampaignDates}>
      Use the campaign’s dates
    </Button>
  );
  if (fit.kind === 'misses') {
    return (
      <section aria-label="Campaign dates">
        <Banner tone="danger" action={action}>
          {runs}. These dates miss it: pick a start date inside the campaign.
        </Banner>
      </section>
    );
  }
  return (
    <section aria-label="Campaign dates">
      <Banner tone="info">
        {runs}: the plan keeps to those {fit.planned} days
        {fit.planned < fit.asked - 6 ? `, not the ${fit.asked} asked for` : ''}.
      </Banner>
    </section>
  );
}
