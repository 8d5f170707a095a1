import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ChannelId } from '#shared/channel-ids.js';
import { cropFor } from '#shared/channel-media.js';
import { CHANNEL_RULES, composePost, countText, validateForChannel } from '#shared/channels.js';
import type { ContentMedia } from '#shared/content.schema.js';
import { MediaThumbnail } from '#web/components/ui/media-thumbnail.js';
import { channelIssueText } from '#web/lib/channel-issue-text.js';
import { formatNumber } from '#web/lib/workspace-format.js';

/** The channels whose post has a title of its own, named as the network names it ("subject" for email). */
const TITLED = ['google_business', 'email', 'pinterest'] as const satisfies readonly ChannelId[];
const isTitled = (channel: ChannelId): channel is (typeof TITLED)[number] =>
  (TITLED as readonly ChannelId[]).includes(channel);

/** The name of the channel's own title field ("subject" for email) in the reader's words, if it has one. */
export function titleLabel(channel: ChannelId, t: TFunction<'content'>): string | undefined {
  return isTitled(channel) ? t(`preview.titleLabels.${channel}`) : CHANNEL_RULES[channel].title?.label;
}

interface ChannelPreviewProps {
  channel: ChannelId;
  author: string;
  title: string;
  body: string;
  hashtags: readonly string[];
  callToAction?: string;
  /** The attached media, in order: shown as the network will get them (its crop where it needs one). */
  media?: readonly ContentMedia[];
}

/**
 * The post as the network will show it, with its length counted the way that network counts (graphemes on
 * Bluesky, weighted on X…) against the limit, and what breaks the network's rules.
 */
export function ChannelPreview({
  channel,
  author,
  title,
  body,
  hashtags,
  callToAction,
  media = [],
}: ChannelPreviewProps) {
  const { t } = useTranslation('content');
  const { t: tRules } = useTranslation('channels');
  const rule = CHANNEL_RULES[channel];
  const published = composePost(body, hashtags);
  const measured = countText(channel, published);
  const overBy = measured.count - measured.limit;
  const issues = validateForChannel(channel, { body, hashtags, ...(rule.title ? { title } : {}) }).filter(
    (issue) => issue.code !== 'empty' && !(issue.field === 'body' && issue.code === 'too_long'),
  );
  return (
    <article
      className={`preview channel--${channel}`}
      aria-label={t('preview.label', { network: rule.name })}
    >
      <header className="preview__header">
        <span className="preview__avatar" aria-hidden="true">
          {author.charAt(0).toUpperCase()}
        </span>
        <span className="preview__author">{author}</span>
        <span className="preview__network">{rule.name}</span>
      </header>
      {rule.title && title && (
        <p className="preview__title">
          <span className="muted">{t('preview.titlePrefix', { label: titleLabel(channel, t) })} </span>
          {title}
        </p>
      )}
      <p className="preview__body">{published || <span className="muted">{t('preview.empty')}</span>}</p>
      {callToAction && !body.includes(callToAction) && <p className="preview__cta">{callToAction}</p>}
      {media.length > 0 && (
        <ul className="preview__media" aria-label={t('preview.media')}>
          {media.map((item) => {
            const crop = item.kind === 'image' ? cropFor(channel, item) : null;
            return (
              <li key={item.id} className={crop ? `preview__media--${crop}` : undefined}>
                <MediaThumbnail
                  mediaId={item.id}
                  rendition={crop ? `${crop}.webp` : item.thumbnail}
                  revision=""
                  kind={item.kind}
                  alt={item.alt_text}
                />
              </li>
            );
          })}
        </ul>
      )}
      <p className={`preview__count${measured.over ? ' preview__count--over' : ''}`}>
        {t('preview.count', {
          used: formatNumber(measured.count),
          limit: formatNumber(measured.limit),
          unit: t(`preview.units.${measured.unit}`),
        })}
        {measured.over && ` — ${t('preview.over', { over: formatNumber(overBy), network: rule.name })}`}
      </p>
      {issues.length > 0 && (
        <ul className="preview__issues">
          {issues.map((issue) => (
            <li key={`${issue.field}-${issue.code}`} className={`preview__issue--${issue.severity}`}>
              {channelIssueText(issue, tRules)}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
