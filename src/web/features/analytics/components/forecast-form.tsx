import { CAMPAIGN_OBJECTIVES, type CampaignObjective } from '#shared/campaign.schema.js';
import { Button } from '#web/components/ui/button.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { SegmentedControl } from '#web/components/ui/segmented-control.js';
import { type DraftErrors, type ForecastDraft, randomSeed } from '../forecast-draft.js';
import { ChannelPlanFields } from './channel-plan-fields.js';
import { KpiFields } from './kpi-fields.js';

/** A campaign the forecast can start from. */
export interface CampaignChoice {
  id: string;
  name: string;
}

interface ForecastFormProps {
  draft: ForecastDraft;
  errors: DraftErrors;
  campaigns: readonly CampaignChoice[];
  onChange: (draft: ForecastDraft) => void;
}

const MODE_OPTIONS = [
  { value: 'campaign', label: 'From a campaign' },
  { value: 'plan', label: 'Your own plan' },
] as const;
const TRIAL_CHOICES = [1_000, 10_000, 100_000, 1_000_000];
const OBJECTIVE_LABELS: Record<CampaignObjective, string> = {
  awareness: 'Awareness',
  traffic: 'Traffic',
  leads: 'Leads',
  sales: 'Sales',
  engagement: 'Engagement',
};

/**
 * The forecast's inputs. There is no submit button: every change re-runs the forecast (debounced by the
 * view), so the form is a set of live controls.
 */
export function ForecastForm({ draft, errors, campaigns, onChange }: ForecastFormProps) {
  const set = <K extends keyof ForecastDraft>(key: K, value: ForecastDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <form
      className="stack forecast-form"
      aria-label="Forecast inputs"
      onSubmit={(event) => event.preventDefault()}
    >
      <SegmentedControl
        label="Start from"
        options={MODE_OPTIONS}
        value={draft.mode}
        onChange={(mode) => set('mode', mode)}
      />
      {draft.mode === 'campaign' ? (
        <SelectField
          label="Campaign"
          hint="Its channels, budget, planned content and KPIs make the plan."
          value={draft.campaignId}
          error={errors.campaignId}
          onChange={(event) => set('campaignId', event.currentTarget.value)}
        >
          <option value="">Choose a campaign</option>
          {campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <>
          <div className="forecast-form__row">
            <SelectField
              label="Objective"
              value={draft.objective}
              onChange={(event) => set('objective', event.currentTarget.value as CampaignObjective)}
            >
              {CAMPAIGN_OBJECTIVES.map((objective) => (
                <option key={objective} value={objective}>
                  {OBJECTIVE_LABELS[objective]}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Paid budget"
              inputMode="decimal"
              value={draft.budget}
              error={errors.budget}
              onChange={(event) => set('budget', event.currentTarget.value)}
            />
            <TextField
              label="Currency"
              maxLength={3}
              autoComplete="off"
              value={draft.currency}
              error={errors.currency}
              onChange={(event) => set('currency', event.currentTarget.value)}
            />
            <TextField
              label="Average order value"
              inputMode="decimal"
              hint="For return on ad spend"
              value={draft.averageOrderValue}
              error={errors.averageOrderValue}
              onChange={(event) => set('averageOrderValue', event.currentTarget.value)}
            />
          </div>
          <ChannelPlanFields
            channels={draft.channels}
            errors={errors}
            currency={draft.currency}
            onChange={(channel) =>
              set(
                'channels',
                draft.channels.map((entry) => (entry.channel === channel.channel ? channel : entry)),
              )
            }
          />
          <KpiFields kpis={draft.kpis} errors={errors} onChange={(kpis) => set('kpis', kpis)} />
        </>
      )}
      <div className="forecast-form__row">
        <SelectField
          label="Trials"
          hint="More trials, smoother percentiles"
          value={String(draft.trials)}
          onChange={(event) => set('trials', Number(event.currentTarget.value))}
        >
          {TRIAL_CHOICES.map((trials) => (
            <option key={trials} value={trials}>
              {trials.toLocaleString()}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Seed"
          inputMode="numeric"
          hint="The same seed and inputs give the same forecast"
          value={draft.seed}
          error={errors.seed}
          onChange={(event) => set('seed', event.currentTarget.value)}
        />
        <div className="forecast-form__seed">
          <Button size="sm" onClick={() => set('seed', String(randomSeed()))}>
            New seed
          </Button>
        </div>
      </div>
    </form>
  );
}
