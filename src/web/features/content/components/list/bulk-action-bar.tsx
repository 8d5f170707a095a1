import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BulkContentBody,
  BulkContentResult,
  ContentItem,
  ContentStatus,
} from '#shared/content.schema.js';
import { WORKFLOW_MOVES } from '#shared/content-workflow.js';
import { can, type Role } from '#shared/roles.js';
import { isCivilDate, zonedInstant } from '#shared/zoned-time.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { fieldErrorText } from '#web/lib/field-error-text.js';
// Words a refused item's broken media rules from their facts.
import '#web/lib/channel-issue-text.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { bulkChangeContent, useBulkChangeContent } from '../../api/bulk-change-content.js';
import { contentKeys } from '../../api/query-keys.js';
import { itemLabel } from '../content-format.js';

/** The status changes the bar offers (`bulk.statusActions`), each shown only to roles that can make it. */
const STATUS_ACTIONS = ['in_review', 'approved', 'scheduled'] as const satisfies readonly ContentStatus[];

/** The time shifts, named in `bulk.shifts`. */
const SHIFTS = [
  { minutes: 60, name: 'hourLater' },
  { minutes: 1440, name: 'dayLater' },
  { minutes: 10_080, name: 'weekLater' },
  { minutes: -60, name: 'hourEarlier' },
  { minutes: -1440, name: 'dayEarlier' },
  { minutes: -10_080, name: 'weekEarlier' },
] as const;

interface BulkActionBarProps {
  businessId: string;
  role: Role;
  timeZone: string;
  /** The selected items, in the order they are listed. */
  items: readonly ContentItem[];
  campaigns: ReadonlyArray<{ id: string; name: string }>;
  /** After a change went through: the selection is done with. */
  onDone: () => void;
}

/**
 * What can be done to the selected items at once, as the role allows. A change is all or nothing: when
 * any item is refused nothing changes, and each refusal is listed by the item's name. A delete or a time
 * shift offers Undo for a few seconds.
 */
