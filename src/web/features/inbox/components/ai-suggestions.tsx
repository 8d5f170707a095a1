import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField } from '#web/components/ui/field.js';
import { describeError } from '#web/lib/error-messages.js';
import { useSuggestReplies } from '../api/suggest-replies.js';

interface AiSuggestionsProps {
  /** The conversation the suggestions answer. */
  targetId: string;
  /** Puts a suggestion into the reply box, where it can be edited before sending. */
  onInsert: (text: string) => void;
}

/**
 * Ask for one to three AI drafts in the brand's voice; each names what it relied on (knowledge entries or
 * the brand profile) and can be inserted into the reply box. Drafts are never sent from here; the pane
 * starts afresh (keyed) once a reply is sent, so drafts for a message already answered do not linger.
 */
export function AiSuggestions({ targetId, onInsert }: AiSuggestionsProps) {
  const { t } = useTranslation('inbox');
  const suggest = useSuggestReplies();
  const [count, setCount] = useState(2);
  const result = suggest.data;
  const listRef = useRef<HTMLOListElement>(null);

  // The drafts appear under the button, which may be near the bottom of the screen: bring them into view.
  useEffect(() => {
    if (result) listRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [result]);

  return (
    <Card title={t('suggestions.title')} description={t('suggestions.description')}>
      <div className="ai-suggestions__ask">
        <SelectField
          label={t('suggestions.howMany')}
          value={count}
          onChange={(event) => setCount(Number(event.target.value))}
        >
          {[1, 2, 3].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
        <Button
          variant="primary"
          loading={suggest.isPending}
          onClick={() => suggest.mutate({ messageId: targetId, count })}
        >
          {t('suggestions.suggest')}
        </Button>
      </div>
      {suggest.isError && <Banner tone="danger">{describeError(suggest.error)}</Banner>}
      {result && (
        <>
          <p className="muted ai-suggestions__source">
            {result.offline ? (
              <Badge tone="accent">{t('suggestions.offline')}</Badge>
            ) : (
              t('suggestions.writtenBy', { model: result.model })
            )}
          </p>
          <ol ref={listRef} className="ai-suggestions__list" aria-label={t('suggestions.list')}>
            {result.suggestions.map((suggestion, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one answer's drafts are replaced whole, never reordered.
              <li key={`${result.call_id}-${index}`} className="ai-suggestion">
                <p className="ai-suggestion__body">{suggestion.body}</p>
                <p className="ai-suggestion__relied">
                  {t('suggestions.reliedOn', {
                    sources:
                      suggestion.relied_on.length > 0
                        ? suggestion.relied_on.join(', ')
                        : t('suggestions.brandProfile'),
                  })}
                </p>
                <div>
                  <Button
                    size="sm"
                    onClick={() => onInsert(suggestion.body)}
                    aria-label={t('suggestions.insertLabel', { number: index + 1 })}
                  >
                    {t('suggestions.insert')}
                  </Button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
