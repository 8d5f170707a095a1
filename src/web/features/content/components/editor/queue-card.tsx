import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { type ContentItem, EVERGREEN_MAX_DAYS, EVERGREEN_MIN_DAYS } from '#shared/content.schema.js';
import { can } from '#shared/roles.js';
import { formatZoned } from '#shared/zoned-time.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { useDuplicateContentItem, useQueueContentItem } from '#web/features/content/api/queue-content.js';
import { useUpdateContentItem } from '#web/features/content/api/update-content-item.js';
import { describeError } from '#web/lib/error-messages.js';

const DEFAULT_EVERGREEN_DAYS = 30;

/**
 * The queue's actions on one item: add it to its channel's next free slot, duplicate it as a new draft,
 * and make it evergreen (a copy is queued again after it is published, at most once every N days).
 */
export function QueueCard({ item, business }: { item: ContentItem; business: Business }) {
  const navigate = useNavigate();
  const toast = useToast();
  const queue = useQueueContentItem(business.id);
  const duplicate = useDuplicateContentItem(business.id);
  const update = useUpdateContentItem(business.id);
  const [error, setError] = useState<string>();
  const [days, setDays] = useState(String(item.evergreen_days ?? DEFAULT_EVERGREEN_DAYS));
  const [daysError, setDaysError] = useState<string>();
  const hintId = useId();
  const writable = can(business.role, 'content.write');
  const schedules = ['approved', 'failed', 'scheduled'].includes(item.status);
  const canQueue =
    writable && item.status !== 'published' && (!schedules || can(business.role, 'content.approve'));
  const editable = writable && item.status !== 'published';

  const addToQueue = async () => {
    setError(undefined);
    try {
      const saved = await queue.mutateAsync({ id: item.id, version: item.version });
      const when = saved.scheduled_at ? formatZoned(saved.scheduled_at, business.time_zone) : '';
      toast(saved.status === 'scheduled' ? `Scheduled for ${when}` : `Planned for ${when}`);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const duplicateItem = async () => {
    setError(undefined);
    try {
      const copy = await duplicate.mutateAsync(item.id);
      toast('Duplicated as a new draft');
      navigate(`/w/${business.id}/content/${copy.id}`);
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const saveEvergreen = async (evergreenDays: number | null) => {
    setError(undefined);
    try {
      await update.mutateAsync({
        id: item.id,
        body: { version: item.version, evergreen_days: evergreenDays },
      });
      toast(
        evergreenDays === null
          ? 'No longer evergreen'
          : `Evergreen: back in the queue ${evergreenDays} days after it goes out`,
      );
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const parsedDays = (): number | undefined => {
    const value = Number(days);
    if (!Number.isInteger(value) || value < EVERGREEN_MIN_DAYS || value > EVERGREEN_MAX_DAYS) {
      setDaysError(`A whole number of days from ${EVERGREEN_MIN_DAYS} to ${EVERGREEN_MAX_DAYS}`);
      return undefined;
    }
    setDaysError(undefined);
    return value;
  };

  return (
    <Card title="Queue">
      <div className="stack">
        {(canQueue || writable) && (
          <div className="row queue-card__actions">
            {canQueue && (
              <Button
                variant="primary"
                size="sm"
                loading={queue.isPending}
                onClick={addToQueue}
                aria-describedby={hintId}
              >
                Add to queue
              </Button>
            )}
            {writable && (
              <Button size="sm" loading={duplicate.isPending} onClick={duplicateItem}>
                Duplicate
              </Button>
            )}
          </div>
        )}
        {canQueue && (
          <p className="muted" id={hintId}>
            {schedules
              ? 'Schedules it at the next free slot of its channel.'
              : 'Plans it at the next free slot of its channel; it goes out once approved and scheduled.'}
          </p>
        )}
        <CheckboxField
          label="Evergreen"
          hint="After it is published, a copy goes back into the queue."
          checked={item.evergreen_days !== null}
          disabled={!editable || update.isPending}
          onChange={(event) => {
            if (!event.target.checked) return void saveEvergreen(null);
            const value = parsedDays();
            if (value !== undefined) void saveEvergreen(value);
          }}
        />
        {editable && (
          <form
            className="row queue-card__evergreen"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const value = parsedDays();
              if (value !== undefined) void saveEvergreen(value);
            }}
          >
            <TextField
              label="At most once every (days)"
              type="number"
              inputMode="numeric"
              min={EVERGREEN_MIN_DAYS}
              max={EVERGREEN_MAX_DAYS}
              value={days}
              error={daysError}
              onChange={(event) => setDays(event.target.value)}
            />
            {item.evergreen_days !== null && String(item.evergreen_days) !== days && (
              <Button type="submit" size="sm" loading={update.isPending}>
                Save gap
              </Button>
            )}
          </form>
        )}
        {item.evergreen_of && <p className="muted">Re-queued from an evergreen post.</p>}
        {error && <Banner tone="danger">{error}</Banner>}
      </div>
    </Card>
  );
}
