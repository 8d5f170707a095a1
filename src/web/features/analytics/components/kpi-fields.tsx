import { useTranslation } from 'react-i18next';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import type { DraftErrors, KpiDraft } from '../forecast-draft.js';

const MAX_KPIS = 10;
const SUGGESTIONS = [
  'impressions',
  'reach',
  'engagements',
  'clicks',
  'conversions',
  'orders',
  'sign-ups',
  'cpa',
  'roas',
];

/** Targets to give a probability of reaching: a metric name (orders count as conversions) and a number. */
export function KpiFields({
  kpis,
  errors,
  onChange,
}: {
  kpis: readonly KpiDraft[];
  errors: DraftErrors;
  onChange: (kpis: KpiDraft[]) => void;
}) {
  const { t } = useTranslation('analytics');
  const update = (index: number, change: Partial<KpiDraft>) =>
    onChange(kpis.map((kpi, at) => (at === index ? { ...kpi, ...change } : kpi)));
  return (
    <fieldset className="forecast-kpis">
      <legend className="field__label">{t('targets.legend')}</legend>
      <datalist id="forecast-kpi-metrics">
        {SUGGESTIONS.map((metric) => (
          <option key={metric} value={metric} />
        ))}
      </datalist>
      {kpis.map((kpi, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity.
        <div key={index} className="forecast-form__row forecast-kpis__row">
          <TextField
            label={t('targets.metric', { number: index + 1 })}
            list="forecast-kpi-metrics"
            value={kpi.metric}
            error={errors[`kpis.${index}.metric`]}
            onChange={(event) => update(index, { metric: event.currentTarget.value })}
          />
          <TextField
            label={t('targets.value', { number: index + 1 })}
            inputMode="decimal"
            value={kpi.target}
            error={errors[`kpis.${index}.target`]}
            onChange={(event) => update(index, { target: event.currentTarget.value })}
          />
          <div className="forecast-form__seed">
            <Button size="sm" variant="ghost" onClick={() => onChange(kpis.filter((_, at) => at !== index))}>
              {t('targets.remove', { number: index + 1 })}
            </Button>
          </div>
        </div>
      ))}
      {kpis.length < MAX_KPIS && (
        <Button size="sm" onClick={() => onChange([...kpis, { metric: '', target: '' }])}>
          {t('targets.add')}
        </Button>
      )}
    </fieldset>
  );
}
