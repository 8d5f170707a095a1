import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentItem } from '#shared/content.schema.js';
import { movesFor, type WorkflowMove } from '#shared/content-workflow.js';
import type { Role } from '#shared/roles.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { Dialog } from '#web/components/ui/dialog.js';
import { TextAreaField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { useTransitionContentItem } from '#web/features/content/api/transition-content-item.js';
import { describeError } from '#web/lib/error-messages.js';
import { noMoveNote, STATUS_TONES } from '../content-format.js';

interface WorkflowControlsProps {
  item: ContentItem;
  role: Role;
  /** Unsaved edits block moves: what gets reviewed must be what is saved. */
  dirty: boolean;
  /** The publishing time typed in the form, for scheduling an item that has none yet. */
  scheduledAt: string | null;
}

/** The status and the moves my role can make from it, as the shared workflow rules say. */
export function WorkflowControls({ item, role, dirty, scheduledAt }: WorkflowControlsProps) {
  const { t } = useTranslation('content');
  const transition = useTransitionContentItem(item.business_id, item.id);
  const toast = useToast();
  const [commenting, setCommenting] = useState<WorkflowMove>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const moves = movesFor(item.status, role);

  const run = (move: WorkflowMove, withComment?: string) => {
    setError(undefined);
    const when = move.action === 'scheduled' ? (scheduledAt ?? undefined) : undefined;
    transition.mutate(
      { to: move.to, version: item.version, comment: withComment || undefined, scheduled_at: when },
      {
        onSuccess: () => {
          setCommenting(undefined);
          setComment('');
          toast(
            t('workflow.moved', {
              action: t(`action.${move.action}`),
              status: t(`statusInSentence.${move.to}`),
            }),
          );
        },
        onError: (failure) => setError(describeError(failure)),
      },
    );
  };

  return (
    <Card title={t('workflow.title')}>
      <div className="stack">
        <p className="row">
          <span className="muted">{t('workflow.status')}</span>
          <Badge tone={STATUS_TONES[item.status]}>{t(`status.${item.status}`)}</Badge>
        </p>
        {moves.length === 0 ? (
          <p className="muted">{t(`noMove.${noMoveNote(item.status, role)}`)}</p>
        ) : (
          <div className="row">
            {moves.map((move) => (
              <Button
                key={move.action}
                size="sm"
                variant={move.action === 'approved' || move.action === 'submitted' ? 'primary' : 'secondary'}
                disabled={dirty || transition.isPending}
                loading={transition.isPending && transition.variables?.to === move.to && !commenting}
                onClick={() => (move.comment === 'required' ? setCommenting(move) : run(move))}
              >
                {t(`move.${move.action}`)}
              </Button>
            ))}
          </div>
        )}
        {dirty && moves.length > 0 && <p className="muted editor-note">{t('workflow.saveFirst')}</p>}
        {error && !commenting && <Banner tone="danger">{error}</Banner>}
      </div>
      <Dialog
        open={commenting !== undefined}
        onClose={() => setCommenting(undefined)}
        title={t('workflow.sendBackTitle')}
        description={t('workflow.sendBackDescription')}
        footer={
          <>
            <Button variant="ghost" onClick={() => setCommenting(undefined)}>
              {t('workflow.cancel')}
            </Button>
            <Button
              variant="primary"
              disabled={comment.trim() === ''}
              loading={transition.isPending}
              onClick={() => commenting && run(commenting, comment.trim())}
            >
              {t('workflow.sendBack')}
            </Button>
          </>
        }
      >
        <TextAreaField
          label={t('workflow.whatToChange')}
          rows={4}
          maxLength={2000}
          value={comment}
          error={error}
          onChange={(event) => setComment(event.target.value)}
        />
      </Dialog>
    </Card>
  );
}
