import { useTranslation } from 'react-i18next';
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
import { formatDuration, formatNumber } from '#web/lib/workspace-format.js';
import { useAiCalls } from '../api/get-ai-calls.js';
import { formatMicroUsd } from '../money.js';
import { OutcomeBadge } from './outcome-badge.js';
import { taskLabel } from './task-labels.js';

/** Every AI call of the workspace, newest first, with what it cost and how it ended. */
export function RecentCallsCard({ businessId }: { businessId: string }) {
  const calls = useAiCalls(businessId);
  const items = calls.data?.pages.flatMap((page) => page.items) ?? [];
  const { t } = useTranslation('ai');

  return (
    <Card title={t('calls.title')} description={t('calls.description')}>
      {calls.isPending && <Spinner label={t('calls.loading')} />}
      {calls.isError && <Banner tone="danger">{describeError(calls.error)}</Banner>}
      {calls.isSuccess && items.length === 0 && (
        <EmptyState title={t('calls.emptyTitle')}>{t('calls.emptyText')}</EmptyState>
      )}
      {items.length > 0 && (
        <div className="stack">
          <Table
            caption={t('calls.caption')}
            head={
              <tr>
                <th scope="col">{t('calls.when')}</th>
                <th scope="col">{t('columns.task')}</th>
                <th scope="col">{t('columns.model')}</th>
                <th scope="col" className="ai-num">
                  {t('columns.tokens')}
                </th>
                <th scope="col" className="ai-num">
                  {t('columns.cost')}
                </th>
                <th scope="col" className="ai-num">
                  {t('calls.time')}
                </th>
                <th scope="col">{t('calls.outcome')}</th>
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
                {t('calls.loadMore')}
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
  const { t } = useTranslation('ai');
  return (
    <tr>
      <td className="nowrap">{formatDateTime(call.created_at)}</td>
      <td>{taskLabel(call.task, t)}</td>
      <td>{offline ? <Badge tone="accent">{t('offlineWriter')}</Badge> : <code>{call.model}</code>}</td>
      <td className="ai-num nowrap">
        {formatNumber(call.prompt_tokens)} / {formatNumber(call.completion_tokens)}
        {call.estimated && (
          <div className="muted" title={t('calls.estimatedTitle')}>
            {t('calls.estimated')}
          </div>
        )}
      </td>
      <td className="ai-num nowrap">
        {call.price_known || offline ? (
          formatMicroUsd(call.cost_micro_usd)
        ) : (
          <span className="muted" title={t('calls.noPriceTitle')}>
            {t('calls.noPrice')}
          </span>
        )}
      </td>
      <td className="ai-num nowrap">{formatDuration(call.latency_ms)}</td>
      <td>
        <div className="ai-outcome">
          <OutcomeBadge outcome={call.outcome} />
          {call.attempts > 1 && (
            <span className="muted">{t('calls.attempts', { count: call.attempts })}</span>
          )}
        </div>
        {call.error_message && <div className="ai-call-error">{call.error_message}</div>}
      </td>
    </tr>
  );
}
