import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { useContentItems } from '../../api/get-content-items.js';
import { BulkActionBar } from './bulk-action-bar.js';
import { ContentListFilters } from './content-list-filters.js';
import { ContentTable } from './content-table.js';
import { readListFilters, toQuery, writeListFilters } from './list-filters.js';
import './content-list.css';

interface ContentListViewProps {
  business: Business;
  campaigns: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * The workspace's content as a table: filters in the URL, pages read on demand, and a selection that bulk
 * changes apply to. The selection keeps to the rows shown; changing the filters clears it.
 */
export function ContentListView({ business, campaigns }: ContentListViewProps) {
  const { t } = useTranslation('content');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readListFilters(params), [params]);
  const query = useMemo(() => toQuery(filters, business.time_zone), [filters, business.time_zone]);
  const items = useContentItems(business.id, query);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const campaignNames = useMemo(
    () => new Map(campaigns.map((campaign) => [campaign.id, campaign.name])),
    [campaigns],
  );
  const all = items.data?.pages.flatMap((page) => page.items) ?? [];
  const chosen = all.filter((item) => selected.has(item.id));
  const canChange = can(business.role, 'content.write') || can(business.role, 'content.approve');

  const select = (ids: readonly string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  return (
    <div className="stack">
      <ContentListFilters
        key={params.get('q') ?? ''}
        value={filters}
        campaigns={campaigns}
        onChange={(next) => {
          setSelected(new Set());
          setParams((current) => writeListFilters(current, next), { replace: true });
        }}
      />
      {canChange && chosen.length > 0 && (
        <BulkActionBar
          businessId={business.id}
          role={business.role}
          timeZone={business.time_zone}
          items={chosen}
          campaigns={campaigns}
          onDone={() => setSelected(new Set())}
        />
      )}
      {items.isPending ? (
        <Spinner label={t('list.loading')} />
      ) : items.isError ? (
        <Banner tone="danger">{describeError(items.error)}</Banner>
      ) : all.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')}>
          {Object.keys(filters).length > 0 ? t('list.emptyFiltered') : t('list.empty')}
        </EmptyState>
      ) : (
        <>
          <ContentTable
            businessId={business.id}
            items={all}
            campaignNames={campaignNames}
            selected={selected}
            {...(canChange ? { onSelect: select } : {})}
          />
          {items.hasNextPage && (
            <div>
              <Button loading={items.isFetchingNextPage} onClick={() => items.fetchNextPage()}>
                {t('list.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
