import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { TextField } from '#web/components/ui/field.js';
import { channelName } from '#web/lib/channel-name.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { useBulkChangeContent } from '../../api/bulk-change-content.js';
import { useContentItems } from '../../api/get-content-items.js';
import { scheduledAtOf } from './editor-form-schema.js';

interface AlsoOnCardProps {
  item: ContentItem & { post_group: string };
  business: Business;
}

/**
 * The other networks' variants of the same composed post, each a link, and one time for all of them that
 * are not yet published (a bulk reschedule: all move, or none).
 */
export function AlsoOnCard({ item, business }: AlsoOnCardProps) {
  const { t } = useTranslation('content');
  const group = useContentItems(business.id, { post_group: item.post_group });
  const move = useBulkChangeContent(business.id);
  const [local, setLocal] = useState('');
  const members = (group.data?.pages ?? []).flatMap((page) => page.items);
  const siblings = members.filter((other) => other.id !== item.id);
  const movable = members.filter((other) => other.status !== 'published');
  if (siblings.length === 0) return null;
  const moveAll = () => {
    const scheduledAt = scheduledAtOf(local, business.time_zone);
    if (!scheduledAt) return;
    move.mutate({
      business_id: business.id,
      action: 'reschedule',
      ids: movable.map((other) => other.id),
      scheduled_at: scheduledAt,
    });
  };
  return (
    <Card title={t('alsoOn.title')} description={t('alsoOn.description')}>
      <div className="stack">
        <ul className="also-on">
          {siblings.map((other) => (
            <li key={other.id}>
              <Link to={`../${other.id}`} relative="path">
                {channelName(other.channel)}
              </Link>{' '}
              <span className="muted">
                {t(`statusInSentence.${other.status}`)}
                {other.scheduled_at ? ` · ${formatDateTime(other.scheduled_at)}` : ''}
              </span>
            </li>
          ))}
        </ul>
        {can(business.role, 'content.write') && movable.length > 1 && (
          <>
            <TextField
              label={t('alsoOn.moveTo')}
              type="datetime-local"
              value={local}
              hint={t('alsoOn.moveHint', {
                count: movable.length,
                zone: business.time_zone.replaceAll('_', ' '),
              })}
              onChange={(event) => setLocal(event.target.value)}
            />
            <div className="row">
              <Button onClick={moveAll} disabled={!local} loading={move.isPending}>
                {t('alsoOn.moveAll')}
              </Button>
            </div>
            {move.isError && <Banner tone="danger">{describeError(move.error)}</Banner>}
            {move.isSuccess && (
              <p className="muted">{t('alsoOn.moved', { count: move.data.items.length })}</p>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
