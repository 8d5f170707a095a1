import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTENTS, PRIORITIES, SENTIMENTS } from '#shared/ai-tasks.schema.js';
import type { Conversation, Intent, Priority, Sentiment } from '#shared/inbox.schema.js';
import { Button } from '#web/components/ui/button.js';
import { SelectField } from '#web/components/ui/field.js';
import type { UpdateConversationInput } from '../api/update-conversation.js';
import { COMMON_LANGUAGES, languageName } from '../inbox-format.js';
import { ClassificationBadges } from './classification-badges.js';

interface ClassificationEditorProps {
  conversation: Conversation;
  canEdit: boolean;
  saving: boolean;
  onSave: (changes: UpdateConversationInput) => Promise<unknown>;
}

/** The classifier's verdict as badges, with a form to correct it by hand. */
export function ClassificationEditor({ conversation, canEdit, saving, onSave }: ClassificationEditorProps) {
  const { t, i18n } = useTranslation('inbox');
  const [editing, setEditing] = useState(false);
  const [priority, setPriority] = useState<Priority>(conversation.priority);
  const [sentiment, setSentiment] = useState<Sentiment | ''>(conversation.sentiment ?? '');
  const [intent, setIntent] = useState<Intent | ''>(conversation.intent ?? '');
  const [language, setLanguage] = useState(conversation.language ?? '');
  const languages =
    COMMON_LANGUAGES.includes(language as never) || !language
      ? COMMON_LANGUAGES
      : [language, ...COMMON_LANGUAGES];
  const classified = conversation.sentiment !== null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const changes: UpdateConversationInput = { priority };
    if (sentiment) changes.sentiment = sentiment;
    if (intent) changes.intent = intent;
    if (language) changes.language = language;
    await onSave(changes);
    setEditing(false);
  };

  if (!editing) {
    return (
      <div className="stack stack--tight">
        <div className="row">
          <ClassificationBadges conversation={conversation} />
          {!classified && <span className="muted">{t('classification.notYet')}</span>}
        </div>
        {canEdit && (
          <div>
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
              {t('classification.correct')}
            </Button>
          </div>
        )}
      </div>
    );
  }
  return (
    <form className="classification-editor" aria-label={t('classification.correct')} onSubmit={submit}>
      <SelectField
        label={t('filters.priority')}
        value={priority}
        onChange={(e) => setPriority(e.target.value as Priority)}
      >
        {PRIORITIES.map((value) => (
          <option key={value} value={value}>
            {t(`priority.${value}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('filters.sentiment')}
        value={sentiment}
        onChange={(e) => setSentiment(e.target.value as Sentiment)}
      >
        {!sentiment && <option value="">{t('classification.notClassified')}</option>}
        {SENTIMENTS.map((value) => (
          <option key={value} value={value}>
            {t(`sentiment.${value}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('filters.intent')}
        value={intent}
        onChange={(e) => setIntent(e.target.value as Intent)}
      >
        {!intent && <option value="">{t('classification.notClassified')}</option>}
        {INTENTS.map((value) => (
          <option key={value} value={value}>
            {t(`intent.${value}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('filters.language')}
        value={language}
        onChange={(e) => setLanguage(e.target.value)}
      >
        {!language && <option value="">{t('classification.notClassified')}</option>}
        {languages.map((code) => (
          <option key={code} value={code}>
            {languageName(code, i18n.language)}
          </option>
        ))}
      </SelectField>
      <div className="row">
        <Button type="submit" size="sm" variant="primary" loading={saving}>
          {t('classification.save')}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
          {t('classification.cancel')}
        </Button>
      </div>
    </form>
  );
}
