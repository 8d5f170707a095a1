import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Business } from '#shared/business.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { type Slot, sortSlots } from '#shared/queue-slots.js';
import type { ChannelQueue } from '#shared/queues.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { ChannelOptions } from '#web/components/ui/channel-options.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { PageSpinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { dateTimeFormat, formatNumber } from '#web/lib/workspace-format.js';
import { useQueues, useReplaceQueueSlots } from '../api/queues.js';
import './queue-settings.css';
import { channelName } from '#web/lib/channel-name.js';

/** 1 = Monday … 7 = Sunday, in the workspace's language (2024-01-01 was a Monday). */
const weekdays = () =>
  [1, 2, 3, 4, 5, 6, 7].map((day) => ({
    day,
    long: dateTimeFormat({ weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, day)),
  }));
const dayName = (day: number) => weekdays().find((entry) => entry.day === day)?.long ?? String(day);
const sameSlots = (a: readonly Slot[], b: readonly Slot[]) =>
  JSON.stringify(sortSlots(a)) === JSON.stringify(sortSlots(b));

/**
 * Settings → Queue: a channel's posting slots as weekday × time chips, with the best times from the
 * workspace's own results (or the network's times until there are enough of them). Owners and admins
 * edit; everyone else reads.
 */
export function QueueSettings({ business }: { business: Business }) {
  const queues = useQueues(business.id);
  const [channel, setChannel] = useState<ChannelId>('instagram');
  const { t } = useTranslation('publishing');
  if (queues.isPending) return <PageSpinner label={t('queue.loading')} />;
  if (queues.isError) return <Banner tone="danger">{describeError(queues.error)}</Banner>;
  const queue = queues.data.channels.find((entry) => entry.channel === channel);
  return (
    <div className="stack">
      <Card
        title={t('queue.title')}
        description={t('queue.description', { timeZone: queues.data.time_zone.replaceAll('_', ' ') })}
      >
        <SelectField
          label={t('queue.channel')}
          value={channel}
          onChange={(event) => setChannel(event.target.value as ChannelId)}
        >
          <ChannelOptions />
        </SelectField>
      </Card>
      {queue && (
        <ChannelSlots
          key={queue.channel}
          queue={queue}
          business={business}
          editable={can(business.role, 'content.approve')}
        />
      )}
    </div>
  );
}

function ChannelSlots({
  queue,
  business,
  editable,
}: {
  queue: ChannelQueue;
  business: Business;
  editable: boolean;
}) {
  const replace = useReplaceQueueSlots(business.id);
  const toast = useToast();
  const { t } = useTranslation('publishing');
  const [slots, setSlots] = useState<Slot[]>(queue.slots);
  const [day, setDay] = useState('1');
  const [time, setTime] = useState('09:00');
  const [addError, setAddError] = useState<string>();
  const [error, setError] = useState<string>();
  const headingId = useId();
  const name = channelName(queue.channel);
  const dirty = !sameSlots(slots, queue.slots);

  const add = () => {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return setAddError(t('queue.timeFormat'));
    const slot = { weekday: Number(day), time };
    if (slots.some((other) => other.weekday === slot.weekday && other.time === slot.time)) {
      return setAddError(t('queue.taken', { day: dayName(slot.weekday), time }));
    }
    setAddError(undefined);
    setSlots(sortSlots([...slots, slot]));
  };

  const save = async (next: Slot[], message: string) => {
    setError(undefined);
    try {
      const saved = await replace.mutateAsync({ channel: queue.channel, body: { slots: next } });
      setSlots(saved.slots);
      toast(message);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const suggested = queue.suggested;
  return (
    <Card title={t('queue.slotsTitle', { channel: name })}>
      <div className="stack">
        {queue.uses_defaults && !dirty && (
          <p className="muted">{t('queue.usesDefaults', { channel: name })}</p>
        )}
        <h3 id={headingId} className="visually-hidden">
          {t('queue.byWeekday', { channel: name })}
        </h3>
        <ul className="queue-days" aria-labelledby={headingId}>
          {weekdays().map(({ day: weekday, long }) => {
            const times = slots.filter((slot) => slot.weekday === weekday);
            return (
              <li key={weekday} className="queue-day">
                <span className="queue-day__name">{long}</span>
                {times.length === 0 ? (
                  <span className="muted">{t('queue.noSlots')}</span>
                ) : (
                  <ul className="queue-chips" aria-label={t('queue.daySlots', { day: long })}>
                    {times.map((slot) => (
                      <li key={slot.time} className="queue-chip">
                        <span>{slot.time}</span>
                        {editable && (
                          <button
                            type="button"
                            className="queue-chip__remove"
                            aria-label={t('queue.remove', { day: long, time: slot.time })}
                            onClick={() => setSlots(slots.filter((other) => other !== slot))}
                          >
                            ×
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
        {editable && (
          <form
            className="queue-add"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              add();
            }}
          >
            <SelectField
              label={t('queue.weekday')}
              value={day}
              onChange={(event) => setDay(event.target.value)}
            >
              {weekdays().map(({ day: weekday, long }) => (
                <option key={weekday} value={weekday}>
                  {long}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('queue.time')}
              type="time"
              value={time}
              error={addError}
              onChange={(event) => setTime(event.target.value)}
            />
            <Button type="submit">{t('queue.add')}</Button>
          </form>
        )}
        <section className="queue-suggested" aria-label={t('queue.bestTimes')}>
          <h3 className="queue-suggested__title">{t('queue.bestTimes')}</h3>
          <p className="muted">
            {suggested.basis === 'results'
              ? t('queue.fromResults', { count: suggested.results, channel: name })
              : t('queue.fromChannel', {
                  count: suggested.needed,
                  results: suggested.results,
                  channel: name,
                })}
          </p>
          <ul className="queue-chips" aria-label={t('queue.suggested')}>
            {suggested.slots.map((slot) => (
              <li key={`${slot.weekday} ${slot.time}`} className="queue-chip queue-chip--suggested">
                {dayName(slot.weekday)} {slot.time}
                {slot.engagement_rate !== null &&
                  ` · ${t('queue.rate', {
                    rate: formatNumber(slot.engagement_rate, {
                      style: 'percent',
                      minimumFractionDigits: 1,
                      maximumFractionDigits: 1,
                    }),
                    count: slot.posts,
                  })}`}
              </li>
            ))}
          </ul>
        </section>
        {error && <Banner tone="danger">{error}</Banner>}
        {editable && (
          <div className="row queue-actions">
            <Button
              variant="primary"
              disabled={!dirty && !queue.uses_defaults}
              loading={replace.isPending}
              onClick={() => save(slots, t('queue.saved', { channel: name }))}
            >
              {t('queue.save')}
            </Button>
            <Button
              onClick={() =>
                setSlots(sortSlots(suggested.slots.map(({ weekday, time: at }) => ({ weekday, time: at }))))
              }
            >
              {t('queue.useSuggested')}
            </Button>
            {!queue.uses_defaults && (
              <Button variant="ghost" onClick={() => save([], t('queue.backToUsual', { channel: name }))}>
                {t('queue.useUsual', { channel: name })}
              </Button>
            )}
            {dirty && (
              <Button variant="ghost" onClick={() => setSlots(queue.slots)}>
                {t('queue.discard')}
              </Button>
            )}
          </div>
        )}
      </div>
    </Card>
  );
}
