import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { type ContentItem, EVERGREEN_MAX_DAYS, EVERGREEN_MIN_DAYS } from '#shared/content.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { useDuplicateContentItem, useQueueContentItem } from '#web/features/content/api/queue-content.js';
import { useUpdateContentItem } from '#web/features/content/api/update-content-item.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';

const DEFAULT_EVERGREEN_DAYS = 30;

/**
 * The queue's actions on one item: add it to its channel's next free slot, duplicate it as a new draft,
 * and make it evergreen (a copy is queued again after it is published, at most once every N days).
 */
export function QueueCard({ item, business }: { item: ContentItem; business: Business }) {
  const { t } = useTranslation('content');
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
      const when = saved.scheduled_at ? formatDateTime(saved.scheduled_at) : '';
      toast(
        saved.status === 'scheduled' ? t('queue.scheduledFor', { when }) : t('queue.plannedFor', { when }),
      );
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const duplicateItem = async () => {
    setError(undefined);
    try {
      const copy = await duplicate.mutateAsync(item.id);
      toast(t('queue.duplicated'));
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
        evergreenDays === null ? t('queue.notEvergreen') : t('queue.isEvergreen', { count: evergreenDays }),
      );
    } catch (caught) {
      setError(describeError(caught));
    }
  };

  const parsedDays = (): number | undefined => {
    const value = Number(days);
    if (!Number.isInteger(value) || value < EVERGREEN_MIN_DAYS || value > EVERGREEN_MAX_DAYS) {
      setDaysError(t('queue.gapInvalid', { min: EVERGREEN_MIN_DAYS, max: EVERGREEN_MAX_DAYS }));
      return undefined;
    }
    setDaysError(undefined);
    return value;
  };

  return (
    <Card title={t('queue.title')}>
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
                {t('queue.add')}
              </Button>
            )}
            {writable && (
              <Button size="sm" loading={duplicate.isPending} onClick={duplicateItem}>
                {t('queue.duplicate')}
              </Button>
            )}
          </div>
        )}
        {canQueue && (
          <p className="muted" id={hintId}>
            {schedules ? t('queue.schedulesHint') : t('queue.plansHint')}
          </p>
        )}
        <CheckboxField
          label={t('queue.evergreen')}
          hint={t('queue.evergreenHint')}
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
              label={t('queue.gap')}
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
                {t('queue.saveGap')}
              </Button>
            )}
          </form>
        )}
        {item.evergreen_of && <p className="muted">{t('queue.requeued')}</p>}
        {error && <Banner tone="danger">{error}</Banner>}
      </div>
    </Card>
  );
}
