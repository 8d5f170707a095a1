import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import type { ContentStatus } from '#shared/content.schema.js';
import {
  addDays,
  addMonths,
  type CivilDate,
  isCivilDate,
  monthWeeks,
  startOfDay,
  startOfWeek,
  todayIn,
} from '#shared/zoned-time.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { SegmentedControl } from '#web/components/ui/segmented-control.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useContentItems } from '#web/features/content/api/get-content-items.js';
import type { ContentFilters } from '#web/features/content/api/query-keys.js';
import { useReschedule } from '#web/features/content/hooks/use-reschedule.js';
import { describeError } from '#web/lib/error-messages.js';
import { useEveryPage } from '#web/lib/use-every-page.js';
import { dateTimeFormat } from '#web/lib/workspace-format.js';
import { CalendarFilters, type CalendarFilterValues } from './calendar-filters.js';
import { CalendarGrid } from './calendar-grid.js';
import '../channel-colors.css';
import './calendar.css';

type View = 'month' | 'week';
const monthTitle = (date: Date) =>
  dateTimeFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
const dayTitle = (date: Date) =>
  dateTimeFormat({
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
const utc = (date: CivilDate) => new Date(`${date}T00:00:00Z`);

/**
 * Month and week views of the workspace's scheduled content, in the workspace's time zone. View, date and
 * filters live in the address, so a link (or the back button from an item) opens the same calendar.
 */
export function CalendarView({
  business,
  campaigns,
}: {
  business: Business;
  campaigns: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation('content');
  const timeZone = business.time_zone;
  const [params, setParams] = useSearchParams();
  const today = todayIn(timeZone);
  const view: View = params.get('view') === 'week' ? 'week' : 'month';
  const asked = params.get('date') ?? '';
  const anchor = isCivilDate(asked) ? asked : today;
  const filterValues: CalendarFilterValues = {
    channel: params.get('channel') ?? '',
    campaign: params.get('campaign') ?? '',
    status: params.get('status') ?? '',
    pillar: params.get('pillar') ?? '',
  };

  const weeks = view === 'month' ? monthWeeks(anchor) : [weekOf(anchor)];
  const first = weeks[0]?.[0] ?? anchor;
  const afterLast = addDays(weeks.at(-1)?.[6] ?? anchor, 1);
  const filters: ContentFilters = {
    from: startOfDay(first, timeZone),
    to: startOfDay(afterLast, timeZone),
    channel: (filterValues.channel || undefined) as ChannelId | undefined,
    campaign_id: filterValues.campaign || undefined,
    status: (filterValues.status || undefined) as ContentStatus | undefined,
    pillar: filterValues.pillar || undefined,
  };
  const content = useContentItems(business.id, filters);
  const { reschedule, pendingId } = useReschedule(business.id, timeZone);

  // A busy month can take more than one page; the calendar needs all of them.
  useEveryPage(content);

  const update = (changes: Record<string, string>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const step = (direction: 1 | -1) =>
    update({ date: view === 'month' ? addMonths(anchor, direction) : addDays(anchor, 7 * direction) });

  const title =
    view === 'month'
      ? monthTitle(utc(anchor))
      : `${dayTitle(utc(first))} – ${dayTitle(utc(addDays(first, 6)))}`;
  const items = content.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <div className="cal-toolbar">
        <div className="cal-toolbar__nav">
          <Button size="sm" onClick={() => step(-1)}>
            <span aria-hidden="true">‹</span>
            <span className="visually-hidden">
              {view === 'month' ? t('calendar.previousMonth') : t('calendar.previousWeek')}
            </span>
          </Button>
          <Button size="sm" onClick={() => update({ date: '' })}>
            {t('calendar.today')}
          </Button>
          <Button size="sm" onClick={() => step(1)}>
            <span aria-hidden="true">›</span>
            <span className="visually-hidden">
              {view === 'month' ? t('calendar.nextMonth') : t('calendar.nextWeek')}
            </span>
          </Button>
          <h2 className="cal-toolbar__title" aria-live="polite">
            {title}
          </h2>
          {content.isFetching && <Spinner size="sm" label={t('calendar.updating')} />}
        </div>
        <SegmentedControl
          label={t('calendar.view')}
          options={[
            { value: 'month', label: t('calendar.month') },
            { value: 'week', label: t('calendar.week') },
          ]}
          value={view}
          onChange={(value) => update({ view: value })}
        />
      </div>
      <CalendarFilters
        values={filterValues}
        campaigns={campaigns}
        onChange={(name, value) => update({ [name]: value })}
      />
      <p className="muted cal-zone">{t('calendar.timeZone', { zone: timeZone.replaceAll('_', ' ') })}</p>
      {content.isError && <Banner tone="danger">{describeError(content.error)}</Banner>}
      <CalendarGrid
        weeks={weeks}
        month={view === 'month' ? anchor.slice(0, 7) : undefined}
        loading={content.isPending}
        items={items}
        today={today}
        businessId={business.id}
        timeZone={timeZone}
        role={business.role}
        pendingId={pendingId}
        onMove={reschedule}
      />
      {!content.isPending && items.length === 0 && (
        <p className="muted cal-empty">
          {view === 'month' ? t('calendar.emptyMonth') : t('calendar.emptyWeek')}
        </p>
      )}
    </div>
  );
}

function weekOf(date: CivilDate): CivilDate[] {
  const monday = startOfWeek(date);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}
