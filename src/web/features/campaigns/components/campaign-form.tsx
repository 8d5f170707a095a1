import { useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_OBJECTIVES, type Campaign } from '#shared/campaign.schema.js';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import {
  type CampaignFormInput,
  type CampaignFormValues,
  campaignFormDefaults,
  campaignFormSchema,
  type NewCampaignDefaults,
  toCampaignBody,
} from './campaign-form-schema.js';
import './campaigns.css';
import { channelName } from '#web/lib/channel-name.js';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'BRL', 'INR'];
const SERVER_FIELDS = [
  'name',
  'objective',
  'channels',
  'currency',
  'start_date',
  'end_date',
  'kpis',
] as const;

interface CampaignFormProps {
  campaign?: Campaign;
  /** Today in the workspace's time zone, `YYYY-MM-DD`: new campaigns start then. */
  today: string;
  /** What a new campaign starts with in this workspace (its currency, the brand's channels). */
  defaults?: NewCampaignDefaults;
  submitLabel: string;
  onSubmit: (body: ReturnType<typeof toCampaignBody>) => Promise<unknown>;
  onCancel: () => void;
}

/** Plans or edits a campaign: objective, channels, budget, dates and KPIs with targets. */
export function CampaignForm({
  campaign,
  today,
  defaults,
  submitLabel,
  onSubmit,
  onCancel,
}: CampaignFormProps) {
  const [formError, setFormError] = useState<string>();
  const { t } = useTranslation('campaigns');
  const schema = useMemo(() => campaignFormSchema(t), [t]);
  const { register, control, handleSubmit, setError, formState } = useForm<
    CampaignFormInput,
    unknown,
    CampaignFormValues
  >({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: campaignFormDefaults(campaign, today, defaults),
  });
  const kpis = useFieldArray({ control, name: 'kpis' });
  const { errors } = formState;
  const current = campaign?.currency ?? defaults?.currency ?? 'USD';
  const currencies = CURRENCIES.includes(current) ? CURRENCIES : [current, ...CURRENCIES];

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await onSubmit(toCampaignBody(values));
    } catch (error) {
      setFormError(applyServerErrors(error, SERVER_FIELDS, setError));
    }
  });

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Card title={t('form.campaign')}>
        <div className="stack">
          <div className="campaign-grid">
            <TextField
              label={t('form.name')}
              maxLength={120}
              placeholder={t('form.namePlaceholder')}
              error={errors.name && t('form.nameError')}
              {...register('name')}
            />
            <SelectField
              label={t('form.objective')}
              error={errors.objective?.message}
              {...register('objective')}
            >
              {CAMPAIGN_OBJECTIVES.map((objective) => (
                <option key={objective} value={objective}>
                  {t(`objectives.${objective}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <fieldset className="campaign-channels" aria-describedby="campaign-channels-error">
            <legend className="field__label">{t('form.channels')}</legend>
            <div className="campaign-channels__options">
              {CHANNEL_IDS.map((channel) => (
                <CheckboxField
                  key={channel}
                  label={channelName(channel)}
                  value={channel}
                  {...register('channels')}
                />
              ))}
            </div>
            <p className="field__error" id="campaign-channels-error" aria-live="polite">
              {errors.channels?.message}
            </p>
          </fieldset>
          <div className="campaign-grid">
            <TextField
              label={t('form.budget')}
              inputMode="decimal"
              placeholder="0"
              hint={t('form.budgetHint')}
              error={errors.budget?.message}
              {...register('budget')}
            />
            <SelectField
              label={t('form.currency')}
              error={errors.currency?.message}
              {...register('currency')}
            >
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('form.startDate')}
              type="date"
              error={errors.start_date?.message}
              {...register('start_date')}
            />
            <TextField
              label={t('form.endDate')}
              type="date"
              error={errors.end_date?.message}
              {...register('end_date')}
            />
          </div>
        </div>
      </Card>
      <Card
        title={t('form.keyResults')}
        description={t('form.keyResultsDescription')}
        actions={
          kpis.fields.length < 10 && (
            <Button size="sm" onClick={() => kpis.append({ metric: '', target: 0 })}>
              {t('form.addKpi')}
            </Button>
          )
        }
      >
        {kpis.fields.length === 0 ? (
          <p className="muted">{t('form.noKpi')}</p>
        ) : (
          <ol className="campaign-kpis-edit">
            {kpis.fields.map((field, index) => (
              <li key={field.id} className="campaign-kpi-row">
                <TextField
                  label={t('form.kpiMetric', { number: index + 1 })}
                  placeholder={t('form.kpiMetricPlaceholder')}
                  maxLength={60}
                  error={errors.kpis?.[index]?.metric && t('form.kpiMetricError')}
                  {...register(`kpis.${index}.metric`)}
                />
                <TextField
                  label={t('form.kpiTarget', { number: index + 1 })}
                  type="number"
                  min={0}
                  inputMode="decimal"
                  error={errors.kpis?.[index]?.target?.message}
                  {...register(`kpis.${index}.target`, { valueAsNumber: true })}
                />
                <Button size="sm" variant="ghost" onClick={() => kpis.remove(index)}>
                  {t('form.removeKpi', { number: index + 1 })}
                </Button>
              </li>
            ))}
          </ol>
        )}
        {errors.kpis?.message && <p className="field__error">{errors.kpis.message}</p>}
      </Card>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <div className="row">
        <Button type="submit" variant="primary" loading={formState.isSubmitting}>
          {submitLabel}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}
