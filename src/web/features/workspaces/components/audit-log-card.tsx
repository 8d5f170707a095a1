import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('workspaces');
  if (!can(business.role, 'audit.read')) {
    return <Banner>{t('audit.onlyManagers')}</Banner>;
  }
  return <AuditLogTable businessId={business.id} />;
}

function AuditLogTable({ businessId }: { businessId: string }) {
  const log = useAuditLog(businessId);
  const members = useMembers(businessId);
  const keys = useApiKeys(businessId);
  const { t } = useTranslation('workspaces');
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card title={t('audit.title')} description={t('audit.description')}>
      {log.isPending && <Spinner label={t('audit.loading')} />}
      {log.isError && <Banner tone="danger">{describeError(log.error)}</Banner>}
      {log.isSuccess && entries.length === 0 && <EmptyState title={t('audit.empty')} />}
      {entries.length > 0 && (
        <div className="stack">
          <Table
            caption={t('audit.title')}
            head={
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            }
          >
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{formatDateTime(entry.created_at)}</td>
                <td>{describeActor(entry, members.data ?? [], keys.data ?? [], t)}</td>
                <td>
                  {describeAction(entry.action, t)}
                  <AuditTarget target={describeTarget(entry, members.data ?? [], keys.data ?? [], t)} />
                </td>
                <td className="muted">{describeDetails(entry.details, t)}</td>
              </tr>
            ))}
          </Table>
          {log.hasNextPage && (
            <div>
              <Button onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                {t('audit.loadOlder')}
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
