import type { UsageResponse } from '#shared/ai.schema.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Table } from '#web/components/ui/table.js';
import { formatMicroUsd } from '../money.js';
import { modelLabel, taskLabel } from './task-labels.js';

type Totals = UsageResponse['totals'];
interface Row extends Totals {
  key: string;
  name: string;
}

const count = new Intl.NumberFormat();

/** Where the money went: one table by task, one by model, most expensive first. */
export function UsageBreakdown({ usage }: { usage: UsageResponse }) {
  return (
    <div className="stack">
      <BreakdownCard
        title="By task"
        column="Task"
        rows={usage.by_task.map((row) => ({ ...row, key: row.task, name: taskLabel(row.task) }))}
      />
      <BreakdownCard
        title="By model"
        column="Model"
        rows={usage.by_model.map((row) => ({ ...row, key: row.model, name: modelLabel(row.model) }))}
      />
    </div>
  );
}

function BreakdownCard({ title, column, rows }: { title: string; column: string; rows: Row[] }) {
  const sorted = [...rows].sort((a, b) => b.cost_micro_usd - a.cost_micro_usd || b.calls - a.calls);
  return (
    <Card title={title}>
      {sorted.length === 0 ? (
        <EmptyState title="No calls in this range" />
      ) : (
        <Table
          caption={`AI usage ${title.toLowerCase()}`}
          head={
            <tr>
              <th scope="col">{column}</th>
              <th scope="col" className="ai-num">
                Calls
              </th>
              <th scope="col" className="ai-num">
                Tokens in / out
              </th>
              <th scope="col" className="ai-num">
                Cost
              </th>
            </tr>
          }
        >
          {sorted.map((row) => (
            <tr key={row.key}>
              <td className="ai-row-name">
                {row.name}
                {row.errors > 0 && <div className="ai-row-errors">{row.errors} failed</div>}
              </td>
              <td className="ai-num">{count.format(row.calls)}</td>
              <td className="ai-num nowrap">
                {count.format(row.prompt_tokens)} / {count.format(row.completion_tokens)}
              </td>
              <td className="ai-num">{formatMicroUsd(row.cost_micro_usd)}</td>
            </tr>
          ))}
        </Table>
      )}
    </Card>
  );
}
