import { useState } from 'react';
import type { ChannelId } from '#shared/channel-ids.js';
import { cropFor, mediaIssues, mediaLimitSummary } from '#shared/channel-media.js';
import { CHANNEL_RULES } from '#shared/channels.js';
import type { ContentMedia } from '#shared/content.schema.js';
import { MEDIA_CROPS } from '#shared/media.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { MediaThumbnail } from '#web/components/ui/media-thumbnail.js';
import { MediaPickerDialog } from './media-picker-dialog.js';
import { problemDetail } from './problem-detail.js';
import './media.css';

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
  const ids = media.map((item) => item.id);
  const issues = mediaIssues(channel, media, 'schedule');
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [moved] = next.splice(from, 1);
    if (moved) next.splice(to, 0, moved);
    onChange(next);
  };
  const network = CHANNEL_RULES[channel].name;

  return (
    <Card title="Media" description={`${network}: ${mediaLimitSummary(channel)}`}>
      <div className="stack">
        {media.length === 0 && <p className="muted">No media attached.</p>}
        {media.length > 0 && (
          <ol className="attached-media" aria-label="Attached media">
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
                      {item.alt_text || (item.kind === 'image' ? 'No alt text yet' : 'Video')}
                    </span>
                    {crop && <span className="muted">{cropNote(network, channel, crop)}</span>}
                  </span>
                  {canEdit && (
                    <span className="attached-media__actions">
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={pending || index === 0}
                        onClick={() => move(index, index - 1)}
                        aria-label={`Move ${item.name} earlier`}
                      >
                        ↑
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={pending || index === media.length - 1}
                        onClick={() => move(index, index + 1)}
                        aria-label={`Move ${item.name} later`}
                      >
                        ↓
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={pending}
                        onClick={() => onChange(ids.filter((id) => id !== item.id))}
                        aria-label={`Remove ${item.name}`}
                      >
                        Remove
                      </Button>
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {issues.length > 0 && (
          <Banner tone="warning" title="Before this can be scheduled">
            <ul>
              {issues.map((issue) => (
                <li key={`${issue.path}-${issue.code}`}>{issue.message}</li>
              ))}
            </ul>
          </Banner>
        )}
        {Boolean(error) && <Banner tone="danger">{problemDetail(error)}</Banner>}
        {canEdit && (
          <Button onClick={() => setPicking(true)} loading={pending}>
            Add from library
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
 * @example cropNote('Instagram', 'instagram', 'portrait') // 'Sent as its 4:5 crop: Instagram takes shapes from 4:5 to 1.91:1. Move its focal point in the library to choose what shows.'
 */
function cropNote(network: string, channel: ChannelId, crop: keyof typeof MEDIA_CROPS): string {
  const shape = CHANNEL_RULES[channel].media.imageShape;
  const range = shape
    ? ` takes shapes from ${ratioLabel(shape.min)} to ${ratioLabel(shape.max)}`
    : ' needs it';
  return `Sent as its ${MEDIA_CROPS[crop].ratio} crop: ${network}${range}. Move its focal point in the library to choose what shows.`;
}

/** 0.8 → "4:5", 1.91 → "1.91:1", 1 → "1:1". */
function ratioLabel(ratio: number): string {
  const crop = Object.values(MEDIA_CROPS).find((candidate) => {
    const [w = 0, h = 1] = candidate.ratio.split(':').map(Number);
    return Math.abs(w / h - ratio) < 0.005;
  });
  return crop?.ratio ?? `${Number(ratio.toFixed(2))}:1`;
}
