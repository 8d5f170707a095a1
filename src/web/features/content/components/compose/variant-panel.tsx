import { useTranslation } from 'react-i18next';
import type { ChannelId } from '#shared/channel-ids.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextAreaField, TextField } from '#web/components/ui/field.js';
import { describeError } from '#web/lib/error-messages.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { useRewriteContent } from '../../api/rewrite-content.js';
import { ChannelPreview } from '../editor/channel-preview.js';
import { splitHashtags } from '../editor/editor-form-schema.js';
import {
  type ComposeDraft,
  checkVariant,
  type VariantDraft,
  variantNoteText,
  variantOf,
} from './compose-draft.js';

interface VariantPanelProps {
  businessId: string;
  author: string;
  draft: ComposeDraft;
  channel: ChannelId;
  /** The server's refusals for this channel from the last attempt. */
  serverErrors: readonly string[];
  onChange: (variant: VariantDraft) => void;
}

/**
 * One network's tab: its own text (the base text until tailored), its hashtags, the count the network's
 * way with what breaks its rules, "Tailor with AI", and the post as the network shows it.
 */
export function VariantPanel({
  businessId,
  author,
  draft,
  channel,
  serverErrors,
  onChange,
}: VariantPanelProps) {
  const { t } = useTranslation('content');
  const { t: tRules } = useTranslation('channels');
  const rule = CHANNEL_RULES[channel];
  const variant = variantOf(draft, channel);
  const { measured, notes } = checkVariant(draft, channel);
  const tailor = useRewriteContent(businessId);
  const source = variant.body.trim() || draft.base.trim();
  const tailorWithAi = () =>
    tailor.mutate(
      { channel, text: source, mode: 'tailor' },
      {
        onSuccess: (result) =>
          onChange({ body: result.output.text, hashtags: [...result.output.hashtags], tailored: true }),
      },
    );

  return (
    <div className="compose-variant">
      <div className="stack">
        <TextAreaField
          label={t('variant.text', { network: rule.name })}
          rows={7}
          value={variant.body}
          hint={variant.tailored ? undefined : t('variant.textHint')}
          onChange={(event) => onChange({ ...variant, body: event.target.value, tailored: true })}
        />
        <TextField
          label={t('variant.hashtags', { network: rule.name })}
          placeholder={rule.maxHashtags === 0 ? t('variant.noHashtags') : t('variant.hashtagsPlaceholder')}
          value={variant.hashtags.join(' ')}
          hint={t('variant.hashtagsHint', { max: rule.maxHashtags, suggested: rule.suggestedHashtags })}
          onChange={(event) =>
            onChange({ ...variant, hashtags: splitHashtags(event.target.value), tailored: true })
          }
        />
        <p className={`compose-count${measured.over ? ' compose-count--over' : ''}`} aria-live="polite">
          {t('variant.count', {
            used: formatNumber(measured.count),
            limit: formatNumber(measured.limit),
            network: rule.name,
          })}
        </p>
        {(notes.length > 0 || serverErrors.length > 0) && (
          <ul className="compose-notes" aria-label={t('variant.checks', { network: rule.name })}>
            {serverErrors.map((message) => (
              <li key={`server-${message}`} className="compose-notes__error">
                {message}
              </li>
            ))}
            {notes.map((note) => (
              // Where the note points and its English sentence (which names every fact) tell notes apart.
              <li
                key={
                  'rule' in note
                    ? `${note.rule.field}-${note.rule.message}`
                    : `${note.media.path}-${note.media.message}`
                }
                className={`compose-notes__${note.severity}`}
              >
                {variantNoteText(note, tRules)}
              </li>
            ))}
          </ul>
        )}
        <div className="row">
          <Button onClick={tailorWithAi} loading={tailor.isPending} disabled={!source}>
            {t('variant.tailor')}
          </Button>
          {variant.tailored && (
            <Button
              variant="ghost"
              onClick={() => onChange({ body: draft.base, hashtags: [], tailored: false })}
            >
              {t('variant.backToBase')}
            </Button>
          )}
        </div>
        {tailor.isError && <Banner tone="danger">{describeError(tailor.error)}</Banner>}
        {tailor.data?.offline && tailor.variables?.channel === channel && (
          <p className="muted">{t('variant.offline')}</p>
        )}
      </div>
      <ChannelPreview
        channel={channel}
        author={author}
        title={draft.title}
        body={variant.body}
        hashtags={variant.hashtags}
        media={draft.media}
      />
    </div>
  );
}