export function BulkActionBar({ businessId, role, timeZone, items, campaigns, onDone }: BulkActionBarProps) {
  const { t } = useTranslation('content');
  const bulk = useBulkChangeContent(businessId);
  const undo = useUndo(businessId);
  const toast = useToast();
  const [refusal, setRefusal] = useState<{ title: string; lines: string[] } | null>(null);
  const [shift, setShift] = useState('');
  const [time, setTime] = useState('');
  const [campaign, setCampaign] = useState('');
  const ids = items.map((item) => item.id);
  const count = items.length;
  const canWrite = can(role, 'content.write');

  const run = (body: BulkContentBody, done: (result: BulkContentResult) => void) => {
    setRefusal(null);
    bulk.mutate(body, {
      onSuccess: (result) => {
        done(result);
        onDone();
      },
      onError: (error) => setRefusal(explainRefusal(error, items, t)),
    });
  };
  const base = { business_id: businessId, ids };

  const submitShift = (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(shift);
    if (!minutes) return;
    run({ ...base, action: 'reschedule', shift_minutes: minutes }, () =>
      undo.offer(
        t('bulk.moved', { count }),
        { ...base, action: 'reschedule', shift_minutes: -minutes },
        (undone) => t('bulk.movedBack', { count: undone }),
      ),
    );
  };
  const submitTime = (event: FormEvent) => {
    event.preventDefault();
    const [date, clock] = time.split('T');
    if (!date || !clock || !isCivilDate(date)) return;
    run({ ...base, action: 'reschedule', scheduled_at: zonedInstant(date, clock, timeZone) }, () =>
      toast(t('bulk.timeSet', { count })),
    );
  };
  const submitCampaign = (event: FormEvent) => {
    event.preventDefault();
    if (!campaign) return;
    const target = campaign === 'none' ? null : campaign;
    const name = campaigns.find((choice) => choice.id === target)?.name;
    run({ ...base, action: 'set_campaign', campaign_id: target }, () =>
      toast(name ? t('bulk.movedToCampaign', { count, campaign: name }) : t('bulk.outOfCampaign', { count })),
    );
  };

  return (
    <section className="bulk-bar" aria-label={t('bulk.label')}>
      <div className="bulk-bar__head">
        <strong aria-live="polite">{t('bulk.selected', { count })}</strong>
        <Button variant="ghost" size="sm" onClick={onDone}>
          {t('bulk.clear')}
        </Button>
      </div>
      <div className="bulk-bar__actions">
        {STATUS_ACTIONS.filter((to) => canMoveTo(role, to)).map((to) => (
          <Button
            key={to}
            size="sm"
            loading={bulk.isPending && bulk.variables?.action === 'set_status' && bulk.variables.to === to}
            onClick={() =>
              run({ ...base, action: 'set_status', to }, () =>
                toast(t(`bulk.statusActions.${to}.done`, { count })),
              )
            }
          >
            {t(`bulk.statusActions.${to}.label`)}
          </Button>
        ))}
        {can(role, 'content.delete') && (
          <Button
            size="sm"
            variant="danger"
            loading={bulk.isPending && bulk.variables?.action === 'delete'}
            onClick={() =>
              run({ ...base, action: 'delete' }, (result) =>
                undo.offer(
                  t('bulk.deleted', { count }),
                  { ...base, ids: result.deleted_ids, action: 'restore' },
                  (undone) => t('bulk.restored', { count: undone }),
                ),
              )
            }
          >
            {t('bulk.delete')}
          </Button>
        )}
      </div>
      {canWrite && (
        <div className="bulk-bar__forms">
          <form className="bulk-bar__form" onSubmit={submitShift}>
            <SelectField
              label={t('bulk.shiftTimes')}
              value={shift}
              onChange={(event) => setShift(event.target.value)}
            >
              <option value="">{t('bulk.choose')}</option>
              {SHIFTS.map(({ minutes, name }) => (
                <option key={minutes} value={minutes}>
                  {t(`bulk.shifts.${name}`)}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={!shift || bulk.isPending}>
              {t('bulk.shift')}
            </Button>
          </form>
          <form className="bulk-bar__form" onSubmit={submitTime}>
            <TextField
              label={t('bulk.time', { zone: timeZone })}
              type="datetime-local"
              value={time}
              onChange={(event) => setTime(event.target.value)}
            />
            <Button type="submit" disabled={!time || bulk.isPending}>
              {t('bulk.setTime')}
            </Button>
          </form>
          <form className="bulk-bar__form" onSubmit={submitCampaign}>
            <SelectField
              label={t('bulk.moveToCampaign')}
              value={campaign}
              onChange={(event) => setCampaign(event.target.value)}
            >
              <option value="">{t('bulk.choose')}</option>
              <option value="none">{t('bulk.noCampaign')}</option>
              {campaigns.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={!campaign || bulk.isPending}>
              {t('bulk.move')}
            </Button>
          </form>
        </div>
      )}
      {refusal && (
        <Banner tone="danger" title={refusal.title}>
          {refusal.lines.length > 0 && (
            <ul className="bulk-bar__refusals">
              {refusal.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </Banner>
      )}
    </section>
  );
}

/** Whether some workflow move into `to` is open to `role` (the server still checks each item). */
function canMoveTo(role: Role, to: ContentStatus): boolean {
  return WORKFLOW_MOVES.some((move) => move.to === to && can(role, move.permission));
}

/**
 * A refused bulk change in a person's words: the summary, and one line per refused item naming it
 * (`body.ids.N` is the item at N in the request).
 */
export function explainRefusal(
  error: unknown,
  items: readonly ContentItem[],
  t: TFunction<'content'>,
): { title: string; lines: string[] } {
  if (!(error instanceof ApiError)) return { title: describeError(error), lines: [] };
  const lines = error.fieldErrors.map((field) => {
    const index = /^body\.ids\.(\d+)$/.exec(field.path)?.[1];
    const item = index === undefined ? undefined : items[Number(index)];
    return item
      ? t('bulk.refusedItem', {
          item: itemLabel(item, t('item.untitled')),
          message: fieldErrorText(field),
        })
      : fieldErrorText(field);
  });
  // The server's summary is "N of M items cannot change", in English: said here from the same counts (an
  // item's media can break several rules, each its own error at the item's path).
  const refused = new Set(error.fieldErrors.map((field) => field.path)).size;
  const title =
    error.code !== 'bulk_failed'
      ? describeError(error)
      : refused > 0
        ? t('bulk.nothingChangedCount', { count: refused, total: formatNumber(items.length) })
        : t('bulk.nothingChanged', { detail: error.detail ?? '' }).trim();
  return { title, lines: error.code === 'bulk_failed' || lines.length > 1 ? lines : [] };
}

/**
 * Offers Undo in a toast after a change; undoing sends `reverse`. It calls the API directly rather than
 * through a mutation of the bar, which is gone by then (the selection was cleared).
 */
function useUndo(businessId: string) {
  const { t } = useTranslation('content');
  const toast = useToast();
  const queryClient = useQueryClient();
  return {
    /** `undone` words what the undo did, for the number of items it changed back. */
    offer(message: string, reverse: BulkContentBody, undone: (count: number) => string) {
      toast(message, 'success', {
        action: {
          label: t('bulk.undo'),
          onAct: () => {
            bulkChangeContent(reverse)
              .then(() => toast(undone(reverse.ids.length)))
              .catch((error: unknown) =>
                toast(t('bulk.undoFailed', { reason: describeError(error) }), 'danger'),
              )
              .finally(() => queryClient.invalidateQueries({ queryKey: contentKeys.workspace(businessId) }));
          },
        },
      });
    },
  };
}
