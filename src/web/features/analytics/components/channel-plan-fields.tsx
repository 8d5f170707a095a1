import { useTranslation } from 'react-i18next';
import { BENCHMARK_METRICS, type BenchmarkMetric } from '#shared/analytics.schema.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { TextField } from '#web/components/ui/field.js';
import { channelName } from '#web/lib/channel-name.js';
import type { ChannelDraft, DraftErrors } from '../forecast-draft.js';

interface ChannelPlanFieldsProps {
  channels: readonly ChannelDraft[];
  errors: DraftErrors;
  currency: string;
  onChange: (channel: ChannelDraft) => void;
}

/** Rates are typed in percent; CPM in the plan's currency. */
const PERCENT_RATES: Record<BenchmarkMetric, boolean> = {
  ctr: true,
  engagement_rate: true,
  cvr: true,
  cpm: false,
  organic_reach: true,
};

/**
 * The plan per channel: tick the channels, then give each its share of the paid budget, its organic posts
 * and audience, and (folded away) overrides of its rates. Each channel is a named group, so its inputs are
 * announced as "Instagram, Budget share (%)".
 */
export function ChannelPlanFields({ channels, errors, currency, onChange }: ChannelPlanFieldsProps) {
  const included = channels.filter((channel) => channel.included);
  const { t } = useTranslation('analytics');
  return (
    <div className="stack">
      <fieldset className="forecast-channels">
        <legend className="field__label">{t('plan.channels')}</legend>
        <div className="forecast-channels__options">
          {channels.map((channel) => (
            <CheckboxField
              key={channel.channel}
              label={channelName(channel.channel)}
              checked={channel.included}
              onChange={(event) => onChange({ ...channel, included: event.currentTarget.checked })}
            />
          ))}
        </div>
        {errors.channels && (
          <p className="field__error" role="alert">
            {errors.channels}
          </p>
        )}
      </fieldset>
      {included.map((channel) => {
        const name = channelName(channel.channel);
        const key = (field: string) => `channel.${channel.channel}.${field}`;
        const set = (field: 'sharePercent' | 'posts' | 'audience') => (value: string) =>
          onChange({ ...channel, [field]: value });
        return (
          <fieldset key={channel.channel} className="forecast-channel">
            <legend>{name}</legend>
            <div className="forecast-channel__fields">
              <TextField
                label={t('plan.share')}
                inputMode="decimal"
                value={channel.sharePercent}
                error={errors[key('sharePercent')]}
                onChange={(event) => set('sharePercent')(event.currentTarget.value)}
              />
              <TextField
                label={t('plan.posts')}
                inputMode="numeric"
                value={channel.posts}
                error={errors[key('posts')]}
                onChange={(event) => set('posts')(event.currentTarget.value)}
              />
              <TextField
                label={t('plan.audience')}
                inputMode="numeric"
                hint={t('plan.audienceHint')}
                value={channel.audience}
                error={errors[key('audience')]}
                onChange={(event) => set('audience')(event.currentTarget.value)}
              />
            </div>
            <details className="forecast-channel__rates">
              <summary>{t('plan.overrideRates')}</summary>
              <div className="forecast-channel__fields">
                {BENCHMARK_METRICS.map((metric) => (
                  <TextField
                    key={metric}
                    label={t('plan.rate', {
                      input: t(`inputs.${metric}`),
                      unit: PERCENT_RATES[metric] ? t(`units.${metric}`) : currency,
                    })}
                    inputMode="decimal"
                    placeholder={t('plan.benchmark')}
                    value={channel.rates[metric]}
                    error={errors[key(`rates.${metric}`)]}
                    onChange={(event) =>
                      onChange({
                        ...channel,
                        rates: { ...channel.rates, [metric]: event.currentTarget.value },
                      })
                    }
                  />
                ))}
              </div>
            </details>
          </fieldset>
        );
      })}
    </div>
  );
}
