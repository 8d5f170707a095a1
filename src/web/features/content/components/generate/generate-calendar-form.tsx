import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { generateCalendarFieldsSchema } from '#shared/calendar.schema.js';
import { campaignRequest, dayCount, planDays, requestedDays } from '#shared/calendar-range.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { SegmentedControl } from '#web/components/ui/segmented-control.js';
import { TagInput } from '#web/components/ui/tag-input.js';
import { channelName } from '#web/lib/channel-name.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { formatCivilDate } from '#web/lib/format-date.js';

/** The dialog's fields: the request without the workspace and the idempotency key, which it adds. */
export const calendarFormSchema = generateCalendarFieldsSchema.omit({ business_id: true, request_key: true });
export type CalendarFormValues = z.input<typeof calendarFormSchema>;
export type CalendarFormOutput = z.output<typeof calendarFormSchema>;

const DETAILS = ['ideas', 'drafts'] as const;
const OBJECTIVES = ['awareness', 'traffic', 'leads', 'sales', 'engagement'] as const;

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
  const { t } = useTranslation('content');
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
          label={t('generate.startDate')}
          type="date"
          error={errors.start_date && t('generate.pickDay')}
          {...register('start_date')}
        />
        <TextField
          label={t('generate.weeks')}
          type="number"
          min={1}
          max={12}
          inputMode="numeric"
          error={errors.weeks && t('generate.weeksInvalid')}
          {...register('weeks', { valueAsNumber: true })}
        />
      </div>
      {campaign && fit && (
        <CampaignDatesNotice campaign={campaign} fit={fit} onUseCampaignDates={applyCampaignDates} />
      )}
      <fieldset className="gen-form__channels" aria-describedby="gen-channels-error">
        <legend className="field__label">{t('generate.channels')}</legend>
        <div className="gen-form__options">
          {CHANNEL_IDS.map((channel) => (
            <CheckboxField
              key={channel}
              label={channelName(channel)}
              value={channel}
              {...register('channels')}
            />
          ))}
        </div>
        <p className="field__error" id="gen-channels-error" aria-live="polite">
          {errors.channels && t('generate.channelsInvalid')}
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
                <legend className="field__label">{t('generate.postsAWeek')}</legend>
                <p className="field__hint">{t('generate.cadenceHint')}</p>
                <div className="gen-form__grid">
                  {channels.map((channel) => (
                    <TextField
                      key={channel}
                      label={t('generate.channelPostsAWeek', { network: channelName(channel) })}
                      type="number"
                      min={0}
                      max={21}
                      inputMode="numeric"
                      placeholder={t('generate.aiProposes')}
                      value={cadence[channel] ?? ''}
                      error={errors.cadence?.[channel] && t('generate.cadenceInvalid')}
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
            label={t('generate.pillars')}
            hint={t('generate.pillarsHint')}
            max={8}
            maxLength={60}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors.pillars && t('generate.pillarsInvalid')}
          />
        )}
      />
      <div className="gen-form__grid">
        <SelectField label={t('generate.objective')} {...register('objective')}>
          {OBJECTIVES.map((objective) => (
            <option key={objective} value={objective}>
              {t(`generate.objectives.${objective}`)}
            </option>
          ))}
        </SelectField>
        {lockCampaign ? (
          <p className="gen-form__campaign">
            <span className="field__label">{t('generate.campaign')}</span>
            <span>{campaigns.find((campaign) => campaign.id === defaultValues.campaign_id)?.name}</span>
          </p>
        ) : (
          <SelectField
            label={t('generate.campaign')}
            {...register('campaign_id', { setValueAs: (value: string | null) => value || null })}
          >
            <option value="">{t('generate.noCampaign')}</option>
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
            label={t('generate.whatToWrite')}
            showLabel
            options={DETAILS.map((detail) => ({ value: detail, label: t(`generate.details.${detail}`) }))}
            value={field.value ?? 'ideas'}
            onChange={field.onChange}
          />
        )}
      />
      {error && <Banner tone="danger">{error}</Banner>}
      <div className="dialog__footer">
        <Button variant="ghost" onClick={onCancel}>
          {t('generate.cancel')}
        </Button>
        <Button type="submit" variant="primary" loading={submitting}>
          {t('generate.submit')}
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
  const { t } = useTranslation('content');
  const runs = {
    name: campaign.name,
    start: formatCivilDate(campaign.start_date ?? ''),
    end: formatCivilDate(campaign.end_date ?? ''),
  };
  const action = (
    <Button size="sm" onClick={onUseCampaignDates}>
      {t('generate.useCampaignDates')}
    </Button>
  );
  if (fit.kind === 'misses') {
    return (
      <section aria-label={t('generate.campaignDates')}>
        <Banner tone="danger" action={action}>
          {t('generate.missesCampaign', runs)}
        </Banner>
      </section>
    );
  }
  return (
    <section aria-label={t('generate.campaignDates')}>
      <Banner tone="info">
        {fit.planned < fit.asked - 6
          ? t('generate.keepsToCampaignAsked', { ...runs, count: fit.planned, asked: fit.asked })
          : t('generate.keepsToCampaign', { ...runs, count: fit.planned })}
      </Banner>
    </section>
  );
}
