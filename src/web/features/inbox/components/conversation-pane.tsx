import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '#shared/business.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useConversation } from '../api/get-conversation.js';
import { useSendReply } from '../api/send-reply.js';
import { type UpdateConversationInput, useUpdateConversation } from '../api/update-conversation.js';
import { channelName, customerName } from '../inbox-format.js';
import { AiSuggestions } from './ai-suggestions.js';
import { ConversationDetails } from './conversation-details.js';
import { ConversationThread } from './conversation-thread.js';
import { ReplyComposer } from './reply-composer.js';

interface ConversationPaneProps {
  businessId: string;
  conversationId: string;
  members: readonly Member[];
  canReply: boolean;
  replyRef: RefObject<HTMLTextAreaElement | null>;
  /** Back to the list on small screens, where only one pane shows. */
  onBack: () => void;
}

/** The open conversation: its thread and reply box, and beside it the customer and AI panel. */
export function ConversationPane(props: ConversationPaneProps) {
  const { businessId, conversationId, members, canReply, replyRef, onBack } = props;
  const { t } = useTranslation('inbox');
  const thread = useConversation(businessId, conversationId);
  const update = useUpdateConversation(businessId);
  const send = useSendReply(businessId);
  const toast = useToast();
  const [reply, setReply] = useState('');
  const [draftId, setDraftId] = useState<string>();
  // Replies sent from here: the AI suggestions answered the message before, so each reply clears them.
  const [sentCount, setSentCount] = useState(0);
  const threadRef = useRef<HTMLElement>(null);
  const messageCount = thread.data?.messages.length ?? 0;

  // The newest message is at the bottom: on wide screens, where the thread scrolls in its own pane, open
  // it there and follow new ones. (On phones the pane does not scroll, so this changes nothing.)
  useEffect(() => {
    const pane = threadRef.current;
    if (pane && messageCount > 0) pane.scrollTop = pane.scrollHeight;
  }, [messageCount]);

  if (thread.isPending) return <Spinner label={t('pane.loading')} />;
  if (thread.isError) return <Banner tone="danger">{describeError(thread.error)}</Banner>;
  const { conversation, messages } = thread.data;
  const who = customerName(conversation.customer);

  const onUpdate = (changes: UpdateConversationInput) =>
    update.mutateAsync({ id: conversation.id, body: changes }).then(
      () => toast(t(changes.status ? statusToast(changes.status) : 'pane.updated')),
      () => undefined,
    );
  const onSend = (resolve: boolean) =>
    send.mutate(
      {
        messageId: conversation.id,
        body: { body: reply, resolve, ...(draftId ? { draft_id: draftId } : {}) },
      },
      {
        onSuccess: () => {
          setReply('');
          setDraftId(undefined);
          setSentCount((sent) => sent + 1);
          toast(resolve ? t('pane.sentResolved') : t('pane.sent'));
        },
      },
    );

  return (
    <div className="inbox__conversation">
      <section ref={threadRef} className="inbox__thread" aria-labelledby="inbox-thread-title">
        <header className="inbox__thread-header">
          <Button size="sm" variant="ghost" className="inbox__back" onClick={onBack}>
            {t('pane.back')}
          </Button>
          <h2 id="inbox-thread-title" className="inbox__thread-title">
            {who}
            <span className="muted"> · {channelName(conversation.channel)}</span>
          </h2>
        </header>
        <ConversationThread
          messages={messages}
          customer={who}
          onUseDraft={
            canReply
              ? (draft) => {
                  setReply(draft.body);
                  setDraftId(draft.id);
                }
              : undefined
          }
        />
        {canReply ? (
          <ReplyComposer
            businessId={businessId}
            value={reply}
            onChange={setReply}
            onSend={onSend}
            sending={send.isPending}
            error={send.error}
            reviewingDraft={draftId !== undefined}
            textareaRef={replyRef}
          />
        ) : (
          <p className="muted">{t('pane.readOnly')}</p>
        )}
      </section>
      <aside className="inbox__details" aria-label={t('pane.details')}>
        <ConversationDetails
          conversation={conversation}
          members={members}
          canTriage={canReply}
          saving={update.isPending}
          error={update.error}
          onUpdate={onUpdate}
        />
        {canReply && (
          <AiSuggestions
            key={sentCount}
            targetId={conversation.id}
            onInsert={(text) => {
              setReply(text);
              setDraftId(undefined);
              // Straight to the box, so the draft can be edited at once.
              requestAnimationFrame(() => replyRef.current?.focus());
            }}
          />
        )}
      </aside>
    </div>
  );
}

/** The key of what a toast says after a change of status. */
function statusToast(status: NonNullable<UpdateConversationInput['status']>) {
  if (status === 'resolved') return 'pane.resolved';
  if (status === 'snoozed') return 'pane.snoozed';
  return 'pane.reopened';
}
