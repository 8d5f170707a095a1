import { useId, useState } from 'react';
import type { Business } from '#shared/business.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { CHANNEL_RULES } from '#shared/channels.js';
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
import { useQueues, useReplaceQueueSlots } from '../api/queues.js';
import './queue-settings.css';

/** 1 = Monday … 7 = Sunday, in the reader's language (2024-01-01 was a Monday). */
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((day) => ({
  day,
  long: new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2024, 0, day),
  ),
}));
const dayName = (day: number) => WEEKDAYS.find((entry) => entry.day === day)?.long ?? String(day);
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
  if (queues.isPending) return <PageSpinner label="Loading the queues" />;
  if (queues.isError) return <Banner tone="danger">{describeError(queues.error)}</Banner>;
  const queue = queues.data.channels.find((entry) => entry.channel === channel);
  return (
    <div className="stack">
      <Card
        title="Queue"
        description={`Posting slots per channel, in ${queues.data.time_zone.replaceAll('_', ' ')} time. “Add to queue” on a post takes the next free slot of its channel.`}
      >
        <SelectField
          label="Channel"
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
  const [slots, setSlots] = useState<Slot[]>(queue.slots);
  const [day, setDay] = useState('1');
  const [time, setTime] = useState('09:00');
  const [addError, setAddError] = useState<string>();
  const [error, setError] = useState<string>();
  const headingId = useId();
  const name = CHANNEL_RULES[queue.channel].name;
  const dirty = !sameSlots(slots, queue.slots);

  const add = () => {
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return setAddError('A time as HH:MM, 24-hour');
    const slot = { weekday: Number(day), time };
    if (slots.some((other) => other.weekday === slot.weekday && other.time === slot.time)) {
      return setAddError(`${dayName(slot.weekday)} ${time} is already a slot`);
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
    <Card title={`${name} slots`}>
      <div className="stack">
        {queue.uses_defaults && !dirty && (
          <p className="muted">
            No slots of your own yet: these are {name}’s usual good times. Change them and save to make them
            yours.
          </p>
        )}
        <h3 id={headingId} className="visually-hidden">
          {name} slots by weekday
        </h3>
        <ul className="queue-days" aria-labelledby={headingId}>
          {WEEKDAYS.map(({ day: weekday, long }) => {
            const times = slots.filter((slot) => slot.weekday === weekday);
            return (
              <li key={weekday} className="queue-day">
                <span className="queue-day__name">{long}</span>
                {times.length === 0 ? (
                  <span className="muted">No slots</span>
                ) : (
                  <ul className="queue-chips" aria-label={`${long} slots`}>
                    {times.map((slot) => (
                      <li key={slot.time} className="queue-chip">
                        <span>{slot.time}</span>
                        {editable && (
                          <button
                            type="button"
                            className="queue-chip__remove"
                            aria-label={`Remove ${long} ${slot.time}`}
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
            <SelectField label="Weekday" value={day} onChange={(event) => setDay(event.target.value)}>
              {WEEKDAYS.map(({ day: weekday, long }) => (
                <option key={weekday} value={weekday}>
                  {long}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Time"
              type="time"
              value={time}
              error={addError}
              onChange={(event) => setTime(event.target.value)}
            />
            <Button type="submit">Add slot</Button>
          </form>
        )}
        <section className="queue-suggested" aria-label="Best times">
          <h3 className="queue-suggested__title">Best times</h3>
          <p className="muted">
            {suggested.basis === 'results'
              ? `From your ${suggested.results} published ${name} posts with results, by engagements per impression.`
              : `Best times come from your own results once ${suggested.needed} published ${name} posts have them (${suggested.results} so far). Until then, ${name}’s usual good times.`}
          </p>
          <ul className="queue-chips" aria-label="Suggested slots">
            {suggested.slots.map((slot) => (
              <li key={`${slot.weekday} ${slot.time}`} className="queue-chip queue-chip--suggested">
                {dayName(slot.weekday)} {slot.time}
                {slot.engagement_rate !== null &&
                  ` · ${(slot.engagement_rate * 100).toFixed(1)}% from ${slot.posts} post${slot.posts === 1 ? '' : 's'}`}
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
              onClick={() => save(slots, `${name} slots saved`)}
            >
              Save slots
            </Button>
            <Button
              onClick={() =>
                setSlots(sortSlots(suggested.slots.map(({ weekday, time: at }) => ({ weekday, time: at }))))
              }
            >
              Use suggested
            </Button>
            {!queue.uses_defaults && (
              <Button variant="ghost" onClick={() => save([], `${name} is back to its usual times`)}>
                Use {name}’s times
              </Button>
            )}
            {dirty && (
              <Button variant="ghost" onClick={() => setSlots(queue.slots)}>
                Discard changes
              </Button>
            )}
          </div>
        )}
      </div>
    </Card>
  );
}
