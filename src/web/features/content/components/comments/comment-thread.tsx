import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentComment } from '#shared/comments.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import {
  useContentComments,
  useCreateComment,
  useDeleteComment,
  useUpdateComment,
} from '#web/features/content/api/comments.js';
import { ApiError } from '#web/lib/api-error.js';
import { useCurrentUser } from '#web/lib/auth/use-session.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { CommentForm } from './comment-form.js';
import { type Mentionable, splitMentions } from './mention-text.js';
import './comments.css';
import { translateFieldMessage } from '#web/lib/field-messages.js';

interface CommentThreadProps {
  businessId: string;
  itemId: string;
  /** The workspace's members, who can be @mentioned (the page reads them: features do not import each other). */
  members: Mentionable[];
}

/** An error's words for a comment form: the field's own message when the server named the text. */
function formError(error: unknown): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.fieldErrors.length > 0) {
    return error.fieldErrors.map((field) => translateFieldMessage(field.message)).join(' ');
  }
  return describeError(error);
}

/**
 * Review comments on an item: threads one level deep, replies, editing and deleting one's own, and
 * @mentions of members (who are notified). Every member may comment, whatever their role.
 */
export function CommentThread({ businessId, itemId, members: mentionable }: CommentThreadProps) {
  const { t } = useTranslation('content');
  const comments = useContentComments(businessId, itemId);
  const create = useCreateComment(businessId, itemId);
  const me = useCurrentUser();
  const all = comments.data?.items ?? [];
  const threads = all.filter((comment) => comment.parent_id === null);
  const repliesTo = (id: string) => all.filter((comment) => comment.parent_id === id);
  return (
    <Card title={t('comments.title')}>
      {comments.isError && <Banner tone="danger">{describeError(comments.error)}</Banner>}
      {comments.isPending && <p className="muted">{t('comments.loading')}</p>}
      {comments.isSuccess && threads.length === 0 && <p className="muted">{t('comments.empty')}</p>}
      {threads.length > 0 && (
        <ol className="comment-list" aria-label={t('comments.threads')}>
          {threads.map((thread) => (
            <li key={thread.id} className="comment-thread">
              <CommentView
                comment={thread}
                businessId={businessId}
                itemId={itemId}
                mine={thread.author?.id === me.id}
                members={mentionable}
              />
              <Replies
                thread={thread}
                replies={repliesTo(thread.id)}
                businessId={businessId}
                itemId={itemId}
                myId={me.id}
                members={mentionable}
              />
            </li>
          ))}
        </ol>
      )}
      <CommentForm
        label={t('comments.add')}
        submitLabel={t('comments.submit')}
        members={mentionable}
        pending={create.isPending}
        error={formError(create.error)}
        onSubmit={(body, mentions) => create.mutateAsync({ body, mentions })}
      />
    </Card>
  );
}

function Replies({
  thread,
  replies,
  businessId,
  itemId,
  myId,
  members,
}: {
  thread: ContentComment;
  replies: ContentComment[];
  businessId: string;
  itemId: string;
  myId: string;
  members: Mentionable[];
}) {
  const { t } = useTranslation('content');
  const [replying, setReplying] = useState(false);
  const create = useCreateComment(businessId, itemId);
  return (
    <>
      {replies.length > 0 && (
        <ol className="comment-list comment-list--replies" aria-label={t('comments.replies')}>
          {replies.map((reply) => (
            <li key={reply.id}>
              <CommentView
                comment={reply}
                businessId={businessId}
                itemId={itemId}
                mine={reply.author?.id === myId}
                members={members}
              />
            </li>
          ))}
        </ol>
      )}
      {replying ? (
        <CommentForm
          label={t('comments.yourReply')}
          submitLabel={t('comments.reply')}
          members={members}
          pending={create.isPending}
          error={formError(create.error)}
          onSubmit={async (body, mentions) => {
            await create.mutateAsync({ body, mentions, parent_id: thread.id });
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <Button size="sm" variant="ghost" onClick={() => setReplying(true)}>
          {t('comments.reply')}
        </Button>
      )}
    </>
  );
}

function CommentView({
  comment,
  businessId,
  itemId,
  mine,
  members,
}: {
  comment: ContentComment;
  businessId: string;
  itemId: string;
  mine: boolean;
  members: Mentionable[];
}) {
  const { t } = useTranslation('content');
  const [editing, setEditing] = useState(false);
  const update = useUpdateComment(businessId, itemId);
  const remove = useDeleteComment(businessId, itemId);
  if (comment.deleted) {
    return (
      <article id={`comment-${comment.id}`} className="comment">
        <p className="muted">{t('comments.deleted')}</p>
      </article>
    );
  }
  const author = comment.author?.name ?? t('comments.formerMember');
  return (
    <article id={`comment-${comment.id}`} className="comment" aria-label={t('comments.by', { author })}>
      <p className="comment__meta">
        <strong>{author}</strong>{' '}
        <span className="muted">
          {formatDateTime(comment.created_at)}
          {comment.updated_at !== comment.created_at ? t('comments.edited') : ''}
        </span>
      </p>
      {editing ? (
        <CommentForm
          label={t('comments.editLabel')}
          submitLabel={t('comments.save')}
          members={members}
          initialText={comment.body}
          initialMentions={comment.mentions}
          pending={update.isPending}
          error={formError(update.error)}
          onSubmit={async (body, mentions) => {
            await update.mutateAsync({ id: comment.id, body, mentions });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="comment__body">
          {splitMentions(comment.body, comment.mentions).map((part, index) =>
            part.mention ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one text have no other identity
              <strong key={index} className="comment__mention">
                {part.text}
              </strong>
            ) : (
              part.text
            ),
          )}
        </p>
      )}
      {mine && !editing && (
        <div className="row">
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            {t('comments.edit')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            loading={remove.isPending}
            onClick={() => remove.mutate(comment.id)}
          >
            {t('comments.delete')}
          </Button>
        </div>
      )}
      {remove.isError && <Banner tone="danger">{describeError(remove.error)}</Banner>}
    </article>
  );
}
