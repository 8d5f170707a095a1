import { useMediaObjectUrl } from '../../lib/media-files.js';
import './media-thumbnail.css';

interface MediaThumbnailProps {
  mediaId: string;
  /** A rendition id such as `w320.webp`; null for items without one (video, HEIC): a labelled tile. */
  rendition: string | null;
  /** The item's `updated_at`: new crops after a focal point change are fetched again. */
  revision: string;
  kind: 'image' | 'video';
  /** The item's alt text; empty means decorative here, as the item's name is shown beside it. */
  alt: string;
}

/** A library item's small picture, fetched with the session (the API serves files to members only). */
export function MediaThumbnail({ mediaId, rendition, revision, kind, alt }: MediaThumbnailProps) {
  const { url, failed } = useMediaObjectUrl(mediaId, rendition, revision);
  if (!rendition || failed) {
    return (
      <span className="media-thumbnail media-thumbnail--placeholder" role="img" aria-label={alt || kind}>
        {kind === 'video' ? 'Video' : failed ? 'Not loaded' : 'No preview'}
      </span>
    );
  }
  if (!url) return <span className="media-thumbnail media-thumbnail--loading" aria-hidden="true" />;
  return <img className="media-thumbnail" src={url} alt={alt} loading="lazy" draggable={false} />;
}
