import { useTranslation } from 'react-i18next';
import type { Conversation } from '#shared/inbox.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { languageName, PRIORITY_TONES, SENTIMENT_TONES } from '../inbox-format.js';

type Classified = Pick<Conversation, 'priority' | 'sentiment' | 'intent' | 'language'>;

/**
 * Priority, sentiment, intent and language as badges, each named for screen readers ("Sentiment:
 * Negative"). `compact` leaves out a normal or low priority, which is the list's usual case.
 */
export function ClassificationBadges({
  conversation,
  compact = false,
}: {
  conversation: Classified;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation('inbox');
  const { priority, sentiment, intent, language } = conversation;
  return (
    <span className="classification-badges">
      {(!compact || priority === 'high' || priority === 'urgent') && (
        <Badge tone={PRIORITY_TONES[priority]}>
          <span className="visually-hidden">{t('classification.priority')} </span>
          {t(`priority.${priority}`)}
        </Badge>
      )}
      {sentiment && (
        <Badge tone={SENTIMENT_TONES[sentiment]}>
          <span className="visually-hidden">{t('classification.sentiment')} </span>
          {t(`sentiment.${sentiment}`)}
        </Badge>
      )}
      {intent && (
        <Badge tone="accent">
          <span className="visually-hidden">{t('classification.intent')} </span>
          {t(`intent.${intent}`)}
        </Badge>
      )}
      {language && (
        <Badge>
          <span className="visually-hidden">{t('classification.language')} </span>
          <abbr title={languageName(language, i18n.language)}>{language.toUpperCase()}</abbr>
        </Badge>
      )}
    </span>
  );
}
