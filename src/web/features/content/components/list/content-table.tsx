import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChannelId } from '#shared/channel-ids.js';
import type { ContentItem } from '#shared/content.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Table } from '#web/components/ui/table.js';
import { channelName } from '#web/lib/channel-name.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { itemLabel, STATUS_TONES } from '../content-format.js';

interface ContentTableProps {
  businessId: string;
  items: readonly ContentItem[];
  /** Campaign names by id, for the campaign column. */
  campaignNames: ReadonlyMap<string, string>;
  selected: ReadonlySet<string>;
  /** Ticking rows; without it (a role that can change nothing) the table has no checkboxes. */
  onSelect?: (ids: readonly string[], selected: boolean) => void;
}

/**
 * The content list as a table, a checkbox per row and one for every row shown: native checkboxes, so
 * Tab reaches each and Space ticks it, and screen readers name each by its item.
 */
export function ContentTable({ businessId, items, campaignNames, selected, onSelect }: ContentTableProps) {
  const { t } = useTranslation('content');
  const ids = items.map((item) => item.id);
  const chosen = ids.filter((id) => selected.has(id)).length;
  // A composed post's variants are one post: each row names the other networks it is shown on here.
  const networks = new Map<string, ChannelId[]>();
  for (const item of items) {
    if (item.post_group)
      networks.set(item.post_group, [...(networks.get(item.post_group) ?? []), item.channel]);
  }
  return (
    <Table
      caption={t('table.caption')}
      head={
        <tr>
          {onSelect && (
            <th scope="col" className="content-table__check">
              <input
                type="checkbox"
                aria-label={t('table.selectAll')}
                checked={chosen > 0 && chosen === ids.length}
                ref={(box) => {
                  if (box) box.indeterminate = chosen > 0 && chosen < ids.length;
                }}
                onChange={(event) => onSelect(ids, event.target.checked)}
              />
            </th>
          )}
          <th scope="col">{t('table.item')}</th>
          <th scope="col">{t('table.channel')}</th>
          <th scope="col">{t('table.status')}</th>
          <th scope="col">{t('table.goesOut')}</th>
          <th scope="col">{t('table.campaign')}</th>
          <th scope="col">{t('table.updated')}</th>
        </tr>
      }
    >
      {items.map((item) => {
        const label = itemLabel(item, t('item.untitled'));
        const others = item.post_group
          ? (networks.get(item.post_group) ?? []).filter((channel) => channel !== item.channel)
          : [];
        return (
          <tr key={item.id} className={selected.has(item.id) ? 'content-table__row--selected' : undefined}>
            {onSelect && (
              <td className="content-table__check">
                <input
                  type="checkbox"
                  aria-label={t('table.select', { item: label })}
                  checked={selected.has(item.id)}
                  onChange={(event) => onSelect([item.id], event.target.checked)}
                />
              </td>
            )}
            <td className="content-table__title">
              <Link to={`/w/${businessId}/content/${item.id}`}>{label}</Link>
            </td>
            <td className={`content-table__channel channel--${item.channel}`}>
              <span className="channel-dot" aria-hidden="true" /> {channelName(item.channel)}
              {others.length > 0 && (
                <span className="content-table__also muted">
                  {' '}
                  {t('table.also', {
                    networks: others.map((channel) => channelName(channel)).join(', '),
                  })}
                </span>
              )}
            </td>
            <td>
              <Badge tone={STATUS_TONES[item.status]}>{t(`status.${item.status}`)}</Badge>
            </td>
            <td className="content-table__when">
              {item.scheduled_at ? (
                formatDateTime(item.scheduled_at)
              ) : (
                <span className="muted">{t('table.notScheduled')}</span>
              )}
            </td>
            <td>
              {item.campaign_id ? (
                (campaignNames.get(item.campaign_id) ?? t('table.aCampaign'))
              ) : (
                <span className="muted">{t('table.none')}</span>
              )}
            </td>
            <td className="content-table__when">{formatDateTime(item.updated_at)}</td>
          </tr>
        );
      })}
    </Table>
  );
}
