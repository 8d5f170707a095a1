import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelId } from '#shared/channel-ids.js';
import { cropFor, mediaIssues } from '#shared/channel-media.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import type { ContentMedia } from '#shared/content.schema.js';
import { MEDIA_CROPS } from '#shared/media.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { MediaThumbnail } from '#web/components/ui/media-thumbnail.js';
import { mediaIssueText, mediaLimitText } from '#web/lib/channel-issue-text.js';
import { formatNumber } from '#web/lib/workspace-format.js';
import { MediaPickerDialog } from './media-picker-dialog.js';
import { problemDetail } from './problem-detail.js';
import './media.css';
import { channelName } from '#web/lib/channel-name.js';

interface AttachedMediaCardProps {
  businessId: string;
  channel: ChannelId;
  /** The attached items, in publishing order. */
  media: readonly ContentMedia[];
  /** Save a new list (ids in order); the item's version travels with the caller's request. */
  onChange: (mediaIds: string[]) => void;
  pending: boolean;
  error: unknown;
  canEdit: boolean;
}

/**
 * The post's media: what the network takes, the attached items in order with their alt text, and ways to
 * attach more from the library, move one or remove it. What would stop scheduling is said up front.
 */
export function AttachedMediaCard({
  businessId,
  channel,
  media,
  onChange,
  pending,
  error,
  canEdit,
}: AttachedMediaCardProps) {
  const [picking, setPicking] = useState(false);
  const { t } = useTranslation('media');
  const { t: tRules } = useTranslation('channels');
  const ids = media.map((item) => item.id);
  const issues = mediaIssues(channel, media, 'schedule');
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    onChange(next);
  };
  const network = channelName(channel);

  return (
    <Card
      title={t('attached.title')}
      description={t('attached.limits', { network, limits: mediaLimitText(channel, tRules) })}
    >
      <div className="stack">
        {media.length === 0 && <p className="muted">{t('attached.none')}</p>}
        {media.length > 0 && (
          <ol className="attached-media" aria-label={t('attached.list')}>
            {media.map((item, index) => {
              const crop = item.kind === 'image' ? cropFor(channel, item) : null;
              return (
                <li key={item.id} className="attached-media__row">
                  <span className={`attached-media__thumb${crop ? ` attached-media__thumb--${crop}` : ''}`}>
                    <MediaThumbnail
                      mediaId={item.id}
                      rendition={crop ? `${crop}.webp` : item.thumbnail}
                      revision=""
                      kind={item.kind}
                      alt=""
                    />
                  </span>
                  <span className="attached-media__text">
                    <span>{item.name}</span>
                    <span className="muted">
                      {item.alt_text ||
                        (item.kind === 'image' ? t('attached.noAltText') : t('attached.video'))}
                    </span>
                    {crop && <span className="muted">{cropNote(network, channel, crop, t)}</span>}
                  </span>
                  {canEdit && (
                    <span className="attached-media__actions">
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={pending || index === 0}
                        onClick={() => move(index, index - 1)}
                        aria-label={t('attached.earlier', { name: item.name })}
                      >
                        ↑
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={pending || index === media.length - 1}
                        onClick={() => move(index, index + 1)}
                        aria-label={t('attached.later', { name: item.name })}
                      >
                        ↓
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={pending}
                        onClick={() => onChange(ids.filter((id) => id !== item.id))}
                        aria-label={t('attached.removeLabel', { name: item.name })}
                      >
                        {t('attached.remove')}
                      </Button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {issues.length > 0 && (
          <Banner tone="warning" title={t('attached.issues')}>
            <ul>
              {issues.map((issue) => (
                <li key={`${issue.path}-${issue.message}`}>{mediaIssueText(issue, tRules)}</li>
              ))}
            </ul>
          </Banner>
        )}
        {Boolean(error) && <Banner tone="danger">{problemDetail(error)}</Banner>}
        {canEdit && (
          <Button onClick={() => setPicking(true)} loading={pending}>
            {t('attached.add')}
          </Button>
        )}
      </div>
      <MediaPickerDialog
        businessId={businessId}
        open={picking}
        onClose={() => setPicking(false)}
        excludeIds={new Set(ids)}
        onPick={(picked) => {
          setPicking(false);
          onChange([...ids, ...picked.map((item) => item.id)]);
        }}
      />
    </Card>
  );
}

/**
 * Why the picture shown is a crop: the network refuses the image's own shape.
 * @example cropNote('Instagram', 'instagram', 'portrait', t) // 'Sent as its 4:5 crop: Instagram takes shapes from 4:5 to 1.91:1. Move its focal point in the library to choose what shows.'
 */
function cropNote(
  network: string,
  channel: ChannelId,
  crop: keyof typeof MEDIA_CROPS,
  t: TFunction<'media'>,
): string {
  const shape = CHANNEL_RULES[channel].media.imageShape;
  const ratio = MEDIA_CROPS[crop].ratio;
  return shape
    ? t('attached.cropShapes', {
        crop: ratio,
        network,
        min: ratioLabel(shape.min),
        max: ratioLabel(shape.max),
      })
    : t('attached.cropNeeded', { crop: ratio, network });
}

/** 0.8 → "4:5", 1.91 → "1.91:1", 1 → "1:1". */
function ratioLabel(ratio: number): string {
  const crop = Object.values(MEDIA_CROPS).find((candidate) => {
    const [w = 0, h = 1] = candidate.ratio.split(':').map(Number);
    return Math.abs(w / h - ratio) < 0.005;
  });
  return crop?.ratio ?? `${formatNumber(ratio, { maximumFractionDigits: 2 })}:1`;
}
