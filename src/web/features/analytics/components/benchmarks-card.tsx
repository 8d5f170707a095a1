import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BenchmarkEntry, BenchmarkMetric } from '#shared/analytics.schema.js';
import type { Business } from '#shared/business.schema.js';
import { CAMPAIGN_OBJECTIVES, type CampaignObjective } from '#shared/campaign.schema.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { channelName } from '#web/lib/channel-name.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatPercent } from '../analytics-format.js';
import { useBenchmarks } from '../api/get-benchmarks.js';
import { usePutBenchmarks } from '../api/put-benchmarks.js';
import { overrideText, overrideValue } from '../benchmark-values.js';

/** A default as it reads: rates in percent; CPM in the campaign's currency, so without a symbol. */
function benchmarkText(metric: BenchmarkMetric, value: number, t: TFunction<'analytics'>): string {
  return metric === 'cpm' ? t('benchmarks.cpm', { value: value.toFixed(2) }) : formatPercent(value);
}

/**
 * The default rates a forecast starts from, per channel and objective, each with its source and year; owners
 * and admins can override any of them for this workspace (an empty field goes back to the benchmark).
 */
export function BenchmarksCard({ business }: { business: Business }) {
  const [channel, setChannel] = useState<ChannelId>('instagram');
  const [objective, setObjective] = useState<CampaignObjective>('sales');
  const benchmarks = useBenchmarks(business.id, channel, objective);
  const manageable = can(business.role, 'analytics.manage');
  const { t } = useTranslation('analytics');
  return (
    <Card title={t('benchmarks.title')} description={t('benchmarks.description')}>
      <div className="stack">
        <div className="forecast-form__row">
          <SelectField
            label={t('channel')}
            value={channel}
            onChange={(event) => setChannel(event.currentTarget.value as ChannelId)}
          >
            {CHANNEL_IDS.map((id) => (
              <option key={id} value={id}>
                {channelName(id)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('objective')}
            value={objective}
            onChange={(event) => setObjective(event.currentTarget.value as CampaignObjective)}
          >
            {CAMPAIGN_OBJECTIVES.map((entry) => (
              <option key={entry} value={entry}>
                {t(`objectives.${entry}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {benchmarks.isPending && <Spinner label={t('benchmarks.loading')} />}
        {benchmarks.isError && <Banner tone="danger">{describeError(benchmarks.error)}</Banner>}
        {benchmarks.data && (
          <BenchmarkForm
            // A fresh answer (after a save) remounts the form with what the server now holds.
            key={`${channel}-${objective}-${benchmarks.dataUpdatedAt}`}
            businessId={business.id}
            entries={benchmarks.data.items.filter((entry) => entry.value !== null)}
            manageable={manageable}
          />
        )}
      </div>
    </Card>
  );
}

function BenchmarkForm({
  businessId,
  entries,
  manageable,
}: {
  businessId: string;
  entries: readonly BenchmarkEntry[];
  manageable: boolean;
}) {
  const save = usePutBenchmarks(businessId);
  const toast = useToast();
  const { t } = useTranslation('analytics');
  const initial = () =>
    Object.fromEntries(
      entries.map((entry) => [entry.metric, overrideText(entry.metric, entry.override?.value)]),
    );
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const found: Record<string, string> = {};
    const overrides = entries.flatMap((entry) => {
      const value = overrideValue(entry.metric, values[entry.metric] ?? '');
      if (value === undefined) {
        found[entry.metric] = t('benchmarks.notANumber');
        return [];
      }
      if (value === (entry.override?.value ?? null)) return [];
      return [{ channel: entry.channel, objective: entry.objective, metric: entry.metric, value }];
    });
    setErrors(found);
    if (Object.keys(found).length > 0 || overrides.length === 0) return;
    try {
      await save.mutateAsync(overrides);
      toast(t('benchmarks.saved'));
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  if (entries.length === 0) return <p className="muted">{t('benchmarks.notModelled')}</p>;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label={t('benchmarks.formLabel')}>
      {failure && <Banner tone="danger">{failure}</Banner>}
      <div className="forecast-channel__fields benchmark-fields">
        {entries.map((entry) => (
          <TextField
            key={entry.metric}
            label={t('plan.rate', { input: t(`inputs.${entry.metric}`), unit: t(`units.${entry.metric}`) })}
            inputMode="decimal"
            readOnly={!manageable}
            placeholder={overrideText(entry.metric, entry.value)}
            value={values[entry.metric] ?? ''}
            error={errors[entry.metric]}
            hint={t(entry.year ? 'benchmarks.hintYear' : 'benchmarks.hint', {
              value: benchmarkText(entry.metric, entry.value ?? 0, t),
              source: entry.source,
              year: entry.year,
              confidence: t(`benchmarks.confidence.${entry.confidence}`),
            })}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setValues((current) => ({ ...current, [entry.metric]: text }));
            }}
          />
        ))}
      </div>
      {manageable ? (
        <div className="row">
          <Button type="submit" variant="primary" loading={save.isPending}>
            {t('benchmarks.save')}
          </Button>
        </div>
      ) : (
        <p className="muted">{t('benchmarks.managersOnly')}</p>
      )}
    </form>
  );
}
