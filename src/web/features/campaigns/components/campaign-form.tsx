import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { CAMPAIGN_OBJECTIVES, type Campaign } from '#shared/campaign.schema.js';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import {
  type CampaignFormInput,
  type CampaignFormValues,
  campaignFormDefaults,
  campaignFormSchema,
  type NewCampaignDefaults,
  toCampaignBody,
} from './campaign-form-schema.js';
import { OBJECTIVE_LABELS } from './campaign-format.js';
import './campaigns.css';

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
  const { register, control, handleSubmit, setError, formState } = useForm<
    CampaignFormInput,
    unknown,
    CampaignFormValues
  >({
    resolver: zodResolver(campaignFormSchema),
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
      <Card title="Campaign">
        <div className="stack">
          <div className="campaign-grid">
            <TextField
              label="Name"
              maxLength={120}
              placeholder="Spring menu launch"
              error={errors.name && 'Name the campaign (up to 120 characters)'}
              {...register('name')}
            />
            <SelectField label="Objective" error={errors.objective?.message} {...register('objective')}>
              {CAMPAIGN_OBJECTIVES.map((objective) => (
                <option key={objective} value={objective}>
                  {OBJECTIVE_LABELS[objective]}
                </option>
              ))}
            </SelectField>
          </div>
          <fieldset className="campaign-channels" aria-describedby="campaign-channels-error">
            <legend className="field__label">Channels</legend>
            <div className="campaign-channels__options">
              {CHANNEL_IDS.map((channel) => (
                <CheckboxField
                  key={channel}
                  label={CHANNEL_RULES[channel].name}
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
              label="Budget"
              inputMode="decimal"
              placeholder="0"
              hint="Leave empty for no paid budget."
              error={errors.budget?.message}
              {...register('budget')}
            />
            <SelectField label="Currency" error={errors.currency?.message} {...register('currency')}>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Start date"
              type="date"
              error={errors.start_date?.message}
              {...register('start_date')}
            />
            <TextField
              label="End date"
              type="date"
              error={errors.end_date?.message}
              {...register('end_date')}
            />
          </div>
        </div>
      </Card>
      <Card
        title="Key results"
        description="What success looks like, with a number to aim for."
        actions={
          kpis.fields.length < 10 && (
            <Button size="sm" onClick={() => kpis.append({ metric: '', target: 0 })}>
              Add a KPI
            </Button>
          )
        }
      >
        {kpis.fields.length === 0 ? (
          <p className="muted">No KPI yet, such as clicks: 500 or sign-ups: 50.</p>
        ) : (
          <ol className="campaign-kpis-edit">
            {kpis.fields.map((field, index) => (
              <li key={field.id} className="campaign-kpi-row">
                <TextField
                  label={`KPI ${index + 1} metric`}
                  placeholder="Clicks"
                  maxLength={60}
                  error={errors.kpis?.[index]?.metric && 'Name the metric (up to 60 characters)'}
                  {...register(`kpis.${index}.metric`)}
                />
                <TextField
                  label={`KPI ${index + 1} target`}
                  type="number"
                  min={0}
                  inputMode="decimal"
                  error={errors.kpis?.[index]?.target?.message}
                  {...register(`kpis.${index}.target`, { valueAsNumber: true })}
                />
                <Button size="sm" variant="ghost" onClick={() => kpis.remove(index)}>
                  Remove KPI {index + 1}
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
          Cancel
        </Button>
      </div>
    </form>
  );
}
