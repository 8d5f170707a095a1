import { useState } from 'react';
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
import { ACTION_LABELS, MOVE_LABELS, noMoveNote, STATUS_LABELS, STATUS_TONES } from '../content-format.js';

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
          toast(`${ACTION_LABELS[move.action]}: now ${STATUS_LABELS[move.to].toLowerCase()}`);
        },
        onError: (failure) => setError(describeError(failure)),
      },
    );
  };

  return (
    <Card title="Review">
      <div className="stack">
        <p className="row">
          <span className="muted">Status</span>
          <Badge tone={STATUS_TONES[item.status]}>{STATUS_LABELS[item.status]}</Badge>
        </p>
        {moves.length === 0 ? (
          <p className="muted">{noMoveNote(item.status, role)}</p>
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
                {MOVE_LABELS[move.action]}
              </Button>
            ))}
          </div>
        )}
        {dirty && moves.length > 0 && <p className="muted editor-note">Save your changes first.</p>}
        {error && !commenting && <Banner tone="danger">{error}</Banner>}
      </div>
      <Dialog
        open={commenting !== undefined}
        onClose={() => setCommenting(undefined)}
        title="Send back to the writer"
        description="Say what to change; the writer sees it in the item's history."
        footer={
          <>
            <Button variant="ghost" onClick={() => setCommenting(undefined)}>
              Cancel
            </Button>
            <Button
              variant="primary"
              disabled={comment.trim() === ''}
              loading={transition.isPending}
              onClick={() => commenting && run(commenting, comment.trim())}
            >
              Send back
            </Button>
          </>
        }
      >
        <TextAreaField
          label="What to change"
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
