import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { Table } from '#web/components/ui/table.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useApiKeys } from '../api/get-api-keys.js';
import { useAuditLog } from '../api/get-audit-log.js';
import { useMembers } from '../api/get-members.js';
import { describeAction, describeActor, describeDetails, describeTarget } from './audit-format.js';

/** Who changed what in the workspace, newest first, loaded a page at a time. */
export function AuditLogCard({ business }: { business: Business }) {
  if (!can(business.role, 'audit.read')) {
    return <Banner>Only owners and admins can read the audit log.</Banner>;
  }
  return <AuditLogTable businessId={business.id} />;
}

function AuditLogTable({ businessId }: { businessId: string }) {
  const log = useAuditLog(businessId);
  const members = useMembers(businessId);
  const keys = useApiKeys(businessId);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card title="Audit log" description="Changes to settings, members and API keys.">
      {log.isPending && <Spinner label="Loading the audit log" />}
      {log.isError && <Banner tone="danger">{describeError(log.error)}</Banner>}
      {log.isSuccess && entries.length === 0 && <EmptyState title="Nothing recorded yet" />}
      {entries.length > 0 && (
        <div className="stack">
          <Table
            caption="Audit log"
            head={
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Details</th>
              </tr>
            }
          >
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{formatDateTime(entry.created_at)}</td>
                <td>{describeActor(entry, members.data ?? [], keys.data ?? [])}</td>
                <td>
                  {describeAction(entry.action)}
                  <AuditTarget target={describeTarget(entry, members.data ?? [], keys.data ?? [])} />
                </td>
                <td className="muted">{describeDetails(entry.details)}</td>
              </tr>
            ))}
          </Table>
          {log.hasNextPage && (
            <div>
              <Button onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                Load older entries
              </Button>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

function AuditTarget({ target }: { target: string | undefined }) {
  return target ? <div className="muted">{target}</div> : null;
}
