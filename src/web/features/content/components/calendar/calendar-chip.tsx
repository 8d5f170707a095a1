import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContentItem } from '#shared/content.schema.js';
import { localTime } from '#shared/zoned-time.js';
import { Badge } from '#web/components/ui/badge.js';
import { channelName } from '#web/lib/channel-name.js';
import { itemLabel, STATUS_TONES } from '../content-format.js';

interface CalendarChipProps {
  item: ContentItem;
  businessId: string;
  timeZone: string;
  /** Whether my role may move this item (drag, or arrow keys then Enter). */
  movable: boolean;
  busy: boolean;
  hintId: string;
  onKeyDown: (event: KeyboardEvent<HTMLAnchorElement>) => void;
}

/** One item on the calendar: time, channel colour, title and status; a link that opens it. */
export function CalendarChip({
  item,
  businessId,
  timeZone,
  movable,
  busy,
  hintId,
  onKeyDown,
}: CalendarChipProps) {
  const { t } = useTranslation('content');
  const time = item.scheduled_at ? localTime(item.scheduled_at, timeZone) : '';
  const channel = channelName(item.channel);
  return (
    <Link
      to={`/w/${businessId}/content/${item.id}`}
      className={`cal-chip channel--${item.channel}${busy ? ' cal-chip--busy' : ''}`}
      draggable={movable}
      data-item-id={item.id}
      aria-describedby={movable ? hintId : undefined}
      onDragStart={(event) => {
        event.dataTransfer.setData('application/x-mcc-content', item.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
    >
      {/* Named by what it shows (no aria-label: speech input users say the words they see); the hidden
          punctuation makes it read "09:00 Bluesky: title (Draft)". */}
      <span className="cal-chip__line">
        <span className="cal-chip__time">{time}</span> <span className="cal-chip__channel">{channel}</span>
      </span>
      <span className="visually-hidden">: </span>
      <span className="cal-chip__title">{itemLabel(item, t('item.untitled'))}</span>
      <span className="visually-hidden"> (</span>
      <Badge tone={STATUS_TONES[item.status]}>{t(`status.${item.status}`)}</Badge>
      <span className="visually-hidden">)</span>
    </Link>
  );
}
