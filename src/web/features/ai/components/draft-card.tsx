import { useTranslation } from 'react-i18next';
import type { ContentDraft } from '#shared/ai-tasks.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { countText } from '#shared/channels.js';
import { Badge } from '#web/components/ui/badge.js';
import { channelName } from '#web/lib/channel-name.js';
import { formatNumber } from '#web/lib/workspace-format.js';

/** One written variant: its text, length against the channel's limit, and hashtags. */
export function DraftCard({
  draft,
  channel,
  index,
  offline,
}: {
  draft: ContentDraft;
  channel: ChannelId;
  index: number;
  offline: boolean;
}) {
  const measured = countText(channel, draft.body);
  const { t } = useTranslation('ai');
  const variant = t('draft.variant', { number: index + 1 });
  return (
    <article className="ai-draft" aria-label={variant}>
      <header className="ai-draft__header">
        <h3>{draft.title || variant}</h3>
        {offline && <Badge tone="accent">{t('offlineWriter')}</Badge>}
      </header>
      {draft.preheader && <p className="muted">{draft.preheader}</p>}
      <p className="ai-draft__body">{draft.body}</p>
      {draft.thread.map((post, postIndex) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: thread posts are ordered text without ids.
        <p key={postIndex} className="ai-draft__body ai-draft__thread">
          {post}
        </p>
      ))}
      {draft.call_to_action && (
        <p className="ai-draft__cta">
          <span className="muted">{t('draft.callToAction')}</span> {draft.call_to_action}
        </p>
      )}
      {draft.hashtags.length > 0 && (
        <ul className="ai-draft__tags" aria-label={t('draft.hashtags')}>
          {draft.hashtags.map((tag) => (
            <li key={tag}>
              <Badge>{tag.startsWith('#') ? tag : `#${tag}`}</Badge>
            </li>
          ))}
        </ul>
      )}
      <p className={`ai-draft__count${measured.over ? ' ai-draft__count--over' : ''}`}>
        {t(measured.over ? 'draft.lengthOver' : 'draft.length', {
          length: formatNumber(measured.count),
          limit: formatNumber(measured.limit),
          unit: t(`draft.units.${measured.unit}`),
          channel: channelName(channel),
        })}
      </p>
    </article>
  );
}
