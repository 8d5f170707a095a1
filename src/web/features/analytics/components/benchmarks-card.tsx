import { type FormEvent, useState } from 'react';
import type { BenchmarkEntry, BenchmarkMetric } from '#shared/analytics.schema.js';
import type { Business } from '#shared/business.schema.js';
import { CAMPAIGN_OBJECTIVES, type CampaignObjective } from '#shared/campaign.schema.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatPercent, INPUT_LABELS } from '../analytics-format.js';
import { useBenchmarks } from '../api/get-benchmarks.js';
import { usePutBenchmarks } from '../api/put-benchmarks.js';
import { overrideText, overrideValue } from '../benchmark-values.js';

const OBJECTIVE_LABELS: Record<CampaignObjective, string> = {
  awareness: 'Awareness',
  traffic: 'Traffic',
  leads: 'Leads',
  sales: 'Sales',
  engagement: 'Engagement',
};
const UNITS: Record<BenchmarkMetric, string> = {
  ctr: '%',
  engagement_rate: '%',
  cvr: '%',
  cpm: 'amount',
  organic_reach: '% of audience',
};

/** A default as it reads: rates in percent; CPM in the campaign's currency, so without a symbol. */
function benchmarkText(metric: BenchmarkMetric, value: number): string {
  return metric === 'cpm' ? `${value.toFixed(2)} per 1,000 impressions` : formatPercent(value);
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
  return (
    <Card
      title="Benchmark rates"
      description="Where a forecast's rates start before your own results refine them."
    >
      <div className="stack">
        <div className="forecast-form__row">
          <SelectField
            label="Channel"
            value={channel}
            onChange={(event) => setChannel(event.currentTarget.value as ChannelId)}
          >
            {CHANNEL_IDS.map((id) => (
              <option key={id} value={id}>
                {CHANNEL_RULES[id].name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Objective"
            value={objective}
            onChange={(event) => setObjective(event.currentTarget.value as CampaignObjective)}
          >
            {CAMPAIGN_OBJECTIVES.map((entry) => (
              <option key={entry} value={entry}>
                {OBJECTIVE_LABELS[entry]}
              </option>
            ))}
          </SelectField>
        </div>
        {benchmarks.isPending && <Spinner label="Loading the benchmarks" />}
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
        found[entry.metric] = 'Enter a number, or leave it empty for the benchmark';
        return [];
      }
      if (value === (entry.override?.value ?? null)) return [];
      return [{ channel: entry.channel, objective: entry.objective, metric: entry.metric, value }];
    });
    setErrors(found);
    if (Object.keys(found).length > 0 || overrides.length === 0) return;
    try {
      await save.mutateAsync(overrides);
      toast('Benchmark overrides saved');
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  if (entries.length === 0) return <p className="muted">This channel is not modelled for that objective.</p>;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Benchmark overrides">
      {failure && <Banner tone="danger">{failure}</Banner>}
      <div className="forecast-channel__fields benchmark-fields">
        {entries.map((entry) => (
          <TextField
            key={entry.metric}
            label={`${INPUT_LABELS[entry.metric]} (${UNITS[entry.metric]})`}
            inputMode="decimal"
            readOnly={!manageable}
            placeholder={overrideText(entry.metric, entry.value)}
            value={values[entry.metric] ?? ''}
            error={errors[entry.metric]}
            hint={`Benchmark ${benchmarkText(entry.metric, entry.value ?? 0)}: ${entry.source}${entry.year ? ` (${entry.year})` : ''}, ${entry.confidence} confidence.`}
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
            Save overrides
          </Button>
        </div>
      ) : (
        <p className="muted">Owners and admins can override these for the workspace.</p>
      )}
    </form>
  );
}
