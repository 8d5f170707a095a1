import type { UsageResponse } from '#shared/ai.schema.js';
import { formatMicroUsd } from '../money.js';

const count = new Intl.NumberFormat();

/** The range at a glance: calls, tokens each way, cost and errors. */
export function UsageSummary({ totals }: { totals: UsageResponse['totals'] }) {
  const stats = [
    { label: 'Calls', value: count.format(totals.calls) },
    { label: 'Tokens in', value: count.format(totals.prompt_tokens) },
    { label: 'Tokens out', value: count.format(totals.completion_tokens) },
    { label: 'Cost', value: formatMicroUsd(totals.cost_micro_usd) },
    { label: 'Errors', value: count.format(totals.errors), tone: totals.errors > 0 ? 'danger' : undefined },
  ];
  return (
    <dl className="ai-stats">
      {stats.map((stat) => (
        <div key={stat.label} className={`ai-stat${stat.tone ? ` ai-stat--${stat.tone}` : ''}`}>
          <dt>{stat.label}</dt>
          <dd>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
