import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { SelectField, TextAreaField } from '#web/components/ui/field.js';
import { describeError } from '#web/lib/error-messages.js';
import { useCannedReplies } from '../api/canned-replies.js';

interface ReplyComposerProps {
  businessId: string;
  value: string;
  onChange: (text: string) => void;
  onSend: (resolve: boolean) => void;
  sending: boolean;
  error: unknown;
  /** Set while a rule's prepared draft is loaded: sending it replaces the draft. */
  reviewingDraft: boolean;
  textareaRef: Ref<HTMLTextAreaElement>;
}

/**
 * The reply box: write, or insert a canned reply or an AI suggestion and edit it, then send (optionally
 * resolving the conversation). Nothing is sent without pressing Send.
 */
export function ReplyComposer(props: ReplyComposerProps) {
  const { businessId, value, onChange, onSend, sending, error, reviewingDraft, textareaRef } = props;
  const { t } = useTranslation('inbox');
  const canned = useCannedReplies(businessId);
  const empty = value.trim() === '';

  return (
    <form
      className="reply-composer"
      aria-label={t('composer.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onSend(false);
      }}
    >
      {Boolean(error) && <Banner tone="danger">{describeError(error)}</Banner>}
      {reviewingDraft && <Banner>{t('composer.reviewingDraft')}</Banner>}
      <TextAreaField
        ref={textareaRef}
        label={t('composer.label')}
        rows={5}
        maxLength={10_000}
        value={value}
        hint={t('composer.hint')}
        onChange={(event) => onChange(event.target.value)}
      />
      <div className="reply-composer__actions">
        {canned.data && canned.data.length > 0 && (
          <SelectField
            label={t('composer.canned')}
            value=""
            onChange={(event) => {
              const reply = canned.data.find((item) => item.id === event.target.value);
              if (reply) onChange(value.trim() ? `${value.trimEnd()}\n\n${reply.body}` : reply.body);
            }}
          >
            <option value="">{t('composer.choose')}</option>
            {canned.data.map((reply) => (
              <option key={reply.id} value={reply.id}>
                {reply.title}
              </option>
            ))}
          </SelectField>
        )}
        <div className="row reply-composer__send">
          <Button type="submit" variant="primary" loading={sending} disabled={empty}>
            {t('composer.send')}
          </Button>
          <Button onClick={() => onSend(true)} disabled={empty || sending}>
            {t('composer.sendResolve')}
          </Button>
        </div>
      </div>
    </form>
  );
}
