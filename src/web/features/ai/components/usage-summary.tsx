import { useTranslation } from 'react-i18next';
import type { UsageResponse } from '#shared/ai.schema.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { formatMicroUsd } from '../money.js';

/** The range at a glance: calls, tokens each way, cost and errors. */
export function UsageSummary({ totals }: { totals: UsageResponse['totals'] }) {
  const { t } = useTranslation('ai');
  const stats = [
    { key: 'calls', label: t('columns.calls'), value: formatNumber(totals.calls) },
    { key: 'in', label: t('summary.tokensIn'), value: formatNumber(totals.prompt_tokens) },
    { key: 'out', label: t('summary.tokensOut'), value: formatNumber(totals.completion_tokens) },
    { key: 'cost', label: t('columns.cost'), value: formatMicroUsd(totals.cost_micro_usd) },
    {
      key: 'errors',
      label: t('summary.errors'),
      value: formatNumber(totals.errors),
      tone: totals.errors > 0 ? 'danger' : undefined,
    },
  ];
  return (
    <dl className="ai-stats">
      {stats.map((stat) => (
        <div key={stat.key} className={`ai-stat${stat.tone ? ` ai-stat--${stat.tone}` : ''}`}>
          <dt>{stat.label}</dt>
          <dd>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
