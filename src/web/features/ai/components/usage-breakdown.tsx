import { useTranslation } from 'react-i18next';
import type { UsageResponse } from '#shared/ai.schema.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Table } from '#web/components/ui/table.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { formatMicroUsd } from '../money.js';
import { modelLabel, taskLabel } from './task-labels.js';

type Totals = UsageResponse['totals'];
interface Row extends Totals {
  key: string;
  name: string;
}

/** Where the money went: one table by task, one by model, most expensive first. */
export function UsageBreakdown({ usage }: { usage: UsageResponse }) {
  const { t } = useTranslation('ai');
  return (
    <div className="stack">
      <BreakdownCard
        title={t('breakdown.byTask')}
        caption={t('breakdown.byTaskCaption')}
        column={t('columns.task')}
        rows={usage.by_task.map((row) => ({ ...row, key: row.task, name: taskLabel(row.task, t) }))}
      />
      <BreakdownCard
        title={t('breakdown.byModel')}
        caption={t('breakdown.byModelCaption')}
        column={t('columns.model')}
        rows={usage.by_model.map((row) => ({ ...row, key: row.model, name: modelLabel(row.model, t) }))}
      />
    </div>
  );
}

function BreakdownCard({
  title,
  caption,
  column,
  rows,
}: {
  title: string;
  caption: string;
  column: string;
  rows: Row[];
}) {
  const { t } = useTranslation('ai');
  const sorted = [...rows].sort((a, b) => b.cost_micro_usd - a.cost_micro_usd || b.calls - a.calls);
  return (
    <Card title={title}>
      {sorted.length === 0 ? (
        <EmptyState title={t('breakdown.empty')} />
      ) : (
        <Table
          caption={caption}
          head={
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" className="ai-num">
                {t('columns.calls')}
              </th>
              <th scope="col" className="ai-num">
                {t('columns.tokens')}
              </th>
              <th scope="col" className="ai-num">
                {t('columns.cost')}
              </th>
            </tr>
          }
        >
          {sorted.map((row) => (
            <tr key={row.key}>
              <td className="ai-row-name">
                {row.name}
                {row.errors > 0 && (
                  <div className="ai-row-errors">{t('breakdown.failed', { count: row.errors })}</div>
                )}
              </td>
              <td className="ai-num">{formatNumber(row.calls)}</td>
              <td className="ai-num nowrap">
                {formatNumber(row.prompt_tokens)} / {formatNumber(row.completion_tokens)}
              </td>
              <td className="ai-num">{formatMicroUsd(row.cost_micro_usd)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
