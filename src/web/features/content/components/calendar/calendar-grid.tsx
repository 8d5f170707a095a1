import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentItem } from '#shared/content.schema.js';
import { reschedulePermission } from '#shared/content-workflow.js';
import { can, type Role } from '#shared/roles.js';
import { addDays, type CivilDate, localDate } from '#shared/zoned-time.js';
import { dateTimeFormat } from '#web/lib/workspace-format.js';
import { CalendarChip } from './calendar-chip.js';

const MIME = 'application/x-mcc-content';
const ARROW_DAYS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
const weekdayName = (date: Date) => dateTimeFormat({ weekday: 'short', timeZone: 'UTC' }).format(date);
const dayLabel = (date: Date) =>
  dateTimeFormat({
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);

const utc = (date: CivilDate) => new Date(`${date}T00:00:00Z`);

interface CalendarGridProps {
  weeks: CivilDate[][];
  /** `YYYY-MM` of the month shown (days of other months are dimmed); undefined in the week view. */
  month: string | undefined;
  /**
   * The items have not arrived yet. A phone's agenda lists only the days with something on them, so days
   * shown before the items would be pushed down as the items fill in: those screens wait for them.
   */
  loading?: boolean;
  items: readonly ContentItem[];
  today: CivilDate;
  businessId: string;
  timeZone: string;
  role: Role;
  pendingId: string | undefined;
  onMove: (item: ContentItem, date: CivilDate) => void;
}

/** Whether `role` may move `item` on the calendar. */
function movable(item: ContentItem, role: Role): boolean {
  return (
    item.status !== 'published' && item.status !== 'failed' && can(role, reschedulePermission(item.status))
  );
}

/**
 * Days with their items. Items move by native drag and drop onto another day, or from the keyboard: arrow
 * keys pick a day (a week with up and down), Enter moves, Escape cancels.
 */
export function CalendarGrid(props: CalendarGridProps) {
  const { weeks, month, loading, items, today, businessId, timeZone, role, pendingId, onMove } = props;
  const { t } = useTranslation('content');
  const hintId = useId();
  const [target, setTarget] = useState<{ item: ContentItem; date: CivilDate }>();
  const [dragOver, setDragOver] = useState<CivilDate>();
  const refocus = useRef<{ id: string; date: CivilDate } | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);

  const byDate = new Map<CivilDate, ContentItem[]>();
  for (const item of items) {
    if (!item.scheduled_at) continue;
    const date = localDate(item.scheduled_at, timeZone);
    byDate.set(date, [...(byDate.get(date) ?? []), item]);
  }

  // After a keyboard move the chip re-renders in its new day; the focus follows it there, once.
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    const chip = root.current?.querySelector<HTMLElement>(
      `[data-date="${wanted.date}"] [data-item-id="${wanted.id}"]`,
    );
    if (!chip) return;
    refocus.current = undefined;
    chip.focus();
  });

  const move = (item: ContentItem, date: CivilDate, fromKeyboard: boolean) => {
    if (fromKeyboard) refocus.current = { id: item.id, date };
    onMove(item, date);
  };

  const onChipKeyDown = (item: ContentItem) => (event: KeyboardEvent<HTMLAnchorElement>) => {
    const days = ARROW_DAYS[event.key];
    if (days !== undefined && movable(item, role) && item.scheduled_at) {
      event.preventDefault();
      const from = target?.item.id === item.id ? target.date : localDate(item.scheduled_at, timeZone);
      setTarget({ item, date: addDays(from, days) });
    } else if (event.key === 'Enter' && target?.item.id === item.id) {
      event.preventDefault();
      setTarget(undefined);
      move(item, target.date, true);
    } else if (event.key === 'Escape' && target) {
      event.preventDefault();
      setTarget(undefined);
    }
  };

  return (
    <div
      ref={root}
      className={`cal-grid${month ? ' cal-grid--month' : ' cal-grid--week'}${loading ? ' cal-grid--loading' : ''}`}
      aria-busy={loading || undefined}
    >
      <p id={hintId} className="visually-hidden">
        {t('calendar.moveHint')}
      </p>
      <p className="visually-hidden" aria-live="assertive">
        {target ? t('calendar.moveTo', { day: dayLabel(utc(target.date)) }) : ''}
      </p>
      <div className="cal-weekdays" aria-hidden="true">
        {weeks[0]?.map((date) => (
          <span key={date}>{weekdayName(utc(date))}</span>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week[0]} className="cal-week">
          {week.map((date) => {
            const dayItems = byDate.get(date) ?? [];
            const classes = [
              'cal-day',
              month && !date.startsWith(month) ? 'cal-day--other' : '',
              date === today ? 'cal-day--today' : '',
              dayItems.length === 0 ? 'cal-day--empty' : '',
              target?.date === date || dragOver === date ? 'cal-day--target' : '',
            ];
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for pointer users; keyboard users move chips with the arrow keys.
              <div
                key={date}
                className={classes.filter(Boolean).join(' ')}
                data-date={date}
                onDragOver={(event) => {
                  if (!event.dataTransfer.types.includes(MIME)) return;
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                  setDragOver(date);
                }}
                onDragLeave={() => setDragOver((current) => (current === date ? undefined : current))}
                onDrop={(event) => {
                  event.preventDefault();
                  setDragOver(undefined);
                  const item = items.find((candidate) => candidate.id === event.dataTransfer.getData(MIME));
                  if (item) move(item, date, false);
                }}
              >
                <h3 className="cal-day__heading">
                  <span className="cal-day__weekday" aria-hidden="true">
                    {weekdayName(utc(date))}{' '}
                  </span>
                  <time dateTime={date} aria-hidden="true">
                    {Number(date.slice(8))}
                  </time>
                  <span className="visually-hidden">{dayLabel(utc(date))}</span>
                </h3>
                {dayItems.length > 0 && (
                  <ul className="cal-day__items" aria-label={dayLabel(utc(date))}>
                    {dayItems.map((item) => (
                      <li key={item.id}>
                        <CalendarChip
                          item={item}
                          businessId={businessId}
                          timeZone={timeZone}
                          movable={movable(item, role)}
                          busy={pendingId === item.id}
                          hintId={hintId}
                          onKeyDown={onChipKeyDown(item)}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
