import { useTranslation } from 'react-i18next';
import type { Conversation } from '#shared/inbox.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { channelName, customerName } from '../inbox-format.js';
import { ClassificationBadges } from './classification-badges.js';

interface ConversationListProps {
  conversations: readonly Conversation[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** The id of a conversation's button, so j/k can move focus to it. */
export function conversationButtonId(id: string): string {
  return `conversation-${id}`;
}

/**
 * Conversations, urgent first then newest, each a button showing who, where, when, the latest message and
 * its classification; the open one is marked current.
 */
export function ConversationList({ conversations, selectedId, onSelect }: ConversationListProps) {
  const { t } = useTranslation('inbox');
  return (
    <ul className="conversation-list" aria-label={t('list.label')}>
      {conversations.map((conversation) => {
        const latest = conversation.latest_message;
        return (
          <li key={conversation.id}>
            <button
              type="button"
              id={conversationButtonId(conversation.id)}
              className="conversation-list__item"
              aria-current={conversation.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(conversation.id)}
            >
              <span className="conversation-list__head">
                <span className="conversation-list__name">{customerName(conversation.customer)}</span>
                <time className="conversation-list__time" dateTime={conversation.last_message_at}>
                  {formatDateTime(conversation.last_message_at)}
                </time>
              </span>
              <span className="conversation-list__meta">
                {channelName(conversation.channel)}
                {conversation.status !== 'open' && ` · ${t(`status.${conversation.status}`)}`}
                {conversation.labels.length > 0 && ` · ${conversation.labels.join(', ')}`}
              </span>
              {latest && (
                <span className="conversation-list__preview">
                  {latest.direction === 'out' && <span className="muted">{t('list.you')} </span>}
                  {latest.body}
                </span>
              )}
              <span className="row">
                <ClassificationBadges conversation={conversation} compact />
                {conversation.message_count > 1 && (
                  <Badge>{t('list.messages', { count: conversation.message_count })}</Badge>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
