import { useTranslation } from 'react-i18next';
import { CAMPAIGN_OBJECTIVES, type CampaignObjective } from '#shared/campaign.schema.js';
import { Button } from '#web/components/ui/button.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { SegmentedControl } from '#web/components/ui/segmented-control.js';
import { formatNumber } from '#web/lib/workspace-format.js';
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

const TRIAL_CHOICES = [1_000, 10_000, 100_000, 1_000_000];

/**
 * The forecast's inputs. There is no submit button: every change re-runs the forecast (debounced by the
 * view), so the form is a set of live controls.
 */
export function ForecastForm({ draft, errors, campaigns, onChange }: ForecastFormProps) {
  const { t } = useTranslation('analytics');
  const modeOptions = [
    { value: 'campaign', label: t('form.fromCampaign') },
    { value: 'plan', label: t('form.ownPlan') },
  ] as const;
  const set = <K extends keyof ForecastDraft>(key: K, value: ForecastDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <form
      className="stack forecast-form"
      aria-label={t('form.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <SegmentedControl
        label={t('form.startFrom')}
        options={modeOptions}
        value={draft.mode}
        onChange={(mode) => set('mode', mode)}
      />
      {draft.mode === 'campaign' ? (
        <SelectField
          label={t('campaignLabel')}
          hint={t('form.campaignHint')}
          value={draft.campaignId}
          error={errors.campaignId}
          onChange={(event) => set('campaignId', event.currentTarget.value)}
        >
          <option value="">{t('form.chooseCampaign')}</option>
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
              label={t('objective')}
              value={draft.objective}
              onChange={(event) => set('objective', event.currentTarget.value as CampaignObjective)}
            >
              {CAMPAIGN_OBJECTIVES.map((objective) => (
                <option key={objective} value={objective}>
                  {t(`objectives.${objective}`)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('form.budget')}
              inputMode="decimal"
              value={draft.budget}
              error={errors.budget}
              onChange={(event) => set('budget', event.currentTarget.value)}
            />
            <TextField
              label={t('form.currency')}
              maxLength={3}
              autoComplete="off"
              value={draft.currency}
              error={errors.currency}
              onChange={(event) => set('currency', event.currentTarget.value)}
            />
            <TextField
              label={t('form.aov')}
              inputMode="decimal"
              hint={t('form.aovHint')}
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
          label={t('form.trials')}
          hint={t('form.trialsHint')}
          value={String(draft.trials)}
          onChange={(event) => set('trials', Number(event.currentTarget.value))}
        >
          {TRIAL_CHOICES.map((trials) => (
            <option key={trials} value={trials}>
              {formatNumber(trials)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('form.seed')}
          inputMode="numeric"
          hint={t('form.seedHint')}
          value={draft.seed}
          error={errors.seed}
          onChange={(event) => set('seed', event.currentTarget.value)}
        />
        <div className="forecast-form__seed">
          <Button size="sm" onClick={() => set('seed', String(randomSeed()))}>
            {t('form.newSeed')}
          </Button>
        </div>
      </div>
    </form>
  );
}
