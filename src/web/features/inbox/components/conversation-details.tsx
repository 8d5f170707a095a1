import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '#shared/business.schema.js';
import type { Conversation } from '#shared/inbox.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { TagInput } from '#web/components/ui/tag-input.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatDateTime } from '#web/lib/format-date.js';
import type { UpdateConversationInput } from '../api/update-conversation.js';
import {
  channelName,
  customerName,
  formatSeconds,
  isoToLocalInput,
  localInputToIso,
} from '../inbox-format.js';
import { ClassificationEditor } from './classification-editor.js';

interface ConversationDetailsProps {
  conversation: Conversation;
  members: readonly Member[];
  canTriage: boolean;
  saving: boolean;
  error: unknown;
  onUpdate: (changes: UpdateConversationInput) => Promise<unknown>;
}

/** Who the customer is, how the conversation was classified, and its triage: assignee, labels, snooze, resolve. */
export function ConversationDetails(props: ConversationDetailsProps) {
  const { conversation, members, canTriage, saving, error, onUpdate } = props;
  const { t } = useTranslation('inbox');
  const [snoozeUntil, setSnoozeUntil] = useState(() =>
    isoToLocalInput(new Date(Date.now() + 24 * 3600 * 1000)),
  );
  const { customer } = conversation;
  const resolved = conversation.status === 'resolved';
  const snoozeIso = localInputToIso(snoozeUntil);

  return (
    <Card title={t('details.title')}>
      <div className="stack">
        <dl className="details-list">
          <dt>{t('details.name')}</dt>
          <dd>{customerName(customer)}</dd>
          {customer.handle && (
            <>
              <dt>{t('details.handle')}</dt>
              <dd>{customer.handle}</dd>
            </>
          )}
          <dt>{t('details.channel')}</dt>
          <dd>{channelName(conversation.channel)}</dd>
          <dt>{t('details.status')}</dt>
          <dd>
            <Badge tone={resolved ? 'success' : 'neutral'}>{t(`status.${conversation.status}`)}</Badge>
            {conversation.status === 'snoozed' && conversation.snoozed_until && (
              <span className="muted">
                {' '}
                {t('details.until', { date: formatDateTime(conversation.snoozed_until) })}
              </span>
            )}
          </dd>
          <dt>{t('details.firstResponse')}</dt>
          <dd>
            {conversation.first_response_seconds === null
              ? t('details.noReply')
              : formatSeconds(conversation.first_response_seconds)}
          </dd>
          <dt>{t('details.resolution')}</dt>
          <dd>
            {conversation.resolution_seconds === null
              ? t('details.notResolved')
              : formatSeconds(conversation.resolution_seconds)}
          </dd>
        </dl>
        <ClassificationEditor
          conversation={conversation}
          canEdit={canTriage}
          saving={saving}
          onSave={onUpdate}
        />
        {Boolean(error) && <Banner tone="danger">{describeError(error)}</Banner>}
        {canTriage && (
          <>
            <SelectField
              label={t('details.assignee')}
              value={conversation.assignee_id ?? ''}
              onChange={(event) => void onUpdate({ assignee_id: event.target.value || null })}
            >
              <option value="">{t('details.unassigned')}</option>
              {members.map((member) => (
                <option key={member.user_id} value={member.user_id}>
                  {member.name}
                </option>
              ))}
            </SelectField>
            <TagInput
              label={t('details.labels')}
              value={conversation.labels}
              max={20}
              maxLength={40}
              onChange={(labels) => void onUpdate({ labels })}
            />
            <div className="details-snooze">
              <TextField
                label={t('details.snoozeUntil')}
                type="datetime-local"
                value={snoozeUntil}
                onChange={(event) => setSnoozeUntil(event.target.value)}
              />
              <Button
                disabled={!snoozeIso || saving}
                onClick={() => void onUpdate({ status: 'snoozed', snoozed_until: snoozeIso })}
              >
                {t('details.snooze')}
              </Button>
            </div>
            <div className="row">
              {resolved ? (
                <Button onClick={() => void onUpdate({ status: 'open' })} loading={saving}>
                  {t('details.reopen')}
                </Button>
              ) : (
                <Button
                  variant="primary"
                  onClick={() => void onUpdate({ status: 'resolved' })}
                  loading={saving}
                >
                  {t('details.resolve')}
                </Button>
              )}
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
