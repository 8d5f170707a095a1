import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTENTS, PRIORITIES, SENTIMENTS } from '#shared/ai-tasks.schema.js';
import type { Member } from '#shared/business.schema.js';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { CONVERSATION_STATUSES } from '#shared/inbox.schema.js';
import { Button } from '#web/components/ui/button.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import type { ConversationFilters as Filters } from '../api/query-keys.js';
import { COMMON_LANGUAGES, channelName, languageName } from '../inbox-format.js';

interface ConversationFiltersProps {
  value: Filters;
  onChange: (filters: Filters) => void;
  members: readonly Member[];
}

/**
 * Search and filters of the conversation list. Choices apply at once; the search and label apply on
 * Enter, so the list is not re-fetched on every keystroke.
 */
export function ConversationFilters({ value, onChange, members }: ConversationFiltersProps) {
  const { t, i18n } = useTranslation('inbox');
  const [q, setQ] = useState(value.q ?? '');
  const [label, setLabel] = useState(value.label ?? '');
  const set = <K extends keyof Filters>(key: K, next: string) =>
    onChange({ ...value, [key]: next === '' ? undefined : next });
  const active = Object.entries(value).filter(([key, chosen]) => key !== 'q' && chosen !== undefined).length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...value, q: q.trim() || undefined, label: label.trim() || undefined });
  };

  return (
    <search aria-label={t('filters.label')}>
      <form className="inbox-filters" onSubmit={submit}>
        <div className="inbox-filters__search">
          <TextField
            label={t('filters.search')}
            type="search"
            value={q}
            maxLength={200}
            placeholder={t('filters.searchPlaceholder')}
            onChange={(event) => setQ(event.target.value)}
          />
          <Button type="submit" size="sm">
            {t('filters.submit')}
          </Button>
        </div>
        <details className="inbox-filters__more">
          <summary>{active > 0 ? t('filters.titleActive', { count: active }) : t('filters.title')}</summary>
          <div className="inbox-filters__grid">
            <SelectField
              label={t('filters.status')}
              value={value.status ?? ''}
              onChange={(e) => set('status', e.target.value)}
            >
              <option value="">{t('filters.anyStatus')}</option>
              {CONVERSATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('filters.channel')}
              value={value.channel ?? ''}
              onChange={(e) => set('channel', e.target.value)}
            >
              <option value="">{t('filters.anyChannel')}</option>
              {CHANNEL_IDS.map((channel) => (
                <option key={channel} value={channel}>
                  {channelName(channel)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('filters.priority')}
              value={value.priority ?? ''}
              onChange={(e) => set('priority', e.target.value)}
            >
              <option value="">{t('filters.anyPriority')}</option>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`priority.${priority}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('filters.sentiment')}
              value={value.sentiment ?? ''}
              onChange={(e) => set('sentiment', e.target.value)}
            >
              <option value="">{t('filters.anySentiment')}</option>
              {SENTIMENTS.map((sentiment) => (
                <option key={sentiment} value={sentiment}>
                  {t(`sentiment.${sentiment}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('filters.intent')}
              value={value.intent ?? ''}
              onChange={(e) => set('intent', e.target.value)}
            >
              <option value="">{t('filters.anyIntent')}</option>
              {INTENTS.map((intent) => (
                <option key={intent} value={intent}>
                  {t(`intent.${intent}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('filters.language')}
              value={value.language ?? ''}
              onChange={(e) => set('language', e.target.value)}
            >
              <option value="">{t('filters.anyLanguage')}</option>
              {COMMON_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageName(code, i18n.language)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('filters.assignee')}
              value={value.assignee ?? ''}
              onChange={(e) => set('assignee', e.target.value)}
            >
              <option value="">{t('filters.anyone')}</option>
              <option value="none">{t('filters.unassigned')}</option>
              {members.map((member) => (
                <option key={member.user_id} value={member.user_id}>
                  {member.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('filters.labelFilter')}
              value={label}
              maxLength={40}
              onChange={(event) => setLabel(event.target.value)}
              onBlur={() => set('label', label.trim())}
            />
          </div>
        </details>
      </form>
    </search>
  );
}
