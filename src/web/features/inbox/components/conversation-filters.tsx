import { type FormEvent, useState } from 'react';
import { INTENTS, PRIORITIES, SENTIMENTS } from '#shared/ai-tasks.schema.js';
import type { Member } from '#shared/business.schema.js';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { CONVERSATION_STATUSES } from '#shared/inbox.schema.js';
import { Button } from '#web/components/ui/button.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import type { ConversationFilters as Filters } from '../api/query-keys.js';
import {
  COMMON_LANGUAGES,
  channelName,
  INTENT_LABELS,
  languageName,
  PRIORITY_LABELS,
  SENTIMENT_LABELS,
  STATUS_LABELS,
} from '../inbox-format.js';

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
    <search aria-label="Filter conversations">
      <form className="inbox-filters" onSubmit={submit}>
        <div className="inbox-filters__search">
          <TextField
            label="Search"
            type="search"
            value={q}
            maxLength={200}
            placeholder="Name, handle or words"
            onChange={(event) => setQ(event.target.value)}
          />
          <Button type="submit" size="sm">
            Search
          </Button>
        </div>
        <details className="inbox-filters__more">
          <summary>{active > 0 ? `Filters (${active} on)` : 'Filters'}</summary>
          <div className="inbox-filters__grid">
            <SelectField
              label="Status"
              value={value.status ?? ''}
              onChange={(e) => set('status', e.target.value)}
            >
              <option value="">Any status</option>
              {CONVERSATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Channel"
              value={value.channel ?? ''}
              onChange={(e) => set('channel', e.target.value)}
            >
              <option value="">Any channel</option>
              {CHANNEL_IDS.map((channel) => (
                <option key={channel} value={channel}>
                  {channelName(channel)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Priority"
              value={value.priority ?? ''}
              onChange={(e) => set('priority', e.target.value)}
            >
              <option value="">Any priority</option>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABELS[priority]}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Sentiment"
              value={value.sentiment ?? ''}
              onChange={(e) => set('sentiment', e.target.value)}
            >
              <option value="">Any sentiment</option>
              {SENTIMENTS.map((sentiment) => (
                <option key={sentiment} value={sentiment}>
                  {SENTIMENT_LABELS[sentiment]}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Intent"
              value={value.intent ?? ''}
              onChange={(e) => set('intent', e.target.value)}
            >
              <option value="">Any intent</option>
              {INTENTS.map((intent) => (
                <option key={intent} value={intent}>
                  {INTENT_LABELS[intent]}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Language"
              value={value.language ?? ''}
              onChange={(e) => set('language', e.target.value)}
            >
              <option value="">Any language</option>
              {COMMON_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {languageName(code)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Assignee"
              value={value.assignee ?? ''}
              onChange={(e) => set('assignee', e.target.value)}
            >
              <option value="">Anyone</option>
              <option value="none">Unassigned</option>
              {members.map((member) => (
                <option key={member.user_id} value={member.user_id}>
                  {member.name}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Label"
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
