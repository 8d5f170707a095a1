import type { KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { CHANNEL_RULES } from '#shared/channels.js';
import type { ContentItem } from '#shared/content.schema.js';
import { localTime } from '#shared/zoned-time.js';
import { Badge } from '#web/components/ui/badge.js';
import { itemLabel, STATUS_LABELS, STATUS_TONES } from '../content-format.js';

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
  const time = item.scheduled_at ? localTime(item.scheduled_at, timeZone) : '';
  const channel = CHANNEL_RULES[item.channel].name;
  return (
    <Link
      to={`/w/${businessId}/content/${item.id}`}
      className={`cal-chip channel--${item.channel}${busy ? ' cal-chip--busy' : ''}`}
      draggable={movable}
      data-item-id={item.id}
      aria-describedby={movable ? hintId : undefined}
      aria-label={`${time} ${channel}: ${itemLabel(item)} (${STATUS_LABELS[item.status]})`}
      onDragStart={(event) => {
        event.dataTransfer.setData('application/x-mcc-content', item.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
    >
      <span className="cal-chip__line">
        <span className="cal-chip__time">{time}</span>
        <span className="cal-chip__channel">{channel}</span>
      </span>
      <span className="cal-chip__title">{itemLabel(item)}</span>
      <Badge tone={STATUS_TONES[item.status]}>{STATUS_LABELS[item.status]}</Badge>
    </Link>
  );
}
