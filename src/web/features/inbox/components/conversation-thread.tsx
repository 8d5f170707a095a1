import { useTranslation } from 'react-i18next';
import type { Message } from '#shared/inbox.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Button } from '#web/components/ui/button.js';
import { formatDateTime } from '#web/lib/format-date.js';
import { DELIVERY_TONES } from '../inbox-format.js';
import { ClassificationBadges } from './classification-badges.js';

interface ConversationThreadProps {
  messages: readonly Message[];
  customer: string;
  /** Loads a draft a rule prepared into the reply box; absent for people who cannot reply. */
  onUseDraft?: (draft: Message) => void;
}

/** The messages of a conversation, oldest first: the customer's on one side, ours (with delivery) on the other. */
export function ConversationThread({ messages, customer, onUseDraft }: ConversationThreadProps) {
  const { t } = useTranslation('inbox');
  return (
    <ol className="thread" aria-label={t('thread.label')}>
      {messages.map((message) => (
        <li key={message.id} className={`thread__message thread__message--${message.direction}`}>
          <div className="thread__meta">
            <span className="thread__author">
              {message.direction === 'in' ? customer : (message.author ?? t('thread.team'))}
            </span>
            <time dateTime={message.created_at}>{formatDateTime(message.created_at)}</time>
            {/* Private on the network: the answer goes back privately too. */}
            {message.visibility === 'direct' && <Badge tone="accent">{t('thread.directMessage')}</Badge>}
            {message.delivery_status && (
              <Badge tone={DELIVERY_TONES[message.delivery_status]}>
                {t(`delivery.${message.delivery_status}`)}
              </Badge>
            )}
          </div>
          <p className="thread__body">{message.body}</p>
          {message.classification && (
            <div className="thread__classification">
              <ClassificationBadges conversation={message.classification} />
            </div>
          )}
          {message.delivery_status === 'failed' && message.delivery_error && (
            <p className="thread__error">{message.delivery_error}</p>
          )}
          {message.delivery_status === 'draft' && onUseDraft && (
            <div>
              <Button size="sm" onClick={() => onUseDraft(message)}>
                {t('thread.reviewDraft')}
              </Button>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
