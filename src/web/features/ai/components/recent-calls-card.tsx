import type { AiCall } from '#shared/ai.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { Table } from '#web/components/ui/table.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useAiCalls } from '../api/get-ai-calls.js';
import { formatMicroUsd } from '../money.js';
import { OutcomeBadge } from './outcome-badge.js';
import { taskLabel } from './task-labels.js';

const count = new Intl.NumberFormat();

/** Every AI call of the workspace, newest first, with what it cost and how it ended. */
export function RecentCallsCard({ businessId }: { businessId: string }) {
  const calls = useAiCalls(businessId);
  const items = calls.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card title="Recent calls" description="Each request to the AI, including failed and cached ones.">
      {calls.isPending && <Spinner label="Loading AI calls" />}
      {calls.isError && <Banner tone="danger">{describeError(calls.error)}</Banner>}
      {calls.isSuccess && items.length === 0 && (
        <EmptyState title="No AI calls yet">Write something with the AI and it shows up here.</EmptyState>
      )}
      {items.length > 0 && (
        <div className="stack">
          <Table
            caption="Recent AI calls"
            head={
              <tr>
                <th scope="col">When</th>
                <th scope="col">Task</th>
                <th scope="col">Model</th>
                <th scope="col" className="ai-num">
                  Tokens in / out
                </th>
                <th scope="col" className="ai-num">
                  Cost
                </th>
                <th scope="col" className="ai-num">
                  Time
                </th>
                <th scope="col">Outcome</th>
              </tr>
            }
          >
            {items.map((call) => (
              <CallRow key={call.id} call={call} />
            ))}
          </Table>
          {calls.hasNextPage && (
            <div>
              <Button onClick={() => calls.fetchNextPage()} loading={calls.isFetchingNextPage}>
                Load more
              </Button>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

function CallRow({ call }: { call: AiCall }) {
  const offline = call.provider === 'offline';
  return (
    <tr>
      <td className="nowrap">{formatDateTime(call.created_at)}</td>
      <td>{taskLabel(call.task)}</td>
      <td>{offline ? <Badge tone="accent">Offline writer</Badge> : <code>{call.model}</code>}</td>
      <td className="ai-num nowrap">
        {count.format(call.prompt_tokens)} / {count.format(call.completion_tokens)}
        {call.estimated && (
          <div className="muted" title="The provider did not report this call's tokens; we counted them">
            estimated
          </div>
        )}
      </td>
      <td className="ai-num nowrap">
        {call.price_known || offline ? (
          formatMicroUsd(call.cost_micro_usd)
        ) : (
          <span className="muted" title="Add a price for this model in the server configuration">
            no price for this model
          </span>
        )}
      </td>
      <td className="ai-num nowrap">{formatLatency(call.latency_ms)}</td>
      <td>
        <div className="ai-outcome">
          <OutcomeBadge outcome={call.outcome} />
          {call.attempts > 1 && <span className="muted">{call.attempts} attempts</span>}
        </div>
        {call.error_message && <div className="ai-call-error">{call.error_message}</div>}
      </td>
    </tr>
  );
}

function formatLatency(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
