import { useEffect, useState } from 'react';
import { API } from '#shared/api-paths.js';
import { apiBlob } from './api-client.js';

// Files of the media library reach the page as object URLs: the API serves them to members only, with
// the Bearer token an <img src> cannot send. Each (item, variant, revision) is fetched once and kept while
// there is room, so a grid that re-renders, or the same thumbnail on two screens, costs one request.

/** Object URLs kept before the least recently used is revoked (thumbnails are a few kilobytes each). */
const CACHE_SIZE = 300;
const urls = new Map<string, Promise<string>>();

function keyOf(mediaId: string, variant: string, revision: string): string {
  return `${mediaId}/${variant}@${revision}`;
}

/**
 * An object URL for `variant` (`original` or a rendition id such as `w320.webp`) of a media item.
 * `revision` (the item's `updated_at`) changes when its crops are cut again, so a new focal point shows.
 */
export function mediaObjectUrl(mediaId: string, variant: string, revision: string): Promise<string> {
  const key = keyOf(mediaId, variant, revision);
  const cached = urls.get(key);
  if (cached) {
    // Most recently used last.
    urls.delete(key);
    urls.set(key, cached);
    return cached;
  }
  const path = variant === 'original' ? API.mediaFile(mediaId) : API.mediaRendition(mediaId, variant);
  const url = apiBlob(path).then((blob) => URL.createObjectURL(blob));
  urls.set(key, url);
  // A failure is not kept: the next render tries again.
  url.catch(() => urls.delete(key));
  while (urls.size > CACHE_SIZE) {
    const [oldest, evicted] = urls.entries().next().value as [string, Promise<string>];
    urls.delete(oldest);
    evicted.then((old) => URL.revokeObjectURL(old)).catch(() => undefined);
  }
  return url;
}

/** The object URL of a media file once it has loaded; `failed` when it could not be. */
export function useMediaObjectUrl(
  mediaId: string,
  variant: string | null,
  revision: string,
): { url: string | undefined; failed: boolean } {
  const [state, setState] = useState<{ key: string; url?: string; failed: boolean }>({
    key: '',
    failed: false,
  });
  const key = variant ? keyOf(mediaId, variant, revision) : '';
  useEffect(() => {
    if (!variant) return;
    let live = true;
    mediaObjectUrl(mediaId, variant, revision).then(
      (url) => live && setState({ key, url, failed: false }),
      () => live && setState({ key, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [mediaId, variant, revision, key]);
  return state.key === key ? { url: state.url, failed: state.failed } : { url: undefined, failed: false };
}
