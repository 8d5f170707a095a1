import { useTranslation } from 'react-i18next';
import type { ContentItem } from '#shared/content.schema.js';
import { type CivilDate, localTime, zonedInstant } from '#shared/zoned-time.js';
import { useToast } from '#web/components/ui/toast.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { dateTimeFormat } from '#web/lib/workspace-format.js';
import { useUpdateContentItem } from '../api/update-content-item.js';

/**
 * Moves an item to another day at the same local time, from the version on screen. When someone else
 * changed it meanwhile (409), the calendar reloads and says so instead of overwriting their change.
 */
export function useReschedule(businessId: string, timeZone: string) {
  const update = useUpdateContentItem(businessId);
  const toast = useToast();
  const { t } = useTranslation('content');
  const reschedule = (item: ContentItem, date: CivilDate) => {
    if (!item.scheduled_at) return;
    const scheduledAt = zonedInstant(date, localTime(item.scheduled_at, timeZone), timeZone);
    if (scheduledAt === new Date(item.scheduled_at).toISOString()) return;
    update.mutate(
      { id: item.id, body: { version: item.version, scheduled_at: scheduledAt } },
      {
        onSuccess: () =>
          toast(
            t('calendar.moved', {
              when: dateTimeFormat({ dateStyle: 'full', timeStyle: 'short' }).format(new Date(scheduledAt)),
            }),
          ),
        onError: (error) =>
          toast(
            error instanceof ApiError && error.code === 'version_conflict'
              ? t('calendar.conflict')
              : describeError(error),
            'danger',
          ),
      },
    );
  };
  return { reschedule, pendingId: update.isPending ? update.variables?.id : undefined };
}
