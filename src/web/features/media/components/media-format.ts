import type { MediaItem } from '#shared/media.schema.js';

const PREVIEWS = ['w640.webp', 'w640.jpg', 'w320.webp', 'w320.jpg'];
const THUMBNAILS = ['w320.webp', 'w320.jpg', 'w640.webp', 'w640.jpg'];

function firstOf(item: Pick<MediaItem, 'renditions'>, ids: readonly string[]): string | null {
  const have = new Set(item.renditions.map((rendition) => rendition.id));
  return ids.find((id) => have.has(id)) ?? null;
}

/** The rendition a grid tile shows (null: the item has none, as video and HEIC do). */
export function thumbnailRendition(item: Pick<MediaItem, 'renditions'>): string | null {
  return firstOf(item, THUMBNAILS);
}

/** The rendition the details panel shows, big enough to place the focal point. */
export function previewRendition(item: Pick<MediaItem, 'renditions'>): string | null {
  return firstOf(item, PREVIEWS);
}
